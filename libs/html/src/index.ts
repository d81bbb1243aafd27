export * from './sanitize-html.js';
