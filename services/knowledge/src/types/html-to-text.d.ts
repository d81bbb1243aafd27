// The part of html-to-text 10 that web/web-page.ts uses (the package ships no types).
declare module 'html-to-text' {
  export interface SelectorDefinition {
    selector: string;
    format?: string;
    options?: Record<string, unknown>;
  }
  export interface HtmlToTextOptions {
    baseElements?: { selectors?: string[]; returnDomByDefault?: boolean };
    selectors?: SelectorDefinition[];
    wordwrap?: number | false | null;
  }
  export function convert(html: string, options?: HtmlToTextOptions): string;
}
