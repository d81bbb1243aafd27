import { type CaseEventView, DomainError, type ListCaseEventsRequestV1 } from '@arende/contracts';
import type { z } from 'zod';
import type { CaseRepository } from '../repositories/case.repository.js';
import type { CaseEventRepository } from '../repositories/case-event.repository.js';
import type { RequestContext } from './case.service.js';
import { accessScope, seesOnlyCustomerVisible } from './access-scope.js';
import { auditSecretReads } from './secret-reads.js';
import { caseNumbersIn, redactCaseNumbers } from './event-log-redaction.js';

/** The case's event log, as people read it: who, when, what, before and after. */
export class CaseEventService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly events: CaseEventRepository,
  ) {}

  /** The log of a case in the caller's scope; it is the city's own record, so staff only. */
  async list(
    input: z.output<typeof ListCaseEventsRequestV1>,
    ctx: RequestContext,
  ): Promise<{ items: CaseEventView[]; nextCursor: string | null }> {
    const scope = accessScope(ctx.actor);
    const row = await this.cases.findByNumber(scope, input.number);
    if (!row) throw new DomainError('CASE.NOT_FOUND', `No case ${input.number}`);
    if (seesOnlyCustomerVisible(scope)) {
      throw new DomainError('AUTH.FORBIDDEN', "The event log of a case is for the city's staff");
    }
    await auditSecretReads(this.cases, ctx, 'events.list', [row]);
    const beforeId = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    const rows = await this.events.list(
      row.id,
      { kinds: input.kinds, from: input.from, to: input.to, actorId: input.actorId, beforeId },
      input.limit + 1,
    );
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    // Relations and copies name other cases: only those the caller may see stay in the lines.
    const visible = await this.cases.visibleNumbers(scope, [...new Set(page.flatMap((e) => caseNumbersIn(e.changes)))]);
    return {
      items: page.map((e) => ({
        id: e.id,
        kind: e.kind,
        actor: { id: e.actor_id, name: e.actor_name },
        occurredAt: e.occurred_at.toISOString(),
        changes: redactCaseNumbers(e.changes, visible),
      })),
      nextCursor: rows.length > input.limit && last ? Buffer.from(last.id).toString('base64url') : null,
    };
  }
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (/^[1-9][0-9]{0,18}$/.test(id)) return id;
  throw new DomainError('REQUEST.INVALID', 'The cursor is not one this API gave out', {
    fields: [{ path: 'cursor', message: 'Unknown cursor' }],
  });
}
