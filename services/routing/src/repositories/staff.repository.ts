import type { DataSource, EntityManager } from 'typeorm';
import type { StaffPerson } from '@arende/contracts';
import { TIERS, type SearchableText } from '../directory/directory-words.js';

interface StaffRow {
  id: string;
  version: number;
  name: string;
  title: string;
  department_id: string;
  unit_id: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  skills: string[];
  inbox_ids: string[];
  user_name: string | null;
  active: boolean;
  updated_at: Date;
}

interface NamedStaffRow extends StaffRow {
  department_name: string | null;
  unit_name: string | null;
}

export interface NamedPerson {
  person: StaffPerson;
  departmentName: string;
  unitName: string | null;
}

export interface DirectoryQuery {
  /** Folded query words (`queryWords`); each must begin a word of the person. */
  words: string[];
  /** The whole query as a name key (`nameSortKey`): a person whose name is exactly this comes first. */
  exactNameKey: string;
  inboxId: string | null;
  departmentId: string | null;
  limit: number;
}

const COLUMNS = `id, version, name, title, department_id, unit_id, phone, mobile, email, skills, inbox_ids, user_name,
  active, updated_at`;
const S_COLUMNS = COLUMNS.replace(/(\w+)/g, 's.$1');

// staff_prefix.staff_id is "C": compared with staff.id under the database's collation, so staff_pkey serves.

/** Only people of the inbox or department asked for (`$2`, `$3`); folded away when neither is given. */
const filtered = (schema: string, staffId: string) => `($2::text IS NULL AND $3::text IS NULL OR EXISTS (
    SELECT 1 FROM "${schema}".staff f WHERE f.id = ${staffId} COLLATE "default"
      AND ($2::text IS NULL OR $2 = ANY (f.inbox_ids)) AND ($3::text IS NULL OR f.department_id = $3)))`;

const named = (schema: string, from: string, order: string) => `SELECT ${S_COLUMNS},
  d.name AS department_name, u.name AS unit_name
FROM ${from}
JOIN "${schema}".staff s ON s.id = r.staff_id COLLATE "default"
LEFT JOIN "${schema}".reference d ON d.kind = 'org-unit' AND d.id = s.department_id
LEFT JOIN "${schema}".reference u ON u.kind = 'org-unit' AND u.id = s.unit_id
ORDER BY ${order}`;

/**
 * One query word (`$1`, at most `$4` people): the prefix's rows in the order of its key (tier, name length, name),
 * which is the ranking, so only the rows returned are read. Only those are joined to the person and their org
 * unit names.
 */
export const directorySearchOneWordSql = (s: string) => `WITH r AS MATERIALIZED (
  SELECT p.staff_id, p.tier, p.name_length, p.name_key FROM "${s}".staff_prefix p
  WHERE p.prefix = $1 AND ${filtered(s, 'p.staff_id')}
  ORDER BY p.tier, p.name_length, p.name_key, p.staff_id
  LIMIT $4
)
${named(s, 'r', 'r.tier, r.name_length, r.name_key, r.staff_id')}`;

/** A query word with more people than this is as broad as any other when the driving word is chosen. */
const DRIVER_COUNT_CAP = 500;

/**
 * Several query words (`$1`, an array): the driving word is the one with the fewest people (counted up to a cap, ties to
 * the longest, then the last typed), its people read from the prefix index and each checked for every other word
 * by one probe of the (prefix, person) index, where one word's probes share a few hot pages; then ranked: the exact
 * name (`$4`), every word a whole word of the name, every word in the name, some in the name, some in the title
 * or a skill; then shorter names, then by name. At most `$5` people.
 */
