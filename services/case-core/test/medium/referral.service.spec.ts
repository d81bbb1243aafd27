import {
  ListCaseEventsRequestV1,
  ListEntriesRequestV1,
  SYSTEM_ACTOR,
  SendReferralRequestV1,
  matchTemplateV1,
} from '@arende/contracts';
import { RpcServer } from '@arende/messaging';
import { factory } from '@arende/testing';
import type { z } from 'zod';
import { CaseEventRepository } from '../../src/repositories/case-event.repository.js';
import { CaseEventService } from '../../src/services/case-event.service.js';
import { type CaseTestContext, createCaseTestContext } from './case-context.js';
import { type IntakeTestParts, createIntakeParts, inboundMail, silentLogger } from './intake-context.js';

let ctx: CaseTestContext;
let parts: IntakeTestParts;
let routing: RpcServer;

beforeAll(async () => {
  ctx = await createCaseTestContext();
  parts = createIntakeParts(ctx);
  routing = new RpcServer({ nc: ctx.nc, names: ctx.names, service: 'routing', logger: silentLogger() });
  routing.handle(matchTemplateV1, () => Promise.resolve({ template: null, reason: null, alarm: null, skipped: [] }));
});

afterAll(async () => {
  await routing?.close();
  await ctx?.close();
});

const DAY_MS = 24 * 60 * 60 * 1000;
const system = () => ({ actor: SYSTEM_ACTOR, correlationId: factory.correlationId() });
const agentActor = factory.actor({ groups: ['/inbox/kundtjanst'] });
const agent = () => ({ actor: agentActor, correlationId: factory.correlationId() });

function send(overrides: Partial<z.input<typeof SendReferralRequestV1>> & { number: string; version: number }) {
  return parts.referrals.send(
    SendReferralRequestV1.parse({
      to: { email: 'trafik@solna.example', name: 'Trafikenheten' },
      message: 'Kan ni yttra er över önskemålet om farthinder?',
      ...overrides,
    }),
    agent(),
  );
}

async function caseWithPhoto() {
  const view = await ctx.newCase({ title: 'Önskemål om farthinder' });
  const entry = await parts.entries.add(
    {
      number: view.number,
      kind: 'inbound_email',
      from: 'kund@example.se',
      text: 'Bilden visar gatan.',
      attachments: [
        { id: '01935c52-0000-7000-8000-000000000001', fileName: 'gata.jpg', contentType: 'image/jpeg', size: 10 },
        { id: '01935c52-0000-7000-8000-000000000002', fileName: 'karta.pdf', contentType: 'application/pdf', size: 20 },
      ],
    },
    agent(),
  );
  return { view, attachment: entry.attachments[0] };
}

const timeline = async (number: string) =>
  (await parts.entries.list(ListEntriesRequestV1.parse({ number, limit: 200 }), agent())).items;
const referralEvents = async (subject: string, number: string) =>
  (await ctx.outbox()).filter(
    (row) => row.subject === subject && (row.payload.data.number ?? row.payload.data.caseNumber) === number,
  );

