import { CreateIntake1764000000000 } from './1764000000000-create-intake.js';
import { ChannelsAndQuarantine1764000100000 } from './1764000100000-channels-and-quarantine.js';

/** In order. Hand-written, each with up and down; never edited after it has landed. */
export const MIGRATIONS = [CreateIntake1764000000000, ChannelsAndQuarantine1764000100000];
