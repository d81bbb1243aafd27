import { randomUUID } from 'node:crypto';
import type { Actor } from '@arende/contracts';

let sequence = 0;

/** Pure test data (no I/O). Case-specific factories live with case-core. */
export const factory = {
  /** A staff member with the agent role; every call gets a new id. */
  actor(overrides: Partial<Actor> = {}): Actor {
    sequence += 1;
    return {
      kind: 'staff',
      id: `test-user-${sequence}`,
      name: `Testperson ${sequence}`,
      roles: ['agent'],
      groups: [],
      ...overrides,
    };
  },
  correlationId(): string {
    return `test-${randomUUID()}`;
  },
};
