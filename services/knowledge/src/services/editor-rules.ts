import { type Actor, DomainError } from '@arende/contracts';
import type { ArticleRow } from '../repositories/article.repository.js';

/**
 * Who edits the knowledge base: supervisors and administrators. The realm has no editor role yet; when it
 * gets one, add it here and in the gateway's KNOWLEDGE_EDITORS.
 */
export const EDITOR_ROLES: readonly string[] = ['supervisor', 'admin'];

export function isEditor(actor: Actor): boolean {
  return EDITOR_ROLES.some((role) => actor.roles.includes(role));
}

export function assertEditor(actor: Actor, what: string): void {
  if (!isEditor(actor)) throw new DomainError('AUTH.FORBIDDEN', `Only editors of the knowledge base may ${what}`);
}

/** Editors see drafts; an author sees their own. */
export function maySee(actor: Actor, article: ArticleRow): boolean {
  return article.status === 'published' || isEditor(actor) || article.created_by === actor.id;
}

/** Editors change any article; an author changes their own draft until it has been published once. */
export function assertMayEdit(actor: Actor, article: ArticleRow): void {
  if (isEditor(actor)) return;
  if (article.created_by === actor.id && article.status === 'draft' && article.published_at === null) return;
  throw new DomainError('AUTH.FORBIDDEN', 'Only editors change a published article; propose the change instead');
}
