import type { DataSource, EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import {
  type DirectoryHit,
  DomainError,
  type ReferenceItem,
  type StaffPerson,
  type getStaffV1,
  type saveStaffV1,
  type searchDirectoryV1,
  staffSavedV1,
} from '@arende/contracts';
import { Outbox, createEnvelope, type RpcContext } from '@arende/messaging';
import type { z } from 'zod';
import { matchedTexts, nameSortKey, prefixTiers, queryWords } from '../directory/directory-words.js';
import type { ReferenceRepository } from '../repositories/reference.repository.js';
import type { StaffRepository } from '../repositories/staff.repository.js';
import { assertAdmin, assertVersion, nextVersion, type CommitListener } from './admin-rules.js';
import type { ReferenceSavedHook } from './reference.service.js';

type SaveStaff = z.output<typeof saveStaffV1.request>;
type SearchDirectory = z.output<typeof searchDirectoryV1.request>;
type NamedPerson = z.output<typeof getStaffV1.response>;

const UNIQUE_VIOLATION = '23505';

/** The staff directory (telefonkatalog): people, where they work, what they know and the inboxes they serve. */
export class StaffService implements ReferenceSavedHook {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staff: StaffRepository,
    private readonly references: ReferenceRepository,
    private readonly listener: CommitListener,
    private readonly schema: string,
  ) {}

  async save(input: SaveStaff, ctx: RpcContext): Promise<StaffPerson> {
    assertAdmin(ctx.actor, 'change the staff directory');
    const { version, id: givenId, ...fields } = input;
    const id = givenId ?? uuidv7();
    const person = await this.dataSource
      .transaction(async (manager) => {
        const current = await this.staff.lock(manager, id);
        assertVersion('Person', id, current, version);
        const { department, unit } = await this.orgUnitsOf(manager, fields.departmentId, fields.unitId);
        if (fields.userName !== null) await this.assertUserNameFree(manager, fields.userName, id);
        const saved: StaffPerson = nextVersion(fields, id, current);
        await this.staff.save(manager, saved, ctx.actor.id);
        const tiers = saved.active
          ? prefixTiers({ ...saved, departmentName: department.name, unitName: unit?.name ?? null })
          : new Map<string, number>();
        await this.staff.replacePrefixes(manager, [{ id, nameKey: nameSortKey(saved.name), tiers }]);
        await Outbox.add(manager, createEnvelope(staffSavedV1, saved, ctx), this.schema);
        return saved;
      })
      .catch((error: unknown) => {
        // Two saves of the same login at once: the unique index decides.
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw userNameTaken(fields.userName ?? '');
        throw error;
      });
    this.listener.nudge();
    return person;
  }

  async get(id: string): Promise<NamedPerson> {
    const found = await this.staff.get(id);
    if (!found) throw new DomainError('ROUTING.NOT_FOUND', `No person ${id}`);
    return found;
  }

  async getByUserName(userName: string): Promise<NamedPerson> {
    const found = await this.staff.getByUserName(userName);
    if (!found) throw new DomainError('ROUTING.NOT_FOUND', `Nobody has the login ${userName}`);
    return found;
  }

  async search(input: SearchDirectory): Promise<{ items: DirectoryHit[] }> {
    const words = queryWords(input.q);
    if (words.length === 0) return { items: [] };
    const found = await this.staff.search({
      words,
      exactNameKey: nameSortKey(input.q),
      inboxId: input.inboxId ?? null,
      departmentId: input.departmentId ?? null,
      limit: input.limit,
    });
    return {
      items: found.map((hit) => ({
        ...hit,
        matched: matchedTexts({ ...hit.person, departmentName: hit.departmentName, unitName: hit.unitName }, words),
      })),
    };
  }

  /**
   * Keeps the directory in step with an org unit, in the same transaction as its save: people are found by the
   * new name of their department or unit at once, and the people of a unit moved to another department move with it.
   */
  async referenceSaved(
    manager: EntityManager,
    item: ReferenceItem,
    previous: ReferenceItem | undefined,
    ctx: RpcContext,
  ): Promise<void> {
    if (item.kind !== 'org-unit' || !previous) return;
    const newDepartment = item.orgLevel === 'unit' && item.parentId !== previous.parentId ? item.parentId : null;
    if (newDepartment !== null) {
      const people = await this.staff.moveUnit(manager, item.id, newDepartment, item.updatedAt, ctx.actor.id);
      for (const person of people) await Outbox.add(manager, createEnvelope(staffSavedV1, person, ctx), this.schema);
    }
    if (newDepartment === null && previous.name === item.name) return;
    const people = await this.staff.lockActiveInOrgUnit(manager, item.id);
    await this.staff.replacePrefixes(
      manager,
      people.map((person) => ({ id: person.id, nameKey: nameSortKey(person.name), tiers: prefixTiers(person) })),
    );
  }

  /** The department must be a department, the unit (if any) a unit under it. */
  private async orgUnitsOf(
    manager: EntityManager,
    departmentId: string,
    unitId: string | null,
  ): Promise<{ department: ReferenceItem; unit: ReferenceItem | undefined }> {
    const department = await this.references.find(manager, 'org-unit', departmentId);
    const unit = unitId === null ? undefined : await this.references.find(manager, 'org-unit', unitId);
    const unknown = [
      ...(department ? [] : [{ field: 'departmentId', kind: 'org-unit', id: departmentId }]),
      ...(unitId === null || unit ? [] : [{ field: 'unitId', kind: 'org-unit', id: unitId }]),
    ];
    if (!department || unknown.length > 0) {
      throw new DomainError('ROUTING.REFERENCE_UNKNOWN', `Unknown org units: ${unknown.map((u) => u.id).join(', ')}`, {
        references: unknown,
      });
    }
    if (department.orgLevel !== 'department') throw invalid(`${departmentId} is not a department`);
    if (unit && (unit.orgLevel !== 'unit' || unit.parentId !== departmentId)) {
      throw invalid(`${unit.id} is not a unit of ${departmentId}`);
    }
    return { department, unit };
  }

  private async assertUserNameFree(manager: EntityManager, userName: string, id: string): Promise<void> {
    if (await this.staff.holderOfUserName(manager, userName, id)) throw userNameTaken(userName);
  }
}

function invalid(message: string): DomainError {
  return new DomainError('ROUTING.REFERENCE_INVALID', message);
}

function userNameTaken(userName: string): DomainError {
  return new DomainError('ROUTING.USERNAME_TAKEN', `Another person of the directory has the login ${userName}`);
}
