import type { EntityManager } from 'typeorm';
import {
  type caseAlarmRaisedV1,
  type caseAssignedV1,
  DomainError,
  type FollowUpRecipient,
  getInboxV1,
  getStaffByUserNameV1,
  type InAppKind,
  type InAppRecipient,
  inAppNotificationV1,
  listCaseCustomersV1,
  type MessagePurpose,
  SYSTEM_ACTOR,
  type slaDailyReportV1,
  type slaReminderV1,
} from '@arende/contracts';
import { type EnvelopeOf, Outbox, type RpcClient, type RpcContext, createEnvelope } from '@arende/messaging';
import type { StructuredLogger } from '@arende/persistence';
import type { MessageService } from './message.service.js';

export interface FollowUpSettings {
  /** Where alarms go by e-mail; none when unset. */
  alarmEmail: string | undefined;
  /** Where alarms go as a text message; none when unset. */
  alarmSms: string | undefined;
  /** The schema whose outbox carries the in-app notifications. */
  outboxSchema: string;
}

/** One in-app notification, before its recipient and id are known. */
interface InApp {
  kind: InAppKind;
  caseId: string | null;
  caseNumber: string | null;
  title: string;
  text: string;
}

const STAGE_LABEL = { reminder: 'Påminnelse', escalation: 'Eskalering', notice: 'Meddelande' } as const;

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** A time as Swedish staff read it: `2026-11-23 11:15`. */
export function localTime(iso: string): string {
  return stockholm.format(new Date(iso));
}

/** Not there (any more): the recipient is skipped, the rest still get the message. */
const isGone = (error: unknown) =>
  error instanceof DomainError && (error.code === 'ROUTING.NOT_FOUND' || error.code === 'CASE.NOT_FOUND');

/**
 * Turns the SLA watcher's reminders and daily reports, and routing's alarms, into messages: each recipient
 * resolved to an address (a user through the staff directory, an inbox through its shared mailbox, a customer
 * through the case's customer cards), each message queued once per timer, round and address. Users and inboxes
 * also get an in-app notification (`notifications.evt.in-app.v1`), which the gateway pushes to the agent client.
 */
export class FollowUpService {
  constructor(
    private readonly messages: MessageService,
    private readonly rpc: RpcClient,
    private readonly settings: FollowUpSettings,
    private readonly logger: StructuredLogger,
  ) {}

  async reminder(envelope: EnvelopeOf<typeof slaReminderV1>, manager: EntityManager): Promise<void> {
    const r = envelope.data;
    const ctx = this.context(envelope.correlationId);
    const subject = `${STAGE_LABEL[r.stage]}: ${r.title}`;
    const text = `${r.text}\n\nÄrende ${r.number}: ${r.title}\nFörfaller: ${localTime(r.dueAt)}\n`;
    const inApp: InApp = {
      kind: r.kind === 'watch' ? 'watch' : r.stage,
      caseId: r.caseId,
      caseNumber: r.number,
      title: subject,
      text: r.text,
    };
    for (const recipient of r.recipients) {
      const to = inAppRecipientOf(recipient);
      if (to) await this.inApp(manager, envelope, `reminder:${r.timerId}:${r.round}`, to, inApp);
      if (recipient.kind === 'sms') {
        await this.messages.queueSms(
          manager,
          {
            to: recipient.phone,
            text: `${STAGE_LABEL[r.stage]}: ärende ${r.number} ${r.title}. ${r.text}`,
            caseNumber: r.number,
            dedupeKey: `reminder:${r.timerId}:${r.round}:${recipient.phone}`,
            purpose: 'reminder',
          },
          ctx,
        );
        continue;
      }
      const addresses = await this.emailsOf(recipient, r.number, ctx);
      for (const to of addresses) {
        await this.queue(manager, ctx, 'reminder', {
          to,
          subject,
          text,
          caseNumber: r.number,
          dedupeKey: `reminder:${r.timerId}:${r.round}:${to.toLowerCase()}`,
        });
      }
    }
  }

  async dailyReport(envelope: EnvelopeOf<typeof slaDailyReportV1>, manager: EntityManager): Promise<void> {
    const report = envelope.data;
    const ctx = this.context(envelope.correlationId);
    await this.inApp(
      manager,
      envelope,
      `daily-report:${report.reportId}`,
      { kind: 'inbox', inboxId: report.inboxId },
      {
        kind: 'report',
        caseId: null,
        caseNumber: null,
        title: `Uppföljning ${report.date}`,
        text: `${report.total} ärenden att åtgärda, varav ${report.overdue} försenade.`,
      },
    );
    const addresses = await this.emailsOf({ kind: 'inbox', inboxId: report.inboxId }, null, ctx);
    const lines = report.cases.map(
      (c) =>
        `${c.overdue ? '! ' : '  '}${c.number}  ${c.title}` +
        (c.dueAt === null ? '' : `  (förfaller ${localTime(c.dueAt)})`),
    );
    const more = report.total > report.cases.length ? [`… och ${report.total - report.cases.length} till.`] : [];
    const text =
      `Uppföljning ${report.date}: ${report.total} ärenden att åtgärda, varav ${report.overdue} försenade.\n\n` +
      [...lines, ...more].join('\n') +
      '\n';
    for (const to of addresses) {
      await this.queue(manager, ctx, 'daily_report', {
        to,
        subject: `Uppföljning ${report.date}: ${report.total} ärenden, ${report.overdue} försenade`,
        text,
        dedupeKey: `daily-report:${report.reportId}:${to.toLowerCase()}`,
      });
    }
  }

