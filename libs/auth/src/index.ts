export * from './roles.js';
export * from './principal.js';
export * from './bearer.js';
export * from './token-verifier.js';
