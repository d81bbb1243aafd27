import { z } from 'zod';
import { defineRpc } from '../message.js';
import { ArticleSummarySchema } from './knowledge.schemas.js';

export const FolderSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  position: z.number().int(),
});
export type Folder = z.infer<typeof FolderSchema>;

export interface FolderNode extends Folder {
  children: FolderNode[];
}
export const FolderNodeSchema: z.ZodType<FolderNode> = FolderSchema.extend({
  get children() {
    return z.array(FolderNodeSchema);
  },
});

export const SaveFolderRequestV1 = z.object({
  /** Absent: a new folder. */
  id: z.uuid().optional(),
  parentId: z.uuid().nullable().default(null),
  name: z.string().trim().min(1).max(120),
  position: z.number().int().min(0).max(10_000).default(0),
});

export const saveFolderV1 = defineRpc({
  subject: 'knowledge.rpc.folder-save.v1',
  request: SaveFolderRequestV1,
  response: FolderSchema,
  example: { parentId: null, name: 'Bygga och bo', position: 1 },
  description: 'Creates a folder, or renames or moves one (editors); a folder cannot move under itself.',
});

export const folderTreeV1 = defineRpc({
  subject: 'knowledge.rpc.folder-tree.v1',
  request: z.object({}),
  response: z.object({ roots: z.array(FolderNodeSchema) }),
  example: {},
  description: 'The whole folder tree, each level in position and name order.',
});

export const listFolderArticlesV1 = defineRpc({
  subject: 'knowledge.rpc.folder-articles.v1',
  request: z.object({
    folderId: z.uuid(),
    /** Drafts too (editors and their authors see them in the tree). */
    includeDrafts: z.boolean().default(false),
  }),
  response: z.object({ items: z.array(ArticleSummarySchema) }),
  example: { folderId: '01935c50-0000-7000-8000-000000000001' },
  description: 'The articles directly in a folder, by title.',
});
