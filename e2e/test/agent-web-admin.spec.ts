import path from 'node:path';
import type { CalendarView, Inbox, ReferenceItem, Template } from '@arende/contracts';
import { launchBrowser, signIn } from '../src/browser.js';
import { SCREENSHOTS, eventually, expectAccessible as accessible, useWeb } from './web.js';

// The administration in real headless Chromium, signed in as the admin david; every save is checked through the API.
const web = useWeb('david');
const expectAccessible = (view: string) => accessible(web.page, view);
const asAdmin = { as: 'david' };

const templates = async () =>
  (await web.api.call<{ items: Template[] }>('GET', '/api/v1/templates?includeInactive=true', asAdmin)).body.items;
const templateTitled = async (title: string) => (await templates()).find((t) => t.title === title);

async function openAdmin(section: string, heading: string): Promise<void> {
  await web.page.goto(`${web.platform.gatewayUrl}/`);
  await web.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
  await web.page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
  await web.page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: heading }).click();
  await web.page.getByRole('heading', { level: 1, name: heading }).waitFor();
  expect(new URL(web.page.url()).pathname).toBe(`/admin/${section}`);
}

/** The input a field error belongs to names it in aria-describedby. */
async function errorOf(label: string): Promise<string> {
  const input = web.page.getByLabel(label, { exact: true });
  await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(ids.split(' ').map((id) => web.page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

const save = () => web.page.getByRole('button', { name: 'Spara', exact: true }).click();
const saved = (name: string) => web.page.getByRole('status').getByText(`${name} är sparad.`).waitFor();
const item = (name: RegExp) => web.page.locator('.admin-list').getByRole('button', { name });

describe('templates', () => {
  it('creates a template with its registration, SLA and customer notices, after showing the API’s field errors', async () => {
    await openAdmin('templates', 'Ärendemallar');
    await item(/^Snöröjning har uteblivit/).waitFor();
    await web.page.getByLabel('Sök').fill('snöröj');
    expect(await web.page.locator('.admin-items li').count()).toBeGreaterThan(0);
    for (const title of await web.page.locator('.admin-items li').allInnerTexts()) {
      expect(title.toLowerCase()).toContain('snöröj');
    }
    await expectAccessible('admin templates');

    await web.page.getByRole('button', { name: 'Ny', exact: true }).click();
    await web.page.getByRole('heading', { name: 'Skapa ny' }).waitFor();
    await save();
    await web.page.getByRole('alert').getByText('Något fält är inte giltigt.').waitFor();
    expect(await errorOf('Rubrik')).toMatch(/\S/);

    await web.page.getByLabel('Rubrik', { exact: true }).fill('E2E: Felparkerad bil');
    await web.page.getByLabel('Beskrivning', { exact: true }).fill('En bil står felparkerad.');
    await web.page.getByLabel('Ärendetyp').selectOption('bygglov');
    await web.page.getByLabel('Inkorg (dit ärendet styrs)').selectOption('stadsbyggnad');
    await web.page.getByLabel('Prioritet från början').selectOption('prioritised');
    await web.page.getByLabel('Löst inom (timmar)').fill('48');
    await web.page.getByLabel('Avisera kunden när ärendet avslutas (lösningstexten)').check();
    await web.page.getByLabel('Lösningstext', { exact: true }).fill('Vi har skickat en parkeringsvakt.');
    await web.page.getByRole('button', { name: 'Lägg till regel' }).click();
    await web.page.getByLabel('Nyckelord', { exact: true }).fill('felparker*, parkering');
    await save();
    await saved('E2E: Felparkerad bil');

    const created = await eventually(() => templateTitled('E2E: Felparkerad bil'));
    expect(created).toMatchObject({
      version: 1,
      description: 'En bil står felparkerad.',
      caseTypeId: 'bygglov',
      inboxId: 'stadsbyggnad',
      defaultPriority: 'prioritised',
      sla: { resolutionHours: 48, responseMinutes: null },
      customerNotices: { onClose: true, onRegistration: false },
      solutionText: 'Vi har skickat en parkeringsvakt.',
      rules: [{ conditions: [{ field: 'subject', match: 'keywords', keywords: ['felparker*', 'parkering'] }] }],
    });
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'admin-templates.png'), fullPage: true });
  });

  it('edits the template at the version it read, and shows a change someone else made in between readably', async () => {
    const before = (await templateTitled('E2E: Felparkerad bil'))!;
    await web.page.getByLabel('Rubrik', { exact: true }).fill('E2E: Felparkerad bil på gatan');
    await web.page.getByLabel('Första svar inom (minuter)').fill('30');
    await save();
    await saved('E2E: Felparkerad bil på gatan');
    const edited = (await web.api.call<Template>('GET', `/api/v1/templates/${before.id}`, asAdmin)).body;
    expect(edited).toMatchObject({ version: 2, sla: { responseMinutes: 30, resolutionHours: 48 } });

    // Someone else saves the template while it is open here.
    const { id: _id, version: _version, updatedAt: _updatedAt, ...fields } = edited;
    const other = await web.api.call<Template>('PUT', `/api/v1/templates/${before.id}`, {
      ...asAdmin,
      body: { ...fields, title: 'E2E: Ändrad av någon annan', version: 2 },
    });
    expect(other.status).toBe(200);
    await web.page.getByLabel('Rubrik', { exact: true }).fill('E2E: Min ändring');
    await save();
    await web.page
      .getByRole('alert')
      .getByText('Någon annan har ändrat detta sedan du läste in det.', { exact: false })
      .waitFor();
    await web.page.getByRole('button', { name: 'Läs in senaste versionen (dina ändringar försvinner)' }).click();
    await expect(web.page.getByLabel('Rubrik', { exact: true }).inputValue()).resolves.toBe(
      'E2E: Ändrad av någon annan',
    );
    expect((await web.api.call<Template>('GET', `/api/v1/templates/${before.id}`, asAdmin)).body.version).toBe(3);
  });
});

