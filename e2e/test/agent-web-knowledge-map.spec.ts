import path from 'node:path';
import type { ArticleView, CaseLocation, CaseView, Proposal, SearchResult } from '@arende/contracts';
import { SCREENSHOTS, eventually, expectAccessible as accessible, register as registerWith, useWeb } from './web.js';

// The case card's knowledge panel and map in real Chromium against the whole platform; no map tiles are set
// up, so the map draws its coordinate grid and nothing is fetched from outside.
const web = useWeb();
const register = (fields: Record<string, unknown>) => registerWith(web.api, fields);
const expectAccessible = (view: string) => accessible(web.page, view);
const caseNow = async (number: string) => (await web.api.call<CaseView>('GET', `/api/v1/cases/${number}`)).body;
const openCard = async (kase: CaseView) => {
  await web.page.goto(`${web.platform.gatewayUrl}/cases/${kase.number}`);
  await web.page.getByRole('heading', { level: 1, name: new RegExp(kase.title) }).waitFor();
};
const focusedTestId = () => web.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const focusedLabel = () =>
  web.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? null);

describe('the knowledge panel', () => {
  let article: ArticleView;

  beforeAll(async () => {
    const draft = await web.api.call<ArticleView>('POST', '/api/v1/knowledge/articles', {
      as: 'cecilia',
      body: {
        kind: 'call_script',
        title: 'Hundbajspåsar i parkerna',
        summary: 'Var finns påsar och soptunnor för hundbajs?',
        body: 'Påsar finns i automaterna vid parkernas entréer.\nTöms varje vardag.',
      },
    });
    expect(draft.status).toBe(201);
    const published = await web.api.call<ArticleView>('POST', `/api/v1/knowledge/articles/${draft.body.id}/publish`, {
      as: 'cecilia',
      body: { version: draft.body.version },
    });
    expect(published.status).toBe(200);
    article = published.body;
    await eventually(async () => {
      const found = await web.api.call<SearchResult>('GET', '/api/v1/knowledge/search?q=hundbajs');
      return found.body.items.some((hit) => hit.id === article.id) ? true : undefined;
    });
  });

  it('finds an article as the agent types (Alt+H), opens it beside the case, rates it and proposes a change', async () => {
    const kase = await register({ title: 'Fråga om parkering vid stadshuset' });
    await openCard(kase);
    // Alt+H opens the card's knowledge tab with the focus in its search, which starts from the case title.
    await web.page.keyboard.press('Alt+H');
    const search = web.page.getByRole('searchbox', { name: 'Sök i kunskapsbanken (Alt+H)' });
    expect(await search.inputValue()).toBe(kase.title);
    expect(await focusedLabel()).toBe('Sök i kunskapsbanken (Alt+H)');
    await web.page.keyboard.press('Backspace');
    await web.page.keyboard.type('hundbaj', { delay: 40 });
    const hit = web.page.getByRole('button', { name: /Hundbajspåsar i parkerna/ });
    await hit.waitFor();
    await web.page.getByRole('status').filter({ hasText: '1 träff' }).waitFor();
    expect(await web.page.locator('.knowledge-hits mark').count()).toBeGreaterThan(0);
    await hit.press('Enter');

    const panel = web.page.getByRole('complementary', { name: 'Hundbajspåsar i parkerna' });
    await panel.getByText('Påsar finns i automaterna').waitFor();
    expect(await web.page.evaluate(() => document.activeElement?.textContent)).toBe('Hundbajspåsar i parkerna');
    await expectAccessible('knowledge panel with an article');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'knowledge.png') });

    await panel.getByRole('button', { name: '4 av 5' }).click();
    await panel.getByText('Tack! Ditt betyg: 4 av 5.').waitFor();
    expect(await panel.getByRole('button', { name: '4 av 5' }).getAttribute('aria-pressed')).toBe('true');
    const rated = await web.api.call<ArticleView>('GET', `/api/v1/knowledge/articles/${article.id}`);
    expect(rated.body.myRating).toBe(4);
    const asEditor = await web.api.call<ArticleView>('GET', `/api/v1/knowledge/articles/${article.id}`, {
      as: 'cecilia',
    });
    expect(asEditor.body.rating).toEqual({ average: 4, count: 1 });

    await panel.getByRole('button', { name: 'Föreslå ändring' }).click();
    const text = panel.getByRole('textbox', { name: 'Ny text' });
    await text.fill(`${await text.inputValue()}\nPåsar finns även vid Solna centrum.`);
    await panel.getByRole('textbox', { name: 'Varför? (till redaktören)' }).fill('Kunder frågar om centrum');
    await panel.getByRole('button', { name: 'Skicka förslaget' }).click();
    await panel.getByText('Förslaget är skickat till redaktörerna.').waitFor();
    const proposals = await web.api.call<{ items: Proposal[] }>(
      'GET',
      `/api/v1/knowledge/proposals?articleId=${article.id}`,
      { as: 'cecilia' },
    );
    expect(proposals.body.items.map((p) => ({ comment: p.comment, status: p.status, by: p.proposedByName }))).toEqual([
      { comment: 'Kunder frågar om centrum', status: 'open', by: 'Anna Lindqvist' },
    ]);
    expect(proposals.body.items[0].changes.body).toContain('Solna centrum');

    await web.page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await web.page.evaluate(() => document.activeElement?.textContent)).toContain('Hundbajspåsar i parkerna');
  });

  it('makes a draft call script from the case', async () => {
    const kase = await register({
      title: 'Var lämnar jag gamla batterier?',
      description: 'Kunden undrar var man lämnar batterier.',
    });
    await openCard(kase);
    await web.page.getByRole('tab', { name: 'Kunskap' }).click();
    await web.page.getByRole('button', { name: 'Skapa samtalsmanus från ärendet' }).click();
    const form = web.page.getByRole('form', { name: 'Skapa samtalsmanus från ärendet' });
    expect(await form.getByRole('textbox', { name: 'Kundens fråga' }).inputValue()).toBe(kase.description);
    await form.getByRole('textbox', { name: 'Svaret som löste det' }).fill('I batteriholken i butiker och på ÅVC.');
    const created = web.page.waitForResponse((r) => r.url().endsWith('/api/v1/knowledge/articles/from-case'));
    await form.getByRole('button', { name: 'Skapa utkast' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const { id } = (await response.json()) as ArticleView;
    await web.page.getByText(`Utkastet ”${kase.title}” är skapat`).waitFor();
    const draft = await web.api.call<ArticleView>('GET', `/api/v1/knowledge/articles/${id}`, { as: 'cecilia' });
    expect(draft.body).toMatchObject({ status: 'draft', kind: 'call_script', title: kase.title });
    expect(draft.body.body).toContain('I batteriholken i butiker och på ÅVC.');
  });
});

