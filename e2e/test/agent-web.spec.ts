import path from 'node:path';
import type { CaseView } from '@arende/contracts';
import {
  type Page,
  type TestBrowser,
  collectPageErrors,
  launchBrowser,
  seriousAccessibilityViolations,
  signIn,
} from '../src/browser.js';
import { type Platform, startPlatform } from '../src/platform.js';
import { Api } from './api.js';

// The agent web client in real headless Chromium against the whole platform: one platform, one browser.
const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

let platform: Platform;
let api: Api;
let browser: TestBrowser;
let page: Page;
let pageErrors: string[];

async function register(fields: Record<string, unknown>): Promise<CaseView> {
  const response = await api.call<CaseView>('POST', '/api/v1/cases', {
    body: { channel: 'phone', ...fields },
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function expectAccessible(view: string): Promise<void> {
  expect({ view, violations: await seriousAccessibilityViolations(page) }).toEqual({ view, violations: [] });
}

function row(number: string) {
  return page.locator(`tr[data-number="${number}"]`);
}

beforeAll(async () => {
  platform = await startPlatform();
  api = new Api(platform);
  await platform.seedRouting();
  browser = await launchBrowser();
  page = await browser.page();
  pageErrors = collectPageErrors(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

describe('signing in and the inbox', () => {
  let urgent: CaseView;
  let prioritised: CaseView;
  let normal: CaseView;

  beforeAll(async () => {
    normal = await register({ title: 'Sophämtningen missade Storgatan 3' });
    prioritised = await register({ title: 'Fråga om bygglov för altan', priority: 'prioritised' });
    urgent = await register({ title: 'Vattenläcka vid skolan', priority: 'urgent' });
  });

  it('signs in on the issuer’s login page and shows the agent’s inbox in work order, urgent red and prioritised yellow', async () => {
    await signIn(page, platform.gatewayUrl, 'anna');
    await expect(page.getByRole('heading', { level: 1, name: 'Kundtjänst' }).waitFor()).resolves.toBeUndefined();
    await row(normal.number).waitFor();
    expect(
      await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number'))),
    ).toEqual([urgent.number, prioritised.number, normal.number]);
    expect(await page.getByText('Inloggad som Anna Lindqvist').count()).toBe(1);
    const background = (number: string) => row(number).evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await background(urgent.number)).toBe('rgb(251, 227, 227)');
    expect(await background(prioritised.number)).toBe('rgb(255, 244, 194)');
    expect(await background(normal.number)).toBe('rgba(0, 0, 0, 0)');
    await expectAccessible('inbox');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'inbox.png') });
  });

  it('keeps the session over a reload and sorts by a column header, then back to work order', async () => {
    await page.reload();
    await row(normal.number).waitFor();
    const order = () => page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    await page.getByRole('button', { name: 'Rubrik' }).click();
    expect(await page.locator('th[aria-sort="ascending"]').innerText()).toContain('Rubrik');
    expect(await order()).toEqual([prioritised.number, normal.number, urgent.number]);
    await page.getByRole('button', { name: 'Rubrik' }).click();
    expect(await order()).toEqual([urgent.number, normal.number, prioritised.number]);
    await page.getByRole('button', { name: 'Rubrik' }).click();
    expect(await order()).toEqual([urgent.number, prioritised.number, normal.number]);
  });

  it('selects rows with Ctrl and Shift clicks and with the keyboard', async () => {
    const selected = () =>
      page
        .locator('tbody tr[aria-selected="true"]')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    await row(urgent.number).locator('td').nth(1).click();
    expect(await selected()).toEqual([urgent.number]);
    await row(normal.number)
      .locator('td')
      .nth(1)
      .click({ modifiers: ['Shift'] });
    expect(await selected()).toEqual([urgent.number, prioritised.number, normal.number]);
    expect(await page.getByText('3 markerade').count()).toBe(1);
    await row(prioritised.number)
      .locator('td')
      .nth(1)
      .click({ modifiers: ['Control'] });
    expect(await selected()).toEqual([urgent.number, normal.number]);
    await row(prioritised.number).locator('td').nth(1).click();
    expect(await selected()).toEqual([prioritised.number]);

    // Keyboard alone: arrows move, Shift+arrow extends, Space toggles, Ctrl+A selects all.
    await row(prioritised.number).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    expect(await selected()).toEqual([urgent.number, prioritised.number]);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await selected()).toEqual([urgent.number, prioritised.number, normal.number]);
    await page.keyboard.press('Space');
    expect(await selected()).toEqual([urgent.number, prioritised.number]);
    await page.keyboard.press('Control+a');
    expect(await selected()).toEqual([urgent.number, prioritised.number, normal.number]);
  });

  it('shows who holds a lock', async () => {
    expect((await api.call('POST', `/api/v1/cases/${normal.number}/lock`, { as: 'bertil' })).status).toBe(200);
    await page.reload();
    await row(normal.number).waitFor();
    expect(await row(normal.number).innerText()).toMatch(/Låst av Bertil Nyström sedan/);
  });

  it('switches to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Title' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await row(urgent.number).innerText()).toContain('Urgent');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('button', { name: 'Rubrik' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
  });
});
