/** Quotes a PostgreSQL identifier (schema, table, database name). */
export function quoteIdent(name: string): string {
  return '"' + name.replaceAll('"', '""') + '"';
}

/**
 * Namespaces for two-key advisory locks (`pg_advisory_lock(namespace, hashtext(name))`), so locks
 * taken by different parts of the platform on the same name never collide.
 * Values are arbitrary but fixed: changing one lets an old and a new replica run side by side unserialized.
 */
export const ADVISORY_LOCK = {
  migrate: 7_301,
  outboxRelay: 7_302,
  testTemplate: 7_303,
} as const;
