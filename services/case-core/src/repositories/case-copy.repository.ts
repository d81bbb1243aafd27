import type { EntityManager } from 'typeorm';

/** The one query copying needs beyond CaseRepository: a case's entries onto another case. */
export class CaseCopyRepository {
  constructor(private readonly schema: string) {}

  /** Copies every entry of `sourceId` onto `targetId` with new ids (UUIDv7 from `newIds`), keeping their times. */
  async copyEntries(manager: EntityManager, sourceId: string, targetId: string, newId: () => string): Promise<number> {
    const s = `"${this.schema}"`;
    const sources = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM ${s}.entry WHERE case_id = $1 ORDER BY created_at, id`,
      [sourceId],
    );
    if (sources.length === 0) return 0;
    await manager.query(
      `INSERT INTO ${s}.entry (id, case_id, kind, visibility, author_id, author_name, sender, text, html, attachments,
         created_at)
       SELECT m.new_id, $2, e.kind, e.visibility, e.author_id, e.author_name, e.sender, e.text, e.html, e.attachments,
         e.created_at
       FROM ${s}.entry e JOIN unnest($3::uuid[], $4::uuid[]) AS m(old_id, new_id) ON m.old_id = e.id
       WHERE e.case_id = $1`,
      [sourceId, targetId, sources.map((r) => r.id), sources.map(() => newId())],
    );
    return sources.length;
  }
}
