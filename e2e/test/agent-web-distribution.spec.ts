import path from 'node:path';
import type { CaseRelations, CaseView, EntryView, ReferralView } from '@arende/contracts';
import { SmtpClient, textMessage } from '../src/smtp-client.js';
import {
  SCREENSHOTS,
  caseByTitle,
  eventually,
  expectAccessible as accessible,
  register as registerWith,
  useWeb,
} from './web.js';

// The case card's actions that send a case on or tie it to others, in real Chromium against the whole platform:
// distribute (Alt+B), referral (Alt+I), relate (Alt+J), copy (Alt+C), and save-and-distribute in quick registration.
const web = useWeb();
const register = (fields: Record<string, unknown>) => registerWith(web.api, fields);
const expectAccessible = (view: string) => accessible(web.page, view);

async function openCard(number: string, title: string): Promise<void> {
  await web.page.goto(`${web.platform.gatewayUrl}/cases/${number}`);
  await web.page.getByRole('heading', { level: 1, name: new RegExp(`${number} ${title}`) }).waitFor();
}

const read = async (number: string, as = 'anna') => web.api.call<CaseView>('GET', `/api/v1/cases/${number}`, { as });

/** The mails to `to` about the case (its number in the subject or the text). */
const mailsAbout = (to: string, number: string) =>
  web.platform.sink.messages(to).filter((m) => `${m.subject ?? ''}\n${m.text ?? ''}`.includes(number));

/** Sends a mail over SMTP to the intake. */
async function mailIn(from: string, raw: string): Promise<void> {
  const smtp = await SmtpClient.connect(web.platform.smtpPort);
  try {
    expect((await smtp.send(from, [web.platform.intakeAddress], raw)).code).toBe(250);
  } finally {
    await smtp.close();
  }
}

