import path from 'node:path';
import type { Route } from 'playwright-core';
import type { CaseView, CustomerView, EntryView, MessageView } from '@arende/contracts';
import { DEMO_STAFF } from '@arende/demo-data';
import { SCREENSHOTS, eventually, expectAccessible as accessible, useWeb } from './web.js';

// The case card's actions in real headless Chromium, by their shortcuts: reply by SMS, phone note, assign to
// someone from the staff directory, priority and status. Elin is an officer of Stadsbyggnad, an inbox where
// anyone may assign (pick-own, no pick-next).
const web = useWeb('elin');
const expectAccessible = (view: string) => accessible(web.page, view);
const INBOX = 'stadsbyggnad';

async function registerInStadsbyggnad(fields: Record<string, unknown>): Promise<CaseView> {
  const response = await web.api.call<CaseView>('POST', '/api/v1/cases', {
    as: 'elin',
    body: { channel: 'phone', inboxId: INBOX, ...fields },
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function readCase(number: string): Promise<CaseView> {
  return (await web.api.call<CaseView>('GET', `/api/v1/cases/${number}`, { as: 'elin' })).body;
}

async function openCard(number: string): Promise<void> {
  await web.page.goto(`${web.platform.gatewayUrl}/cases/${number}`);
  await web.page.getByRole('toolbar', { name: 'Åtgärder' }).waitFor();
}

/** The open modal dialog of that name. */
const dialog = (name: string) => web.page.getByRole('dialog', { name });

/** The text of the element that has the focus. */
const focused = () => web.page.evaluate(() => document.activeElement?.textContent ?? '');

describe('the case card’s actions by keyboard', () => {
  let caseView: CaseView;

  beforeAll(async () => {
    const customer = await web.api.call<CustomerView>('POST', '/api/v1/customers', {
      as: 'elin',
      body: { firstName: 'Eva', lastName: 'Ek', mobilePhone: '070-612 00 01' },
    });
    expect(customer.status).toBe(201);
    caseView = await registerInStadsbyggnad({ title: 'Gatlykta släckt på Råsundavägen', customerId: customer.body.id });
    // Johan Östlund of the demo directory, with a login so that cases can be assigned to him.
    const { id, ...johan } = DEMO_STAFF.find((person) => person.name === 'Johan Östlund')!;
    const saved = await web.api.call('PUT', `/api/v1/directory/${id}`, {
      as: 'david',
      body: { ...johan, unitId: null, userName: 'johan' },
    });
    expect(saved.status).toBe(200);
  });

  it('replies by SMS (Alt+T) to the customer’s mobile, from a template, with a live part count', async () => {
    await openCard(caseView.number);
    await web.page.keyboard.press('Alt+T');
    const sms = dialog('Svara med SMS');
    await sms.waitFor();
    const to = sms.getByLabel('Till (mobilnummer)');
    const message = sms.getByLabel('Meddelande');
    const isFocused = (field: typeof to) => field.evaluate((element) => element === document.activeElement);
    expect(await isFocused(to)).toBe(true);
    // The customer's mobile, from the card linked to the case.
    await eventually(async () => ((await to.inputValue()) === '070-612 00 01' ? true : undefined));
    await expectAccessible('reply by SMS');

    await web.page.keyboard.press('Tab');
    expect(await isFocused(message)).toBe(true);
    await sms.getByLabel('Börja från en mall').selectOption('customer_close/sv');
    const filled = await message.inputValue();
    expect(filled).toContain('Hej Eva!');
    expect(filled).toContain(`Ditt ärende ${caseView.number} är nu avslutat.`);
    expect(filled).toContain('{solution}');
    expect(await isFocused(message)).toBe(true);

    const text = 'Hej Eva! Lyktan på Råsundavägen lagas på torsdag. Mvh Elin, Solna stad';
    await web.page.keyboard.press('Control+a');
    await web.page.keyboard.type(text);
    expect(await sms.locator('.sms-count').innerText()).toBe(
      `${text.length} tecken · 1 SMS · ${160 - text.length} tecken kvar i sista SMS:et`,
    );
    await web.page.keyboard.press('Tab');
    expect(await focused()).toBe('Skicka SMS');
    await web.page.keyboard.press('Enter');
    await web.page.getByText('SMS:et till 070-612 00 01 skickas.').waitFor();

    const received = await eventually(() => web.platform.smsSink.received.find((r) => r.to === '+46706120001'));
    expect(received.message).toBe(text);
    const messages = await eventually(async () => {
      const list = await web.api.call<{ items: MessageView[] }>('GET', `/api/v1/cases/${caseView.number}/messages`, {
        as: 'elin',
      });
      return list.body.items.find((m) => m.channel === 'sms' && m.status === 'sent');
    });
    expect(messages).toMatchObject({ recipient: '+46706120001', text, purpose: 'manual' });
    // Once sent it is an outbound SMS on the timeline. (The live feed carries only inbound entries, so the card
    // shows it when opened again.)
    await eventually(async () => {
      const entries = await web.api.call<{ items: EntryView[] }>(
        'GET',
        `/api/v1/cases/${caseView.number}/entries?kinds=outbound_sms`,
        { as: 'elin' },
      );
      return entries.body.items[0];
    });
    await openCard(caseView.number);
    await web.page
      .locator('.entry', { hasText: text })
      .getByRole('heading', { name: /^SMS ut · Elin Sjöberg/ })
      .waitFor();
  });

  it('writes a phone note (Alt+O) that shows on the timeline', async () => {
    await openCard(caseView.number);
    await web.page.keyboard.press('Alt+O');
    const note = dialog('Telefonanteckning');
    await note.waitFor();
    await expectAccessible('phone note');
    const text = 'Eva ringde: lyktan blinkar också vid nummer 12.';
    await web.page.keyboard.type(text);
    await web.page.keyboard.press('Tab'); // the customer-visible box
    await web.page.keyboard.press('Tab');
    expect(await focused()).toBe('Spara');
    await web.page.keyboard.press('Enter');
    await web.page.getByText('Telefonanteckningen är sparad.').waitFor();
    const entry = web.page.locator('.entry', { hasText: text });
    await entry.getByRole('heading', { name: /^Telefonanteckning · Elin Sjöberg/ }).waitFor();
    expect(await note.count()).toBe(0);
  });

  it('assigns the case (Alt+A) to an officer found in the staff directory as you type, and gives it back', async () => {
    await openCard(caseView.number);
    await web.page.keyboard.press('Alt+A');
    const assign = dialog('Tilldela ärendet');
    await assign.waitFor();
    await web.page.keyboard.type('johan bygg');
    await assign.getByRole('button', { name: 'Tilldela Johan Östlund' }).waitFor();
    await assign.getByText('1 träff', { exact: true }).waitFor();
    await expectAccessible('assign to someone');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'case-actions.png') });
    await web.page.keyboard.press('Tab');
    expect(await focused()).toBe('Tilldela Johan Östlund');
    await web.page.keyboard.press('Enter');
    await web.page.getByText('Ärendet är tilldelat Johan Östlund.').waitFor();
    expect(await readCase(caseView.number)).toMatchObject({ assigneeId: 'johan', assigneeName: 'Johan Östlund' });

    await web.page.keyboard.press('Alt+A');
    await assign.getByText('Handläggare nu: Johan Östlund').waitFor();
    await web.page.keyboard.press('Tab');
    expect(await focused()).toBe('Lämna tillbaka (ingen handläggare)');
    await web.page.keyboard.press('Enter');
    await web.page.getByText('Ärendet har ingen handläggare nu.').waitFor();
    expect(await readCase(caseView.number)).toMatchObject({ assigneeId: null, assigneeName: null });
  });

  it('changes the priority (Alt+P) and the status (Alt+U) along the allowed transitions', async () => {
    await openCard(caseView.number);
    expect((await readCase(caseView.number)).priority).toBe('normal');
    await web.page.keyboard.press('Alt+P');
    const priority = dialog('Ändra prioritet');
    await priority.waitFor();
    await expectAccessible('priority');
    expect(await priority.getByLabel('Normal').evaluate((radio) => radio === document.activeElement)).toBe(true);
    await web.page.keyboard.press('ArrowDown');
    await web.page.keyboard.press('ArrowDown');
    await web.page.keyboard.press('Tab');
    expect(await focused()).toBe('Spara');
    await web.page.keyboard.press('Enter');
    await web.page.getByText('Prioriteten är nu Brådskande.').waitFor();
    expect((await readCase(caseView.number)).priority).toBe('urgent');

    const before = await readCase(caseView.number);
    await web.page.keyboard.press('Alt+U');
    const status = dialog('Ändra status');
    await status.waitFor();
    await expectAccessible('status');
    // From new: only the working statuses are offered.
    expect(
      await status.getByRole('radio').evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value)),
    ).toEqual(['open', 'waiting_for_customer', 'with_external', 'parked', 'resolved', 'closed']);
    await web.page.keyboard.press('ArrowDown'); // Väntar på kund
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.type('Väntar på bilder från Eva');
    await web.page.keyboard.press('Tab');
    expect(await focused()).toBe('Spara');
    await web.page.keyboard.press('Enter');
    await web.page.getByText('Status är nu Väntar på kund.').waitFor();
    const after = await readCase(caseView.number);
    expect(after.status).toBe('waiting_for_customer');
    expect(after.version).toBeGreaterThan(before.version);
  });

  it('closes a dialog with Escape, and when someone else changed the case first, says so and reloads it', async () => {
    await openCard(caseView.number);
    await web.page.keyboard.press('Alt+P');
    const priority = dialog('Ändra prioritet');
    await priority.waitFor();
    await web.page.keyboard.press('Escape');
    await priority.waitFor({ state: 'detached' });

    // The card reloads the case when it hears that it changed; hold those reads back, so that the dialog still
    // has the version it read when someone else changes the case.
    const caseUrl = `${web.platform.gatewayUrl}/api/v1/cases/${caseView.number}`;
    const held: Route[] = [];
    await web.page.route(caseUrl, (route) => {
      if (route.request().method() === 'GET') held.push(route);
      else void route.continue();
    });
    await web.page.keyboard.press('Alt+P');
    await priority.waitFor();
    const changedTitle = 'Gatlykta släckt på Råsundavägen 12';
    const meanwhile = await web.api.call<CaseView>('PATCH', `/api/v1/cases/${caseView.number}`, {
      as: 'elin',
      body: { version: (await readCase(caseView.number)).version, changes: { title: changedTitle } },
    });
    expect(meanwhile.status).toBe(200);
    await web.page.keyboard.press('ArrowUp'); // from urgent to prioritised
    await web.page.keyboard.press('Tab');
    await web.page.keyboard.press('Enter');
    await priority.getByRole('alert').getByText('Någon annan hann ändra ärendet före dig', { exact: false }).waitFor();
    expect((await readCase(caseView.number)).priority).toBe('urgent');

    await web.page.unroute(caseUrl);
    for (const route of held.splice(0)) await route.continue().catch(() => undefined); // the aborted ones fail
    await web.page.getByRole('heading', { level: 1, name: new RegExp(changedTitle) }).waitFor();
    expect(await focused()).toBe('Spara');
    await web.page.keyboard.press('Enter');
    await web.page.getByText('Prioriteten är nu Prioriterad.').waitFor();
    expect(await readCase(caseView.number)).toMatchObject({ priority: 'prioritised', title: changedTitle });
  });
});
