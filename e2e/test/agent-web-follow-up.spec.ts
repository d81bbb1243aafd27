import path from 'node:path';
import type { CaseView, WatchView } from '@arende/contracts';
import { collectPageErrors, launchBrowser, signIn } from '../src/browser.js';
import { SCREENSHOTS, eventually, expectAccessible as accessible, register as registerWith, useWeb } from './web.js';

// The case card's follow-up actions in real Chromium, each by its shortcut: reopen and scheduled reopen (Alt+Q),
// lock and force unlock (Alt+L), favourites (Alt+G) and watches (Alt+W); what they did is read back from the API.
const web = useWeb();
const register = (title: string) => registerWith(web.api, { title, customerWantsAnswer: false });
const expectAccessible = (view: string) => accessible(web.page, view);

const readCase = async (number: string) => (await web.api.call<CaseView>('GET', `/api/v1/cases/${number}`)).body;

async function openCard(number: string): Promise<void> {
  await web.page.goto(`${web.platform.gatewayUrl}/cases/${number}`);
  await web.page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
}

/** The focus is inside the open dialog, as a modal dialog must keep it. */
const focusInside = (dialog: ReturnType<typeof web.page.getByRole>) =>
  dialog.evaluate((element) => element.contains(document.activeElement));

describe('reopening', () => {
  it('closes a case with Alt+K and reopens it now with Alt+Q', async () => {
    const c = await register('Trasig gatlykta på Råsundavägen');
    await openCard(c.number);
    await web.page.keyboard.press('Alt+K');
    await web.page.getByText('Ärendet är avslutat.').waitFor();
    expect((await readCase(c.number)).status).toBe('closed');

    await web.page.keyboard.press('Alt+Q');
    const dialog = web.page.getByRole('dialog', { name: 'Återöppna ärendet' });
    await dialog.getByText('Ingen återöppning är schemalagd.').waitFor();
    expect(await focusInside(dialog)).toBe(true);
    await expectAccessible('reopen dialog');
    // The focus starts on "Återöppna nu": Enter reopens.
    expect(await web.page.evaluate(() => document.activeElement?.textContent)).toBe('Återöppna nu');
    await web.page.keyboard.press('Enter');
    await web.page.getByText('Ärendet är återöppnat.').waitFor();
    expect(await dialog.count()).toBe(0);
    expect((await readCase(c.number)).status).toBe('reopened');
  });

  it('schedules a reopening in Swedish time, refuses a past time readably, and cancels it', async () => {
    const c = await register('Snöröjning på Hagavägen');
    const closed = await web.api.call('POST', `/api/v1/cases/${c.number}/status`, {
      body: { version: c.version, to: 'closed' },
    });
    expect(closed.status).toBe(200);
    await openCard(c.number);
    await web.page.keyboard.press('Alt+Q');
    const dialog = web.page.getByRole('dialog', { name: 'Återöppna ärendet' });
    await dialog.getByText('Ingen återöppning är schemalagd.').waitFor();

    await dialog.getByLabel('Datum och tid (svensk tid)').fill('2020-01-01T08:00');
    await dialog.getByRole('button', { name: 'Schemalägg', exact: true }).click();
    expect(await dialog.getByRole('alert').innerText()).toContain('Tiden har redan passerat');

    await dialog.getByLabel('Datum och tid (svensk tid)').fill('2030-05-02T09:30');
    await dialog.getByLabel('Anledning (valfri)').fill('Kolla att snön är röjd');
    await dialog.getByRole('button', { name: 'Schemalägg', exact: true }).click();
    await dialog.getByText('Ärendet återöppnas 2030-05-02 09:30.').waitFor();
    expect(await dialog.getByRole('alert').count()).toBe(0);
    const scheduled = await web.api.call<{ scheduled: { at: string; reason: string } | null }>(
      'GET',
      `/api/v1/cases/${c.number}/scheduled-reopen`,
    );
    // 09:30 in May is summer time, UTC+2.
    expect(Date.parse(scheduled.body.scheduled!.at)).toBe(Date.parse('2030-05-02T07:30:00Z'));
    expect(scheduled.body.scheduled!.reason).toBe('Kolla att snön är röjd');

    await dialog.getByRole('button', { name: 'Ta bort den schemalagda återöppningen' }).click();
    await dialog.getByText('Den schemalagda återöppningen är borttagen.').waitFor();
    expect(await dialog.getByText('Ingen återöppning är schemalagd.').count()).toBe(1);
    const after = await web.api.call('GET', `/api/v1/cases/${c.number}/scheduled-reopen`);
    expect(after.body).toEqual({ scheduled: null });

    await web.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await readCase(c.number)).status).toBe('closed');
  });
});

