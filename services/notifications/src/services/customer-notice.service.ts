import type { EntityManager } from 'typeorm';
import { BusinessCalendar } from '@arende/calendar';
import {
  type Actor,
  type CaseView,
  type caseClosedV1,
  type caseDistributedV1,
  DomainError,
  getCaseV1,
  getTemplateV1,
  listCaseCustomersV1,
  SYSTEM_ACTOR,
  type Template,
} from '@arende/contracts';
import type { EnvelopeOf, RpcClient, RpcContext } from '@arende/messaging';
import type { StructuredLogger } from '@arende/persistence';
import type { MessageService } from './message.service.js';
import { type MessageTemplateService, senderOf } from './message-template.service.js';

export interface CustomerNoticeSettings {
  /** Link to a case in the citizen portal; `{number}` is replaced by the case number. Unset: no link. */
  portalCaseUrl: string | undefined;
}

/** Weekdays 08:00–17:00 with Swedish holidays closed: the calendar an expected feedback date is counted in. */
const OFFICE_HOURS = BusinessCalendar.fromDefinition({
  weeklyHours: {
    monday: [{ from: '08:00', to: '17:00' }],
    tuesday: [{ from: '08:00', to: '17:00' }],
    wednesday: [{ from: '08:00', to: '17:00' }],
    thursday: [{ from: '08:00', to: '17:00' }],
    friday: [{ from: '08:00', to: '17:00' }],
  },
});

const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' });

/** When the customer can expect feedback: `feedbackHours` of office hours from `from`, as a Swedish date. */
export function expectedFeedback(from: Date, feedbackHours: number): string {
  return stockholmDate.format(OFFICE_HOURS.addBusinessMinutes(from, feedbackHours * 60));
}

/**
 * Tells the customer about their case, as the case's template says: when it is registered and sent on (its
 * number and when to expect feedback), when a distribution asks for it (its message), and when it closes (the
 * template's solution text). Each notice once per case (registration, closing) or per distribution.
 */
export class CustomerNoticeService {
  constructor(
    private readonly messages: MessageService,
    private readonly templates: MessageTemplateService,
    private readonly rpc: RpcClient,
    private readonly settings: CustomerNoticeSettings,
    private readonly logger: StructuredLogger,
  ) {}

  async distributed(envelope: EnvelopeOf<typeof caseDistributedV1>, manager: EntityManager): Promise<void> {
    const d = envelope.data;
    if (d.kind === 'feedback_return') return;
    const ctx = this.context(envelope.correlationId);
    const found = await this.caseAndTemplate(d.number, ctx);
    if (!found) return;
    const { view, template } = found;
    const to = d.notifyCustomer?.email ?? (await this.customerEmail(d.number, ctx));
    if (!to) return;
    const feedbackHours = view.sla?.feedbackHours ?? template?.sla.feedbackHours ?? null;
    const feedback = feedbackHours === null ? '' : expectedFeedback(new Date(envelope.occurredAt), feedbackHours);
    const values = await this.values(view, feedback, ctx);
    if (template?.customerNotices.onRegistration) {
      const feedbackLine = feedback === '' ? '' : ` Du kan räkna med återkoppling senast ${feedback}.`;
      await this.queue(
        manager,
        ctx,
        envelope,
        view,
        'customer_registration',
        { ...values, feedbackLine },
        {
          to,
          caseNumber: d.number,
          // Once per case: only the first time it is sent on.
          dedupeKey: `notice:registration:${d.caseId}`,
        },
      );
    }
    if (d.notifyCustomer) {
      await this.queue(
        manager,
        ctx,
        envelope,
        view,
        'customer_distribution',
        { ...values, message: d.notifyCustomer.message },
        { to, caseNumber: d.number, dedupeKey: `notice:distribution:${d.entryId}` },
      );
    }
  }

  async closed(envelope: EnvelopeOf<typeof caseClosedV1>, manager: EntityManager): Promise<void> {
    const c = envelope.data;
    const ctx = this.context(envelope.correlationId);
    const found = await this.caseAndTemplate(c.number, ctx);
    if (!found?.template?.customerNotices.onClose) return;
    const { view, template } = found;
    const to = await this.customerEmail(c.number, ctx);
    if (!to) return;
    const values = await this.values(view, '', ctx);
    await this.queue(
      manager,
      ctx,
      envelope,
      view,
      'customer_close',
      { ...values, solution: template.solutionText },
      {
        to,
        caseNumber: c.number,
        // A reopened case closed again tells the customer again: one notice per closing (the case's version).
        dedupeKey: `notice:close:${c.caseId}:${c.version}`,
      },
    );
  }

  private async caseAndTemplate(
    number: string,
    ctx: RpcContext,
  ): Promise<{ view: CaseView; template: Template | null } | null> {
    try {
      const view = await this.rpc.request(getCaseV1, { number }, ctx);
      const template =
        view.templateId === null ? null : await this.rpc.request(getTemplateV1, { id: view.templateId }, ctx);
      return { view, template };
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'CASE.NOT_FOUND' || error.code === 'ROUTING.NOT_FOUND')) {
        this.logger.warn({ number, code: error.code }, 'Customer notice skipped: case or template gone');
        return null;
      }
      throw error;
    }
  }

  private async customerEmail(number: string, ctx: RpcContext): Promise<string | null> {
    const { items } = await this.rpc.request(listCaseCustomersV1, { number }, ctx);
    return items.find((c) => c.email !== null)?.email ?? null;
  }

  private async values(view: CaseView, expected: string, ctx: RpcContext): Promise<Record<string, string>> {
    const { items } = await this.rpc.request(listCaseCustomersV1, { number: view.number }, ctx);
    const customer = items.find((c) => c.email !== null) ?? items[0];
    const link = this.settings.portalCaseUrl?.replaceAll('{number}', view.number);
    return {
      caseNumber: view.number,
      title: view.title,
      customerName: customer?.firstName ?? customer?.companyName ?? '',
      handlerName: view.assigneeName ?? '',
      expectedFeedback: expected,
      portalLink: link ?? '',
      portalLine: link ? `\n\nFölj ärendet på ${link}` : '',
    };
  }

  /** The purpose's template filled and signed as whoever caused the notice, with the case's service point. */
  private async queue(
    manager: EntityManager,
    ctx: RpcContext,
    envelope: { actor: Actor },
    view: CaseView,
    purpose: 'customer_registration' | 'customer_distribution' | 'customer_close',
    values: Record<string, string>,
    mail: { to: string; caseNumber: string; dedupeKey: string },
  ): Promise<void> {
    const composed = await this.templates.compose(
      manager,
      purpose,
      values,
      senderOf(envelope.actor, view.servicePointId),
    );
    await this.messages.queueEmail(manager, { ...mail, ...composed, html: composed.html ?? undefined, purpose }, ctx);
  }

  private context(correlationId: string): RpcContext {
    return { actor: SYSTEM_ACTOR, correlationId };
  }
}
