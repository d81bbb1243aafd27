import {
  type Actor,
  DomainError,
  ENTRY_KINDS,
  ENTRY_KIND_RULES,
  ENTRY_TEXT_MAX,
  type EntryKind,
  STAFF_WRITABLE_ENTRY_KINDS,
} from '@arende/contracts';
import { type AddEntryInput, prepareEntry, resolveVisibility } from './entry-rules.js';

const anna: Actor = { kind: 'staff', id: 'anna.agent', name: 'Anna Andersson', roles: ['agent'] };
const INBOUND: EntryKind[] = ['inbound_email', 'inbound_sms', 'inbound_social', 'inbound_web'];

function input(fields: Partial<AddEntryInput> & { kind: EntryKind }): AddEntryInput {
  return { number: '2026-000123', attachments: [], ...fields };
}

function fieldsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'REQUEST.INVALID') {
      return (error.details as { fields: Array<{ path: string }> }).fields.map((f) => f.path);
    }
    throw error;
  }
  return [];
}

describe('resolveVisibility', () => {
  it.each([
    ['memo', 'staff'],
    ['internal_note', 'staff'],
    ['official_note', 'customer'],
    ['outbound_email', 'customer'],
    ['outbound_sms', 'customer'],
    ...INBOUND.map((k) => [k, 'customer'] as const),
  ] as const)('gives a %s the fixed visibility %s and refuses the other', (kind, fixed) => {
    expect(resolveVisibility(kind, undefined)).toBe(fixed);
    expect(resolveVisibility(kind, fixed)).toBe(fixed);
    const other = fixed === 'staff' ? 'customer' : 'staff';
    expect(fieldsOf(() => resolveVisibility(kind, other))).toEqual(['visibility']);
  });

  it.each(['phone_note', 'distribution', 'referral', 'referral_answer', 'system_event'] as const)(
    'lets the writer choose for a %s, staff by default',
    (kind) => {
      expect(resolveVisibility(kind, undefined)).toBe('staff');
      expect(resolveVisibility(kind, 'customer')).toBe('customer');
    },
  );

  it('leaves agents exactly phone notes, memos, internal notes and official notes', () => {
    expect([...STAFF_WRITABLE_ENTRY_KINDS].sort()).toEqual(['internal_note', 'memo', 'official_note', 'phone_note']);
  });

  it('derives the direction of every kind', () => {
    const byDirection = (d: string) => ENTRY_KINDS.filter((k) => ENTRY_KIND_RULES[k].direction === d).sort();
    expect(byDirection('inbound')).toEqual([...INBOUND, 'referral_answer'].sort());
    expect(byDirection('outbound')).toEqual(['distribution', 'outbound_email', 'outbound_sms', 'referral']);
    expect(byDirection('internal')).toEqual(['internal_note', 'memo', 'official_note', 'phone_note', 'system_event']);
  });
});

describe('prepareEntry', () => {
  it('makes the caller the author of a note', () => {
    const entry = prepareEntry(input({ kind: 'memo', text: 'Ring tillbaka efter lunch' }), anna);
    expect(entry).toEqual({
      kind: 'memo',
      direction: 'internal',
      author: { id: 'anna.agent', name: 'Anna Andersson' },
      from: null,
      text: 'Ring tillbaka efter lunch',
      html: null,
      attachments: [],
      visibility: 'staff',
    });
  });

  it.each([...INBOUND, 'referral_answer'] as const)('gives a %s no author and needs its sender', (kind) => {
    expect(fieldsOf(() => prepareEntry(input({ kind, text: 'Hej' }), anna))).toEqual(['from']);
    const entry = prepareEntry(input({ kind, text: 'Hej', from: 'kund@example.se' }), anna);
    expect(entry.author).toBeNull();
    expect(entry.from).toBe('kund@example.se');
  });

  it('refuses a sender on an entry the caller writes', () => {
    expect(fieldsOf(() => prepareEntry(input({ kind: 'internal_note', text: 'x', from: 'a@b.se' }), anna))).toEqual([
      'from',
    ]);
  });

  it('needs text, HTML or an attachment, and lists every broken field at once', () => {
    expect(fieldsOf(() => prepareEntry(input({ kind: 'memo', text: '   ' }), anna))).toEqual(['text']);
    expect(
      fieldsOf(() =>
        prepareEntry(input({ kind: 'inbound_email', html: '<script>x</script>', visibility: 'staff' }), anna),
      ),
    ).toEqual(['from', 'visibility', 'text']);
    const onlyFile = prepareEntry(
      input({
        kind: 'inbound_email',
        from: 'kund@example.se',
        attachments: [
          { id: '01935c4f-0a1b-7c2d-8e3f-4a5b6c7d8e9f', fileName: 'a.pdf', contentType: 'application/pdf', size: 1 },
        ],
      }),
      anna,
    );
    expect(onlyFile.text).toBe('');
  });

  it('sanitises HTML and derives the text from it when none is given', () => {
    const entry = prepareEntry(
      input({ kind: 'inbound_email', from: 'kund@example.se', html: '<p onclick="x()">Hej</p><p>Snön &amp; isen</p>' }),
      anna,
    );
    expect(entry.html).toBe('<p>Hej</p><p>Snön &amp; isen</p>');
    expect(entry.text).toBe('Hej\nSnön & isen');
  });

  it('keeps a given text beside the HTML and cuts a derived text at the text limit', () => {
    const given = prepareEntry(input({ kind: 'official_note', text: 'Kort', html: '<p>Lång</p>' }), anna);
    expect(given.text).toBe('Kort');
    const long = prepareEntry(
      input({ kind: 'official_note', html: `<p>${'a'.repeat(ENTRY_TEXT_MAX + 10)}</p>` }),
      anna,
    );
    expect(long.text).toHaveLength(ENTRY_TEXT_MAX);
  });
});
