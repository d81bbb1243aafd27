import { SetMetadata } from '@nestjs/common';
import type { Role } from '@arende/auth';

export const ROLES_KEY = 'arende:roles';
export const PUBLIC_KEY = 'arende:public';

/** The roles that may call a route (any one of them). Every route declares roles or @Public(). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without a token (health, metrics, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Staff who work cases: agents, supervisors, administrators and internal case officers. */
export const CASE_WORKERS: Role[] = ['agent', 'supervisor', 'admin', 'officer'];

/**
 * Who may read cases and inboxes: the case workers, and contractors, whom case-core shows only the non-secret
 * cases distributed to their organisation (until the external portal has its own routes).
 */
export const CASE_READERS: Role[] = [...CASE_WORKERS, 'contractor'];

/** Who edits the knowledge base (publish, link, folders, synonyms, proposals); the knowledge service checks it too. */
export const KNOWLEDGE_EDITORS: Role[] = ['supervisor', 'admin'];

/** Who administers routing: inboxes, templates and their reference data; routing checks it too. */
export const ROUTING_ADMINS: Role[] = ['admin'];

/** Who sees every inbox rather than only those of their own `/inbox/…` groups. */
export const INBOX_OVERSEERS: Role[] = ['supervisor', 'admin'];

/** Who administers message templates and signatures; notifications checks it too. */
export const NOTIFICATION_ADMINS: Role[] = ['admin'];

/** Who administers the SLA watcher's business-hours calendars; the watcher checks it too. */
export const CALENDAR_ADMINS: Role[] = ['admin'];
