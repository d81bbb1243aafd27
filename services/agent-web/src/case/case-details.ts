import type { CaseChannel, CaseFields, CaseView } from '@arende/contracts';
import { ApiError } from '../api';
import { isoToStockholmInput, stockholmInputToIso } from './actions/stockholm-time';

/** The case's registration and content fields as the edit form holds them: '' for none, Stockholm time for the date. */
export interface DetailsDraft {
  caseTypeId: string;
  categoryId: string;
  areaId: string;
  orgUnitId: string;
  title: string;
  description: string;
  eventAt: string;
  channel: CaseChannel;
  customerWantsAnswer: boolean;
  secret: boolean;
  secrecyParagraph: string;
  personalData: boolean;
}

export type DetailsField = keyof DetailsDraft;

const REFERENCES = ['caseTypeId', 'categoryId', 'areaId', 'orgUnitId'] as const;
const FIELDS = Object.keys({
  caseTypeId: 0,
  categoryId: 0,
  areaId: 0,
  orgUnitId: 0,
  title: 0,
  description: 0,
  eventAt: 0,
  channel: 0,
  customerWantsAnswer: 0,
  secret: 0,
  secrecyParagraph: 0,
  personalData: 0,
} satisfies Record<DetailsField, 0>) as DetailsField[];

export function draftOf(view: CaseView): DetailsDraft {
  return {
    caseTypeId: view.caseTypeId ?? '',
    categoryId: view.categoryId ?? '',
    areaId: view.areaId ?? '',
    orgUnitId: view.orgUnitId ?? '',
    title: view.title,
    description: view.description,
    eventAt: view.eventAt === null ? '' : isoToStockholmInput(view.eventAt),
    channel: view.channel,
    customerWantsAnswer: view.customerWantsAnswer,
    secret: view.secret,
    secrecyParagraph: view.secrecyParagraph ?? '',
    personalData: view.personalData,
  };
}

/** The paragraph a draft means: none unless the case is secret. */
const paragraphOf = (draft: DetailsDraft) => (draft.secret ? draft.secrecyParagraph.trim() : '');

/**
 * What the agent changed, in the names and shapes of the update contract (`changes` of PATCH /cases/{number}):
 * only the fields that differ from the case as it was read. A date the form cannot read is sent as typed, for the
 * API to refuse next to its field.
 */
export function changedFields(base: DetailsDraft, draft: DetailsDraft): Partial<CaseFields> {
  const changes: Partial<CaseFields> = {};
  for (const field of REFERENCES) if (draft[field] !== base[field]) changes[field] = draft[field] || null;
  if (draft.title !== base.title) changes.title = draft.title;
  if (draft.description !== base.description) changes.description = draft.description;
  if (draft.eventAt !== base.eventAt) {
    changes.eventAt = draft.eventAt === '' ? null : (stockholmInputToIso(draft.eventAt) ?? draft.eventAt);
  }
  if (draft.channel !== base.channel) changes.channel = draft.channel;
  for (const flag of ['customerWantsAnswer', 'secret', 'personalData'] as const) {
    if (draft[flag] !== base[flag]) changes[flag] = draft[flag];
  }
  const paragraph = paragraphOf(draft);
  if (paragraph !== paragraphOf(base)) changes.secrecyParagraph = paragraph || null;
  return changes;
}

/**
 * The draft over a case someone else changed meanwhile: the fields the agent left alone take the new values, the
 * ones they changed keep theirs, so that saving again does not undo the other person's changes unseen.
 */
export function rebaseDraft(oldBase: DetailsDraft, newBase: DetailsDraft, draft: DetailsDraft): DetailsDraft {
  const rebased = { ...draft };
  for (const field of FIELDS) {
    if (draft[field] === oldBase[field]) (rebased as Record<DetailsField, unknown>)[field] = newBase[field];
  }
  return rebased;
}

/** The refused fields of a REQUEST.INVALID on the update, by the form's field names; other paths under `''`. */
export function fieldErrorsOf(error: unknown): Partial<Record<DetailsField | '', string>> {
  if (!(error instanceof ApiError) || error.code !== 'REQUEST.INVALID') return {};
  const fields = (error.details as { fields?: { path?: unknown; message?: unknown }[] } | null)?.fields;
  if (!Array.isArray(fields)) return {};
  const errors: Partial<Record<DetailsField | '', string>> = {};
  for (const { path, message } of fields) {
    const name = String(path).replace(/^changes\.?/, '');
    const key: DetailsField | '' = (FIELDS as string[]).includes(name) ? (name as DetailsField) : '';
    errors[key] = errors[key] === undefined ? String(message) : `${errors[key]}; ${String(message)}`;
  }
  return errors;
}
