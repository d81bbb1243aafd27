type Changes = Record<string, { before: unknown; after: unknown }>;

const CASE_NUMBER = /^\d{4}-\d{6}$/;
const HIDDEN = Symbol('hidden');

function walk(value: unknown, visit: (number: string) => unknown): unknown {
  if (typeof value === 'string') return CASE_NUMBER.test(value) ? visit(value) : value;
  if (Array.isArray(value)) return value.map((item) => walk(item, visit)).filter((item) => item !== HIDDEN);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, visit)]));
  }
  return value;
}

/** The case numbers an event-log line mentions (relations, copies). */
export function caseNumbersIn(changes: Changes | null): string[] {
  const found = new Set<string>();
  if (changes) walk(changes, (number) => found.add(number));
  return [...found];
}

/**
 * The line as the caller may read it: a case number the caller may not see is left out of lists and becomes
 * null elsewhere, so the log of a case in scope does not reveal the cases around it that are not.
 */
export function redactCaseNumbers(changes: Changes | null, visible: ReadonlySet<string>): Changes | null {
  if (changes === null) return null;
  const redacted: Changes = {};
  for (const [field, change] of Object.entries(changes)) {
    const hide = (number: string) => (visible.has(number) ? number : HIDDEN);
    const scalar = (value: unknown) => {
      const out = walk(value, hide);
      return out === HIDDEN ? null : out;
    };
    redacted[field] = { before: scalar(change.before), after: scalar(change.after) };
  }
  return redacted;
}
