import path from 'node:path';
import type { CaseView, InboxCounts } from '@arende/contracts';
import {
  SCREENSHOTS,
  eventually,
  expectAccessible as accessible,
  register as registerWith,
  row as rowOf,
  useWeb,
} from './web.js';

// The inbox view's tools in Chromium: the column picker, grouping, take next (Alt+X) and saved searches.
const web = useWeb();
const register = (fields: Record<string, unknown>) => registerWith(web.api, fields);
const expectAccessible = (view: string) => accessible(web.page, view);
const row = (number: string) => rowOf(web.page, number);
const inboxUrl = (query = '') => `${web.platform.gatewayUrl}/inboxes/kundtjanst${query}`;
const headers = () =>
  web.page.locator('.case-table thead th').evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim()));
const shownNumbers = () =>
  web.page.locator('tbody tr[data-number]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
const listed = async (query: string) =>
  (await web.api.call<{ items: CaseView[] }>('GET', `/api/v1/inboxes/kundtjanst/cases?limit=200${query}`)).body.items;

describe('the inbox view', () => {
  let urgent: CaseView;
  let normal: CaseView;

  beforeAll(async () => {
    normal = await register({ title: 'Fråga om fakturan för vatten' });
    await register({ title: 'Sophämtningen missade Storgatan 9' });
    await register({ title: 'Fel belopp på fakturan', priority: 'prioritised' });
    urgent = await register({ title: 'Vattenläcka vid simhallen', priority: 'urgent' });
  });

  it('shows a chosen column and hides another, and remembers the choice over a reload', async () => {
    await web.page.goto(inboxUrl());
    await row(normal.number).waitFor();
    const defaults = await headers();
    expect(defaults).toEqual([
      'Nummer',
      'Rubrik',
      'Status',
      'Prioritet',
      'Kanal',
      'Handläggare',
      'Registrerat',
      'Markeringar',
    ]);
    const picker = web.page.locator('.column-picker');
    await picker.locator('summary').click();
    await picker.getByRole('checkbox', { name: 'Ärendetyp' }).check();
    await picker.getByRole('checkbox', { name: 'Kanal' }).uncheck();
    const chosen = [
      'Nummer',
      'Rubrik',
      'Status',
      'Prioritet',
      'Ärendetyp',
      'Handläggare',
      'Registrerat',
      'Markeringar',
    ];
    expect(await headers()).toEqual(chosen);
    expect(await picker.getByRole('checkbox', { name: 'Nummer' }).isDisabled()).toBe(true);
    await expectAccessible('inbox with the column picker open');

    await web.page.reload();
    await row(normal.number).waitFor();
    expect(await headers()).toEqual(chosen);

    await picker.locator('summary').click();
    await picker.getByRole('checkbox', { name: 'Ärendetyp' }).uncheck();
    await picker.getByRole('checkbox', { name: 'Kanal' }).check();
    expect(await headers()).toEqual(defaults);
  });

  it('groups by priority: a heading per group with its count on the page and in the inbox', async () => {
    await web.page.goto(inboxUrl());
    await row(normal.number).waitFor();
    await web.page.getByRole('combobox', { name: 'Gruppera' }).selectOption('priority');
    await eventually(() => (web.page.url().endsWith('?group=priority') ? true : undefined));

    const items = await listed('');
    const counts = (await web.api.call<InboxCounts>('GET', '/api/v1/inboxes/kundtjanst/counts')).body;
    const names = { urgent: 'Brådskande', prioritised: 'Prioriterad', normal: 'Normal' } as const;
    const expected = (['urgent', 'prioritised', 'normal'] as const)
      .filter((priority) => items.some((item) => item.priority === priority))
      .map((priority) => {
        const onPage = items.filter((item) => item.priority === priority).length;
        return `${names[priority]}: ${onPage} på sidan av ${counts.byPriority[priority]}`;
      });
    const headings = web.page.locator('tr.group-row th');
    // The whole inbox's counts arrive beside the page.
    const shown = () => headings.allTextContents();
    await eventually(async () => (JSON.stringify(await shown()) === JSON.stringify(expected) ? true : undefined)).catch(
      () => undefined,
    );
    expect(await shown()).toEqual(expected);
    expect(await shownNumbers()).toEqual(items.map((item) => item.number));
    expect(await web.page.locator('tbody').first().locator('tr[data-number]').first().getAttribute('data-number')).toBe(
      urgent.number,
    );
    await expectAccessible('inbox grouped by priority');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-grouped.png') });
  });

  it('takes the next case with Alt+X in Kundtjänst and opens its card, and says so when none is left', async () => {
    await web.page.goto(inboxUrl());
    const takeNext = web.page.getByRole('button', { name: 'Ta nästa (Alt+X)' });
    await takeNext.waitFor();
    expect(await takeNext.getAttribute('aria-keyshortcuts')).toBe('Alt+X');
    await expectAccessible('inbox with take next');

    await web.page.keyboard.press('Alt+KeyX');
    await web.page.waitForURL(`**/cases/${urgent.number}`);
    await web.page.getByRole('heading', { level: 1, name: new RegExp(urgent.title) }).waitFor();
    const taken = (await web.api.call<CaseView>('GET', `/api/v1/cases/${urgent.number}`)).body;
    expect(taken.assigneeName).toBe('Anna Lindqvist');

    // Anna takes the rest, then there is nothing left.
    for (;;) {
      const picked = await web.api.call<{ case: CaseView | null }>('POST', '/api/v1/inboxes/kundtjanst/pick-next');
      expect(picked.status).toBe(200);
      if (picked.body.case === null) break;
    }
    await web.page.goto(inboxUrl());
    await takeNext.waitFor();
    await web.page.keyboard.press('Alt+KeyX');
    await web.page.getByText('Det finns inget mer att ta i Kundtjänst: alla ärenden är tagna.').waitFor();
    expect(new URL(web.page.url()).pathname).toBe('/inboxes/kundtjanst');
    await expectAccessible('inbox with nothing left to take');
  });

  it('saves a search, lists it in the quick menu and opens the inbox with its filters from there', async () => {
    const nobodys = await register({ title: 'Ny fråga om parkeringstillstånd' });
    await web.page.goto(inboxUrl());
    await row(nobodys.number).waitFor();
    await web.page.keyboard.press('/');
    const assignee = web.page.getByRole('combobox', { name: 'Handläggare' });
    expect(await assignee.evaluate((element) => element === document.activeElement)).toBe(true);
    await assignee.selectOption('me');
    await web.page.getByRole('checkbox', { name: 'Nytt', exact: true }).check();
    await eventually(() => (web.page.url().endsWith('?status=new&assignee=me') ? true : undefined));
    await web.page.getByLabel('Namn på sökningen').fill('Mina nya ärenden');
    await web.page.getByRole('button', { name: 'Spara sökningen' }).click();
    await web.page.getByText('Sökningen ”Mina nya ärenden” finns nu i snabbmenyn.').waitFor();

    await web.page.goto(`${web.platform.gatewayUrl}/`);
    await row(nobodys.number).waitFor();
    await web.page.locator('.quick-menu summary').click();
    const link = web.page.getByRole('link', { name: 'Mina nya ärenden' });
    expect(await link.getAttribute('href')).toBe('/inboxes/kundtjanst?status=new&assignee=me');
    await expectAccessible('quick menu');
    await link.click();

    const mine = await listed(`&status=new&assigneeId=${await caseAssignee(urgent.number)}`);
    expect(mine.length).toBeGreaterThan(0);
    await row(mine[0].number).waitFor();
    expect(await shownNumbers()).toEqual(mine.map((item) => item.number));
    expect(await row(nobodys.number).count()).toBe(0);
    expect(await assignee.inputValue()).toBe('me');
    expect(await web.page.getByRole('checkbox', { name: 'Nytt', exact: true }).isChecked()).toBe(true);
    expect(await web.page.locator('.quick-menu').evaluate((menu) => (menu as HTMLDetailsElement).open)).toBe(false);
  });
});

describe('saved searches through the API', () => {
  type Saved = { name: string; inboxId: string; query: string; savedAt: string };
  const put = (name: string, body: unknown, as = 'anna') =>
    web.api.call<Saved & { code?: string }>('PUT', `/api/v1/saved-searches/${encodeURIComponent(name)}`, {
      body,
      as,
    });
  const list = async (as: string) =>
    (await web.api.call<{ items: Saved[] }>('GET', '/api/v1/saved-searches', { as })).body.items;

  it('keeps each agent’s own, one per name in any case, and removes one idempotently', async () => {
    const saved = await put('Fakturor i Kundtjänst', { inboxId: 'kundtjanst', query: '?status=open' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Fakturor i Kundtjänst', inboxId: 'kundtjanst', query: '?status=open' });
    const replaced = await put('fakturor i kundtjänst', { inboxId: 'kundtjanst', query: '?status=new' });
    expect(replaced.body.name).toBe('fakturor i kundtjänst');
    expect((await list('anna')).filter((s) => s.name.toLowerCase() === 'fakturor i kundtjänst')).toEqual([
      replaced.body,
    ]);
    expect((await list('cecilia')).map((s) => s.name)).not.toContain('fakturor i kundtjänst');

    const bad = await put('Trasig', { inboxId: 'kundtjanst', query: 'status=open #x' });
    expect([bad.status, bad.body.code]).toEqual([400, 'REQUEST.INVALID']);

    const path = `/api/v1/saved-searches/${encodeURIComponent('FAKTUROR I KUNDTJÄNST')}`;
    expect((await web.api.call('DELETE', path)).body).toEqual({ name: 'FAKTUROR I KUNDTJÄNST', removed: true });
    expect((await web.api.call('DELETE', path)).body).toEqual({ name: 'FAKTUROR I KUNDTJÄNST', removed: false });
    expect((await list('anna')).map((s) => s.name)).not.toContain('fakturor i kundtjänst');
  });
});

async function caseAssignee(number: string): Promise<string> {
  const found = (await web.api.call<CaseView>('GET', `/api/v1/cases/${number}`)).body;
  if (found.assigneeId === null) throw new Error(`${number} has no handler`);
  return found.assigneeId;
}
