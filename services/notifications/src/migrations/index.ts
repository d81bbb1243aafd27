import { CreateNotifications1766000000000 } from './1766000000000-create-notifications.js';

/** In order. Hand-written, each with up and down; never edited after it has landed. */
export const MIGRATIONS = [CreateNotifications1766000000000];
