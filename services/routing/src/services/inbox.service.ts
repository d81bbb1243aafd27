import type { DataSource, EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import { DomainError, type Inbox, type ReferenceKind, inboxSavedV1, type saveInboxV1 } from '@arende/contracts';
import { Outbox, createEnvelope, type RpcContext } from '@arende/messaging';
import type { z } from 'zod';
import type { InboxRepository } from '../repositories/inbox.repository.js';
import type { ReferenceRepository } from '../repositories/reference.repository.js';
import {
  assertAdmin,
  assertNoUnknownReferences,
  assertVersion,
  nextVersion,
  type CommitListener,
  type UnknownReference,
} from './admin-rules.js';

type SaveInbox = z.output<typeof saveInboxV1.request>;

/** The inbox fields that name reference data, and the kind each must be. */
const REFERENCES: ReadonlyArray<['orgUnitId' | 'servicePointId', ReferenceKind]> = [
  ['orgUnitId', 'org-unit'],
  ['servicePointId', 'service-point'],
];

/** Work groups, specialist groups, external parties (contractors) and personal inboxes. */
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inboxes: InboxRepository,
    private readonly references: ReferenceRepository,
    private readonly listener: CommitListener,
    private readonly schema: string,
  ) {}

  async save(input: SaveInbox, ctx: RpcContext): Promise<Inbox> {
    assertAdmin(ctx.actor, 'change inboxes');
    checkShape(input);
    const { version, id: givenId, ...fields } = input;
    const id = givenId ?? uuidv7();
    const inbox = await this.dataSource.transaction(async (manager) => {
      const current = await this.inboxes.lock(manager, id);
      assertVersion('Inbox', id, current, version);
      await this.checkReferences(manager, input);
      const saved: Inbox = nextVersion(fields, id, current);
      await this.inboxes.save(manager, saved, ctx.actor.id);
      await Outbox.add(manager, createEnvelope(inboxSavedV1, saved, ctx), this.schema);
      return saved;
    });
    this.listener.nudge();
    return inbox;
  }

  async get(id: string): Promise<Inbox> {
    const inbox = await this.inboxes.find(id);
    if (!inbox) throw new DomainError('ROUTING.NOT_FOUND', `No inbox ${id}`);
    return inbox;
  }

  async list(input: { groups?: string[]; includeInactive: boolean }): Promise<{ items: Inbox[] }> {
    return { items: await this.inboxes.list(input.groups, input.includeInactive) };
  }

  private async checkReferences(manager: EntityManager, input: SaveInbox): Promise<void> {
    const unknown: UnknownReference[] = [];
    for (const [field, kind] of REFERENCES) {
      const id = input[field];
      if (id !== null && !(await this.references.find(manager, kind, id))) unknown.push({ field, kind, id });
    }
    assertNoUnknownReferences(unknown);
  }
}

/** Only an external party has an external organisation, and it must; only a personal inbox has an owner, and it must. */
function checkShape(input: SaveInbox): void {
  const external = input.kind === 'external_party';
  if (external !== (input.externalOrganisationId !== null)) {
    throw invalid(
      'externalOrganisationId',
      external
        ? 'An external party names its external organisation'
        : 'Only an external party has an external organisation',
    );
  }
  const personal = input.kind === 'personal';
  if (personal !== (input.ownerId !== null)) {
    throw invalid('ownerId', personal ? 'A personal inbox names its owner' : 'Only a personal inbox has an owner');
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('ROUTING.REFERENCE_INVALID', message, { field });
}
