import path from 'node:path';
import { type CaseFields, CaseFieldsSchema, type CaseView } from '@arende/contracts';
import { SCREENSHOTS, eventually, expectAccessible as accessible, register as registerWith, useWeb } from './web.js';

// Editing the case card's registration and content panels in real headless Chromium: F2 opens the form, "Spara"
// sends only the changed fields with the version read, Escape leaves the case as it was. Cecilia may see the
// secret cases of Kundtjänst, so the case she marks secret stays hers to read.
const web = useWeb('cecilia');
const expectAccessible = (view: string) => accessible(web.page, view);
const register = (fields: Record<string, unknown>) => registerWith(web.api, fields);

const FIELDS = Object.keys(CaseFieldsSchema.shape) as (keyof CaseFields)[];

/** The case's own fields that differ between two readings of it. */
const changedBetween = (before: CaseView, after: CaseView) =>
  FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).sort();

async function readCase(number: string): Promise<CaseView> {
  const response = await web.api.call<CaseView>('GET', `/api/v1/cases/${number}`, { as: 'cecilia' });
  if (response.status !== 200) throw new Error(`read: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function openCard(number: string): Promise<void> {
  await web.page.goto(`${web.platform.gatewayUrl}/cases/${number}`);
  await web.page.getByRole('toolbar', { name: 'Åtgärder' }).waitFor();
}

const form = () => web.page.getByRole('form', { name: 'Ändra ärendet' });
const field = (label: string) => form().getByLabel(label, { exact: true });
const editButton = () => web.page.getByRole('button', { name: 'Ändra (F2)' });
const isFocused = (locator: ReturnType<typeof field>) =>
  locator.evaluate((element) => element === document.activeElement);

describe('editing the case card’s registration and content', () => {
  it('F2 opens the form; saving sends only the changed case type, title and secrecy, and the panels show them', async () => {
    const before = await register({ title: 'Trasig gatlampa på Kvarngatan', description: 'Lampan blinkar.' });
    await openCard(before.number);
    await web.page.keyboard.press('F2');
    await form().waitFor();
    expect(await isFocused(field('Ärendetyp'))).toBe(true);
    expect(await field('Sekretessparagraf').count()).toBe(0);

    await field('Ärendetyp').selectOption({ label: 'Ansöka om bygglov' });
    await field('Rubrik').fill('Gatlampa släckt på Kvarngatan');
    await field('Sekretess').check();
    await field('Sekretessparagraf').fill('OSL 26 kap. 1 §');
    await expectAccessible('case edit form');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'case-edit.png') });
    await form().getByRole('button', { name: 'Spara' }).click();

    await web.page.getByRole('status').getByText('Ärendet är sparat.').waitFor();
    await form().waitFor({ state: 'detached' });
    const after = await readCase(before.number);
    expect(changedBetween(before, after)).toEqual(['caseTypeId', 'secrecyParagraph', 'secret', 'title']);
    expect(after).toMatchObject({
      caseTypeId: 'bygglov',
      title: 'Gatlampa släckt på Kvarngatan',
      secret: true,
      secrecyParagraph: 'OSL 26 kap. 1 §',
      version: before.version + 1,
    });
    const registration = web.page.getByRole('region', { name: 'Registrering' });
    expect(await registration.innerText()).toContain('Ansöka om bygglov');
    const content = web.page.getByRole('region', { name: 'Innehåll' });
    expect(await content.innerText()).toContain('Ja (OSL 26 kap. 1 §)');
    expect(await web.page.locator('.case-heading h1').innerText()).toContain('Gatlampa släckt på Kvarngatan');
    await eventually(async () => (await isFocused(editButton())) || undefined);
  });

  it('Escape leaves the form and the case unchanged', async () => {
    const before = await register({ title: 'Fråga om parkeringstillstånd' });
    await openCard(before.number);
    await editButton().click();
    await field('Rubrik').fill('Ska inte sparas');
    await web.page.keyboard.press('Escape');
    await form().waitFor({ state: 'detached' });
    await eventually(async () => (await isFocused(editButton())) || undefined);
    expect(await web.page.locator('.case-heading h1').innerText()).toContain('Fråga om parkeringstillstånd');
    const after = await readCase(before.number);
    expect(after.version).toBe(before.version);
    expect(after.title).toBe('Fråga om parkeringstillstånd');
  });

  it('a refused field is marked and described next to itself', async () => {
    const before = await register({ title: 'Klotter på busskuren' });
    await openCard(before.number);
    await web.page.keyboard.press('F2');
    await field('Rubrik').fill('');
    await form().getByRole('button', { name: 'Spara' }).click();
    const title = field('Rubrik');
    await form().locator('[aria-invalid="true"]').waitFor();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await title.getAttribute('aria-describedby'))!;
    expect(await web.page.locator(`[id="${describedBy}"]`).innerText()).toMatch(/^Fel: /);
    expect(await isFocused(title)).toBe(true);
    await expectAccessible('case edit form with a refused field');
    await web.page.keyboard.press('Escape');
    await form().waitFor({ state: 'detached' });
    expect((await readCase(before.number)).version).toBe(before.version);
  });

  it('when someone changed the case meanwhile, says so, reads it again and keeps the agent’s own change', async () => {
    const before = await register({ title: 'Buller från byggarbetsplats', description: 'Från klockan sex.' });
    await openCard(before.number);
    await web.page.keyboard.press('F2');
    await field('Rubrik').fill('Buller på natten från byggarbetsplats');
    // As if in another window of hers.
    const meanwhile = await web.api.call<CaseView>('PATCH', `/api/v1/cases/${before.number}`, {
      as: 'cecilia',
      body: { version: before.version, changes: { description: 'Från klockan fem, enligt grannen.' } },
    });
    expect(meanwhile.status).toBe(200);

    await form().getByRole('button', { name: 'Spara' }).click();
    await form()
      .getByRole('alert')
      .getByText(/Någon annan ändrade ärendet medan du ändrade/)
      .waitFor();
    expect(await field('Beskrivning').inputValue()).toBe('Från klockan fem, enligt grannen.');
    expect(await field('Rubrik').inputValue()).toBe('Buller på natten från byggarbetsplats');
    expect((await readCase(before.number)).title).toBe('Buller från byggarbetsplats');

    await form().getByRole('button', { name: 'Spara' }).click();
    await web.page.getByRole('status').getByText('Ärendet är sparat.').waitFor();
    const after = await readCase(before.number);
    expect(changedBetween(before, after)).toEqual(['description', 'title']);
    expect(after).toMatchObject({
      title: 'Buller på natten från byggarbetsplats',
      description: 'Från klockan fem, enligt grannen.',
    });
  });
});
