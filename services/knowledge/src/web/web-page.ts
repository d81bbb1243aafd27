import { createHash } from 'node:crypto';
import { convert } from 'html-to-text';

// Pure: reading a sitemap and turning a page of the city's website into article text. No I/O.

export interface SitemapEntry {
  url: string;
  /** As the sitemap wrote it; a page whose lastmod is unchanged is not fetched again. */
  lastmod: string | null;
}

export interface Sitemap {
  pages: SitemapEntry[];
  /** A sitemap index lists further sitemaps instead of pages. */
  sitemaps: string[];
}

export interface PageText {
  title: string;
  summary: string;
  body: string;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_m, name: string) => XML_ENTITIES[name])
    .trim();
}

function tag(block: string, name: string): string | null {
  const match = new RegExp(`<(?:[\\w-]+:)?${name}[^>]*>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`, 'i').exec(block);
  return match ? xmlText(match[1]) : null;
}

/** The pages (or further sitemaps) of a sitemap (sitemaps.org protocol), in order, without repeats. */
export function parseSitemap(xml: string): Sitemap {
  const pages = new Map<string, SitemapEntry>();
  for (const [block] of xml.matchAll(/<(?:[\w-]+:)?url[\s>][\s\S]*?<\/(?:[\w-]+:)?url>/gi)) {
    const url = tag(block, 'loc');
    if (url && !pages.has(url)) pages.set(url, { url, lastmod: tag(block, 'lastmod') });
  }
  const sitemaps: string[] = [];
  for (const [block] of xml.matchAll(/<(?:[\w-]+:)?sitemap[\s>][\s\S]*?<\/(?:[\w-]+:)?sitemap>/gi)) {
    const url = tag(block, 'loc');
    if (url && !sitemaps.includes(url)) sitemaps.push(url);
  }
  return { pages: [...pages.values()], sitemaps };
}

const MAX_TITLE = 200;
const MAX_SUMMARY = 1000;
const MAX_BODY = 100_000;

const textOf = (html: string) =>
  convert(html, { wordwrap: false, selectors: [{ selector: 'a', options: { ignoreHref: true } }] })
    .replace(/\s+/g, ' ')
    .trim();

function metaContent(html: string, names: string[]): string | null {
  for (const tagText of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const name = /\b(?:name|property)\s*=\s*["']([^"']+)["']/i.exec(tagText)?.[1]?.toLowerCase();
    const content = /\bcontent\s*=\s*"([^"]*)"|\bcontent\s*=\s*'([^']*)'/i.exec(tagText);
    if (name && names.includes(name) && content) return textOf(content[1] ?? content[2] ?? '');
  }
  return null;
}

/**
 * The article text of a page: its title (the first h1, else <title>), a summary (the meta description) and the
 * main content as text with its headings and lists (navigation, header, footer, scripts and forms left out).
 */
export function extractPage(html: string, url: string): PageText {
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const title = (h1 ? textOf(h1) : '') || (titleTag ? textOf(titleTag) : '') || url;
  const summary = metaContent(html, ['description', 'og:description']) ?? '';
  const body = convert(html, {
    wordwrap: false,
    baseElements: { selectors: ['main', 'article', 'body'], returnDomByDefault: true },
    selectors: [
      ...['nav', 'header', 'footer', 'script', 'style', 'form', 'noscript', 'img', 'svg', 'iframe'].map((selector) => ({
        selector,
        format: 'skip',
      })),
      { selector: 'a', options: { ignoreHref: true } },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: 'table', format: 'dataTable' },
    ],
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { title: title.slice(0, MAX_TITLE), summary: summary.slice(0, MAX_SUMMARY), body: body.slice(0, MAX_BODY) };
}

/** Whether a page's text changed since it was last imported. */
export function contentHash(page: PageText): string {
  return createHash('sha256')
    .update(JSON.stringify([page.title, page.summary, page.body]))
    .digest('hex');
}
