import { CreateRouting1764200000000 } from './1764200000000-create-routing.js';
import { CreateInbox1764800000000 } from './1764800000000-create-inbox.js';

/** In order. Hand-written, each with up and down; never edited after it has landed. */
export const MIGRATIONS = [CreateRouting1764200000000, CreateInbox1764800000000];
