export * from './demo-users.js';
export * from './claims.js';
export * from './clients.js';
export * from './keys.js';
export * from './login.js';
export * from './issuer.js';
export * from './demo-login.js';
