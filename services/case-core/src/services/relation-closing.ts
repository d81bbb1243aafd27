import { type Actor, type EventContract, caseClosedV1, caseStatusChangedV1 } from '@arende/contracts';
import type { EntityManager } from 'typeorm';
import type { CaseRepository, EventLogRow } from '../repositories/case.repository.js';
import type { CaseRow } from '../repositories/case.row.js';
import { removeMemosOnClose } from './entry-closing.js';
import { statusColumns } from './relation-rules.js';

export interface CascadeOutcome {
  events: Array<{ contract: EventContract; data: unknown }>;
  log: EventLogRow[];
}

/**
 * Closing a master closes its children in the same transaction, each with its own events and log line (and,
 * like any closing case, without its memos).
 * A child's lock does not stop it: the master's closer decides, and the holder's next save meets CASE.CLOSED.
 */
export async function closeChildren(
  manager: EntityManager,
  cases: CaseRepository,
  master: CaseRow,
  actor: Actor,
  now: Date,
): Promise<CascadeOutcome> {
  const outcome: CascadeOutcome = { events: [], log: [] };
  const reason = `Huvudärendet ${master.number} stängdes`;
  for (const child of await cases.findOpenChildrenForUpdate(manager, master.id)) {
    const updated = await cases.update(manager, child.id, statusColumns(child, 'closed', now), now);
    const data = {
      caseId: child.id,
      number: child.number,
      version: updated.version,
      from: child.status,
      to: 'closed',
      parkedUntil: null,
      reason,
      inboxId: updated.inbox_id,
      assigneeId: updated.assignee_id,
    };
    outcome.events.push({ contract: caseStatusChangedV1, data }, { contract: caseClosedV1, data });
    outcome.log.push({
      caseId: child.id,
      kind: 'status-changed',
      actor,
      occurredAt: now,
      changes: { status: { before: child.status, after: 'closed' }, reason: { before: null, after: reason } },
    });
    // A closing case loses its memos, children included (entry-closing.ts).
    const memos = await removeMemosOnClose(manager, child, actor, now);
    outcome.events.push(...memos.events);
    outcome.log.push(...memos.log);
  }
  return outcome;
}
