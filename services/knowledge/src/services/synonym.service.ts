import type { DataSource } from 'typeorm';
import { DomainError } from '@arende/contracts';
import type { RpcContext } from '@arende/messaging';
import { uuidv7 } from 'uuidv7';
import type { SynonymGroupRow, SynonymRepository } from '../repositories/synonym.repository.js';
import type { KnowledgeSearch } from '../search/knowledge-search.js';
import { assertEditor } from './editor-rules.js';

/** The synonym list the city edits. A word belongs to one group at most, so expansion is unambiguous. */
export class SynonymService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly synonyms: SynonymRepository,
    private readonly search: KnowledgeSearch,
  ) {}

  async save(input: { id?: string; terms: string[] }, ctx: RpcContext): Promise<SynonymGroupRow> {
    assertEditor(ctx.actor, 'edit synonyms');
    const row = { id: input.id ?? uuidv7(), terms: input.terms };
    const groups = await this.dataSource.transaction(async (manager) => {
      // Serialise edits of the list: the overlap check below must see every other edit.
      await this.synonyms.lockForEdit(manager);
      if (input.id && !(await this.synonyms.exists(manager, input.id))) {
        throw new DomainError('REQUEST.NOT_FOUND', `No synonym group ${input.id}`);
      }
      const clash = await this.synonyms.overlapping(manager, row.id, row.terms);
      if (clash.length > 0) {
        const taken = row.terms.filter((t) => clash.some((g) => g.terms.includes(t)));
        throw new DomainError('KNOWLEDGE.SYNONYM_TAKEN', `Already in another group: ${taken.join(', ')}`, {
          terms: taken,
          groupIds: clash.map((g) => g.id),
        });
      }
      await this.synonyms.upsert(manager, row, ctx.actor.id, new Date());
      return await this.synonyms.all(manager);
    });
    await this.search.synonymsChanged(groups.map((g) => g.terms));
    return row;
  }

  async delete(input: { id: string }, ctx: RpcContext): Promise<{ id: string; deleted: boolean }> {
    assertEditor(ctx.actor, 'edit synonyms');
    const { deleted, groups } = await this.dataSource.transaction(async (manager) => ({
      deleted: await this.synonyms.delete(manager, input.id),
      groups: await this.synonyms.all(manager),
    }));
    if (deleted) await this.search.synonymsChanged(groups.map((g) => g.terms));
    return { id: input.id, deleted };
  }

  async list(): Promise<{ items: SynonymGroupRow[] }> {
    return { items: await this.synonyms.all() };
  }
}
