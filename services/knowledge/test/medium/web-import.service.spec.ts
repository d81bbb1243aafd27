import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSourceRepository } from '../../src/repositories/web-source.repository.js';
import { WebImportService, hostAllowed } from '../../src/services/web-import.service.js';
import { SCHEMA } from '../../src/schema.js';
import { type KnowledgeTestContext, createKnowledgeTestContext } from './knowledge-context.js';

// The city's website, served by this test: a sitemap and its pages, changed between runs.
const site = new Map<string, { body: string; type?: string; status?: number; location?: string }>();
const requested: string[] = [];
let server: http.Server;
let base: string;
let ctx: KnowledgeTestContext;
let imports: WebImportService;

const page = (title: string, text: string, description = '') =>
  `<!doctype html><html><head><title>${title} | Staden</title>
   <meta name="description" content="${description}"></head>
   <body><nav>Meny</nav><main><h1>${title}</h1><p>${text}</p></main><footer>Sidfot</footer></body></html>`;

const sitemap = (entries: Array<[string, string?]>) =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries
    .map(
      ([path, lastmod]) =>
        `<url><loc>${path.startsWith('http') ? path : base + path}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`,
    )
    .join('')}</urlset>`;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requested.push(req.url ?? '');
    const found = site.get(req.url ?? '');
    res.writeHead(found?.status ?? (found ? 200 : 404), {
      'content-type': found?.type ?? 'text/html; charset=utf-8',
      ...(found?.location ? { location: found.location } : {}),
    });
    res.end(found?.body ?? 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ctx = await createKnowledgeTestContext();
  imports = new WebImportService(ctx.dataSource, new WebSourceRepository(ctx.dataSource, SCHEMA.schema), ctx.articles, {
    timeoutMs: 2000,
    maxPageBytes: 100_000,
    maxPages: 100,
    allowedHosts: [],
  });
});

afterAll(async () => {
  await ctx?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const found = async (q: string) => (await ctx.search.search({ q, limit: 10 })).items;

describe(WebImportService.name, () => {
  it('takes sitemaps only from the allowed hosts, and follows redirects only within the site', async () => {
    const strict = new WebImportService(
      ctx.dataSource,
      new WebSourceRepository(ctx.dataSource, SCHEMA.schema),
      ctx.articles,
      {
        timeoutMs: 2000,
        maxPageBytes: 100_000,
        maxPages: 100,
        allowedHosts: ['.solna.se'],
      },
    );
    await expect(
      strict.save({ sitemapUrl: `${base}/sitemap.xml`, folderId: null, refreshMinutes: 60 }, ctx.editor()),
    ).rejects.toMatchObject({ code: 'REQUEST.INVALID' });
    expect(hostAllowed('www.solna.se', ['.solna.se'])).toBe(true);
    expect(hostAllowed('solna.se', ['.solna.se'])).toBe(true);
    expect(hostAllowed('evilsolna.se', ['.solna.se'])).toBe(false);
    expect(hostAllowed('127.0.0.1', [])).toBe(true);

    site.set('/flyttad.xml', { status: 301, body: '', type: 'text/plain', location: 'http://169.254.169.254/latest' });
    const editor = ctx.editor();
    const moved = await imports.save({ sitemapUrl: `${base}/flyttad.xml`, folderId: null, refreshMinutes: 60 }, editor);
    const result = await imports.refresh({ id: moved.id }, editor);
    expect(result.lastResult?.failed).toEqual([
      { url: `${base}/flyttad.xml`, reason: 'Redirected to another site: http://169.254.169.254/latest' },
    ]);
  });

  it('imports a sitemap’s pages as published articles, refreshes changed ones and withdraws vanished ones', async () => {
    const editor = ctx.editor();
    site.set('/sitemap.xml', {
      body: sitemap([['/bibliotek', '2026-11-01'], ['/simhall'], ['/trasig'], ['https://annan.example/sida']]),
      type: 'application/xml',
    });
    site.set('/bibliotek', { body: page('Bibliotekets öppettider', 'Biblioteket har öppet till kvällen.', 'Tider') });
    site.set('/simhall', { body: page('Simhallen', 'Simhallen stänger för renovering.') });

    const source = await imports.save(
      { sitemapUrl: `${base}/sitemap.xml`, folderId: null, refreshMinutes: 60 },
      editor,
    );
    const first = await imports.refresh({ id: source.id }, editor);
    expect(first.lastResult).toMatchObject({ pages: 3, created: 2, updated: 0, unchanged: 0, withdrawn: 0 });
    expect(first.lastResult?.failed.map((f) => [f.url, f.reason])).toEqual([
      [`${base}/trasig`, 'HTTP 404'],
      ['https://annan.example/sida', 'Not on the sitemap’s site'],
    ]);

    const [library] = await found('bibliotek ');
    expect(library).toMatchObject({ title: 'Bibliotekets öppettider', summary: 'Tider' });
    const article = await ctx.articles.get(library.id, ctx.as());
    expect(article).toMatchObject({ status: 'published', sourceUrl: `${base}/bibliotek`, kind: 'information' });
    expect(article.body).toContain('Biblioteket har öppet till kvällen.');
    expect(article.body).not.toContain('Meny');
    await expect(
      ctx.articles.update({ id: article.id, version: article.version, changes: { body: 'Hand' } }, editor),
    ).rejects.toMatchObject({ code: 'KNOWLEDGE.IMPORTED_ARTICLE' });

    // The swimming pool page changes (no lastmod: its text tells); the library's lastmod does not change.
    site.set('/simhall', { body: page('Simhallen', 'Simhallen har öppnat igen efter renoveringen.') });
    requested.length = 0;
    const second = await imports.refresh({ id: source.id }, editor);
    expect(second.lastResult).toMatchObject({ created: 0, updated: 1, unchanged: 1, withdrawn: 0 });
    expect(requested).not.toContain('/bibliotek');
    const [pool] = await found('öppnat ');
    expect(pool.title).toBe('Simhallen');
    const history = await ctx.articles.versions(pool.id, editor);
    expect(history.items[0]).toMatchObject({ source: 'imported', changedBy: 'web-import' });

    // The library page leaves the sitemap: its article is withdrawn from search.
    site.set('/sitemap.xml', { body: sitemap([['/simhall']]), type: 'application/xml' });
    const third = await imports.refresh({ id: source.id }, editor);
    expect(third.lastResult).toMatchObject({ withdrawn: 1 });
    expect(await found('bibliotek ')).toEqual([]);
    expect((await ctx.articles.get(library.id, editor)).status).toBe('draft');
  });

  it('runs due sources on the schedule once, and records an unreadable sitemap without withdrawing anything', async () => {
    const editor = ctx.editor();
    site.set('/ok.xml', { body: sitemap([['/tandvard']]), type: 'application/xml' });
    site.set('/tandvard', { body: page('Tandvård för barn', 'Barn får gratis tandvård.') });
    const ok = await imports.save({ sitemapUrl: `${base}/ok.xml`, folderId: null, refreshMinutes: 15 }, editor);
    const broken = await imports.save({ sitemapUrl: `${base}/borta.xml`, folderId: null, refreshMinutes: 15 }, editor);

    expect(await imports.runDue(new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(2);
    expect(await imports.runDue(new Date(Date.now() + 1000))).toBe(0);
    const listed = (await imports.list()).items;
    expect(listed.find((s) => s.id === ok.id)?.lastResult).toMatchObject({ created: 1 });
    expect(listed.find((s) => s.id === broken.id)?.lastResult).toMatchObject({
      pages: 0,
      withdrawn: 0,
      failed: [{ url: `${base}/borta.xml`, reason: 'HTTP 404' }],
    });
    expect((await found('tandvård ')).map((h) => h.title)).toEqual(['Tandvård för barn']);
    await expect(imports.refresh({ id: ok.id }, ctx.as())).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });
});
