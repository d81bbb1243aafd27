import path from 'node:path';
import type { CaseView } from '@arende/contracts';
import { SmtpClient } from '../src/smtp-client.js';
import {
  SCREENSHOTS,
  caseByTitle as caseByTitleIn,
  eventually,
  expectAccessible as accessible,
  register as registerWith,
  row as rowOf,
  useWeb,
} from './web.js';

// The agent web client in real headless Chromium against the whole platform: one platform, one browser.
const web = useWeb();
const register = (fields: Record<string, unknown>) => registerWith(web.api, fields);
const expectAccessible = (view: string) => accessible(web.page, view);
const caseByTitle = (title: string) => caseByTitleIn(web.api, title);
const row = (number: string) => rowOf(web.page, number);

describe('signing in and the inbox', () => {
  let urgent: CaseView;
  let prioritised: CaseView;
  let normal: CaseView;

  beforeAll(async () => {
    normal = await register({ title: 'Sophämtningen missade Storgatan 3' });
    prioritised = await register({ title: 'Fråga om bygglov för altan', priority: 'prioritised' });
    urgent = await register({ title: 'Vattenläcka vid skolan', priority: 'urgent' });
  });

  it('after signing in on the issuer’s login page, shows the agent’s inbox in work order, urgent red and prioritised yellow', async () => {
    await web.page.goto(`${web.platform.gatewayUrl}/`);
    await web.page.getByRole('heading', { level: 1, name: 'Kundtjänst' }).waitFor();
    await row(normal.number).waitFor();
    expect(
      await web.page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number'))),
    ).toEqual([urgent.number, prioritised.number, normal.number]);
    expect(await web.page.getByText('Inloggad som Anna Lindqvist').count()).toBe(1);
    const background = (number: string) => row(number).evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await background(urgent.number)).toBe('rgb(251, 227, 227)');
    expect(await background(prioritised.number)).toBe('rgb(255, 244, 194)');
    expect(await background(normal.number)).toBe('rgba(0, 0, 0, 0)');
    await expectAccessible('inbox');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'inbox.png') });
  });

  it('keeps the session over a reload and sorts by a column header, then back to work order', async () => {
    await web.page.reload();
    await row(normal.number).waitFor();
    const order = () =>
      web.page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    await web.page.getByRole('button', { name: 'Rubrik' }).click();
    expect(await web.page.locator('th[aria-sort="ascending"]').innerText()).toContain('Rubrik');
    expect(await order()).toEqual([prioritised.number, normal.number, urgent.number]);
    await web.page.getByRole('button', { name: 'Rubrik' }).click();
    expect(await order()).toEqual([urgent.number, normal.number, prioritised.number]);
    await web.page.getByRole('button', { name: 'Rubrik' }).click();
    expect(await order()).toEqual([urgent.number, prioritised.number, normal.number]);
  });

  it('renews an expired access token with the refresh token instead of signing in again', async () => {
    const stored = () =>
      web.page.evaluate(() => {
        const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
        return key === undefined
          ? undefined
          : { key, user: JSON.parse(sessionStorage.getItem(key)!) as Record<string, unknown> };
      });
    const before = await stored();
    expect(before?.user.refresh_token).toEqual(expect.any(String));
    // As if the tab had been left for longer than the token lives.
    await web.page.evaluate(({ key, user }) => {
      sessionStorage.setItem(key, JSON.stringify({ ...user, expires_at: Math.floor(Date.now() / 1000) - 60 }));
    }, before!);
    await web.page.reload();
    await web.page.getByRole('heading', { level: 1, name: 'Kundtjänst' }).waitFor();
    expect(new URL(web.page.url()).origin).toBe(web.platform.gatewayUrl);
    const after = await stored();
    expect(after?.user.access_token).not.toBe(before?.user.access_token);
    expect(after?.user.expires_at as number).toBeGreaterThan(Date.now() / 1000);
  });

  it('selects rows with Ctrl and Shift clicks and with the keyboard', async () => {
    const selected = () =>
      web.page
        .locator('tbody tr[aria-selected="true"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    await row(urgent.number).locator('td').nth(1).click();
    expect(await selected()).toEqual([urgent.number]);
    await row(normal.number)
      .locator('td')
      .nth(1)
      .click({ modifiers: ['Shift'] });
    expect(await selected()).toEqual([urgent.number, prioritised.number, normal.number]);
    expect(await web.page.getByText('3 markerade').count()).toBe(1);
    await row(prioritised.number)
      .locator('td')
      .nth(1)
      .click({ modifiers: ['Control'] });
    expect(await selected()).toEqual([urgent.number, normal.number]);
    await row(prioritised.number).locator('td').nth(1).click();
    expect(await selected()).toEqual([prioritised.number]);

    // Keyboard alone: arrows move, Shift+arrow extends, Space toggles, Ctrl+A selects all.
    await row(prioritised.number).focus();
    await web.page.keyboard.press('ArrowUp');
    await web.page.keyboard.press('Space');
    expect(await selected()).toEqual([urgent.number, prioritised.number]);
    await web.page.keyboard.press('Shift+ArrowDown');
    await web.page.keyboard.press('Shift+ArrowDown');
    expect(await selected()).toEqual([urgent.number, prioritised.number, normal.number]);
    await web.page.keyboard.press('Space');
    expect(await selected()).toEqual([urgent.number, prioritised.number]);
    await web.page.keyboard.press('Control+a');
    expect(await selected()).toEqual([urgent.number, prioritised.number, normal.number]);
    // Enter opens the focused row's case card; Back returns to the inbox.
    await web.page.keyboard.press('Enter');
    await web.page.waitForURL(`${web.platform.gatewayUrl}/cases/${normal.number}`);
    await web.page.getByRole('heading', { level: 1, name: new RegExp(normal.number) }).waitFor();
    await web.page.goBack();
    await row(normal.number).waitFor();
  });

  it('shows who holds a lock', async () => {
    expect((await web.api.call('POST', `/api/v1/cases/${normal.number}/lock`, { as: 'bertil' })).status).toBe(200);
    await web.page.reload();
    await row(normal.number).waitFor();
    expect(await row(normal.number).innerText()).toMatch(/Låst av Bertil Nyström sedan/);
  });

  it('switches to English and back', async () => {
    await web.page.getByRole('button', { name: 'English' }).click();
    await web.page.getByRole('button', { name: 'Title' }).waitFor();
    expect(await web.page.locator('html').getAttribute('lang')).toBe('en');
    expect(await row(urgent.number).innerText()).toContain('Urgent');
    await web.page.getByRole('button', { name: 'Svenska' }).click();
    await web.page.getByRole('button', { name: 'Rubrik' }).waitFor();
    expect(await web.page.locator('html').getAttribute('lang')).toBe('sv');
  });
});

