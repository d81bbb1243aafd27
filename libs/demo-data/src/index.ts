export * from './catalogue.js';
export * from './demo-cases.js';
export * from './demo-articles.js';