export const directorySearchWordsSql = (s: string, words: number) => {
  const tiers = Array.from({ length: words }, (_, i) => `t${i}`);
  const word = (i: number) => `($1::text[])[${i + 1}]`;
  // The driving word's tier is the row's own; every other word costs one probe (OFFSET 0 keeps the planner from
  // copying the probes into each place their tiers are used).
  const probe = (i: number) => `CASE WHEN ${word(i)} = d.word THEN p.tier ELSE (SELECT x.tier FROM "${s}".staff_prefix x
      WHERE x.prefix = ${word(i)} AND x.staff_id = p.staff_id LIMIT 1) END AS ${tiers[i]}`;
  const rank = (r: string) =>
    `${r}.exact DESC, ${r}.worst = ${TIERS.wholeNameWord} DESC, ${r}.worst <= ${TIERS.name} DESC, ` +
    `${r}.best <= ${TIERS.name} DESC, ${r}.best <= ${TIERS.titleOrSkill} DESC, ${r}.name_length, ${r}.name_key, ${r}.staff_id`;
  return `WITH driver AS (
  SELECT q.word FROM unnest($1::text[]) WITH ORDINALITY AS q(word, ord)
  ORDER BY (SELECT count(*) FROM (SELECT 1 FROM "${s}".staff_prefix n WHERE n.prefix = q.word
    LIMIT ${DRIVER_COUNT_CAP}) counted), char_length(q.word) DESC, q.ord DESC
  LIMIT 1
), c AS (
  SELECT p.staff_id, p.name_length, p.name_key, p.name_key = $4 AS exact,
    greatest(${tiers.map((t) => `o.${t}`).join(', ')}) AS worst, least(${tiers.map((t) => `o.${t}`).join(', ')}) AS best
  FROM driver d
  JOIN "${s}".staff_prefix p ON p.prefix = d.word
  CROSS JOIN LATERAL (SELECT ${tiers.map((_, i) => probe(i)).join(',\n    ')} OFFSET 0) o
  WHERE ${tiers.map((t) => `o.${t} IS NOT NULL`).join(' AND ')} AND ${filtered(s, 'p.staff_id')}
), r AS MATERIALIZED (
  SELECT * FROM c ORDER BY ${rank('c')} LIMIT $5
)
${named(s, 'r', rank('r'))}`;
};

/** The statement and parameters for a query: one word reads its prefix in rank order; several, see above. */
export function directorySearch(schema: string, query: DirectoryQuery): { sql: string; params: unknown[] } {
  const filters = [query.inboxId, query.departmentId];
  return query.words.length === 1
    ? { sql: directorySearchOneWordSql(schema), params: [query.words[0], ...filters, query.limit] }
    : {
        sql: directorySearchWordsSql(schema, query.words.length),
        params: [query.words, ...filters, query.exactNameKey, query.limit],
      };
}

