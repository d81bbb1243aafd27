import type { DataSource, EntityManager } from 'typeorm';
import {
  type Actor,
  type AssignCaseRequestV1,
  type AssignmentMode,
  type CaseView,
  type PickNextRequestV1,
  caseAssignedV1,
  caseLockChangedV1,
} from '@arende/contracts';
import { isPerson, personIdOf } from './person.js';
import type { z } from 'zod';
import type { CaseRepository, EventLogRow } from '../repositories/case.repository.js';
import type { AssignmentRepository } from '../repositories/assignment.repository.js';
import { type CaseRow, toCaseView } from '../repositories/case.row.js';
import {
  type CaseService,
  type ChangeOutcome,
  type CommitListener,
  type PendingEvent,
  type RequestContext,
  assertEditable,
  event,
} from './case.service.js';
import type { InboxLookup } from './inbox-lookup.js';
import { assertMayAssign, assertMayPickNext, lockFollowsAssignee } from './assignment-rules.js';
import { accessScope } from './access-scope.js';
import { assertMayChange } from './secret-reads.js';

/**
 * Who handles a case, by the mode of its inbox (routing owns the inboxes): dispatchers hand cases out,
 * agents pick the next one, or take any one, which is then locked to them.
 */
export class AssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseService,
    private readonly rows: CaseRepository,
    private readonly assignments: AssignmentRepository,
    private readonly inboxes: InboxLookup,
    private readonly listener: CommitListener,
  ) {}

  /** "Assign to me", assign to a named officer, or remove the assignee (null); checked against the inbox's mode. */
  async assign(input: z.output<typeof AssignCaseRequestV1>, ctx: RequestContext): Promise<CaseView> {
    return this.cases.change(input.number, ctx, 'case.assign', async (manager, row, now) => {
      assertEditable(row, ctx.actor, input.version);
      if (row.assignee_id === input.assigneeId) return { row, events: [], log: [] };
      const inbox = await this.inboxes.get(row.inbox_id, ctx.correlationId);
      assertMayAssign(ctx.actor, {
        mode: inbox.assignmentMode,
        inboxId: row.inbox_id,
        currentAssigneeId: row.assignee_id,
        newAssigneeId: input.assigneeId,
      });
      const name = input.assigneeId === null ? null : (input.assigneeName ?? null);
      return this.setAssignee(manager, row, { id: input.assigneeId, name }, inbox.assignmentMode, ctx.actor, now);
    });
  }

  /** Assigns the caller the next case of the inbox in work order; null when none is left. */
  async pickNext(input: z.output<typeof PickNextRequestV1>, ctx: RequestContext): Promise<{ case: CaseView | null }> {
    const inbox = await this.inboxes.getActive(input.inboxId, ctx.correlationId);
    assertMayPickNext(ctx.actor, inbox.assignmentMode, inbox.id);
    const scope = accessScope(ctx.actor);
    assertMayChange(scope);
    const picked = await this.dataSource.transaction(async (manager) => {
      const row = await this.assignments.findNextToPick(manager, scope, inbox.id, ctx.actor);
      if (!row) return null;
      const me = { id: personIdOf(ctx.actor), name: ctx.actor.name ?? null };
      const outcome = await this.setAssignee(manager, row, me, inbox.assignmentMode, ctx.actor, new Date());
      await this.cases.recordWithin(manager, ctx, 'case.pick-next', outcome);
      return outcome.row;
    });
    if (picked) this.listener.nudge();
    return { case: picked ? toCaseView(picked) : null };
  }

  /** Sets the assignee with its log line and event; in a pick-own inbox the lock follows the assignee. */
  private async setAssignee(
    manager: EntityManager,
    row: CaseRow,
    assignee: { id: string | null; name: string | null },
    mode: AssignmentMode,
    actor: Actor,
    now: Date,
  ): Promise<ChangeOutcome> {
    const columns: Record<string, unknown> = { assignee_id: assignee.id, assignee_name: assignee.name };
    const log: EventLogRow[] = [
      {
        caseId: row.id,
        kind: 'assigned',
        actor,
        occurredAt: now,
        changes: { assignee: { before: row.assignee_id, after: assignee.id } },
      },
    ];
    const taking = lockFollowsAssignee(mode) && isPerson(actor, assignee.id) && row.lock_holder_id === null;
    const releasing =
      lockFollowsAssignee(mode) && row.lock_holder_id !== null && row.lock_holder_id === row.assignee_id;
    if (taking)
      Object.assign(columns, {
        lock_holder_id: personIdOf(actor),
        lock_holder_name: actor.name ?? null,
        locked_at: now,
      });
    if (releasing) Object.assign(columns, { lock_holder_id: null, lock_holder_name: null, locked_at: null });
    const updated = await this.rows.update(manager, row.id, columns, now);
    const events: PendingEvent[] = [
      event(caseAssignedV1, {
        caseId: row.id,
        number: row.number,
        version: updated.version,
        inboxId: updated.inbox_id,
        assigneeId: assignee.id,
        assigneeName: assignee.name,
        previousAssigneeId: row.assignee_id,
      }),
    ];
    if (taking || releasing) {
      log.push({
        caseId: row.id,
        kind: taking ? 'locked' : 'unlocked',
        actor,
        occurredAt: now,
        changes: taking ? null : { lock: { before: row.lock_holder_id, after: null } },
      });
      events.push(
        event(caseLockChangedV1, { caseId: row.id, number: row.number, lock: toCaseView(updated).lock, forced: false }),
      );
    }
    return { row: updated, events, log };
  }
}
