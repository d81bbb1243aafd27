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

// What the web client's spec files share: one platform and one signed-in browser tab per file.

export const SCREENSHOTS = path.resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots');

export interface Web {
  platform: Platform;
  api: Api;
  browser: TestBrowser;
  page: Page;
  /** What the page reported as errors since the last test. */
  pageErrors: string[];
}

/**
 * Starts the platform and Chromium for the spec file and signs `username` in on the issuer's login page, as an
 * agent does; after each test nothing may have gone wrong on the page (an image a mail's own policy refuses is
 * the blocking working). The returned object is filled in before the first test.
 */
export function useWeb(username = 'anna'): Web {
  const web = {} as Web;
  beforeAll(async () => {
    web.platform = await startPlatform();
    web.api = new Api(web.platform);
    await web.platform.seedRouting();
    web.browser = await launchBrowser();
    web.page = await web.browser.page();
    web.pageErrors = collectPageErrors(web.page);
    await signIn(web.page, web.platform.gatewayUrl, username);
  }, 120_000);
  afterAll(async () => {
    await web.browser?.close();
    await web.platform?.stop();
  });
  afterEach(() => {
    const mailPolicy = (error: string) => error.includes('directive: "img-src data: cid:"');
    expect(web.pageErrors.splice(0).filter((error) => !mailPolicy(error))).toEqual([]);
  });
  return web;
}

/** Registers a case through the API (a phone case unless `fields` say otherwise), as anna. */
export async function register(api: Api, fields: Record<string, unknown>): Promise<CaseView> {
  const response = await api.call<CaseView>('POST', '/api/v1/cases', { body: { channel: 'phone', ...fields } });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** No serious or critical WCAG 2.1 AA violation on the page as it is now; `view` names it in a failure. */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  expect({ view, violations: await seriousAccessibilityViolations(page) }).toEqual({ view, violations: [] });
}

/** Polls until `probe` returns something (or throws after `timeoutMs`). */
export async function eventually<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The case in Kundtjänst with this title, if there is one yet. */
export async function caseByTitle(api: Api, title: string): Promise<CaseView | undefined> {
  const list = await api.call<{ items: CaseView[] }>(
    'GET',
    '/api/v1/inboxes/kundtjanst/cases?limit=200&status=new,open,closed',
  );
  return list.body.items.find((item) => item.title === title);
}

/** The inbox row of a case. */
export function row(page: Page, number: string) {
  return page.locator(`tr[data-number="${number}"]`);
}
