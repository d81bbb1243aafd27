import { htmlToText, sanitizeHtml } from './sanitize-html.js';

describe('sanitizeHtml', () => {
  it.each([
    ['a script element', '<p>Hej</p><script>alert(1)</script>', '<p>Hej</p>'],
    ['a script that hides in odd case', '<p>Hej</p><ScRiPt src="https://evil.example/x.js"></ScRiPt>', '<p>Hej</p>'],
    ['an event handler', '<p onclick="alert(1)" onmouseover="x()">Hej</p>', '<p>Hej</p>'],
    [
      'an img with onerror',
      '<img src="https://ok.example/a.png" onerror="alert(1)">',
      '<img src="https://ok.example/a.png" />',
    ],
    ['an iframe', '<p>a</p><iframe src="https://evil.example"></iframe>', '<p>a</p>'],
    ['an object and embed', '<object data="x.swf"></object><embed src="x.swf">b', 'b'],
    [
      'a form with inputs',
      '<form action="https://evil.example"><input name="pw"><button>Skicka</button></form>',
      'Skicka',
    ],
    ['a javascript: link', '<a href="javascript:alert(1)">klicka</a>', '<a>klicka</a>'],
    ['an obfuscated javascript: link', '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a>x</a>'],
    ['an upper-case JAVASCRIPT: link', '<a href="JAVASCRIPT:alert(1)">x</a>', '<a>x</a>'],
    ['a data: link', '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', '<a>x</a>'],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['a style element', '<style>body{display:none}</style><p>x</p>', '<p>x</p>'],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example"><p>x</p>', '<p>x</p>'],
    ['a base element', '<base href="https://evil.example/"><p>x</p>', '<p>x</p>'],
    ['an svg with script', '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>', '<a>x</a>'],
    ['a math element', '<math><mtext><img src=x onerror=alert(1)></mtext></math>', ''],
    [
      'css with url()',
      '<p style="background-image:url(javascript:alert(1)); color: red">x</p>',
      '<p style="color:red">x</p>',
    ],
    ['css expression()', '<p style="width: expression(alert(1))">x</p>', '<p>x</p>'],
    ['a protocol-relative image', '<img src="//evil.example/track.gif">', ''],
    ['an http: image', '<img src="http://evil.example/track.gif">', ''],
    ['an svg data: image', '<img src="data:image/svg+xml;base64,PHN2Zz4=">', ''],
    ['an html data: image', '<img src="data:text/html,<script>alert(1)</script>">', ''],
    ['an image without src', '<img alt="x">', ''],
    ['a comment hiding markup', '<!-- <script>alert(1)</script> --><p>x</p>', '<p>x</p>'],
    [
      'markup inside an attribute',
      '<a title="</a><script>alert(1)</script>">x</a>',
      '<a title="&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
    ],
    ['a relative image source', '<img src="/api/v1/cases/2026-000001/lock">', ''],
  ])('removes %s', (_name, input, expected) => {
    expect(sanitizeHtml(input)).toBe(expected);
  });

  it('keeps basic formatting, lists, headings and tables', () => {
    const html =
      '<h2>Rubrik</h2><p><b>Fet</b>, <i>kursiv</i>, <u>understruken</u><br>rad två</p>' +
      '<ul><li>ett</li></ul><blockquote>citat</blockquote>' +
      '<table border="1"><thead><tr><th colspan="2">Tid</th></tr></thead><tbody><tr><td>8</td><td>9</td></tr></tbody></table>';
    expect(sanitizeHtml(html)).toBe(html.replace('<br>', '<br />'));
  });

  it('keeps https, mailto and tel links and makes new-tab links unable to reach back', () => {
    expect(sanitizeHtml('<a href="https://solna.se/sophamtning">länk</a>')).toBe(
      '<a href="https://solna.se/sophamtning">länk</a>',
    );
    expect(sanitizeHtml('<a href="mailto:kontakt@solna.se">mejla</a> <a href="tel:+4687342000">ring</a>')).toBe(
      '<a href="mailto:kontakt@solna.se">mejla</a> <a href="tel:+4687342000">ring</a>',
    );
    expect(sanitizeHtml('<a href="https://solna.se" target="_top">x</a>')).toBe(
      '<a href="https://solna.se" target="_blank" rel="noopener noreferrer">x</a>',
    );
  });

  it('keeps images from https:, cid: and raster data: sources', () => {
    for (const src of [
      'https://solna.se/logo.png',
      'cid:image001.png@01DA1234',
      'data:image/png;base64,iVBORw0KGgo=',
    ]) {
      expect(sanitizeHtml(`<img src="${src}" alt="bild">`)).toBe(`<img src="${src}" alt="bild" />`);
    }
  });

  it('keeps only the body content of a whole e-mail document', () => {
    const html =
      '<html><head><title>Ärende</title><style>p{}</style></head><body><p>Hej!</p></body></html>trailing junk';
    expect(sanitizeHtml(html)).toBe('<p>Hej!</p>');
  });
});

describe('htmlToText', () => {
  it('gives the text with line breaks where blocks and <br> end, entities decoded', () => {
    const html =
      '<html><head><title>Rubrik</title></head><body><p>Hej &amp; tack,</p><p>Snön ligger kvar&nbsp;på<br>Råsundavägen &lt;12&gt;.</p>' +
      '<ul><li>ett</li><li>två</li></ul><script>alert(1)</script></body></html>';
    expect(htmlToText(html)).toBe('Hej & tack,\nSnön ligger kvar på\nRåsundavägen <12>.\nett\ntvå');
  });

  it('collapses runs of blank lines and spaces', () => {
    expect(htmlToText('<div>  a   b </div><p></p><p></p><p></p><div>c</div>')).toBe('a b\n\nc');
  });

  it('returns an empty string for markup without text', () => {
    expect(htmlToText('<img src="https://x.example/a.png"><script>x</script>')).toBe('');
  });
});
