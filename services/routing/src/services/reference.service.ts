import type { DataSource, EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import {
  DomainError,
  type ReferenceItem,
  type ReferenceKind,
  referenceSavedV1,
  type saveReferenceV1,
} from '@arende/contracts';
import { Outbox, createEnvelope, type RpcContext } from '@arende/messaging';
import type { z } from 'zod';
import type { ReferenceRepository } from '../repositories/reference.repository.js';
import { assertAdmin, assertVersion, nextVersion, type CommitListener } from './admin-rules.js';

type SaveReference = z.output<typeof saveReferenceV1.request>;

/** What must change with a reference item, in the same transaction (the directory's searchable text). */
export interface ReferenceSavedHook {
  referenceSaved(
    manager: EntityManager,
    item: ReferenceItem,
    previous: ReferenceItem | undefined,
    ctx: RpcContext,
  ): Promise<void>;
}

/** Case types, categories, areas, org units, service points and answer groups. */
export class ReferenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly references: ReferenceRepository,
    private readonly listener: CommitListener,
    private readonly schema: string,
    private readonly hook?: ReferenceSavedHook,
  ) {}

  async save(input: SaveReference, ctx: RpcContext): Promise<ReferenceItem> {
    assertAdmin(ctx.actor, 'change reference data');
    const { version, id: givenId, ...fields } = input;
    const id = givenId ?? uuidv7();
    const item = await this.dataSource.transaction(async (manager) => {
      const current = await this.references.lock(manager, input.kind, id);
      assertVersion(kindName(input.kind), id, current, version);
      await this.checkShape(manager, { ...fields, id });
      const saved: ReferenceItem = nextVersion(fields, id, current);
      await this.references.save(manager, saved, ctx.actor.id);
      await this.hook?.referenceSaved(manager, saved, current, ctx);
      await Outbox.add(manager, createEnvelope(referenceSavedV1, saved, ctx), this.schema);
      return saved;
    });
    this.listener.nudge();
    return item;
  }

  async list(input: { kind: ReferenceKind; includeInactive: boolean }): Promise<{ items: ReferenceItem[] }> {
    return { items: await this.references.list(input.kind, input.includeInactive) };
  }

  /** Instruction only on case types; a level on every org unit and only there; a unit sits under a department. */
  private async checkShape(
    manager: EntityManager,
    item: Pick<ReferenceItem, 'kind' | 'id' | 'instruction' | 'orgLevel' | 'parentId'>,
  ): Promise<void> {
    if (item.kind !== 'case-type' && item.instruction !== '') {
      throw invalid('Only a case type has an instruction');
    }
    if (item.kind !== 'org-unit') {
      if (item.orgLevel !== null || item.parentId !== null) throw invalid('Only an org unit has a level and a parent');
      return;
    }
    if (item.orgLevel === null) throw invalid('An org unit is a department or a unit (orgLevel)');
    if (item.orgLevel === 'department') {
      if (item.parentId !== null) throw invalid('A department has no parent');
      return;
    }
    if (item.parentId === null) throw invalid('A unit belongs to a department (parentId)');
    const parent = await this.references.find(manager, 'org-unit', item.parentId);
    if (!parent) {
      throw new DomainError('ROUTING.REFERENCE_UNKNOWN', `No org unit ${item.parentId}`, {
        references: [{ field: 'parentId', kind: 'org-unit', id: item.parentId }],
      });
    }
    if (parent.orgLevel !== 'department') throw invalid(`${item.parentId} is not a department`);
  }
}

function invalid(message: string): DomainError {
  return new DomainError('ROUTING.REFERENCE_INVALID', message);
}

function kindName(kind: ReferenceKind): string {
  const name = kind.replace('-', ' ');
  return name[0].toUpperCase() + name.slice(1);
}