describe('case types', () => {
  it('creates a case type with its instruction, then deactivates it', async () => {
    await openAdmin('case-types', 'Ärendetyper');
    await item(/^Ansöka om bygglov/).waitFor();
    await expectAccessible('admin case types');
    await web.page.getByRole('button', { name: 'Ny', exact: true }).click();
    await web.page.getByLabel('Namn', { exact: true }).fill('E2E: Felparkering');
    await web.page.getByLabel('Instruktion').fill('Ring parkeringsbolaget.');
    await save();
    await saved('E2E: Felparkering');
    const list = async (inactive: boolean) =>
      (
        await web.api.call<{ items: ReferenceItem[] }>(
          'GET',
          `/api/v1/reference-data/case-type${inactive ? '?includeInactive=true' : ''}`,
          asAdmin,
        )
      ).body.items.find((i) => i.name === 'E2E: Felparkering');
    expect(await list(false)).toMatchObject({
      kind: 'case-type',
      instruction: 'Ring parkeringsbolaget.',
      active: true,
    });

    await web.page.getByLabel('Aktiv', { exact: true }).uncheck();
    await save();
    await web.page.getByRole('status').getByText('E2E: Felparkering är sparad.').waitFor();
    await eventually(async () => ((await list(true))?.version === 2 ? true : undefined));
    expect(await list(true)).toMatchObject({ active: false });
    expect(await list(false)).toBeUndefined();
    await item(/^E2E: Felparkering .*inaktiv/).waitFor();
  });
});

describe('inboxes', () => {
  it('changes an inbox’s acknowledgement minutes', async () => {
    await openAdmin('inboxes', 'Inkorgar');
    await item(/^Stadsbyggnad Specialistgrupp/).click();
    await web.page.getByRole('heading', { name: 'Ändra Stadsbyggnad' }).waitFor();
    await expectAccessible('admin inboxes');
    await web.page.getByLabel('Kvittens inom (minuter)').fill('90');
    await save();
    await saved('Stadsbyggnad');
    const inbox = (await web.api.call<Inbox>('GET', '/api/v1/inboxes/stadsbyggnad', asAdmin)).body;
    expect(inbox).toMatchObject({ acknowledgeMinutes: 90, kind: 'specialist_group', group: '/inbox/stadsbyggnad' });
  });
});

