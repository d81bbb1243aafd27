import { type MatchRule, type Template, TemplateFieldsSchema } from '@arende/contracts';
import { z } from 'zod';
import { CompiledRules, type MatchMessage, patternError } from './rules.js';

type RuleInput = NonNullable<z.input<typeof TemplateFieldsSchema>['rules']>;

function template(id: string, rules: RuleInput, extra: Partial<z.input<typeof TemplateFieldsSchema>> = {}): Template {
  return {
    ...TemplateFieldsSchema.parse({ title: id, rules, ...extra }),
    id,
    version: 1,
    updatedAt: '2026-11-23T09:00:00.000Z',
  };
}

function message(fields: Partial<MatchMessage>): MatchMessage {
  return { channel: 'email', subject: '', body: '', from: '', to: [], ...fields };
}

const keywords = (field: MatchRule['conditions'][number]['field'], ...words: string[]): RuleInput[number] => ({
  conditions: [{ field, match: 'keywords', keywords: words }],
});
const regex = (field: MatchRule['conditions'][number]['field'], pattern: string): RuleInput[number] => ({
  conditions: [{ field, match: 'regex', pattern }],
});

describe('keywords', () => {
  const rules = new CompiledRules([
    template('snorojning', [keywords('subject', 'snöröjning', 'plogning')]),
    template('snorojning-prefix', [keywords('body', 'snöröj*')]),
    template('phrase', [keywords('body', 'inte sandat')]),
  ]);
  const matched = (fields: Partial<MatchMessage>) => rules.match(message(fields)).template?.id ?? null;

  it('match whole words whatever the case, Swedish letters included', () => {
    expect(matched({ subject: 'Ingen SNÖRÖJNING på Storgatan!' })).toBe('snorojning');
    expect(matched({ subject: 'Plogning, när?' })).toBe('snorojning');
  });

  it('do not match inside a longer word, nor split a word at å, ä or ö', () => {
    expect(matched({ subject: 'Snöröjningen är dålig' })).toBeNull();
    expect(matched({ subject: 'snöröjningsplan' })).toBeNull();
  });

  it('with a trailing * match any word beginning so', () => {
    expect(matched({ body: 'Snöröjningen har inte kommit' })).toBe('snorojning-prefix');
    expect(matched({ body: 'ingen snö röjd' })).toBeNull();
  });

  it('as a phrase match the words in a row only', () => {
    expect(matched({ body: 'Trottoaren är INTE   sandat.' })).toBe('phrase');
    expect(matched({ body: 'sandat är det inte' })).toBeNull();
  });
});

describe('every field', () => {
  const rules = new CompiledRules([
    template('subject', [keywords('subject', 'faktura')]),
    template('body', [keywords('body', 'vattenläcka')]),
    template('from', [keywords('from', 'nyhetsbrev@leverantor.se')]),
    template('to', [regex('to', '^bygglov@solna\\.se$')]),
    template('channel', [keywords('channel', 'sms')]),
  ]);
  it.each([
    [{ subject: 'Fråga om faktura' }, 'subject'],
    [{ body: 'Det är en vattenläcka i källaren' }, 'body'],
    [{ from: 'Nyhetsbrev@Leverantor.se' }, 'from'],
    [{ to: ['kundtjanst@solna.se', 'BYGGLOV@solna.se'] }, 'to'],
    [{ channel: 'sms' as const }, 'channel'],
  ])('%j matches the %s rule', (fields, expected) => {
    expect(rules.match(message(fields)).template?.id).toBe(expected);
  });

  it('and nothing matches a message none of them fits', () => {
    expect(rules.match(message({ subject: 'Hej', from: 'anna@example.se' }))).toEqual({
      template: null,
      reason: null,
      alarm: null,
      skipped: [],
    });
  });
});

