import RE2 from 're2';
import type { MatchField, MatchInputSchema, Template } from '@arende/contracts';
import type { z } from 'zod';
import { FieldWords, type Keyword, parseKeyword, wordsOf } from './words.js';

export type MatchMessage = z.output<typeof MatchInputSchema>;

/** RE2: linear time in the text, so no pattern can stall matching; look-around and back-references are refused. */
const FLAGS = 'iu';
/** The recipients are tested one per line, so ^ and $ anchor to one address. */
const flagsFor = (field: MatchField) => (field === 'to' ? 'ium' : FLAGS);

/** Why a pattern cannot be used, or null when RE2 accepts it. */
export function patternError(pattern: string): string | null {
  try {
    new RE2(pattern, FLAGS);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

type Condition =
  | { field: MatchField; kind: 'keywords'; keywords: Keyword[] }
  | { field: MatchField; kind: 'regex'; regex: RE2; slot: number };

interface Rule {
  index: number;
  name: string;
  conditions: Condition[];
  /** Set when the rule could not be compiled; it is then passed over and reported. */
  broken?: SkippedRule;
}

interface CompiledTemplate {
  template: Template;
  rules: Rule[];
  alarmKeywords: Keyword[];
}

export interface MatchReason {
  ruleIndex: number;
  ruleName: string;
  conditions: Array<{ field: MatchField; matched: string }>;
}

export interface SkippedRule {
  templateId: string;
  ruleIndex: number;
  error: string;
}

export interface MatchOutcome {
  template: Template | null;
  reason: MatchReason | null;
  alarm: { keywords: string[] } | null;
  skipped: SkippedRule[];
}

/** Per field, every regular expression of every rule in one RE2 set: one pass over the text answers them all. */
class PatternSet {
  readonly patterns: string[] = [];
  private set: InstanceType<typeof RE2.Set> | null = null;

  constructor(private readonly flags: string) {}

  add(pattern: string): number {
    this.patterns.push(pattern);
    return this.patterns.length - 1;
  }

  seal(): void {
    if (this.patterns.length > 0) this.set = new RE2.Set(this.patterns, this.flags);
  }

  /** The slots whose pattern occurs in the text. */
  matching(text: string): Set<number> {
    return new Set(this.set ? this.set.match(text) : []);
  }
}

/**
 * The rules of every active template, compiled once. Templates are tried in position order and, within one,
 * rules in their order; the first rule whose conditions all hold picks the template.
 */
export class CompiledRules {
  private readonly templates: CompiledTemplate[];
  private readonly sets = new Map<MatchField, PatternSet>();
  /** Rules that did not compile, for the log. */
  readonly broken: SkippedRule[] = [];

  constructor(templates: readonly Template[]) {
    const active = templates
      .filter((template) => template.active)
      .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.templates = active.map((template) => ({
      template,
      rules: template.rules.map((rule, index) => this.compileRule(template.id, rule, index)),
      alarmKeywords: template.alarm.keywords.map(parseKeyword),
    }));
    for (const [field, set] of this.sets) {
      try {
        set.seal();
      } catch (error) {
        // Each pattern compiled alone; should the set still refuse them, no rule on the field can be trusted.
        this.sets.set(field, new PatternSet(flagsFor(field)));
        this.breakField(field, `The patterns of ${field} could not be combined: ${String(error)}`);
      }
    }
  }

  get size(): number {
    return this.templates.length;
  }

  match(message: MatchMessage): MatchOutcome {
    const view = new MessageView(message, this.sets);
    const skipped: SkippedRule[] = [];
    for (const compiled of this.templates) {
      for (const rule of compiled.rules) {
        if (rule.broken) {
          skipped.push(rule.broken);
          continue;
        }
        let holds: boolean;
        try {
          holds = rule.conditions.every((condition) => view.holds(condition));
        } catch (error) {
          skipped.push({ templateId: compiled.template.id, ruleIndex: rule.index, error: String(error) });
          continue;
        }
        if (holds) {
          return {
            template: compiled.template,
            reason: {
              ruleIndex: rule.index,
              ruleName: rule.name,
              conditions: rule.conditions.map((condition) => ({
                field: condition.field,
                matched: view.evidence(condition),
              })),
            },
            alarm: alarmOf(compiled, view),
            skipped,
          };
        }
      }
    }
    return { template: null, reason: null, alarm: null, skipped };
  }

  private compileRule(templateId: string, rule: Template['rules'][number], index: number): Rule {
    const compiled: Rule = { index, name: rule.name, conditions: [] };
    for (const condition of rule.conditions) {
      if (condition.match === 'keywords') {
        compiled.conditions.push({
          field: condition.field,
          kind: 'keywords',
          keywords: condition.keywords.map(parseKeyword),
        });
        continue;
      }
      let regex: RE2;
      try {
        regex = new RE2(condition.pattern, flagsFor(condition.field));
      } catch (error) {
        compiled.broken = {
          templateId,
          ruleIndex: index,
          error: `Pattern /${condition.pattern}/ is refused: ${error instanceof Error ? error.message : String(error)}`,
        };
        this.broken.push(compiled.broken);
        return compiled;
      }
      let set = this.sets.get(condition.field);
      if (!set) this.sets.set(condition.field, (set = new PatternSet(flagsFor(condition.field))));
      compiled.conditions.push({ field: condition.field, kind: 'regex', regex, slot: set.add(condition.pattern) });
    }
    return compiled;
  }

  private breakField(field: MatchField, error: string): void {
    for (const compiled of this.templates) {
      for (const rule of compiled.rules) {
        if (!rule.broken && rule.conditions.some((c) => c.kind === 'regex' && c.field === field)) {
          rule.broken = { templateId: compiled.template.id, ruleIndex: rule.index, error };
          this.broken.push(rule.broken);
        }
      }
    }
  }
}

function alarmOf(compiled: CompiledTemplate, view: MessageView): { keywords: string[] } | null {
  if (!compiled.template.alarm.enabled) return null;
  if (compiled.alarmKeywords.length === 0) return { keywords: [] };
  const found = compiled.alarmKeywords
    .filter((keyword) => view.words('subject').has(keyword) || view.words('body').has(keyword))
    .map((keyword) => keyword.source);
  return found.length > 0 ? { keywords: found } : null;
}

/** One message as the rules see it; each field is prepared the first time a rule asks about it. */
class MessageView {
  private readonly texts: Record<MatchField, string>;
  private readonly wordCache = new Map<MatchField, FieldWords>();
  private readonly slotCache = new Map<MatchField, Set<number>>();

  constructor(
    message: MatchMessage,
    private readonly sets: Map<MatchField, PatternSet>,
  ) {
    this.texts = {
      subject: message.subject,
      body: message.body,
      from: message.from,
      to: message.to.join('\n'),
      channel: message.channel,
    };
  }

  words(field: MatchField): FieldWords {
    let words = this.wordCache.get(field);
    if (!words) this.wordCache.set(field, (words = new FieldWords(wordsOf(this.texts[field]))));
    return words;
  }

  holds(condition: Condition): boolean {
    if (condition.kind === 'keywords') {
      const words = this.words(condition.field);
      return condition.keywords.some((keyword) => words.has(keyword));
    }
    let slots = this.slotCache.get(condition.field);
    if (!slots) {
      slots = this.sets.get(condition.field)?.matching(this.texts[condition.field]) ?? new Set<number>();
      this.slotCache.set(condition.field, slots);
    }
    return slots.has(condition.slot);
  }

  /** What made a condition hold: the first keyword found, or the text the pattern matched. */
  evidence(condition: Condition): string {
    if (condition.kind === 'keywords') {
      const words = this.words(condition.field);
      return condition.keywords.find((keyword) => words.has(keyword))?.source ?? '';
    }
    return condition.regex.exec(this.texts[condition.field])?.[0] ?? '';
  }
}