  /** Tells a person in the agent client that someone else gave them a case (taking one yourself says nothing). */
  async assigned(envelope: EnvelopeOf<typeof caseAssignedV1>, manager: EntityManager): Promise<void> {
    const { assigneeId, caseId, number } = envelope.data;
    const by = envelope.actor;
    if (assigneeId === null || assigneeId === by.id || assigneeId === by.userName) return;
    const from = by.kind === 'staff' && by.name !== undefined ? `${by.name} har gett dig` : 'Du har fått';
    await this.inApp(
      manager,
      envelope,
      `assignment:${envelope.id}`,
      { kind: 'user', userName: assigneeId },
      {
        kind: 'assignment',
        caseId,
        caseNumber: number,
        title: `Tilldelat: ärende ${number}`,
        text: `${from} ärende ${number}.`,
      },
    );
  }

  async alarm(envelope: EnvelopeOf<typeof caseAlarmRaisedV1>, manager: EntityManager): Promise<void> {
    const alarm = envelope.data;
    const ctx = this.context(envelope.correlationId);
    if (this.settings.alarmSms) {
      await this.messages.queueSms(
        manager,
        {
          to: this.settings.alarmSms,
          text: `LARM ärende ${alarm.number}: ${alarm.title}`,
          caseNumber: alarm.number,
          dedupeKey: `alarm:${envelope.id}:${this.settings.alarmSms}`,
          purpose: 'alarm',
        },
        ctx,
      );
    }
    if (!this.settings.alarmEmail) return;
    const words = alarm.keywords.length > 0 ? `Larmord: ${alarm.keywords.join(', ')}\n` : '';
    await this.queue(manager, ctx, 'alarm', {
      to: this.settings.alarmEmail,
      subject: `LARM: ${alarm.title}`,
      text: `Ett ärende har utlöst larm.\n\nÄrende ${alarm.number}: ${alarm.title}\nInkorg: ${alarm.inboxId}\n${words}`,
      caseNumber: alarm.number,
      dedupeKey: `alarm:${envelope.id}:${this.settings.alarmEmail.toLowerCase()}`,
    });
  }

  /** The e-mail addresses of one recipient; none (with a log line) when it has none or is gone. */
  private async emailsOf(recipient: FollowUpRecipient, caseNumber: string | null, ctx: RpcContext): Promise<string[]> {
    try {
      switch (recipient.kind) {
        case 'email':
          return [recipient.address];
        case 'user': {
          // A user is their login (a case's assigneeId, the token's preferred_username), not a directory id.
          const hit = await this.rpc.request(getStaffByUserNameV1, { userName: recipient.userId }, ctx);
          return hit.person.email === null ? this.none(recipient) : [hit.person.email];
        }
        case 'inbox': {
          const inbox = await this.rpc.request(getInboxV1, { id: recipient.inboxId }, ctx);
          return inbox.email === null ? this.none(recipient) : [inbox.email];
        }
        case 'customer': {
          if (caseNumber === null) return this.none(recipient);
          const { items } = await this.rpc.request(listCaseCustomersV1, { number: caseNumber }, ctx);
          const emails = items.map((c) => c.email).filter((e): e is string => e !== null);
          return emails.length === 0 ? this.none(recipient) : [emails[0]];
        }
        case 'sms':
          // Text messages go through the SMS adapter, not e-mail.
          return [];
      }
    } catch (error) {
      if (isGone(error)) return this.none(recipient);
      throw error;
    }
  }

  /** Queues one in-app notification in the consumer's transaction (the relay publishes it after the commit). */
  private async inApp(
    manager: EntityManager,
    cause: { id: string; correlationId: string },
    key: string,
    to: InAppRecipient,
    notice: InApp,
  ): Promise<void> {
    const who = to.kind === 'user' ? `user:${to.userName}` : `inbox:${to.inboxId}`;
    const data = {
      ...notice,
      notificationId: `${key}:${who}`,
      to,
      link: notice.caseNumber === null ? null : `/cases/${notice.caseNumber}`,
      createdAt: new Date().toISOString(),
    };
    const event = createEnvelope(inAppNotificationV1, data, {
      actor: SYSTEM_ACTOR,
      correlationId: cause.correlationId,
      causationId: cause.id,
    });
    await Outbox.add(manager, event, this.settings.outboxSchema);
  }

  private none(recipient: FollowUpRecipient): string[] {
    this.logger.warn({ recipient: recipient.kind }, 'Recipient has no e-mail address; skipped');
    return [];
  }

  private async queue(
    manager: EntityManager,
    ctx: RpcContext,
    purpose: MessagePurpose,
    mail: { to: string; subject: string; text: string; caseNumber?: string; dedupeKey: string },
  ): Promise<void> {
    await this.messages.queueEmail(manager, { ...mail, purpose }, ctx);
  }

  private context(correlationId: string): RpcContext {
    return { actor: SYSTEM_ACTOR, correlationId };
  }
}

/** The in-app recipient of a follow-up recipient: users and inboxes are staff; addresses and customers are not. */
function inAppRecipientOf(recipient: FollowUpRecipient): InAppRecipient | null {
  if (recipient.kind === 'user') return { kind: 'user', userName: recipient.userId };
  if (recipient.kind === 'inbox') return { kind: 'inbox', inboxId: recipient.inboxId };
  return null;
}
