import path from 'node:path';
import type { CaseView, CustomerView, EntryView } from '@arende/contracts';
import { SCREENSHOTS, expectAccessible as accessible, register as registerWith, row as rowOf, useWeb } from './web.js';

// The case card's tabs in real headless Chromium against the whole platform: customer, warnings, related
// cases, notes and the event log, by keyboard, each checked with axe.
const web = useWeb();
const register = (fields: Record<string, unknown>) => registerWith(web.api, fields);
const expectAccessible = (view: string) => accessible(web.page, view);
const tab = (name: string) => web.page.getByRole('tab', { name, exact: true });
const panel = (name: string) => web.page.getByRole('tabpanel', { name, exact: true });
/** The name of the tab that is chosen, and of the element that has the focus. */
const chosenTab = () => web.page.locator('[role="tab"][aria-selected="true"]').innerText();
const focused = () => web.page.evaluate(() => document.activeElement?.textContent ?? '');

const ANNA_ID = '0b6f1c3e-5a61-4c1e-9a57-1f0d3c2a0a01';

describe('the case card’s tabs', () => {
  let kase: CaseView;
  let customer: CustomerView;

  beforeAll(async () => {
    kase = await register({ title: 'Fråga om sandning på Tallvägen', customerWantsAnswer: true });
    const created = await web.api.call<CustomerView>('POST', '/api/v1/customers', {
      body: {
        firstName: 'Märta',
        lastName: 'Flikström',
        email: 'marta.flikstrom@example.se',
        mobilePhone: '070-555 12 34',
      },
    });
    expect(created.status).toBe(201);
    customer = created.body;
  });

  const openCard = async () => {
    await web.page.goto(`${web.platform.gatewayUrl}/cases/${kase.number}`);
    await web.page.getByRole('heading', { level: 1, name: new RegExp(kase.number) }).waitFor();
  };

  it('moves between the tabs with the arrows, Home and End, remembers the chosen one, and each passes axe', async () => {
    await openCard();
    expect(await chosenTab()).toBe('Kund');
    await panel('Kund').getByText('Ingen kund är kopplad till ärendet.').waitFor();
    await expectAccessible('customer tab');

    await tab('Kund').focus();
    await web.page.keyboard.press('ArrowRight');
    expect([await chosenTab(), await focused()]).toEqual(['Varningar', 'Varningar']);
    await panel('Varningar').getByText('Kunden vill ha svar och har inte fått något.').waitFor();
    await expectAccessible('warnings tab');

    await web.page.keyboard.press('ArrowRight');
    expect(await chosenTab()).toBe('Relaterade ärenden');
    await panel('Relaterade ärenden').getByText('Ärendet har inget huvudärende och inga delärenden.').waitFor();
    await expectAccessible('related cases tab');

    await web.page.keyboard.press('End');
    expect([await chosenTab(), await focused()]).toEqual(['Kunskap', 'Kunskap']);
    await panel('Kunskap').getByRole('searchbox').waitFor();
    await expectAccessible('knowledge tab');

    // The arrows wrap round; Home goes to the first.
    await web.page.keyboard.press('ArrowRight');
    expect(await chosenTab()).toBe('Kund');
    await web.page.keyboard.press('ArrowLeft');
    expect(await chosenTab()).toBe('Kunskap');
    await web.page.keyboard.press('ArrowLeft');
    expect(await chosenTab()).toBe('Karta');
    await panel('Karta').getByRole('heading', { name: 'Plats på karta' }).waitFor();
    await expectAccessible('map tab');
    await web.page.keyboard.press('ArrowLeft');
    expect(await chosenTab()).toBe('Händelselogg');
    await panel('Händelselogg').locator('tr[data-kind="registered"]').waitFor();
    await expectAccessible('event log tab');
    await web.page.keyboard.press('ArrowLeft');
    expect(await chosenTab()).toBe('Anteckningar');
    await panel('Anteckningar').getByText('Inga anteckningar än.').waitFor();
    await expectAccessible('notes tab');
    await web.page.keyboard.press('Home');
    expect([await chosenTab(), await focused()]).toEqual(['Kund', 'Kund']);

    // Only the chosen tab is in the Tab order; Tab goes on into its panel.
    expect(await web.page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
    await web.page.keyboard.press('Tab');
    expect(await web.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel');

    // The chosen tab is kept for the session, over a reload.
    await tab('Relaterade ärenden').click();
    await openCard();
    expect(await chosenTab()).toBe('Relaterade ärenden');
    await tab('Kund').click();
  });

  it('finds an existing customer as the agent types and links them to the case', async () => {
    await openCard();
    const customers = panel('Kund');
    await customers.getByLabel('Namn, e-post, telefon eller personnummer').fill('flikström');
    await customers.getByText('Söker på namn.').waitFor();
    await customers.getByRole('button', { name: 'Koppla Märta Flikström till ärendet' }).click();
    await customers.getByRole('status').filter({ hasText: 'Märta Flikström är kopplad till ärendet.' }).waitFor();
    const linked = await web.api.call<{ items: CustomerView[] }>('GET', `/api/v1/cases/${kase.number}/customers`);
    expect(linked.body.items.map((item) => item.id)).toEqual([customer.id]);
    await customers.getByRole('button', { name: 'Ta bort Märta Flikström från ärendet' }).waitFor();
    await customers.getByRole('button', { name: 'Märta Flikström är redan kopplad' }).waitFor();

    // Found by phone number as well, typed another way.
    await customers.getByLabel('Namn, e-post, telefon eller personnummer').fill('0705551234');
    await customers.getByText('Söker på personnummer och telefon.').waitFor();
    await customers.getByRole('button', { name: 'Märta Flikström är redan kopplad' }).waitFor();
    await expectAccessible('customer tab with a linked customer');
  });

  it('registers an anonymous customer on the case', async () => {
    const customers = panel('Kund');
    await customers.getByRole('button', { name: 'Ny kund' }).click();
    await customers.getByLabel('Anonym kund').check();
    expect(await customers.getByRole('textbox', { name: 'Förnamn', exact: true }).count()).toBe(0);
    await customers.getByRole('textbox', { name: 'Ort', exact: true }).fill('Solna');
    await expectAccessible('new customer form');
    await customers.getByRole('button', { name: 'Spara och koppla' }).click();
    await customers.getByRole('status').filter({ hasText: 'Anonym kund är kopplad till ärendet.' }).waitFor();
    const linked = await web.api.call<{ items: CustomerView[] }>('GET', `/api/v1/cases/${kase.number}/customers`);
    expect(linked.body.items.map((item) => [item.anonymous, item.firstName, item.city])).toEqual([
      [false, 'Märta', null],
      [true, null, 'Solna'],
    ]);
  });

  it('focuses the note editor with Alt+Z from anywhere on the card; the note is in the notes tab and the timeline', async () => {
    await web.page.getByRole('heading', { level: 1 }).click();
    await web.page.keyboard.press('Alt+Z');
    expect(await chosenTab()).toBe('Anteckningar');
    const editor = panel('Anteckningar').getByLabel('Anteckning (Alt+Z)');
    expect(await editor.evaluate((element) => element === document.activeElement)).toBe(true);
    const text = 'Kunden ringde igen och undrar när det sandas.';
    await web.page.keyboard.type(text);
    await web.page.keyboard.press('Control+Enter');
    await panel('Anteckningar').getByRole('status').filter({ hasText: 'Anteckningen är sparad.' }).waitFor();
    await panel('Anteckningar').locator('.note-list').getByText(text).waitFor();
    expect(await editor.inputValue()).toBe('');
    await web.page.locator('.timeline').getByText(text).waitFor();
    const notes = await web.api.call<{ items: EntryView[] }>(
      'GET',
      `/api/v1/cases/${kase.number}/entries?kinds=internal_note,memo`,
    );
    expect(notes.body.items.map((note) => [note.kind, note.text, note.author?.name])).toEqual([
      ['internal_note', text, 'Anna Lindqvist'],
    ]);
  });

  it('shows the master and the children after two cases are related, each a link to its card', async () => {
    const child = await register({ title: 'Halka vid Tallvägen 4' });
    const related = await web.api.call('POST', `/api/v1/cases/${kase.number}/children`, {
      body: { childNumbers: [child.number] },
    });
    expect(related.status).toBe(200);
    await openCard();
    await tab('Relaterade ärenden').click();
    const link = panel('Relaterade ärenden').getByRole('link', { name: `${child.number} Halka vid Tallvägen 4` });
    await link.click();
    await web.page.waitForURL(`${web.platform.gatewayUrl}/cases/${child.number}`);
    await web.page.getByRole('heading', { level: 1, name: new RegExp(child.number) }).waitFor();
    // The tab stays chosen on the next card.
    expect(await chosenTab()).toBe('Relaterade ärenden');
    await panel('Relaterade ärenden').getByText('Huvudärende').waitFor();
    await panel('Relaterade ärenden')
      .getByRole('link', { name: `${kase.number} Fråga om sandning på Tallvägen` })
      .waitFor();
  });

  it('lists who registered and who assigned the case in the event log', async () => {
    const current = await web.api.call<CaseView>('GET', `/api/v1/cases/${kase.number}`);
    const assigned = await web.api.call('PUT', `/api/v1/cases/${kase.number}/assignee`, {
      as: 'cecilia',
      body: { version: current.body.version, assigneeId: ANNA_ID, assigneeName: 'Anna Lindqvist' },
    });
    expect(assigned.status).toBe(200);
    await openCard();
    await tab('Händelselogg').click();
    const log = panel('Händelselogg');
    const line = (kind: string) => log.locator(`tr[data-kind="${kind}"]`);
    await line('assigned').waitFor();
    expect(await line('assigned').innerText()).toMatch(/Cecilia Holm\s+Tilldelat\s+Handläggare: – → Anna Lindqvist/);
    expect(await line('registered').innerText()).toMatch(/Anna Lindqvist\s+Registrerat/);
    // Ids in the log are named: the entry by its kind, the customer cards by their names.
    expect(await line('entry-added').innerText()).toContain('Handling: – → Intern tjänsteanteckning');
    await log.getByText('Kund: – → Märta Flikström').waitFor();
    expect(await line('customer-linked').allInnerTexts()).toEqual([
      expect.stringContaining('Kund: – → Anonym kund'),
      expect.stringContaining('Kund: – → Märta Flikström'),
    ]);
    // Newest first: the assignment before the relation, the note, the customers and the registration.
    expect(await log.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual([
      'assigned',
      'related',
      'entry-added',
      'customer-linked',
      'customer-linked',
      'registered',
    ]);
    await expectAccessible('event log tab with lines');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'case-tabs.png'), fullPage: true });
  });

  it('marks the case in the inbox with a warning sign naming the customer waiting for an answer', async () => {
    await web.page.goto(`${web.platform.gatewayUrl}/`);
    await rowOf(web.page, kase.number).waitFor();
    expect(await rowOf(web.page, kase.number).innerText()).toContain(
      'Varningar: Kunden vill ha svar och har inte fått något.',
    );
  });
});
