import { DEMO_STAFF } from './demo-staff.js';

export interface SeedDirectoryOptions {
  /** The gateway's base URL, e.g. `http://127.0.0.1:8080`. */
  gatewayUrl: string;
  /** An administrator's bearer token (demo user `david`). */
  adminToken: string;
}

/**
 * Seeds the staff directory through the gateway: each demo person is created with its stable id
 * (`PUT /api/v1/directory/{id}` without a version); one already there (409) is left as it is. The org units
 * (`DIRECTORY_ORG_UNITS`) must be in routing first.
 */
export async function seedDirectoryDemo(options: SeedDirectoryOptions): Promise<{ created: number; present: number }> {
  const result = { created: 0, present: 0 };
  for (const { id, ...person } of DEMO_STAFF) {
    const response = await fetch(`${options.gatewayUrl}/api/v1/directory/${id}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${options.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(person),
    });
    if (response.status === 409) {
      await response.arrayBuffer();
      result.present++;
      continue;
    }
    if (response.status >= 300)
      throw new Error(`PUT /api/v1/directory/${id}: HTTP ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    result.created++;
  }
  return result;
}
