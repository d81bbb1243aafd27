import { randomUUID } from 'node:crypto';
import {
  type Actor,
  DomainError,
  caseClosedV1,
  caseDistributedV1,
  deleteMessageTemplateV1,
  deleteSignatureV1,
  exampleReferral,
  getMessageTemplateV1,
  listMessageTemplatesV1,
  listSignaturesV1,
  putMessageTemplateV1,
  putSignatureV1,
  referralSentV1,
  sendEmailV1,
} from '@arende/contracts';
import type { RpcContext } from '@arende/messaging';
import { factory } from '@arende/testing';
import { type Harness, oneMailTo, startHarness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const admin: Actor = { kind: 'staff', id: 'ada.admin', name: 'Ada Admin', roles: ['admin'] };
const agent: Actor = { kind: 'staff', id: 'anna.agent', name: 'Anna Agent', roles: ['agent'] };
const as = (actor: Actor): RpcContext => ({ actor, correlationId: factory.correlationId() });
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const logo = `data:image/png;base64,${PNG.toString('base64')}`;

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A case at `servicePointId` whose template tells the customer when it closes. */
function givenClosingCase(number: string, customer: string, servicePointId: string) {
  const templateId = `mall-${number}`;
  h.cases.add(number);
  h.customers.set(number, customer);
  h.templates.set(templateId, { solutionText: 'Lyktan är lagad.', customerNotices: { onClose: true } });
  h.caseViews.set(number, { title: 'Gatlykta släckt', templateId, assigneeName: 'Karin Öberg', servicePointId });
}

const oneMail = (to: string) => oneMailTo(h.sink, to);

describe('message templates and signatures', () => {
  it('sends the closing notice with the stored template and the service point’s signature and logo', async () => {
    await h.rpc.request(
      putMessageTemplateV1,
      {
        purpose: 'customer_close',
        language: 'sv',
        subject: 'Klart: {title}',
        body: 'Hej {customerName}!\n\n{handlerName} har avslutat ärende {caseNumber}.\n\n{solution}\n\n{portalLink}',
      },
      as(admin),
    );
    await h.rpc.request(putSignatureV1, { text: 'Solna stad' }, as(admin));
    await h.rpc.request(
      putSignatureV1,
      {
        servicePointId: 'sp-501',
        text: 'Kundtjänst Solna\n08-746 10 00',
        html: '<p><b>Kundtjänst Solna</b></p>',
        logo,
      },
      as(admin),
    );
    givenClosingCase('2026-000501', 'eva501@example.org', 'sp-501');
    await h.publish(caseClosedV1, { ...caseClosedV1.example, caseId: randomUUID(), number: '2026-000501' }, agent);
    const mail = await oneMail('eva501@example.org');
    expect(mail.subject).toBe('Ärende 2026-000501: Klart: Gatlykta släckt');
    expect(mail.text).toContain('Karin Öberg har avslutat ärende 2026-000501.');
    expect(mail.text).toContain('Lyktan är lagad.');
    expect(mail.text).toContain('https://minasidor.kommun.example/arenden/2026-000501');
    expect(mail.text).toContain('-- \nKundtjänst Solna\n08-746 10 00');
    expect(mail.text).not.toContain('Solna stad');
    expect(mail.html).toContain('<p><b>Kundtjänst Solna</b></p>');
    // The sink's parser resolves the inline image's cid: reference to its content.
    expect(mail.html).toContain(`<img src="data:image/png;base64,${PNG.toString('base64')}"`);
    expect(mail.attachments).toEqual([
      expect.objectContaining({
        contentType: 'image/png',
        size: PNG.length,
        contentId: 'signature-logo@arende',
        inline: true,
      }),
    ]);
  });

  it('prefers the acting user’s signature at the service point, and the global one elsewhere', async () => {
    await h.rpc.request(
      putSignatureV1,
      { userId: 'anna.agent', servicePointId: 'sp-502', text: 'Anna på kundtjänsten' },
      as(admin),
    );
    await h.rpc.request(putSignatureV1, { servicePointId: 'sp-502', text: 'Kundtjänsten' }, as(admin));
    givenClosingCase('2026-000502', 'eva502@example.org', 'sp-502');
    givenClosingCase('2026-000503', 'eva503@example.org', 'sp-503');
    await h.publish(caseClosedV1, { ...caseClosedV1.example, caseId: randomUUID(), number: '2026-000502' }, agent);
    await h.publish(caseClosedV1, { ...caseClosedV1.example, caseId: randomUUID(), number: '2026-000503' }, agent);
    expect((await oneMail('eva502@example.org')).text).toContain('-- \nAnna på kundtjänsten\n');
    const elsewhere = await oneMail('eva503@example.org');
    expect(elsewhere.text).toContain('-- \nSolna stad\n');
    expect(elsewhere.html).toBeNull();
  });

  it('signs distribution and referral mails and the mail staff send themselves', async () => {
    await h.rpc.request(putSignatureV1, { userId: 'bo.handlaggare', text: 'Bo Handläggare, Trafik' }, as(admin));
    await h.rpc.request(
      putMessageTemplateV1,
      {
        purpose: 'referral',
        subject: 'Remiss {referralNumber} ({title})',
        body: '{greeting}\n\n{message}\n\nSvar senast {replyBy}.',
      },
      as(admin),
    );
    h.cases.add('2026-000504');
    h.caseViews.set('2026-000504', { title: 'Farthinder', servicePointId: 'sp-504' });
    await h.publish(referralSentV1, {
      ...exampleReferral,
      id: randomUUID(),
      caseId: randomUUID(),
      caseNumber: '2026-000504',
      referralNumber: '2026-000504-R1',
      to: { email: 'trafik504@solna.example', name: 'Trafikenheten' },
      messageId: `<referral.${randomUUID()}@arende.kommun.example>`,
      sentBy: { id: 'bo.handlaggare', name: 'Bo' },
      caseTitle: 'Farthinder',
      inboxId: 'kundtjanst',
    });
    const referral = await oneMail('trafik504@solna.example');
    expect(referral.subject).toBe('Remiss 2026-000504-R1 (Farthinder)');
    expect(referral.text).toMatch(
      /^Hej Trafikenheten!\n\n.+\n\nSvar senast \d{1,2} \w+ 20\d\d\.\n\n-- \nBo Handläggare, Trafik\n$/s,
    );

    await h.publish(
      caseDistributedV1,
      {
        ...caseDistributedV1.example,
        caseId: randomUUID(),
        entryId: randomUUID(),
        number: '2026-000504',
        kind: 'for_information',
        note: '',
        notifyCustomer: null,
        email: {
          to: ['info504@solna.example'],
          include: { description: false, entries: false, attachments: false, customer: false },
        },
      },
      { kind: 'staff', id: 'bo.handlaggare', roles: ['officer'] },
    );
    expect((await oneMail('info504@solna.example')).text).toBe('För kännedom.\n\n-- \nBo Handläggare, Trafik\n');

    await h.rpc.request(
      sendEmailV1,
      { to: 'kund504@example.org', subject: 'Svar', text: 'Hej!', caseNumber: '2026-000504' },
      as({ kind: 'staff', id: 'bo.handlaggare', roles: ['officer'] }),
    );
    expect((await oneMail('kund504@example.org')).text).toBe('Hej!\n\n-- \nBo Handläggare, Trafik\n');
  });

  it('refuses unknown placeholders with a code listing them, and non-administrators', async () => {
    const unknown = await refusal(
      h.rpc.request(
        putMessageTemplateV1,
        { purpose: 'customer_registration', subject: '{titel}', body: 'Hej {kund}! {caseNumber} {kund}' },
        as(admin),
      ),
    );
    expect(unknown.code).toBe('NOTIFICATIONS.PLACEHOLDER_UNKNOWN');
    expect(unknown.details).toMatchObject({ unknown: ['titel', 'kund'] });
    const forbidden = await refusal(
      h.rpc.request(putMessageTemplateV1, { purpose: 'customer_close', subject: 's', body: 'b' }, as(agent)),
    );
    expect(forbidden.code).toBe('AUTH.FORBIDDEN');
    const badLogo = await refusal(
      h.rpc.request(putSignatureV1, { text: 'x', logo: 'data:image/gif;base64,R0lGODlh' }, as(admin)),
    );
    expect(badLogo.code).toBe('NOTIFICATIONS.LOGO_INVALID');
    expect((await refusal(h.rpc.request(putSignatureV1, { text: 'x' }, as(agent)))).code).toBe('AUTH.FORBIDDEN');
  });

  it('lists stored templates beside the built-in texts, and falls back to the built-in text when one is removed', async () => {
    const { items } = await h.rpc.request(listMessageTemplatesV1, {}, as(agent));
    const close = items.filter((t) => t.purpose === 'customer_close');
    expect(close).toEqual([
      expect.objectContaining({ builtIn: false, subject: 'Klart: {title}', updatedBy: 'ada.admin' }),
    ]);
    expect(items.find((t) => t.purpose === 'customer_registration')).toMatchObject({ builtIn: true, language: 'sv' });
    const notStored = await refusal(
      h.rpc.request(getMessageTemplateV1, { purpose: 'customer_close', language: 'en' }, as(agent)),
    );
    expect(notStored.code).toBe('NOTIFICATIONS.TEMPLATE_NOT_FOUND');

    expect(await h.rpc.request(deleteMessageTemplateV1, { purpose: 'customer_close' }, as(admin))).toEqual({
      deleted: true,
    });
    expect(await h.rpc.request(deleteSignatureV1, { servicePointId: 'sp-501' }, as(admin))).toEqual({ deleted: true });
    const signatures = await h.rpc.request(listSignaturesV1, {}, as(agent));
    expect(signatures.items.map((s) => [s.userId, s.servicePointId])).not.toContainEqual([null, 'sp-501']);
    givenClosingCase('2026-000505', 'eva505@example.org', 'sp-501');
    await h.publish(caseClosedV1, { ...caseClosedV1.example, caseId: randomUUID(), number: '2026-000505' }, agent);
    const mail = await oneMail('eva505@example.org');
    expect(mail.subject).toBe('Ärende 2026-000505: Gatlykta släckt');
    expect(mail.text).toContain('Ditt ärende 2026-000505 är nu avslutat.');
    expect(mail.text).toContain('-- \nSolna stad\n');
  });
});
