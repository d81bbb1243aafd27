import { CreateSlaWatcher1765300000000 } from './1765300000000-create-sla-watcher.js';

/** In order. Hand-written, each with up and down; never edited after it has landed. */
export const MIGRATIONS = [CreateSlaWatcher1765300000000];
