import { CASE_TYPES, CATEGORIES, INBOXES, ORG_UNITS, SERVICE_POINTS } from './catalogue.js';
import { DEMO_TEMPLATES } from './demo-templates.js';

export interface SeedRoutingOptions {
  /** The gateway's base URL, e.g. `http://127.0.0.1:8080`. */
  gatewayUrl: string;
  /** An administrator's bearer token (demo user `david`). */
  adminToken: string;
}

export interface SeedRoutingResult {
  created: number;
  present: number;
}

/** What every case-type instruction of the demo says, when the catalogue has none of its own. */
const INSTRUCTIONS: Readonly<Record<string, string>> = {
  'snorojning-utebliven': 'Fråga efter exakt adress och om det är halt eller inte plogat. Skicka till entreprenören.',
  bygglov: 'Hänvisa till e-tjänsten för bygglov. Frågor om pågående ärenden går till Stadsbyggnad.',
  hemtjanst: 'Notera vem ansökan gäller och skicka till biståndshandläggarna.',
};

/**
 * Seeds routing through the gateway with the demo catalogue: org units (as departments), categories, case types,
 * service points, inboxes and templates. Only what is missing is created, so a second run changes nothing.
 */
export async function seedRoutingDemo(options: SeedRoutingOptions): Promise<SeedRoutingResult> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${options.gatewayUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${options.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const result: SeedRoutingResult = { created: 0, present: 0 };
  const createMissing = async (listPath: string, createPath: string, items: ReadonlyArray<{ id: string }>) => {
    const { items: existing } = await call<{ items: Array<{ id: string }> }>('GET', `${listPath}?includeInactive=true`);
    const ids = new Set(existing.map((item) => item.id));
    for (const item of items) {
      if (ids.has(item.id)) {
        result.present++;
        continue;
      }
      await call('POST', createPath, item);
      result.created++;
    }
  };

  const departments = ORG_UNITS.map((unit) => ({ ...unit, orgLevel: 'department' }));
  await createMissing('/reference-data/org-unit', '/reference-data/org-unit', departments);
  await createMissing('/reference-data/category', '/reference-data/category', CATEGORIES);
  const caseTypes = CASE_TYPES.map(({ id, name }) => ({ id, name, instruction: INSTRUCTIONS[id] ?? '' }));
  await createMissing('/reference-data/case-type', '/reference-data/case-type', caseTypes);
  await createMissing('/reference-data/service-point', '/reference-data/service-point', SERVICE_POINTS);
  await createMissing('/inboxes', '/inboxes', INBOXES);
  await createMissing('/templates', '/templates', DEMO_TEMPLATES);
  return result;
}