describe('send', () => {
  it('numbers a case’s referrals R1, R2, … and each case from R1', async () => {
    const first = await ctx.newCase({}, agent().actor);
    const other = await ctx.newCase({}, agent().actor);
    const r1 = await send({ number: first.number, version: 1 });
    const r2 = await send({ number: first.number, version: 1 });
    const o1 = await send({ number: other.number, version: 1 });
    expect([r1.referralNumber, r2.referralNumber, o1.referralNumber]).toEqual([
      `${first.number}-R1`,
      `${first.number}-R2`,
      `${other.number}-R1`,
    ]);
  });

  it('gives concurrent referrals of one case different numbers', async () => {
    const view = await ctx.newCase();
    const sent = await Promise.all([1, 2, 3, 4].map(() => send({ number: view.number, version: 1 })));
    expect(sent.map((r) => r.referralNumber).sort()).toEqual([1, 2, 3, 4].map((n) => `${view.number}-R${n}`));
  });

  it('writes a referral entry with the chosen attachments of the case and publishes case.evt.referral-sent.v1', async () => {
    const { view, attachment } = await caseWithPhoto();
    const before = Date.now();
    const referral = await send({ number: view.number, version: 1, attachmentIds: [attachment.id] });
    expect(referral).toMatchObject({
      caseNumber: view.number,
      to: { email: 'trafik@solna.example', name: 'Trafikenheten' },
      status: 'sent',
      answeredAt: null,
      answers: [],
      attachments: [attachment],
    });
    expect(referral.messageId).toBe(`<referral.${referral.id}@arende.test>`);
    // Reply-by defaults to 14 days.
    const replyIn = Date.parse(referral.replyBy) - before;
    expect(replyIn).toBeGreaterThanOrEqual(14 * DAY_MS - 1000);
    expect(replyIn).toBeLessThanOrEqual(14 * DAY_MS + 60_000);
    const entry = (await timeline(view.number)).find((e) => e.kind === 'referral');
    expect(entry).toMatchObject({ id: referral.entryId, attachments: [attachment], visibility: 'staff' });
    expect(entry?.text).toContain(`Remiss ${referral.referralNumber} till Trafikenheten <trafik@solna.example>`);
    expect(entry?.text).toContain('Kan ni yttra er över önskemålet om farthinder?');
    const [event] = await referralEvents('case.evt.referral-sent.v1', view.number);
    expect(event.payload.data).toMatchObject({
      referralNumber: referral.referralNumber,
      messageId: referral.messageId,
      replyBy: referral.replyBy,
      caseTitle: 'Önskemål om farthinder',
      inboxId: 'kundtjanst',
    });
  });

  it('keeps a reply-by date given in the future and refuses one in the past', async () => {
    const view = await ctx.newCase();
    const replyBy = new Date(Date.now() + 3 * DAY_MS).toISOString();
    expect((await send({ number: view.number, version: 1, replyBy })).replyBy).toBe(replyBy);
    await expect(
      send({ number: view.number, version: 1, replyBy: new Date(Date.now() - 1000).toISOString() }),
    ).rejects.toMatchObject({ code: 'REQUEST.INVALID' });
  });

  it('refuses attachments larger together than the cap with REQUEST.TOO_LARGE', async () => {
    const { view, attachment } = await caseWithPhoto();
    // 10 + 20 bytes against the test context's cap of 25.
    await expect(
      send({ number: view.number, version: 1, attachmentIds: [attachment.id, '01935c52-0000-7000-8000-000000000002'] }),
    ).rejects.toMatchObject({ code: 'REQUEST.TOO_LARGE', details: { totalBytes: 30, maxBytes: 25 } });
    expect((await timeline(view.number)).filter((e) => e.kind === 'referral')).toEqual([]);
  });

  it('refuses an attachment that is not on the case with REFERRAL.ATTACHMENT_UNKNOWN', async () => {
    const { view, attachment } = await caseWithPhoto();
    const stranger = '01935c52-0000-7000-8000-0000000000ff';
    await expect(
      send({ number: view.number, version: 1, attachmentIds: [attachment.id, stranger] }),
    ).rejects.toMatchObject({ code: 'REFERRAL.ATTACHMENT_UNKNOWN', details: { missing: [stranger] } });
    expect(await parts.referrals.list(view.number, agent())).toEqual({ items: [] });
  });

  it('refuses a stale version with CASE.VERSION_CONFLICT and a case out of scope with CASE.NOT_FOUND', async () => {
    const view = await ctx.newCase();
    await ctx.cases.update({ number: view.number, version: 1, changes: { title: 'Ny rubrik' } }, ctx.as());
    await expect(send({ number: view.number, version: 1 })).rejects.toMatchObject({ code: 'CASE.VERSION_CONFLICT' });
    const elsewhere = await ctx.newCase({ inboxId: 'gatukontoret' });
    await expect(send({ number: elsewhere.number, version: 1 })).rejects.toMatchObject({ code: 'CASE.NOT_FOUND' });
  });

  it('refuses a closed case with CASE.CLOSED', async () => {
    const view = await ctx.newCase({ status: 'closed' });
    await expect(send({ number: view.number, version: 1 })).rejects.toMatchObject({ code: 'CASE.CLOSED' });
  });
});

