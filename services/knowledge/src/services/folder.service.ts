import type { DataSource } from 'typeorm';
import { type Folder, type FolderNode, DomainError } from '@arende/contracts';
import type { RpcContext } from '@arende/messaging';
import { uuidv7 } from 'uuidv7';
import type { FolderRepository, FolderRow } from '../repositories/folder.repository.js';
import { assertEditor } from './editor-rules.js';

/** The tree agents browse. Folders are not versioned; articles are. */
export class FolderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly folders: FolderRepository,
  ) {}

  async save(
    input: { id?: string; parentId: string | null; name: string; position: number },
    ctx: RpcContext,
  ): Promise<Folder> {
    assertEditor(ctx.actor, 'arrange folders');
    const row: FolderRow = {
      id: input.id ?? uuidv7(),
      parent_id: input.parentId,
      name: input.name,
      position: input.position,
    };
    await this.dataSource.transaction(async (manager) => {
      if (input.id && !(await this.folders.find(manager, input.id))) throw notFound(input.id);
      if (input.parentId) {
        if (!(await this.folders.find(manager, input.parentId))) throw notFound(input.parentId);
        if ((await this.folders.ancestry(manager, input.parentId)).includes(row.id)) {
          throw new DomainError('KNOWLEDGE.FOLDER_CYCLE', 'A folder cannot move into itself or a folder below it');
        }
      }
      await this.folders.upsert(manager, row, new Date());
    });
    return { id: row.id, parentId: row.parent_id, name: row.name, position: row.position };
  }

  async tree(): Promise<{ roots: FolderNode[] }> {
    const rows = await this.folders.all();
    const nodes = new Map<string, FolderNode>(
      rows.map((row) => [
        row.id,
        { id: row.id, parentId: row.parent_id, name: row.name, position: row.position, children: [] },
      ]),
    );
    const roots: FolderNode[] = [];
    for (const node of nodes.values()) {
      const parent = node.parentId ? nodes.get(node.parentId) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return { roots };
  }
}

function notFound(id: string): DomainError {
  return new DomainError('KNOWLEDGE.FOLDER_NOT_FOUND', `No folder ${id}`);
}