export class StaffRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {}

  async lock(manager: EntityManager, id: string): Promise<StaffPerson | undefined> {
    const rows = await manager.query<StaffRow[]>(
      `SELECT ${COLUMNS} FROM "${this.schema}".staff WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] && toPerson(rows[0]);
  }

  /** The other person with this login, if any. */
  async holderOfUserName(manager: EntityManager, userName: string, exceptId: string): Promise<string | undefined> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM "${this.schema}".staff WHERE user_name = $1 AND id <> $2`,
      [userName, exceptId],
    );
    return rows[0]?.id;
  }

  async save(manager: EntityManager, person: StaffPerson, by: string): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}".staff (${COLUMNS}, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (id) DO UPDATE SET version = $2, name = $3, title = $4, department_id = $5, unit_id = $6,
         phone = $7, mobile = $8, email = $9, skills = $10, inbox_ids = $11, user_name = $12, active = $13,
         updated_at = $14, updated_by = $15`,
      [
        person.id,
        person.version,
        person.name,
        person.title,
        person.departmentId,
        person.unitId,
        person.phone,
        person.mobile,
        person.email,
        person.skills,
        person.inboxIds,
        person.userName,
        person.active,
        person.updatedAt,
        by,
      ],
    );
  }

  /** Replaces every prefix row of these people (none: they are not found). */
  async replacePrefixes(
    manager: EntityManager,
    people: Array<{ id: string; nameKey: string; tiers: Map<string, number> }>,
  ): Promise<void> {
    if (people.length === 0) return;
    await manager.query(`DELETE FROM "${this.schema}".staff_prefix WHERE staff_id = ANY ($1::text[])`, [
      people.map((p) => p.id),
    ]);
    const columns: { ids: string[]; prefixes: string[]; tiers: number[]; lengths: number[]; keys: string[] } = {
      ids: [],
      prefixes: [],
      tiers: [],
      lengths: [],
      keys: [],
    };
    for (const person of people) {
      const length = [...person.nameKey].length;
      for (const [prefix, tier] of person.tiers) {
        columns.ids.push(person.id);
        columns.prefixes.push(prefix);
        columns.tiers.push(tier);
        columns.lengths.push(length);
        columns.keys.push(person.nameKey);
      }
    }
    if (columns.ids.length === 0) return;
    await manager.query(
      `INSERT INTO "${this.schema}".staff_prefix (staff_id, prefix, tier, name_length, name_key)
       SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::smallint[], $5::text[])`,
      [columns.ids, columns.prefixes, columns.tiers, columns.lengths, columns.keys],
    );
  }

  async get(id: string): Promise<NamedPerson | undefined> {
    return this.getWhere('s.id = $1', id);
  }

  /** The person with this login (unique: a partial unique index on user_name). */
  async getByUserName(userName: string): Promise<NamedPerson | undefined> {
    return this.getWhere('s.user_name = $1', userName);
  }

  private async getWhere(condition: string, value: string): Promise<NamedPerson | undefined> {
    const rows = await this.dataSource.query<NamedStaffRow[]>(
      `SELECT ${S_COLUMNS}, d.name AS department_name, u.name AS unit_name
       FROM "${this.schema}".staff s
       LEFT JOIN "${this.schema}".reference d ON d.kind = 'org-unit' AND d.id = s.department_id
       LEFT JOIN "${this.schema}".reference u ON u.kind = 'org-unit' AND u.id = s.unit_id
       WHERE ${condition}`,
      [value],
    );
    return rows[0] && toNamed(rows[0]);
  }

  async search(query: DirectoryQuery): Promise<NamedPerson[]> {
    const { sql, params } = directorySearch(this.schema, query);
    const rows = await this.dataSource.query<NamedStaffRow[]>(sql, params);
    return rows.map(toNamed);
  }

  /** Moves the people of a unit to the unit's new department (a new version each); returns them as they now are. */
  async moveUnit(
    manager: EntityManager,
    unitId: string,
    departmentId: string,
    at: string,
    by: string,
  ): Promise<StaffPerson[]> {
    const [rows] = await manager.query<[StaffRow[], number]>(
      `UPDATE "${this.schema}".staff SET department_id = $2, version = version + 1, updated_at = $3, updated_by = $4
       WHERE unit_id = $1 RETURNING ${COLUMNS}`,
      [unitId, departmentId, at, by],
    );
    return rows.map(toPerson);
  }

  /** The active people of an org unit (as department or unit) with what they are found by, locked. */
  async lockActiveInOrgUnit(
    manager: EntityManager,
    orgUnitId: string,
  ): Promise<Array<SearchableText & { id: string }>> {
    const rows = await manager.query<NamedStaffRow[]>(
      `SELECT ${S_COLUMNS}, d.name AS department_name, u.name AS unit_name
       FROM "${this.schema}".staff s
       LEFT JOIN "${this.schema}".reference d ON d.kind = 'org-unit' AND d.id = s.department_id
       LEFT JOIN "${this.schema}".reference u ON u.kind = 'org-unit' AND u.id = s.unit_id
       WHERE (s.department_id = $1 OR s.unit_id = $1) AND s.active
       ORDER BY s.id FOR UPDATE OF s`,
      [orgUnitId],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      title: row.title,
      skills: row.skills,
      departmentName: row.department_name ?? '',
      unitName: row.unit_name,
    }));
  }
}

function toPerson(row: StaffRow): StaffPerson {
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    title: row.title,
    departmentId: row.department_id,
    unitId: row.unit_id,
    phone: row.phone,
    mobile: row.mobile,
    email: row.email,
    skills: row.skills,
    inboxIds: row.inbox_ids,
    userName: row.user_name,
    active: row.active,
    updatedAt: row.updated_at.toISOString(),
  };
}

function toNamed(row: NamedStaffRow): NamedPerson {
  return { person: toPerson(row), departmentName: row.department_name ?? '', unitName: row.unit_name };
}