describe('an answer by e-mail', () => {
  async function sentReferral() {
    const view = await ctx.newCase({}, agent().actor);
    await send({ number: view.number, version: 1 });
    const referral = await send({ number: view.number, version: 1 });
    return { view, referral };
  }

  it('threads by the referral number in the subject onto its referral, and warns the handler', async () => {
    const { view, referral } = await sentReferral();
    const outcome = await parts.run((m) =>
      parts.intake.email(
        m,
        inboundMail({
          subject: `SV: Remiss ${referral.referralNumber.toLowerCase()} om farthinder`,
          from: [{ address: 'trafik@solna.example', name: 'Trafikenheten' }],
          text: { inline: 'Vi tillstyrker farthinder.', blobKey: null, size: 26 },
        }),
        system(),
      ),
    );
    expect(outcome).toEqual({ kind: 'referral-answer', number: view.number, referralNumber: referral.referralNumber });
    const answer = (await timeline(view.number)).find((e) => e.kind === 'referral_answer');
    expect(answer).toMatchObject({ from: 'trafik@solna.example', text: 'Vi tillstyrker farthinder.', author: null });
    const [r1, r2] = (await parts.referrals.list(view.number, agent())).items;
    expect(r1).toMatchObject({ status: 'sent', answers: [] });
    expect(r2).toMatchObject({
      status: 'answered',
      answers: [{ entryId: answer!.id, from: 'trafik@solna.example' }],
    });
    expect(r2.answeredAt).toBe(r2.answers[0].receivedAt);
    expect((await ctx.cases.get(view.number, agent())).customerRepliedAt).not.toBeNull();
    const [event] = await referralEvents('case.evt.referral-answered.v1', view.number);
    expect(event.payload.data).toMatchObject({
      referralId: referral.id,
      referralNumber: referral.referralNumber,
      entryId: answer!.id,
      from: 'trafik@solna.example',
      first: true,
    });
    const log = await new CaseEventService(ctx.repository, new CaseEventRepository(ctx.dataSource, 'case_core')).list(
      ListCaseEventsRequestV1.parse({ number: view.number }),
      agent(),
    );
    expect(log.items.map((l) => l.kind)).toContain('referral-answered');
  });

  it('threads by In-Reply-To naming the referral mail’s Message-ID; a second answer is not the first', async () => {
    const { view, referral } = await sentReferral();
    const reply = () =>
      parts.run((m) =>
        parts.intake.email(
          m,
          inboundMail({ subject: 'Svar', inReplyTo: referral.messageId.toUpperCase(), references: [] }),
          system(),
        ),
      );
    expect(await reply()).toMatchObject({ kind: 'referral-answer', referralNumber: referral.referralNumber });
    expect(await reply()).toMatchObject({ kind: 'referral-answer', referralNumber: referral.referralNumber });
    const events = await referralEvents('case.evt.referral-answered.v1', view.number);
    expect(events.map((e) => e.payload.data.first)).toEqual([true, false]);
    const [, r2] = (await parts.referrals.list(view.number, agent())).items;
    expect(r2.answers).toHaveLength(2);
  });

  it('registers a new case for a subject naming a referral that does not exist', async () => {
    const outcome = await parts.run((m) =>
      parts.intake.email(m, inboundMail({ subject: 'Remiss 2019-000001-R1' }), system()),
    );
    expect(outcome.kind).toBe('registered');
  });
});