describe('quick registration and closing a phone case', () => {
  it('opens with Alt+N, finds the case type from a word, saves with Alt+V and opens the case card', async () => {
    await web.page.goto(`${web.platform.gatewayUrl}/`);
    await web.page.getByRole('heading', { level: 1, name: 'Kundtjänst' }).waitFor();
    await web.page.keyboard.press('Alt+N');
    const dialog = web.page.getByRole('dialog', { name: 'Snabbregistrering' });
    await dialog.waitFor();
    // The search field has the focus: the agent just types.
    await web.page.keyboard.type('snöröj');
    await dialog.getByRole('option', { name: /När sker snöröjning/ }).waitFor();
    await expectAccessible('quick registration');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'quick-registration.png') });
    await dialog.getByRole('option', { name: /När sker snöröjning/ }).click();
    expect(await dialog.getByLabel('Rubrik').inputValue()).toBe('När sker snöröjning');
    await dialog.getByLabel('Beskrivning').fill('Ringde och undrade när Storgatan plogas.');
    await web.page.keyboard.press('Alt+V');
    await web.page.waitForURL(/\/cases\/\d{4}-\d{6}$/);
    const number = web.page.url().split('/').pop()!;
    await web.page.getByRole('heading', { level: 1, name: new RegExp(`${number} När sker snöröjning`) }).waitFor();
    const saved = await web.api.call<CaseView>('GET', `/api/v1/cases/${number}`);
    expect(saved.body).toMatchObject({
      title: 'När sker snöröjning',
      caseTypeId: 'snorojning-fraga',
      channel: 'phone',
      description: 'Ringde och undrade när Storgatan plogas.',
      status: 'new',
    });
    // The registration panel names the case type (routing's reference data), not its id.
    await web.page.locator('dt:text-is("Ärendetyp") + dd', { hasText: 'När sker snöröjning' }).waitFor();
    await expectAccessible('case card');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'case-card.png'), fullPage: true });

    // By keyboard alone: assign to me (Kundtjänst hands out cases with pick-next, so the agent is told why
    // not), then close.
    await web.page.keyboard.press('Alt+M');
    await web.page.getByRole('alert').filter({ hasText: 'tas med ”ta nästa”' }).waitFor();
    await web.page.keyboard.press('Alt+K');
    await web.page.getByText('Ärendet är avslutat.').waitFor();
    const closed = await web.api.call<CaseView>('GET', `/api/v1/cases/${number}`);
    expect(closed.body).toMatchObject({ status: 'closed', assigneeId: null });
  });

  it('saves with Alt+S and stays; closing a case whose customer wants an answer warns first', async () => {
    await web.page.keyboard.press('Alt+N');
    const dialog = web.page.getByRole('dialog', { name: 'Snabbregistrering' });
    await dialog.waitFor();
    await dialog.getByLabel('Rubrik').fill('Fråga om parkeringstillstånd');
    await dialog.getByLabel('Kunden vill ha svar').check();
    await web.page.keyboard.press('Alt+S');
    await dialog.waitFor({ state: 'hidden' });
    const status = web.page.getByRole('status').filter({ hasText: 'registrerat' });
    const number = /(\d{4}-\d{6})/.exec(await status.innerText())![1];
    expect(web.page.url()).toMatch(/\/cases\/\d{4}-\d{6}$/);
    await status.getByRole('link', { name: 'Öppna ärendet' }).click();
    await web.page
      .getByRole('heading', { level: 1, name: new RegExp(`${number} Fråga om parkeringstillstånd`) })
      .waitFor();

    await web.page.getByRole('button', { name: 'Avsluta (Alt+K)' }).click();
    const warning = web.page.getByRole('dialog', { name: 'Kunden har inte fått svar' });
    await warning.waitFor();
    await expectAccessible('close warning');
    expect((await web.api.call<CaseView>('GET', `/api/v1/cases/${number}`)).body.status).toBe('new');
    await warning.getByRole('button', { name: 'Avsluta ändå' }).click();
    await web.page.getByText('Ärendet är avslutat.').waitFor();
    expect((await web.api.call<CaseView>('GET', `/api/v1/cases/${number}`)).body.status).toBe('closed');
  });

  it('opens pre-filled when the agent answers a call', async () => {
    await web.page.goto(`${web.platform.gatewayUrl}/`);
    await web.page.getByRole('heading', { level: 1, name: 'Kundtjänst' }).waitFor();
    // The live stream is open once the client has signed in; give it a moment to connect.
    await web.page.waitForTimeout(500);
    const response = await fetch(`${web.platform.webhookUrl}/webhooks/telephony/call-answered`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${web.platform.webhookSecrets.telephonyToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        callId: `web-${Date.now()}`,
        aNumber: '+46701234567',
        answerGroup: 'Bygglov',
        agent: 'anna',
      }),
    });
    expect(response.status).toBe(202);
    const dialog = web.page.getByRole('dialog', { name: 'Snabbregistrering' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Beskrivning').inputValue()).toBe('Samtal från +46701234567.');
    expect(await dialog.getByLabel('Kanal').inputValue()).toBe('phone');
    expect(await dialog.getByLabel('Ärendetyp eller mall (skriv ett ord)').inputValue()).toBe('Bygglov');
    await web.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});