/** A customer's mail with a picture attached, as intake gets it. */
function mailWithPicture(from: string, subject: string, picture: Buffer): string {
  const boundary = `boundary-${Date.now().toString(36)}`;
  return [
    `From: ${from}`,
    `To: ${web.platform.intakeAddress}`,
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <bild.${Date.now().toString(36)}@example.se>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Bilarna kör för fort här, se bilden.',
    `--${boundary}`,
    'Content-Type: image/png; name="gata.png"',
    'Content-Disposition: attachment; filename="gata.png"',
    'Content-Transfer-Encoding: base64',
    '',
    picture.toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

describe('distributing a case', () => {
  it('sends a case to the contractor by keyboard alone (Alt+B), and the customer is told', async () => {
    const title = 'Ingen snöröjning på Råsundavägen';
    const kase = await register({ title, description: 'Trottoaren utanför nr 12 är inte röjd.' });
    await openCard(kase.number, title);

    await web.page.keyboard.press('Alt+B');
    const dialog = web.page.getByRole('dialog', { name: `Fördela ärende ${kase.number}` });
    await dialog.waitFor();
    // The inboxes are loaded: the one other work group is chosen already.
    await dialog.getByRole('option', { name: 'Kundtjänst äldreomsorg' }).waitFor({ state: 'attached' });
    // The focus starts on the kinds: down twice from work group is the contractor, whose one inbox is chosen.
    await web.page.keyboard.press('ArrowDown');
    await web.page.keyboard.press('ArrowDown');
    expect(await dialog.getByLabel('Entreprenör (extern part)').isChecked()).toBe(true);
    expect(await dialog.getByLabel('Mottagare', { exact: true }).inputValue()).toBe('snorojning-ab');
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.type('Plogning av trottoaren, tack.');
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.press('Space');
    await web.page.keyboard.press('Tab');
    expect(await web.page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)).toBe(
      'Ditt ärende har skickats vidare till den som kan hjälpa dig.',
    );
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.type('asa.kund@example.se');
    await expectAccessible('distribute dialog');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'distribute.png') });
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await web.page.getByText('Ärendet är fördelat till Snöröjning (entreprenör).').waitFor();

    // With the contractor: the contractor sees it in its inbox, customer service no longer does.
    const seen = await read(kase.number, 'fredrik');
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      inboxId: 'snorojning-ab',
      externalOrganisationId: 'snorojning-ab',
      status: 'with_external',
    });
    const inbox = await web.api.call<{ items: CaseView[] }>('GET', '/api/v1/inboxes/snorojning-ab/cases', {
      as: 'fredrik',
    });
    expect(inbox.body.items.map((c) => c.number)).toContain(kase.number);
    expect((await read(kase.number)).status).toBe(404);
    // The customer's notice of the distribution is in the SMTP sink.
    const [notice] = await eventually(() => {
      const found = mailsAbout('asa.kund@example.se', kase.number);
      return found.length > 0 ? found : undefined;
    });
    expect(notice.text).toContain('Ditt ärende har skickats vidare till den som kan hjälpa dig.');
  });

  it('e-mails a case to an external system with the parts chosen, and the case stays', async () => {
    const title = 'Trasig gatlykta på Solnavägen';
    const kase = await register({ title, description: 'Lyktan vid busshållplatsen är släckt.' });
    await openCard(kase.number, title);
    await web.page.getByRole('button', { name: 'Fördela (Alt+B)' }).click();
    const dialog = web.page.getByRole('dialog', { name: `Fördela ärende ${kase.number}` });
    await dialog.getByLabel('Externt system via e-post').check();
    // Without an address the dialog says so rather than asking the API.
    await dialog.getByRole('button', { name: 'Fördela', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Skriv minst en e-postadress.' }).waitFor();
    await dialog.getByLabel('E-postadresser (skilj med komma)').fill('felanmalan@belysning.example');
    await dialog.getByLabel('Handlingarna').check();
    await dialog.getByLabel('Meddelande till mottagaren').fill('Gäller lykta 14.');
    await expectAccessible('distribute dialog, by e-mail');
    await dialog.getByRole('button', { name: 'Fördela', exact: true }).click();
    await web.page.getByText('Ärendet är skickat med e-post till felanmalan@belysning.example.').waitFor();

    const [mail] = await eventually(() => {
      const found = mailsAbout('felanmalan@belysning.example', kase.number);
      return found.length > 0 ? found : undefined;
    });
    expect(mail.text).toContain('Lyktan vid busshållplatsen är släckt.');
    expect(mail.text).toContain('Gäller lykta 14.');
    expect((await read(kase.number)).body).toMatchObject({ inboxId: kase.inboxId, status: kase.status });
  });

  it('saves a quick registration and distributes it at once (Alt+B in quick registration)', async () => {
    const title = `Fråga om bygglov för carport ${Date.now().toString(36)}`;
    await web.page.goto(`${web.platform.gatewayUrl}/`);
    await web.page.getByRole('heading', { level: 1, name: 'Kundtjänst' }).waitFor();
    await web.page.keyboard.press('Alt+N');
    const quick = web.page.getByRole('dialog', { name: 'Snabbregistrering' });
    await quick.getByLabel('Rubrik').fill(title);
    await web.page.keyboard.press('Alt+B');
    const dialog = web.page.getByRole('dialog', { name: /^Fördela ärende \d{4}-\d{6}$/ });
    await dialog.waitFor();
    const number = /(\d{4}-\d{6})/.exec((await dialog.getByRole('heading').innerText()) ?? '')![1];
    await dialog.getByLabel('Handläggare (specialistgrupp)').check();
    await dialog.getByLabel('Mottagare', { exact: true }).selectOption('stadsbyggnad');
    await dialog.getByLabel(/Återkoppling krävs/).check();
    await dialog.getByRole('button', { name: 'Fördela', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await web.page
      .getByRole('status')
      .filter({ hasText: `Ärende ${number} registrerat.` })
      .waitFor();

    const seen = await read(number, 'elin');
    expect(seen.body).toMatchObject({ title, inboxId: 'stadsbyggnad', feedbackReturnInboxId: 'kundtjanst' });
  });
});

describe('a referral', () => {
  it('is sent from the case card (Alt+I) with a chosen attachment, and its answer by mail shows in the dialog', async () => {
    const title = `Önskemål om farthinder ${Date.now().toString(36)}`;
    const picture = Buffer.from(`en bild av gatan ${title}`);
    await mailIn('kund@example.se', mailWithPicture('kund@example.se', title, picture));
    const kase = await eventually(() => caseByTitle(web.api, title));
    await eventually(async () => {
      const entries = await web.api.call<{ items: EntryView[] }>('GET', `/api/v1/cases/${kase.number}/entries`);
      return entries.body.items.some((e) => e.attachments.length > 0) ? true : undefined;
    });
    await openCard(kase.number, title);
    await web.page.keyboard.press('Alt+I');
    const dialog = web.page.getByRole('dialog', { name: `Remiss för ärende ${kase.number}` });
    await dialog.getByText('Inga remisser än.').waitFor();
    await dialog.getByLabel('Mottagarens e-postadress').fill('trafik@solna.example');
    await dialog.getByLabel('Mottagarens namn (valfritt)').fill('Trafikenheten');
    await dialog.getByLabel('Fråga').fill('Kan ni yttra er över farthinder?');
    await dialog.getByLabel('gata.png').check();
    await expectAccessible('referral dialog');
    await dialog.getByRole('button', { name: 'Skicka', exact: true }).click();
    const referralNumber = `${kase.number}-R1`;
    await dialog.getByText(`Remiss ${referralNumber} är skickad.`).waitFor();
    await dialog.locator(`li[data-referral="${referralNumber}"]`, { hasText: 'Skickad, väntar på svar' }).waitFor();

    const [mail] = await eventually(() => {
      const found = web.platform.sink
        .messages('trafik@solna.example')
        .filter((m) => m.subject?.includes(referralNumber));
      return found.length > 0 ? found : undefined;
    });
    expect(mail.text).toContain('Kan ni yttra er över farthinder?');
    expect(mail.attachments).toMatchObject([{ filename: 'gata.png', contentType: 'image/png', size: picture.length }]);

    // The answer threads back by the referral number in its subject.
    await mailIn(
      'trafik@solna.example',
      textMessage({
        from: 'trafik@solna.example',
        to: web.platform.intakeAddress,
        subject: `SV: Remiss ${referralNumber}`,
        text: 'Vi tillstyrker farthinder vid skolan.',
        messageId: `<svar.${Date.now().toString(36)}@solna.example>`,
      }),
    );
    await eventually(async () => {
      const list = await web.api.call<{ items: ReferralView[] }>('GET', `/api/v1/cases/${kase.number}/referrals`);
      return list.body.items[0]?.status === 'answered' ? true : undefined;
    });
    await web.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await web.page.keyboard.press('Alt+I');
    const answered = dialog.locator(`li[data-referral="${referralNumber}"]`);
    await answered.filter({ hasText: 'Besvarad' }).waitFor();
    expect(await answered.innerText()).toContain('Bilagor: gata.png');
    expect(await answered.innerText()).toContain('Svar från trafik@solna.example');
    expect(await answered.innerText()).toContain('Vi tillstyrker farthinder vid skolan.');
    await web.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});

describe('relating and copying', () => {
  let master: CaseView;
  let child: CaseView;

  beforeAll(async () => {
    master = await register({ title: 'Vattenläcka på Frösundavik' });
    child = await register({ title: 'Ingen vatten i huset på Frösundavik' });
  });

  const relations = async (number: string) =>
    (await web.api.call<CaseRelations>('GET', `/api/v1/cases/${number}/relations`)).body;

  it('relates two cases by number (Alt+J), refuses a case to itself, and removes the relation', async () => {
    await openCard(master.number, master.title);
    await web.page.keyboard.press('Alt+J');
    const dialog = web.page.getByRole('dialog', { name: `Relatera ärende ${master.number}` });
    await dialog.getByText('Ärendet är inte relaterat till något annat.').waitFor();
    // The focus is on the number: the agent types and presses Enter.
    await web.page.keyboard.type(master.number);
    await web.page.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'Ett ärende kan inte relateras till sig självt.' }).waitFor();
    await dialog.getByLabel('Det andra ärendets nummer').fill(child.number);
    await web.page.keyboard.press('Enter');
    await dialog.getByText(`Ärendena ${master.number} (huvudärende) och ${child.number} är relaterade.`).waitFor();
    await expectAccessible('relate dialog');
    expect((await relations(master.number)).children.map((c) => c.number)).toEqual([child.number]);
    expect((await relations(child.number)).master?.number).toBe(master.number);

    const remove = dialog.getByRole('button', { name: `Ta bort relationen till ${child.number}` });
    await remove.focus();
    await web.page.keyboard.press('Enter');
    await dialog.getByText(`Relationen mellan ${master.number} och ${child.number} är borttagen.`).waitFor();
    expect(await relations(master.number)).toMatchObject({ master: null, children: [] });
    await web.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('copies a case (Alt+C) with its entries and opens the copy', async () => {
    await openCard(master.number, master.title);
    await web.page.keyboard.press('Alt+C');
    const dialog = web.page.getByRole('dialog', { name: `Kopiera ärende ${master.number}` });
    await dialog.waitFor();
    await expectAccessible('copy dialog');
    // The focus starts on "copy the entries too"; then to the copy button.
    await web.page.keyboard.press('Space');
    expect(await dialog.getByLabel('Kopiera även handlingarna').isChecked()).toBe(true);
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.press('Enter');
    const done = dialog.getByRole('status').filter({ hasText: /Kopian \d{4}-\d{6} är skapad\./ });
    await done.waitFor();
    const copy = /(\d{4}-\d{6})/.exec(await done.innerText())![1];
    expect(copy).not.toBe(master.number);
    // The focus is on "open the copy".
    await web.page.keyboard.press('Enter');
    await web.page.waitForURL(`${web.platform.gatewayUrl}/cases/${copy}`);
    await web.page.getByRole('heading', { level: 1, name: new RegExp(`${copy} ${master.title}`) }).waitFor();
    expect((await read(copy)).body).toMatchObject({ title: master.title, status: 'new', inboxId: master.inboxId });
  });
});
