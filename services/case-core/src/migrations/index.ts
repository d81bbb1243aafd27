import { CreateCase1763900000000 } from './1763900000000-create-case.js';

/** In order. Hand-written, each with up and down; never edited after it has landed. */
export const MIGRATIONS = [CreateCase1763900000000];