describe('calendars', () => {
  const calendar = async () => (await web.api.call<CalendarView>('GET', '/api/v1/calendars/e2e-kontor', asAdmin)).body;

  it('creates a calendar, refuses hours that end before they start at the field, and adds a closed day', async () => {
    await openAdmin('calendars', 'Kalendrar');
    await web.page.getByRole('button', { name: 'Ny', exact: true }).click();
    await web.page.getByLabel('Id', { exact: true }).fill('e2e-kontor');
    await web.page.getByLabel('Namn', { exact: true }).fill('E2E-kontoret');
    const monday = web.page.getByRole('group', { name: 'Måndag, tid 1' });
    await monday.getByLabel('Från').fill('17:00');
    await monday.getByLabel('Till').fill('08:00');
    await save();
    await web.page.getByRole('alert').getByText('Kalendern är inte giltig.').waitFor();
    expect(await monday.locator('.field-error').innerText()).toMatch(/ends after it starts/);
    expect(await monday.getByLabel('Från').getAttribute('aria-describedby')).toBe(
      await monday.locator('.field-error').getAttribute('id'),
    );
    await monday.getByLabel('Från').fill('08:00');
    await monday.getByLabel('Till').fill('16:30');
    await save();
    await saved('E2E-kontoret');
    expect((await calendar()).definition).toMatchObject({
      weeklyHours: { monday: [{ from: '08:00', to: '16:30' }], friday: [{ from: '08:00', to: '17:00' }], sunday: [] },
      exceptions: [],
    });

    await web.page.getByRole('button', { name: 'Lägg till undantag' }).click();
    await web.page.getByLabel('Datum', { exact: true }).fill('2027-01-07');
    await web.page.getByLabel('Anteckning (varför)').fill('Personaldag');
    await save();
    await saved('E2E-kontoret');
    const stored = await calendar();
    expect(stored).toMatchObject({
      version: 2,
      definition: { exceptions: [{ date: '2027-01-07', hours: [], note: 'Personaldag' }] },
    });
    await expectAccessible('admin calendars');
  });

  it('shows the Swedish holidays of a chosen year and whether the calendar closes on each', async () => {
    await web.page.getByLabel('År', { exact: true }).fill('2027');
    const holidays = web.page.getByRole('table', { name: 'Svenska helgdagar 2027' });
    await holidays.waitFor();
    const midsummerEve = holidays.getByRole('row', { name: /midsommarafton/ });
    expect(await midsummerEve.getByRole('cell').allInnerTexts()).toEqual([
      '2027-06-25',
      'midsommarafton (inte helgdag enligt lag)',
      'Stängt',
    ]);
    await web.page.getByLabel('Stängt på julafton, nyårsafton och midsommarafton').uncheck();
    expect(await midsummerEve.getByRole('cell').last().innerText()).toBe('Veckodagens tider');
    expect(
      await holidays
        .getByRole('row', { name: /långfredagen/ })
        .getByRole('cell')
        .first()
        .innerText(),
    ).toBe('2027-03-26');
  });
});

describe('who sees the administration', () => {
  it('shows an agent no Administration link, and the admin view only a refusal', async () => {
    const other = await launchBrowser();
    try {
      const page = await other.page();
      await signIn(page, web.platform.gatewayUrl, 'anna');
      const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
      await nav.getByRole('link', { name: 'Inkorg' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);
      await page.goto(`${web.platform.gatewayUrl}/admin/templates`);
      await page.getByText('Administrationen är bara för administratörer.').waitFor();
      expect(await page.getByRole('button', { name: 'Spara' }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});
