export * from './catalogue.js';
export * from './demo-cases.js';
export * from './demo-articles.js';
export * from './demo-staff.js';
export * from './seed-directory.js';