describe('an e-mail case', () => {
  const sender = 'eva.svensson@example.se';
  const subject = 'Nedskräpning i parken vid Skytteholm';
  let number: string;

  beforeAll(async () => {
    const html =
      '<p>Hej! Det är <b>mycket skräp</b> i parken.</p>' +
      '<img src="https://tracker.example/pixel.png" alt="spårningsbild">' +
      '<script>document.title = "körd"</script>';
    const raw = [
      `From: Eva Svensson <${sender}>`,
      `To: ${web.platform.intakeAddress}`,
      `Subject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <web-${Date.now()}@example.se>`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      html,
      '',
    ].join('\r\n');
    const smtp = await SmtpClient.connect(web.platform.smtpPort);
    try {
      expect((await smtp.send(sender, [web.platform.intakeAddress], raw)).code).toBe(250);
    } finally {
      await smtp.close();
    }
    number = (await eventually(() => caseByTitle(subject))).number;
  });

  it('shows the mail sanitised in a sandbox, remote images blocked until allowed', async () => {
    await web.page.goto(`${web.platform.gatewayUrl}/`);
    await row(number).waitFor();
    await row(number).getByRole('link', { name: number }).click();
    await web.page.getByRole('heading', { level: 1, name: new RegExp(subject) }).waitFor();
    const frame = web.page.locator('.mail-body iframe');
    expect(await frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    const inner = web.page.frameLocator('.mail-body iframe');
    await inner.getByText('mycket skräp').waitFor();
    expect(await inner.locator('script').count()).toBe(0);
    expect(await frame.getAttribute('srcdoc')).toContain('img-src data: cid:;');
    await web.page.getByText('Bilder från andra webbplatser visas inte.').waitFor();
    // The mail's own policy refused the tracking image: the browser says so.
    await eventually(() =>
      web.pageErrors.some((error) => error.includes('https://tracker.example/pixel.png')) ? true : undefined,
    );
    await expectAccessible('e-mail case');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'email-case.png'), fullPage: true });
    await web.page.getByRole('button', { name: 'Visa bilder' }).click();
    expect(await frame.getAttribute('srcdoc')).toContain('img-src data: cid: https:;');
  });

  it('replies by e-mail and the reply reaches the customer', async () => {
    await web.page.keyboard.press('Alt+R');
    const form = web.page.getByRole('form', { name: 'Svara med e-post' });
    await form.waitFor();
    expect(await form.getByLabel('Till').inputValue()).toBe(sender);
    await form.getByLabel('Meddelande').fill('Hej Eva! Vi skickar ut en städpatrull i morgon.');
    await expectAccessible('reply form');
    await form.getByRole('button', { name: 'Skicka' }).click();
    await web.page.getByText('Svaret är skickat.').waitFor();
    const mail = await eventually(() => web.platform.sink.messages(sender)[0]);
    expect(mail.subject).toBe(`Ärende ${number}: ${subject}`);
    expect(mail.text).toContain('Vi skickar ut en städpatrull i morgon.');
    expect(mail.replyTo).toContain(web.platform.intakeAddress);
  });
});

