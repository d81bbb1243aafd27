import {
  SYSTEM_ACTOR,
  caseAssignedV1,
  caseDistributedV1,
  caseRegisteredV1,
  entryAddedV1,
  exampleCase,
  inAppNotificationV1,
  type EventContract,
} from '@arende/contracts';
import { createEnvelope } from '@arende/messaging';
import type { z } from 'zod';
import { CaseInboxes } from './case-inboxes.js';
import { liveSources } from './live-sources.js';

const asked: string[] = [];
const caseInboxes = new CaseInboxes((number) => {
  asked.push(number);
  return Promise.resolve(number === '2026-000777' ? 'bygglov' : null);
});
const sources = liveSources({ caseInboxes });

function live<C extends EventContract>(contract: C, data: z.input<C['data']>) {
  const found = sources.find((s) => s.contract.subject === contract.subject);
  if (!found) throw new Error(`no live source for ${contract.subject}`);
  const envelope = createEnvelope(contract, data, { actor: SYSTEM_ACTOR, correlationId: 'c' });
  return { envelope, result: found.toLive(envelope) };
}

describe(liveSources.name, () => {
  it('pushes an in-app notification to its user, or to the members of its inbox', () => {
    const toUser = live(inAppNotificationV1, inAppNotificationV1.example);
    expect(toUser.result).toEqual({
      event: 'notification',
      id: toUser.envelope.id,
      data: toUser.envelope.data,
      recipients: ['elin'],
      inboxIds: [],
    });
    const toInbox = live(inAppNotificationV1, {
      ...inAppNotificationV1.example,
      to: { kind: 'inbox', inboxId: 'bygglov' },
    });
    expect(toInbox.result).toMatchObject({ recipients: [], inboxIds: ['bygglov'] });
  });

  it('tells the inbox of a registered case which case it is, without what it holds', () => {
    const { envelope, result } = live(caseRegisteredV1, { ...exampleCase, number: '2026-000501', secret: true });
    expect(result).toEqual({
      event: 'case-registered',
      id: envelope.id,
      data: {
        caseId: exampleCase.id,
        number: '2026-000501',
        version: exampleCase.version,
        inboxId: exampleCase.inboxId,
        status: exampleCase.status,
        priority: exampleCase.priority,
        occurredAt: envelope.occurredAt,
      },
      inboxIds: [exampleCase.inboxId],
      recipients: [],
    });
  });

  it('tells both inboxes of a distribution, and the new handler of an assignment', () => {
    const distributed = live(caseDistributedV1, caseDistributedV1.example).result;
    expect(distributed).toMatchObject({ event: 'case-distributed', inboxIds: ['kundtjanst', 'snorojning-ab'] });
    const assigned = live(caseAssignedV1, caseAssignedV1.example).result;
    expect(assigned).toMatchObject({ event: 'case-assigned', inboxIds: ['kundtjanst'], recipients: ['anna.agent'] });
    expect(live(caseAssignedV1, { ...caseAssignedV1.example, assigneeId: null }).result).toMatchObject({
      recipients: [],
    });
  });

  it('tells the inbox of a customer reply, found from the events seen or asked once, and nobody of other entries', async () => {
    const reply = { ...entryAddedV1.example, direction: 'inbound' as const, kind: 'inbound_email' as const };
    live(caseDistributedV1, caseDistributedV1.example);
    await expect(live(entryAddedV1, reply).result).resolves.toMatchObject({
      event: 'case-customer-replied',
      inboxIds: ['snorojning-ab'],
    });
    await expect(live(entryAddedV1, { ...reply, number: '2026-000777' }).result).resolves.toMatchObject({
      inboxIds: ['bygglov'],
      data: { number: '2026-000777', inboxId: 'bygglov', kind: 'inbound_email' },
    });
    await expect(live(entryAddedV1, { ...reply, number: '2026-000778' }).result).resolves.toBeNull();
    expect(live(entryAddedV1, { ...reply, number: '2026-000779', direction: 'internal' }).result).toBeNull();
    expect(asked).toEqual(['2026-000777', '2026-000778']);
  });
});
