export * from './platform.js';
export * from './streams.js';