describe('paging', () => {
  it('pages through an inbox of more than one page and back', async () => {
    const first = await web.api.call<{ items: CaseView[] }>('GET', '/api/v1/inboxes/kundtjanst/cases?limit=200');
    const missing = 51 - first.body.items.length;
    for (let index = 0; index < missing; index += 1) await register({ title: `Sidfråga ${index + 1}` });
    const all = await web.api.call<{ items: CaseView[] }>('GET', '/api/v1/inboxes/kundtjanst/cases?limit=200');
    const order = all.body.items.map((item) => item.number);
    expect(order.length).toBeGreaterThan(50);

    await web.page.goto(`${web.platform.gatewayUrl}/`);
    await row(order[0]).waitFor();
    const shown = () =>
      web.page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    expect(await shown()).toEqual(order.slice(0, 50));
    expect(await web.page.getByRole('button', { name: 'Föregående sida' }).isDisabled()).toBe(true);
    await web.page.getByRole('button', { name: 'Nästa sida' }).click();
    await web.page.getByText('Sida 2').waitFor();
    await row(order[50]).waitFor();
    expect(await shown()).toEqual(order.slice(50, 100));
    await web.page.getByRole('button', { name: 'Föregående sida' }).click();
    await row(order[0]).waitFor();
    expect(await web.page.getByText('Sida 1').count()).toBe(1);
  });
});

describe('notifications', () => {
  it('tells the agent in the header when a supervisor gives her a case, linked to the case', async () => {
    await web.page.goto(`${web.platform.gatewayUrl}/`);
    await web.page.getByRole('heading', { level: 1, name: 'Kundtjänst' }).waitFor();
    await web.page.getByRole('button', { name: 'Notiser', exact: true }).waitFor();
    const kase = await register({ title: 'Felparkerad bil på Hagalundsgatan' });
    const assigned = await web.api.call<CaseView>('PUT', `/api/v1/cases/${kase.number}/assignee`, {
      as: 'cecilia',
      body: { version: kase.version, assigneeId: 'anna', assigneeName: 'Anna Lindqvist' },
    });
    expect(assigned.status).toBe(200);
    const bell = web.page.getByRole('button', { name: 'Notiser, 1 olästa' });
    await bell.waitFor({ timeout: 20_000 });
    await bell.click();
    const list = web.page.getByRole('region', { name: 'Notiser' });
    await list.getByText(`Cecilia Holm har gett dig ärende ${kase.number}.`).waitFor();
    await expectAccessible('notifications');
    await list.getByRole('link', { name: `Tilldelat: ärende ${kase.number}` }).click();
    await web.page.waitForURL(`${web.platform.gatewayUrl}/cases/${kase.number}`);
    await list.waitFor({ state: 'hidden' });
    await web.page.getByRole('button', { name: 'Notiser', exact: true }).waitFor();
  });
});
