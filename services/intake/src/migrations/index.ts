import { CreateIntake1764000000000 } from './1764000000000-create-intake.js';

/** In order. Hand-written, each with up and down; never edited after it has landed. */
export const MIGRATIONS = [CreateIntake1764000000000];
