export * from './platform.js';
export * from './streams.js';
export * from './smtp-client.js';
export * from './browser.js';
export * from './calendars.js';
