import type { EntityManager } from 'typeorm';
import { type CaseView, type MatchInput, caseAlarmRaisedV1 } from '@arende/contracts';
import { Outbox, createEnvelope } from '@arende/messaging';
import type { CaseRepository } from '../repositories/case.repository.js';
import type { CaseRegistration, CaseService, RequestContext } from '../services/case.service.js';
import type { CaseRoutingService } from '../services/case-routing.service.js';
import { applyTemplate } from '../services/template-defaults.js';

// Routing matches on the start of a long body; the whole text would only make the request bigger.
const MATCH_BODY_MAX = 100_000;
const MATCH_RECIPIENTS_MAX = 100;
const REASON_MAX = 500;

/**
 * Registers the case of an inbound message that threads onto none, as routing's template says: pre-filled
 * from the template (inbox, type, category, priority, SLA, …), closed at once for templates that say so
 * (newsletters), with case.evt.alarm-raised.v1 when the template raises an alarm. When routing does not
 * answer (after its retries), the case goes to the default inbox with a `not-routed` log line: nothing is
 * lost and the line keeps moving; an agent sorts it by hand.
 */
export class IntakeRegistrationService {
  constructor(
    private readonly cases: CaseService,
    private readonly caseRows: CaseRepository,
    private readonly routing: Pick<CaseRoutingService, 'route'>,
    private readonly defaultInboxId: string,
  ) {}

  async register(
    manager: EntityManager,
    registration: CaseRegistration,
    match: MatchInput,
    ctx: RequestContext,
    now: Date,
  ): Promise<CaseView> {
    const decision = await this.routing.route(
      { ...match, body: match.body?.slice(0, MATCH_BODY_MAX), to: match.to?.slice(0, MATCH_RECIPIENTS_MAX) },
      ctx,
    );
    let input = registration;
    if (decision.kind === 'matched') {
      input = applyTemplate(input, decision.template, decision.externalOrganisationId);
      if (decision.template.closeAtOnce) input = { ...input, status: 'closed' };
    }
    const view = await this.cases.registerWithin(
      manager,
      { ...input, inboxId: input.inboxId ?? this.defaultInboxId },
      ctx,
      now,
    );
    if (decision.kind === 'no-template') return view;
    if (decision.kind === 'unrouted') {
      await this.caseRows.insertEventLog(manager, [
        {
          caseId: view.id,
          kind: 'not-routed',
          actor: ctx.actor,
          occurredAt: now,
          changes: { reason: { before: null, after: decision.reason.slice(0, REASON_MAX) } },
        },
      ]);
      return view;
    }
    const { template, alarm } = decision;
    await this.caseRows.insertEventLog(manager, [
      {
        caseId: view.id,
        kind: 'templated',
        actor: ctx.actor,
        occurredAt: now,
        changes: {
          template: { before: null, after: template.id },
          ...(template.closeAtOnce ? { closedAtOnce: { before: null, after: true } } : {}),
          ...(alarm ? { alarm: { before: null, after: alarm.keywords } } : {}),
        },
      },
    ]);
    if (alarm) {
      await Outbox.add(
        manager,
        createEnvelope(
          caseAlarmRaisedV1,
          {
            caseId: view.id,
            number: view.number,
            title: view.title,
            channel: view.channel,
            inboxId: view.inboxId,
            servicePointId: view.servicePointId,
            templateId: template.id,
            keywords: alarm.keywords,
          },
          ctx,
        ),
      );
    }
    return view;
  }
}
