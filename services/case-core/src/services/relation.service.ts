import type { DataSource, EntityManager } from 'typeorm';
import {
  type CaseRelations,
  type CaseStatus,
  DomainError,
  type EventContract,
  type RelateCasesRequestV1,
  type RelatedCase,
  type UnrelateCaseRequestV1,
  caseClosedV1,
  caseRelatedV1,
  caseReopenedV1,
  caseStatusChangedV1,
  caseUnrelatedV1,
  caseUpdatedV1,
} from '@arende/contracts';
import { Outbox, createEnvelope } from '@arende/messaging';
import type { z } from 'zod';
import type { CaseRepository, EventLogRow } from '../repositories/case.repository.js';
import type { CaseRow } from '../repositories/case.row.js';
import type { RelationRepository } from '../repositories/relation.repository.js';
import type { CommitListener, RequestContext } from './case.service.js';
import { removeMemosOnClose } from './entry-closing.js';
import { type AccessScope, SYSTEM_SCOPE, accessScope } from './access-scope.js';
import { assertMayChange, auditSecretReads } from './secret-reads.js';
import { type FieldChanges, assertRelatable, planChild, relationInvalid } from './relation-rules.js';
import { assertNotLockedByOther } from './person.js';

interface Pending {
  contract: EventContract;
  data: unknown;
}

interface Outcome {
  events: Pending[];
  log: EventLogRow[];
}

const related = (row: CaseRow): RelatedCase => ({
  number: row.number,
  title: row.title,
  status: row.status as CaseStatus,
});

