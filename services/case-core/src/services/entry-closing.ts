import { type Actor, ENTRY_KINDS_REMOVED_ON_CLOSE, type EventContract, entriesRemovedV1 } from '@arende/contracts';
import { schemaOf } from '@arende/persistence';
import type { EntityManager } from 'typeorm';
import type { EventLogRow } from '../repositories/case.repository.js';
import type { CaseRow } from '../repositories/case.row.js';
import { EntryRepository } from '../repositories/entry.repository.js';

export interface EntryClosingOutcome {
  events: Array<{ contract: EventContract; data: unknown }>;
  log: EventLogRow[];
}

/**
 * A closing case loses its memos (intern anteckning), in the closing transaction; internal and official
 * notes stay. Nothing is logged or published when there were none.
 */
export async function removeMemosOnClose(
  manager: EntityManager,
  closing: Pick<CaseRow, 'id' | 'number'>,
  actor: Actor,
  now: Date,
): Promise<EntryClosingOutcome> {
  // Built on the transaction's own connection so CaseService needs no entry dependency for this one step.
  const entries = new EntryRepository(manager.connection, schemaOf(manager.connection));
  const kinds = ENTRY_KINDS_REMOVED_ON_CLOSE;
  const ids = await entries.deleteKinds(manager, closing.id, kinds);
  if (ids.length === 0) return { events: [], log: [] };
  return {
    log: [
      {
        caseId: closing.id,
        kind: 'entries-removed',
        actor,
        occurredAt: now,
        changes: { memos: { before: ids.length, after: 0 } },
      },
    ],
    events: [
      {
        contract: entriesRemovedV1,
        data: {
          caseId: closing.id,
          number: closing.number,
          reason: 'case-closed',
          kinds,
          count: ids.length,
          entryIds: ids,
        },
      },
    ],
  };
}