describe('locking', () => {
  it('locks and unlocks with Alt+L, and a supervisor forces the lock open', async () => {
    const c = await register('Klotter på förskolans staket');
    await openCard(c.number);
    await web.page.keyboard.press('Alt+L');
    await web.page.getByText('Ärendet är låst till dig.').waitFor();
    await web.page.getByText(/Låst av Anna Lindqvist sedan/).waitFor();
    expect((await readCase(c.number)).lock?.holderName).toBe('Anna Lindqvist');

    await web.page.keyboard.press('Alt+L');
    await web.page.getByText('Ärendet är upplåst.').waitFor();
    expect((await readCase(c.number)).lock).toBeNull();

    await web.page.keyboard.press('Alt+L');
    await web.page.getByText('Ärendet är låst till dig.').waitFor();
    expect((await readCase(c.number)).lock?.holderName).toBe('Anna Lindqvist');

    // Cecilia, a supervisor, in a browser of her own.
    const supervisorBrowser = await launchBrowser();
    try {
      const page = await supervisorBrowser.page();
      const errors = collectPageErrors(page);
      await signIn(page, web.platform.gatewayUrl, 'cecilia');
      await page.goto(`${web.platform.gatewayUrl}/cases/${c.number}`);
      await page.getByRole('heading', { level: 1, name: new RegExp(c.number) }).waitFor();
      await page.getByText(/Låst av Anna Lindqvist sedan/).waitFor();
      expect(await page.getByRole('button', { name: 'Tvinga upp låset (Alt+L)' }).count()).toBe(1);
      await page.keyboard.press('Alt+L');
      const dialog = page.getByRole('dialog', { name: 'Tvinga upp låset' });
      await dialog.getByText(/Anna Lindqvist har låst ärendet sedan/).waitFor();
      expect(await focusInside(dialog)).toBe(true);
      await accessible(page, 'force unlock dialog');
      await dialog.getByRole('button', { name: 'Tvinga upp låset', exact: true }).click();
      await page.getByText('Låset är upptvingat.').waitFor();
      expect(await dialog.count()).toBe(0);
      expect((await readCase(c.number)).lock).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await supervisorBrowser.close();
    }
  });
});

describe('favourites', () => {
  it('marks a case with the star (Alt+G), lists it under Mina favoriter and unmarks it', async () => {
    const c = await register('Fråga om parkeringstillstånd');
    const favourites = async () =>
      (await web.api.call<{ items: { number: string }[] }>('GET', '/api/v1/favourites')).body.items.map(
        (item) => item.number,
      );
    await openCard(c.number);
    const star = web.page.getByRole('button', { name: 'Favorit (Alt+G)' });
    await eventually(async () => ((await star.isEnabled()) ? true : undefined));
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await web.page.keyboard.press('Alt+G');
    await web.page.getByText('Ärendet är en av dina favoriter.').waitFor();
    expect(await star.getAttribute('aria-pressed')).toBe('true');
    expect(await favourites()).toContain(c.number);

    await web.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina favoriter' }).click();
    await web.page.waitForURL(`${web.platform.gatewayUrl}/favourites`);
    await web.page.getByRole('heading', { level: 1, name: 'Mina favoriter' }).waitFor();
    const listed = web.page.locator(`tr[data-number="${c.number}"]`);
    await listed.waitFor();
    expect(await listed.innerText()).toContain('Fråga om parkeringstillstånd');
    await expectAccessible('favourites');

    await listed.getByRole('link', { name: c.number }).click();
    await web.page.getByRole('heading', { level: 1, name: new RegExp(c.number) }).waitFor();
    await eventually(async () => ((await star.getAttribute('aria-pressed')) === 'true' ? true : undefined));
    await web.page.keyboard.press('Alt+G');
    await web.page.getByText('Ärendet är inte längre en favorit.').waitFor();
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    expect(await favourites()).not.toContain(c.number);
  });
});

describe('watches', () => {
  it('sets a point and a period watch (Alt+W) in Swedish time and removes one', async () => {
    const c = await register('Buller från byggarbetsplats');
    const watches = async () =>
      (await web.api.call<{ items: WatchView[] }>('GET', `/api/v1/cases/${c.number}/watches`)).body.items;
    await openCard(c.number);
    await web.page.keyboard.press('Alt+W');
    const dialog = web.page.getByRole('dialog', { name: 'Bevakningar' });
    await dialog.getByText('Du har inga bevakningar på ärendet.').waitFor();
    expect(await focusInside(dialog)).toBe(true);
    await expectAccessible('watches dialog');

    await dialog.getByLabel('Bevaka att').selectOption('no_handler');
    await dialog.getByLabel('Tidpunkt (svensk tid)').fill('2030-01-15T12:00');
    await dialog.getByLabel('Kommentar (valfri)').fill('Ska vara fördelat före lunch');
    await dialog.getByRole('button', { name: 'Lägg till bevakningen' }).click();
    await dialog.locator('li[data-kind="no_handler"]').waitFor();

    await dialog.getByLabel('Bevaka att').selectOption('customer_reply');
    await dialog.getByLabel('Från (valfri, annars nu)').fill('2030-01-10T08:00');
    await dialog.getByLabel('Till (svensk tid)').fill('2030-01-20T16:00');
    await dialog.getByRole('button', { name: 'Lägg till bevakningen' }).click();
    await dialog.locator('li[data-kind="customer_reply"]').waitFor();
    expect(await dialog.locator('li[data-kind="no_handler"]').innerText()).toContain('Ska vara fördelat före lunch');
    await expectAccessible('watches dialog with watches');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'watches.png') });

    const set = await watches();
    const point = set.find((watch) => watch.kind === 'no_handler');
    const period = set.find((watch) => watch.kind === 'customer_reply');
    expect(set).toHaveLength(2);
    // Winter time, UTC+1.
    expect({ startAt: point?.startAt, endAt: Date.parse(point!.endAt), comment: point?.comment }).toEqual({
      startAt: null,
      endAt: Date.parse('2030-01-15T11:00:00Z'),
      comment: 'Ska vara fördelat före lunch',
    });
    expect([Date.parse(period!.startAt!), Date.parse(period!.endAt)]).toEqual([
      Date.parse('2030-01-10T07:00:00Z'),
      Date.parse('2030-01-20T15:00:00Z'),
    ]);

    await dialog.locator('li[data-kind="no_handler"]').getByRole('button').click();
    await dialog.getByText('Bevakningen är borttagen.').waitFor();
    await dialog.locator('li[data-kind="no_handler"]').waitFor({ state: 'detached' });
    expect((await watches()).map((watch) => watch.kind)).toEqual(['customer_reply']);

    await web.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});
