import type { DataSource, EntityManager } from 'typeorm';
import type { AssignmentMode, Inbox, InboxKind } from '@arende/contracts';

interface InboxRow {
  id: string;
  version: number;
  name: string;
  kind: InboxKind;
  assignment_mode: AssignmentMode;
  group_path: string;
  org_unit_id: string | null;
  service_point_id: string | null;
  external_organisation_id: string | null;
  owner_id: string | null;
  email: string | null;
  acknowledge_minutes: number | null;
  customer_contact_minutes: number | null;
  active: boolean;
  updated_at: Date;
}

const COLUMNS = `id, version, name, kind, assignment_mode, group_path, org_unit_id, service_point_id,
  external_organisation_id, owner_id, email, acknowledge_minutes, customer_contact_minutes, active, updated_at`;

export class InboxRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async lock(manager: EntityManager, id: string): Promise<Inbox | undefined> {
    const rows = await manager.query<InboxRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".inbox WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] && toInbox(rows[0]);
  }

  /** Within a transaction when given a manager (a template naming the inbox is being saved). */
  async find(id: string, manager?: EntityManager): Promise<Inbox | undefined> {
    const rows = await (manager ?? this.dataSource).query<InboxRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".inbox WHERE id = $1`,
      [id],
    );
    return rows[0] && toInbox(rows[0]);
  }

  async save(manager: EntityManager, inbox: Inbox, by: string): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}".inbox (${COLUMNS}, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (id) DO UPDATE SET version = $2, name = $3, kind = $4, assignment_mode = $5, group_path = $6,
         org_unit_id = $7, service_point_id = $8, external_organisation_id = $9, owner_id = $10, email = $11,
         acknowledge_minutes = $12, customer_contact_minutes = $13, active = $14, updated_at = $15, updated_by = $16`,
      [
        inbox.id,
        inbox.version,
        inbox.name,
        inbox.kind,
        inbox.assignmentMode,
        inbox.group,
        inbox.orgUnitId,
        inbox.servicePointId,
        inbox.externalOrganisationId,
        inbox.ownerId,
        inbox.email,
        inbox.acknowledgeMinutes,
        inbox.customerContactMinutes,
        inbox.active,
        inbox.updatedAt,
        by,
      ],
    );
  }

  /** By name; only those whose group is one of `groups` when given. */
  async list(groups: readonly string[] | undefined, includeInactive: boolean): Promise<Inbox[]> {
    const rows = await this.dataSource.query<InboxRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".inbox
       WHERE (active OR $1) AND ($2::text[] IS NULL OR group_path = ANY($2::text[]))
       ORDER BY lower(name), id`,
      [includeInactive, groups ?? null],
    );
    return rows.map(toInbox);
  }
}

function toInbox(row: InboxRow): Inbox {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    kind: row.kind,
    assignmentMode: row.assignment_mode,
    group: row.group_path,
    orgUnitId: row.org_unit_id,
    servicePointId: row.service_point_id,
    externalOrganisationId: row.external_organisation_id,
    ownerId: row.owner_id,
    email: row.email,
    acknowledgeMinutes: row.acknowledge_minutes,
    customerContactMinutes: row.customer_contact_minutes,
    active: row.active,
    updatedAt: row.updated_at.toISOString(),
  };
}
