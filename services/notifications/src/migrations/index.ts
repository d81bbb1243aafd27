import { CreateNotifications1766000000000 } from './1766000000000-create-notifications.js';
import { CreateMessageTemplates1766130000000 } from './1766130000000-create-message-templates.js';

/** In order. Hand-written, each with up and down; never edited after it has landed. */
export const MIGRATIONS = [CreateNotifications1766000000000, CreateMessageTemplates1766130000000];
