import type { Agent } from '../auth';

/** The realm role of administrators (libs/auth ROLES.ADMIN; the web client does not bundle libs/auth). */
export const ADMIN_ROLE = 'admin';

export const isAdmin = (agent: Agent): boolean => agent.roles.includes(ADMIN_ROLE);
