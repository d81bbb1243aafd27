import type { DataSource } from 'typeorm';
import {
  type CaseStatus,
  type CaseView,
  type CopyCaseRequestV1,
  DomainError,
  caseCopiedV1,
  caseRegisteredV1,
} from '@arende/contracts';
import { Outbox, createEnvelope } from '@arende/messaging';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { CaseCopyRepository } from '../repositories/case-copy.repository.js';
import type { CaseRepository } from '../repositories/case.repository.js';
import { toCaseView } from '../repositories/case.row.js';
import type { CommitListener, RequestContext } from './case.service.js';
import { stockholmYear } from './stockholm-time.js';
import { accessScope } from './access-scope.js';
import { assertMayChange, auditSecretReads } from './secret-reads.js';

/** Satisfies the case-number pattern until the database gives the real number (as in CaseService.register). */
const NUMBER_PENDING = '0000-000000';
const COPY_STATUS: CaseStatus = 'new';

/**
 * Copying registers a new case like any other (number, registered event, first log line) with the source's
 * fields, in one transaction with the copied entries and a 'copied' log line on both cases.
 */
export class CaseCopyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly copies: CaseCopyRepository,
    private readonly listener: CommitListener,
  ) {}

  async copy(input: z.output<typeof CopyCaseRequestV1>, ctx: RequestContext): Promise<CaseView> {
    const scope = accessScope(ctx.actor);
    const row = await this.cases.findByNumber(scope, input.number);
    if (!row) throw new DomainError('CASE.NOT_FOUND', `No case ${input.number}`);
    assertMayChange(scope);
    const source = toCaseView(row);
    const now = new Date();
    const at = now.toISOString();
    const view: CaseView = {
      ...source,
      id: uuidv7(),
      number: NUMBER_PENDING,
      version: 1,
      status: COPY_STATUS,
      parkedUntil: null,
      assigneeId: null,
      assigneeName: null,
      // A new matter: the customer has not been answered on it yet (the SLA watches count on this flag).
      customerAnswered: false,
      parentCaseId: null,
      registeredAt: at,
      updatedAt: at,
      closedAt: null,
      handlingSeconds: 0,
      lock: null,
      feedbackReturnInboxId: null,
      // The copy is a new case in the inbox: nobody has acknowledged it or contacted its customer yet.
      acknowledgedAt: null,
      acknowledgedBy: null,
      customerContactedAt: null,
      customerContactedBy: null,
    };
    const year = stockholmYear(now);
    // Inside the transaction a missing sequence cannot be retried, so make sure of it before.
    await this.cases.ensureYearSequence(year);
    const registered = createEnvelope(caseRegisteredV1, view, ctx);
    await this.dataSource.transaction(async (manager) => {
      view.number = await this.cases.insertRegistered(view, year, registered, ctx.actor, manager);
      await auditSecretReads(this.cases, ctx, 'case.copy', [row], manager);
      const entriesCopied = input.withEntries ? await this.copies.copyEntries(manager, row.id, view.id, uuidv7) : 0;
      await this.cases.insertEventLog(manager, [
        {
          caseId: view.id,
          kind: 'copied',
          actor: ctx.actor,
          occurredAt: now,
          changes: { copiedFrom: { before: null, after: row.number }, entries: { before: null, after: entriesCopied } },
        },
        {
          caseId: row.id,
          kind: 'copied',
          actor: ctx.actor,
          occurredAt: now,
          changes: { copiedTo: { before: null, after: view.number } },
        },
      ]);
      await Outbox.add(
        manager,
        createEnvelope(
          caseCopiedV1,
          { caseId: view.id, number: view.number, sourceCaseId: row.id, sourceNumber: row.number, entriesCopied },
          ctx,
        ),
      );
    });
    this.listener.nudge();
    return view;
  }
}
