export * from './catalogue.js';
export * from './demo-cases.js';
export * from './demo-articles.js';
export * from './demo-templates.js';
export * from './seed-routing.js';
export * from './demo-staff.js';
export * from './seed-directory.js';
