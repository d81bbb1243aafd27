import { type CaseEventView, type CaseView, type ReferralView, exampleCase, exampleReferral } from '@arende/contracts';
import { caseWarnings, inboxWarnings } from './warnings';

const quiet: CaseView = { ...exampleCase, customerWantsAnswer: false };
const now = new Date('2026-12-03T12:00:00.000Z');
const distributed: CaseEventView = {
  id: '7',
  kind: 'distributed',
  actor: { id: 'anna', name: 'Anna Lindqvist' },
  occurredAt: '2026-12-02T08:00:00.000Z',
  changes: { inbox: { before: 'kundtjanst', after: 'stadsbyggnad' } },
};
const kinds = (warnings: { kind: string }[]) => warnings.map((w) => w.kind);

describe('caseWarnings', () => {
  it('has none for a quiet case', () => {
    expect(caseWarnings(quiet, [], undefined, now)).toEqual([]);
  });

  it('warns of a customer who wants an answer until answered or contacted, but not on a closed case', () => {
    const wants = { ...quiet, customerWantsAnswer: true };
    expect(kinds(caseWarnings(wants, [], undefined, now))).toEqual(['unanswered']);
    expect(caseWarnings({ ...wants, customerAnswered: true }, [], undefined, now)).toEqual([]);
    expect(caseWarnings({ ...wants, customerContactedAt: now.toISOString() }, [], undefined, now)).toEqual([]);
    expect(caseWarnings({ ...wants, status: 'closed' }, [], undefined, now)).toEqual([]);
  });

  it('asks the receiver of a distributed case to acknowledge it and contact the customer', () => {
    expect(caseWarnings(quiet, [], distributed, now)).toEqual([
      { severity: 'warning', kind: 'not-acknowledged', since: distributed.occurredAt },
      { severity: 'warning', kind: 'customer-not-contacted', since: distributed.occurredAt },
    ]);
    const acknowledged = { ...quiet, acknowledgedAt: now.toISOString(), customerContactedAt: now.toISOString() };
    expect(caseWarnings(acknowledged, [], distributed, now)).toEqual([]);
  });

  it('tells answered, pending and overdue referrals apart', () => {
    const referral = (fields: Partial<ReferralView>): ReferralView => ({ ...exampleReferral, ...fields });
    const warnings = caseWarnings(
      quiet,
      [
        referral({ referralNumber: '2026-000123-R1', answeredAt: '2026-12-01T10:00:00.000Z', status: 'answered' }),
        referral({ referralNumber: '2026-000123-R2', replyBy: '2026-12-02T10:00:00.000Z' }),
        referral({ referralNumber: '2026-000123-R3', replyBy: '2026-12-10T10:00:00.000Z' }),
      ],
      undefined,
      now,
    );
    // What calls for action comes first.
    expect(warnings.map((w) => [w.kind, w.severity])).toEqual([
      ['referral-overdue', 'warning'],
      ['referral-answered', 'info'],
      ['referral-pending', 'info'],
    ]);
  });

  it('names secrecy with its paragraph, personal data, a feedback owed and a new customer reply', () => {
    const marked: CaseView = {
      ...quiet,
      secret: true,
      secrecyParagraph: 'OSL 26:1',
      personalData: true,
      feedbackReturnInboxId: 'kundtjanst',
      customerRepliedAt: '2026-12-03T09:00:00.000Z',
    };
    expect(caseWarnings(marked, [], undefined, now)).toEqual([
      { severity: 'warning', kind: 'customer-replied', at: '2026-12-03T09:00:00.000Z' },
      { severity: 'warning', kind: 'feedback-required', inboxId: 'kundtjanst' },
      { severity: 'warning', kind: 'secret', paragraph: 'OSL 26:1' },
      { severity: 'info', kind: 'personal-data' },
    ]);
  });
});

describe('inboxWarnings', () => {
  it('marks what calls for action, leaving out the customer reply (it has its own icon) and information', () => {
    const view: CaseView = {
      ...exampleCase,
      personalData: true,
      customerRepliedAt: '2026-12-03T09:00:00.000Z',
      sla: {
        responseMinutes: 60,
        resolutionHours: null,
        calendarId: null,
        feedbackHours: null,
        customerReminderDays: null,
        closeUnansweredDays: null,
        acknowledgeMinutes: null,
        customerContactMinutes: null,
      },
    };
    expect(kinds(inboxWarnings(view))).toEqual(['unanswered']);
    expect(inboxWarnings(quiet)).toEqual([]);
  });
});