/** Master and child cases: relate, detach, read. Every touched case gets a new version, a log line and an event. */
export class RelationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly relations: RelationRepository,
    private readonly listener: CommitListener,
  ) {}

  async relate(input: z.output<typeof RelateCasesRequestV1>, ctx: RequestContext): Promise<CaseRelations> {
    if (input.childNumbers.includes(input.masterNumber)) {
      throw relationInvalid(`Case ${input.masterNumber} cannot be its own master`, {
        reason: 'self',
        number: input.masterNumber,
      });
    }
    const scope = accessScope(ctx.actor);
    return this.inTransaction(ctx, async (manager, now) => {
      const numbers = [input.masterNumber, ...input.childNumbers];
      const seen = await this.relations.findByNumbers(manager, scope, numbers);
      const missing = numbers.filter((n) => !seen.some((row) => row.number === n));
      if (missing.length > 0) {
        throw new DomainError('CASE.NOT_FOUND', `No case ${missing.join(', ')}`, { numbers: missing });
      }
      assertMayChange(scope);
      const masterId = seen.find((row) => row.number === input.masterNumber)!.id;
      const childIds = seen.filter((row) => row.id !== masterId).map((row) => row.id);
      // Masters before children, each set in id order: the same order closing a master takes, so no deadlock.
      const formerIds = [
        ...new Set(seen.map((r) => r.parent_case_id).filter((id): id is string => id !== null)),
      ].filter((id) => id !== masterId && !childIds.includes(id));
      const masters = await this.relations.lockByIds(manager, [masterId, ...formerIds]);
      const children = await this.relations.lockByIds(manager, childIds);
      const master = masters.find((row) => row.id === masterId)!;
      const formers = new Map(masters.filter((row) => row.id !== masterId).map((row) => [row.id, row]));
      for (const child of children) {
        const parent = child.parent_case_id;
        if (parent !== null && parent !== masterId && !formers.has(parent)) {
          throw new DomainError(
            'CASE.VERSION_CONFLICT',
            `The relations of ${child.number} changed meanwhile; try again`,
            {
              number: child.number,
            },
          );
        }
      }
      assertRelatable(master, children, await this.relations.mastersAmong(manager, childIds), ctx.actor);

      const outcome: Outcome = { events: [], log: [] };
      const before = await this.relations.childNumbers(manager, [masterId, ...formers.keys()]);
      const added: string[] = [];
      const movedFrom = new Map<string, string[]>();
      for (const child of children) {
        const former = child.parent_case_id === null ? undefined : formers.get(child.parent_case_id);
        const plan = planChild(child, master, former?.number ?? null, input, now);
        if (Object.keys(plan.columns).length === 0) continue;
        const updated = await this.cases.update(manager, child.id, plan.columns, now);
        const line = (kind: string, changes: FieldChanges) =>
          outcome.log.push({ caseId: child.id, kind, actor: ctx.actor, occurredAt: now, changes });
        if (plan.relation) {
          added.push(child.number);
          if (former) movedFrom.set(former.id, [...(movedFrom.get(former.id) ?? []), child.number]);
          // A move shows as master before → after; the former master gets its own 'unrelated' line.
          line('related', { master: plan.relation });
          outcome.events.push({
            contract: caseRelatedV1,
            data: relationData(updated, 'child', master, [], former?.number ?? null),
          });
        }
        if (plan.status) {
          const reason = `Satt när ärendet knöts till huvudärende ${master.number}`;
          line('status-changed', {
            status: { before: plan.status.from, after: plan.status.to },
            reason: { before: null, after: reason },
          });
          const data = {
            caseId: child.id,
            number: child.number,
            version: updated.version,
            from: plan.status.from,
            to: plan.status.to,
            parkedUntil: null,
            reason,
            inboxId: updated.inbox_id,
            assigneeId: updated.assignee_id,
          };
          outcome.events.push({ contract: caseStatusChangedV1, data });
          if (plan.status.to === 'closed') {
            outcome.events.push({ contract: caseClosedV1, data });
            const memos = await removeMemosOnClose(manager, child, ctx.actor, now);
            outcome.events.push(...memos.events);
            outcome.log.push(...memos.log);
          }
          if (plan.status.to === 'reopened') outcome.events.push({ contract: caseReopenedV1, data });
        }
        if (plan.caseType) {
          line('updated', plan.caseType);
          outcome.events.push({
            contract: caseUpdatedV1,
            data: { caseId: child.id, number: child.number, version: updated.version, changes: plan.caseType },
          });
        }
      }
      if (added.length > 0) {
        const children = before.get(masterId) ?? [];
        const after = [...children, ...added].sort();
        await this.touchMaster(
          manager,
          master,
          { kind: 'related', before: children, after, changed: added },
          now,
          ctx,
          outcome,
        );
      }
      for (const [formerId, moved] of movedFrom) {
        const former = formers.get(formerId)!;
        const children = before.get(formerId) ?? [];
        const after = children.filter((n) => !moved.includes(n));
        await this.touchMaster(
          manager,
          former,
          { kind: 'unrelated', before: children, after, changed: moved },
          now,
          ctx,
          outcome,
        );
      }
      return { outcome, relations: await this.relationsOf(scope, master, manager) };
    });
  }

  async unrelate(input: z.output<typeof UnrelateCaseRequestV1>, ctx: RequestContext): Promise<CaseRelations> {
    const scope = accessScope(ctx.actor);
    return this.inTransaction(ctx, async (manager, now) => {
      const seen = await this.relations.findByNumbers(manager, scope, [input.masterNumber, input.childNumber]);
      const masterSeen = seen.find((row) => row.number === input.masterNumber);
      const childSeen = seen.find((row) => row.number === input.childNumber);
      if (!masterSeen || !childSeen) {
        const missing = [input.masterNumber, input.childNumber].filter((n) => !seen.some((row) => row.number === n));
        throw new DomainError('CASE.NOT_FOUND', `No case ${missing.join(', ')}`, { numbers: missing });
      }
      assertMayChange(scope);
      const [master] = await this.relations.lockByIds(manager, [masterSeen.id]);
      const [child] = await this.relations.lockByIds(manager, [childSeen.id]);
      if (child.parent_case_id !== master.id) {
        throw relationInvalid(`Case ${child.number} is not a child of ${master.number}`, {
          reason: 'not-a-child',
          number: child.number,
          masterNumber: master.number,
        });
      }
      assertNotLockedByOther(child, ctx.actor);
      if (child.status === 'closed') {
        throw new DomainError('CASE.CLOSED', `Case ${child.number} is closed; reopen it to detach it`, {
          number: child.number,
        });
      }
      const outcome: Outcome = { events: [], log: [] };
      const updated = await this.cases.update(manager, child.id, { parent_case_id: null }, now);
      outcome.log.push({
        caseId: child.id,
        kind: 'unrelated',
        actor: ctx.actor,
        occurredAt: now,
        changes: { master: { before: master.number, after: null } },
      });
      outcome.events.push({ contract: caseUnrelatedV1, data: relationData(updated, 'child', master, [], null) });
      const children = (await this.relations.childNumbers(manager, [master.id])).get(master.id) ?? [];
      const before = [...children, child.number].sort();
      await this.touchMaster(
        manager,
        master,
        { kind: 'unrelated', before, after: children, changed: [child.number] },
        now,
        ctx,
        outcome,
      );
      return { outcome, relations: await this.relationsOf(scope, master, manager) };
    });
  }

  /** A case's master and children, as far as they are in the caller's scope. */
  async get(number: string, ctx: RequestContext): Promise<CaseRelations> {
    const scope = accessScope(ctx.actor);
    const row = await this.cases.findByNumber(scope, number);
    if (!row) throw new DomainError('CASE.NOT_FOUND', `No case ${number}`);
    const master = row.parent_case_id === null ? null : await this.relations.findById(scope, row.parent_case_id);
    const children = await this.relations.findChildren(scope, row.id);
    await auditSecretReads(this.cases, ctx, 'relations.get', [row, ...(master ? [master] : []), ...children]);
    return { case: related(row), master: master ? related(master) : null, children: children.map(related) };
  }

  private async relationsOf(scope: AccessScope, row: CaseRow, manager: EntityManager): Promise<CaseRelations> {
    const master =
      row.parent_case_id === null ? null : await this.relations.findById(scope, row.parent_case_id, manager);
    const children = await this.relations.findChildren(scope, row.id, manager);
    return { case: related(row), master: master ? related(master) : null, children: children.map(related) };
  }

  /** A master whose children changed: a new version, a log line with the children before and after, an event. */
  private async touchMaster(
    manager: EntityManager,
    master: CaseRow,
    children: { kind: 'related' | 'unrelated'; before: string[]; after: string[]; changed: string[] },
    now: Date,
    ctx: RequestContext,
    outcome: Outcome,
  ): Promise<void> {
    const { kind, before, after, changed } = children;
    const updated = await this.cases.update(manager, master.id, {}, now);
    outcome.log.push({
      caseId: master.id,
      kind,
      actor: ctx.actor,
      occurredAt: now,
      changes: { children: { before, after } },
    });
    outcome.events.push({
      contract: kind === 'related' ? caseRelatedV1 : caseUnrelatedV1,
      data: relationData(updated, 'master', master, changed, null),
    });
  }

  private async inTransaction(
    ctx: RequestContext,
    work: (manager: EntityManager, now: Date) => Promise<{ outcome: Outcome; relations: CaseRelations }>,
  ): Promise<CaseRelations> {
    const result = await this.dataSource.transaction(async (manager) => {
      const done = await work(manager, new Date());
      const { case: own, master, children } = done.relations;
      const shown = await this.relations.findByNumbers(manager, SYSTEM_SCOPE, [
        own.number,
        ...(master ? [master.number] : []),
        ...children.map((c) => c.number),
      ]);
      await auditSecretReads(this.cases, ctx, 'relations.change', shown, manager);
      await this.cases.insertEventLog(manager, done.outcome.log);
      for (const pending of done.outcome.events) {
        await Outbox.add(manager, createEnvelope(pending.contract, pending.data, ctx));
      }
      return done;
    });
    if (result.outcome.events.length > 0) this.listener.nudge();
    return result.relations;
  }
}

function relationData(
  row: CaseRow,
  role: 'master' | 'child',
  master: CaseRow,
  childNumbers: string[],
  previousMasterNumber: string | null,
) {
  return {
    caseId: row.id,
    number: row.number,
    version: row.version,
    role,
    masterId: master.id,
    masterNumber: master.number,
    childNumbers,
    previousMasterNumber,
  };
}
