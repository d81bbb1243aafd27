import { z } from 'zod';
import { defineEvent, SYSTEM_ACTOR } from '@arende/contracts';
import { createEnvelope } from './envelope.js';

const pinged = defineEvent({
  subject: 'case.evt.pinged.v1',
  data: z.object({ n: z.number().int() }),
  example: { n: 1 },
  description: 'Test event.',
});

describe(createEnvelope.name, () => {
  it('stamps a UUIDv7 id, the unprefixed subject as type, and the time', () => {
    const envelope = createEnvelope(pinged, { n: 2 }, { actor: SYSTEM_ACTOR, correlationId: 'c-1' });

    expect(envelope.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(envelope).toMatchObject({ type: 'case.evt.pinged.v1', causationId: null, data: { n: 2 } });
    expect(Date.parse(envelope.occurredAt)).toBeGreaterThan(Date.now() - 5000);
  });

  it('throws on a payload that breaks the contract', () => {
    expect(() =>
      createEnvelope(pinged, { n: 'two' } as unknown as { n: number }, { actor: SYSTEM_ACTOR, correlationId: 'c' }),
    ).toThrow(z.ZodError);
  });
});
