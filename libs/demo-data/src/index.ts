export * from './catalogue.js';
export * from './demo-cases.js';