describe('the case map', () => {
  const map = () => web.page.getByTestId('case-map');
  const centreOfMap = async () => {
    const box = await map().boundingBox();
    if (box === null) throw new Error('the map is not shown');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const saveAndRead = async (number: string, version: number) => {
    await web.page.getByRole('button', { name: 'Spara platsen' }).click();
    return eventually(async () => {
      const now = await caseNow(number);
      return now.version > version ? now : undefined;
    });
  };

  it('picks a position with the keyboard, by typing coordinates and by a click, and draws a small area', async () => {
    const kase = await register({ title: 'Trasig gatlykta på Hagalundsgatan' });
    await openCard(kase);
    await web.page.getByRole('tab', { name: 'Karta' }).click();
    await web.page.getByRole('heading', { name: 'Plats på karta' }).waitFor();
    await map().locator('.map-grid-tile').first().waitFor();
    expect(await web.page.getByText('Ingen plats vald.').count()).toBe(1);

    // Keyboard: Alt+Y focuses the map, the arrow keys move it north-east, then its centre is the point.
    await web.page.keyboard.press('Alt+Y');
    expect(await focusedTestId()).toBe('case-map');
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowUp']) {
      await web.page.keyboard.press(key);
      await web.page.waitForTimeout(400);
    }
    await web.page.getByRole('button', { name: 'Använd kartans mitt' }).click();
    await web.page.getByText(/Punkt: 59,3\d+ N, 1\d,\d+ E · Ej sparad/).waitFor();
    const byKeyboard = await saveAndRead(kase.number, kase.version);
    await web.page.getByText('Platsen är sparad.').waitFor();
    expect(byKeyboard.location?.type).toBe('Point');
    const [lon, lat] = byKeyboard.location?.coordinates as [number, number];
    expect(lon).toBeGreaterThan(17.99);
    expect(lon).toBeLessThan(18.1);
    expect(lat).toBeGreaterThan(59.36);
    expect(lat).toBeLessThan(59.4);

    // Typed coordinates, with Swedish decimal commas; a wrong one is refused with a message.
    await web.page.getByRole('textbox', { name: 'Latitud (N)' }).fill('95');
    await web.page.getByRole('textbox', { name: 'Longitud (E)' }).fill('18,0009');
    await web.page.getByRole('button', { name: 'Sätt punkt vid koordinaterna' }).click();
    await web.page.getByRole('alert').filter({ hasText: 'Latitud: ett tal mellan' }).waitFor();
    await web.page.getByRole('textbox', { name: 'Latitud (N)' }).fill('59,3625');
    await web.page.getByRole('button', { name: 'Sätt punkt vid koordinaterna' }).click();
    const typed = await saveAndRead(kase.number, byKeyboard.version);
    expect(typed.location).toEqual({ type: 'Point', coordinates: [18.0009, 59.3625] });

    // A click at the centre of the map (which moved to the typed point) lands on that point.
    await web.page.waitForTimeout(400);
    const centre = await centreOfMap();
    await web.page.mouse.click(centre.x + 30, centre.y);
    const clicked = await saveAndRead(kase.number, typed.version);
    const [clickedLon, clickedLat] = clicked.location?.coordinates as [number, number];
    expect(clickedLon).toBeGreaterThan(18.0009);
    expect(clickedLon).toBeLessThan(18.0009 + 0.01);
    expect(Math.abs(clickedLat - 59.3625)).toBeLessThan(0.0005);

    // An area: three corners clicked, a fourth clicked and undone, then finished.
    await web.page.getByRole('radio', { name: 'Ett område' }).check();
    await web.page.mouse.click(centre.x - 60, centre.y - 40);
    await web.page.mouse.click(centre.x + 60, centre.y - 40);
    await web.page.mouse.click(centre.x, centre.y + 50);
    await web.page.mouse.click(centre.x - 80, centre.y + 60);
    await web.page.getByText(/Ritar område: 4 hörn/).waitFor();
    await web.page.getByRole('button', { name: 'Ångra senaste hörnet' }).click();
    await web.page.getByRole('button', { name: 'Avsluta området' }).click();
    await web.page.getByText('Område med 3 hörn · Ej sparad').waitFor();
    await expectAccessible('case map');
    await web.page.screenshot({ path: path.join(SCREENSHOTS, 'map.png') });
    const drawn = await saveAndRead(kase.number, clicked.version);
    const area = drawn.location as Extract<CaseLocation, { type: 'Polygon' }>;
    expect(area.type).toBe('Polygon');
    const ring = area.coordinates[0];
    expect(ring).toHaveLength(4);
    expect(ring[3]).toEqual(ring[0]);
    const [west, east, south] = ring;
    expect(west[0]).toBeLessThan(18.0009);
    expect(east[0]).toBeGreaterThan(18.0009);
    expect(west[1]).toBeGreaterThan(59.3625);
    expect(Math.abs(west[1] - east[1])).toBeLessThan(1e-6);
    expect(south[1]).toBeLessThan(59.3625);

    // Removing the location saves null.
    await web.page.getByRole('button', { name: 'Ta bort platsen' }).click();
    const removed = await saveAndRead(kase.number, drawn.version);
    expect(removed.location).toBeNull();
    await web.page.getByText('Platsen är borttagen.').waitFor();
  });

  it('refuses a location that is no WGS 84 point or closed polygon through the API', async () => {
    const kase = await register({ title: 'Klotter på bron' });
    const patch = (location: unknown) =>
      web.api.call('PATCH', `/api/v1/cases/${kase.number}`, { body: { version: kase.version, changes: { location } } });
    expect((await patch({ type: 'Point', coordinates: [59.36, 97.99] })).status).toBe(400);
    expect(
      (
        await patch({
          type: 'Polygon',
          coordinates: [
            [
              [17.99, 59.36],
              [18, 59.36],
              [18, 59.37],
            ],
          ],
        })
      ).status,
    ).toBe(400);
    expect((await caseNow(kase.number)).location).toBeNull();
  });
});