describe('order', () => {
  it('tries templates by position and rules in order; the first that holds wins and is the reason', () => {
    const rules = new CompiledRules([
      template('late', [keywords('subject', 'gata')], { position: 20 }),
      template('early', [keywords('subject', 'park'), regex('subject', 'gat(a|or)'), keywords('subject', 'gata')], {
        position: 10,
      }),
    ]);
    const outcome = rules.match(message({ subject: 'Trasig gata' }));
    expect(outcome.template?.id).toBe('early');
    expect(outcome.reason).toEqual({ ruleIndex: 1, ruleName: '', conditions: [{ field: 'subject', matched: 'gata' }] });
  });

  it('needs every condition of a rule', () => {
    const rules = new CompiledRules([
      template('both', [
        {
          name: 'Snö via e-post',
          conditions: [
            { field: 'channel', match: 'keywords', keywords: ['email'] },
            { field: 'body', match: 'regex', pattern: 'sn[öo]' },
          ],
        },
      ]),
    ]);
    expect(rules.match(message({ channel: 'sms', body: 'snö' })).template).toBeNull();
    expect(rules.match(message({ channel: 'email', body: 'SNÖ' })).reason).toEqual({
      ruleIndex: 0,
      ruleName: 'Snö via e-post',
      conditions: [
        { field: 'channel', matched: 'email' },
        { field: 'body', matched: 'SNÖ' },
      ],
    });
  });

  it('passes over inactive templates', () => {
    const rules = new CompiledRules([
      template('off', [keywords('subject', 'gata')], { active: false }),
      template('on', [keywords('subject', 'gata')], { position: 5 }),
    ]);
    expect(rules.match(message({ subject: 'gata' })).template?.id).toBe('on');
  });
});

describe('regular expressions', () => {
  it('are refused when RE2 cannot run them in linear time', () => {
    expect(patternError('(?<=kund)tjänst')).toMatch(/invalid/);
    expect(patternError('(\\w+)\\s\\1')).toMatch(/invalid/);
    expect(patternError('inte\\s+(plogat|sandat)')).toBeNull();
  });

  it('skip and report a rule that does not compile, and go on to the next', () => {
    const rules = new CompiledRules([
      template('broken', [regex('subject', '(?=x)'), keywords('subject', 'gata')]),
      template('next', [keywords('subject', 'gata')], { position: 1 }),
    ]);
    expect(rules.broken.map((rule) => [rule.templateId, rule.ruleIndex])).toEqual([['broken', 0]]);
    expect(rules.broken[0].error).toMatch(/refused/);
    const outcome = rules.match(message({ subject: 'gata' }));
    expect(outcome.template?.id).toBe('broken');
    expect(outcome.reason?.ruleIndex).toBe(1);
    expect(outcome.skipped).toEqual(rules.broken);
  });

  it('do not stall on a pattern that backtracks catastrophically elsewhere', () => {
    const evil = '(a+)+$';
    const text = `${'a'.repeat(50_000)}!`;
    // The same pattern and text would take a backtracking engine longer than the age of the universe.
    const rules = new CompiledRules([
      template('evil', [regex('body', evil)]),
      template('x', [regex('body', '(x|xx)+y')]),
    ]);
    const started = performance.now();
    expect(rules.match(message({ body: text })).template).toBeNull();
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('alarm', () => {
  it('is raised by an alarm word in the subject or body of the matched template, or by every case without words', () => {
    const rules = new CompiledRules([
      template('vatten', [keywords('body', 'vatten*')], {
        alarm: { enabled: true, keywords: ['vattenläcka', 'översvämning'] },
      }),
      template('hot', [keywords('subject', 'hot')], { alarm: { enabled: true }, position: 1 }),
    ]);
    expect(rules.match(message({ subject: 'Översvämning', body: 'vattnet' })).template).toBeNull();
    expect(rules.match(message({ subject: 'Översvämning', body: 'vattnet stiger' })).alarm).toBeNull();
    expect(rules.match(message({ subject: 'ÖVERSVÄMNING', body: 'vattenledningen' })).alarm).toEqual({
      keywords: ['översvämning'],
    });
    expect(rules.match(message({ subject: 'Hot mot personal' })).alarm).toEqual({ keywords: [] });
  });
});
