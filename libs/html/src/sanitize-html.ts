import sanitize from 'sanitize-html';

// Raster images only: an SVG data URL can carry script when opened on its own.
const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|bmp);base64,[A-Za-z0-9+/=\s]*$/i;
const CSS_LENGTH = /^\d+(\.\d+)?(px|em|rem|%|pt)?$/;
const CSS_COLOUR = /^(#[0-9a-f]{3,8}|[a-z]+|rgba?\(\s*[\d.\s,%]+\))$/i;

const OPTIONS: sanitize.IOptions = {
  allowedTags: [...sanitize.defaults.allowedTags, 'img', 'font', 'center'],
  disallowedTagsMode: 'discard',
  // Content of these is never shown as text (scripts, styles, the <title> of a whole e-mail document).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'template', 'xmp'],
  allowedAttributes: {
    a: ['href', 'name', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    table: ['border', 'cellpadding', 'cellspacing', 'width', 'align'],
    td: ['colspan', 'rowspan', 'align', 'valign', 'width'],
    th: ['colspan', 'rowspan', 'align', 'valign', 'width', 'scope'],
    col: ['span', 'width'],
    colgroup: ['span', 'width'],
    ol: ['start', 'type'],
    font: ['color', 'size', 'face'],
    '*': ['style', 'dir', 'lang'],
  },
  allowedStyles: {
    '*': {
      color: [CSS_COLOUR],
      'background-color': [CSS_COLOUR],
      'text-align': [/^(left|right|center|justify)$/],
      'font-weight': [/^(normal|bold|bolder|lighter|\d{3})$/],
      'font-style': [/^(normal|italic|oblique)$/],
      'text-decoration': [/^(none|underline|line-through|overline)$/],
      'font-size': [CSS_LENGTH],
      width: [CSS_LENGTH],
      height: [CSS_LENGTH],
    },
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  // Remote images are blocked by the web client until the agent allows them; cid: points at an attachment.
  allowedSchemesByTag: { img: ['data', 'cid', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  enforceHtmlBoundary: true,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      // A link that opens elsewhere must not reach back into the agent's tab.
      attribs: attribs.target ? { ...attribs, target: '_blank', rel: 'noopener noreferrer' } : attribs,
    }),
  },
  // Relative sources would load from our own origin; they are dropped with the rest.
  exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImageSource(frame.attribs.src),
};

function isAllowedImageSource(src: string | undefined): boolean {
  if (src === undefined) return false;
  const value = src.trim();
  return /^(https:|cid:)/i.test(value) || SAFE_DATA_IMAGE.test(value);
}

/**
 * HTML as it may be shown in the agent's browser: no scripts, event handlers, frames, objects, forms or
 * `javascript:` URLs; formatting, tables and links kept; images only from data:, cid: or https: sources.
 */
export function sanitizeHtml(html: string): string {
  return sanitize(html, OPTIONS).trim();
}

const BLOCK_END = /<\/(p|div|li|tr|h[1-6]|blockquote|table|ul|ol|pre|dt|dd|section|article|header|footer)\s*>/gi;
const LINE_BREAK = /<br\s*\/?>/gi;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The plain text of (already sanitised or raw) HTML, with line breaks where blocks end. */
export function htmlToText(html: string): string {
  const marked = html.replace(LINE_BREAK, '\n').replace(BLOCK_END, '$&\n');
  const stripped = sanitize(marked, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: OPTIONS.nonTextTags,
    enforceHtmlBoundary: true,
  });
  return stripped
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
