import {
  type Actor,
  type AddEntryRequestV1,
  DomainError,
  ENTRY_KIND_RULES,
  ENTRY_TEXT_MAX,
  type EntryKind,
  type EntryView,
  type EntryVisibility,
  type FieldIssue,
} from '@arende/contracts';
import type { z } from 'zod';
import { htmlToText, sanitizeHtml } from '@arende/html';

export type AddEntryInput = z.output<typeof AddEntryRequestV1>;

/** An entry as it will be stored, before it knows its case. */
export type PreparedEntry = Omit<EntryView, 'id' | 'caseId' | 'caseNumber' | 'createdAt'>;

/** The visibility an entry gets: the kind's own, or the writer's choice where the kind leaves it open. */
export function resolveVisibility(kind: EntryKind, requested: EntryVisibility | undefined): EntryVisibility {
  const issue = visibilityIssue(kind, requested);
  if (issue) throw invalid([issue]);
  return requested ?? ENTRY_KIND_RULES[kind].defaultVisibility;
}

function visibilityIssue(kind: EntryKind, requested: EntryVisibility | undefined): FieldIssue | null {
  const fixed = ENTRY_KIND_RULES[kind].fixedVisibility;
  if (requested === undefined || fixed === null || requested === fixed) return null;
  return { path: 'visibility', message: `A ${kind} is always visible to ${fixed}` };
}

/**
 * Checks an entry against the rules of its kind and gives it its final shape: sanitised HTML, text
 * (derived from the HTML when not given), author, direction and visibility.
 */
export function prepareEntry(input: AddEntryInput, actor: Actor): PreparedEntry {
  const rule = ENTRY_KIND_RULES[input.kind];
  const fromOutside = rule.direction === 'inbound';
  const issues: FieldIssue[] = [];
  if (fromOutside && input.from === undefined) {
    issues.push({ path: 'from', message: `A ${input.kind} needs the sender (address, number or handle)` });
  }
  if (!fromOutside && input.from !== undefined) {
    issues.push({ path: 'from', message: `Only entries from outside have a sender; a ${input.kind} has an author` });
  }
  const visibility = visibilityIssue(input.kind, input.visibility);
  if (visibility) issues.push(visibility);
  const html = input.html === undefined ? null : sanitizeHtml(input.html) || null;
  const text = input.text ?? (html === null ? '' : htmlToText(html).slice(0, ENTRY_TEXT_MAX));
  if (text.trim() === '' && html === null && input.attachments.length === 0) {
    issues.push({ path: 'text', message: 'An entry needs text, HTML or an attachment' });
  }
  if (issues.length > 0) throw invalid(issues);
  return {
    kind: input.kind,
    direction: rule.direction,
    author: fromOutside ? null : { id: actor.id, name: actor.name ?? null },
    from: input.from ?? null,
    text,
    html,
    attachments: input.attachments,
    visibility: resolveVisibility(input.kind, input.visibility),
  };
}

function invalid(fields: FieldIssue[]): DomainError {
  return new DomainError('REQUEST.INVALID', 'The entry does not fit its kind', { fields });
}
