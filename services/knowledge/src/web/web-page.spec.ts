import { contentHash, extractPage, parseSitemap } from './web-page.js';

describe('parseSitemap', () => {
  it('reads pages with their lastmod, and the sitemaps of an index', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://www.stad.se/a?x=1&amp;y=2</loc><lastmod>2026-11-01</lastmod></url>
        <url><loc> https://www.stad.se/b </loc></url>
        <url><loc>https://www.stad.se/b</loc></url>
      </urlset>`;
    expect(parseSitemap(xml)).toEqual({
      pages: [
        { url: 'https://www.stad.se/a?x=1&y=2', lastmod: '2026-11-01' },
        { url: 'https://www.stad.se/b', lastmod: null },
      ],
      sitemaps: [],
    });
    const index = '<sitemapindex><sitemap><loc>https://www.stad.se/s1.xml</loc></sitemap></sitemapindex>';
    expect(parseSitemap(index)).toEqual({ pages: [], sitemaps: ['https://www.stad.se/s1.xml'] });
  });
});

describe('extractPage', () => {
  const html = `<!doctype html><html><head><title>Sophämtning | Staden</title>
    <meta content="När soporna hämtas &amp; hur." name="description"></head>
    <body><nav>Meny Start Kontakt</nav><header>Sidhuvud</header>
    <main><h1>Sophämtning</h1><p>Soporna hämtas <a href="/tider">varannan vecka</a>.</p>
    <h2>Grovsopor</h2><ul><li>Möbler</li><li>Vitvaror</li></ul><script>track()</script></main>
    <footer>Sidfot</footer></body></html>`;

  it('takes the h1 as title, the meta description as summary and the main content as body', () => {
    const page = extractPage(html, 'https://www.stad.se/sopor');
    expect(page.title).toBe('Sophämtning');
    expect(page.summary).toBe('När soporna hämtas & hur.');
    expect(page.body).toContain('Soporna hämtas varannan vecka.');
    expect(page.body).toContain('Grovsopor');
    expect(page.body).toContain('Vitvaror');
    for (const left of ['Meny', 'Sidhuvud', 'Sidfot', 'track', '/tider']) expect(page.body).not.toContain(left);
  });

  it('falls back to <title>, then to the URL, and tells changed text by its hash', () => {
    expect(extractPage('<title>Bara titel</title><p>x</p>', 'u').title).toBe('Bara titel');
    expect(extractPage('<p>x</p>', 'https://www.stad.se/x').title).toBe('https://www.stad.se/x');
    const a = extractPage(html, 'u');
    expect(contentHash(a)).toBe(contentHash(extractPage(html, 'u')));
    expect(contentHash(a)).not.toBe(contentHash({ ...a, body: `${a.body}!` }));
  });
});
