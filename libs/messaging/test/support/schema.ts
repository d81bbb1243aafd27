import { z } from 'zod';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { defineEvent, defineRpc } from '@arende/contracts';
import { outboxTablesSql } from '../../src/index.js';

export const SCHEMA = 'msg';
const outbox = outboxTablesSql(SCHEMA);

export class CreateMessagingTables1763900000000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    for (const sql of outbox.up) await runner.query(sql);
    // What a consumer under test applies: one row per message it handled.
    await runner.query(
      `CREATE TABLE ${SCHEMA}.effect (id serial PRIMARY KEY, message_id uuid NOT NULL, n int NOT NULL)`,
    );
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${SCHEMA}.effect`);
    for (const sql of outbox.down) await runner.query(sql);
  }
}

export const contextOptions = {
  service: 'messaging',
  schema: SCHEMA,
  entities: [],
  migrations: [CreateMessagingTables1763900000000],
  templateSalt: outbox.up.join(';'),
};

export const pingedV1 = defineEvent({
  subject: 'case.evt.pinged.v1',
  data: z.object({ n: z.number().int() }),
  example: { n: 1 },
  description: 'Test event.',
});

export const echoV1 = defineRpc({
  subject: 'case.rpc.echo.v1',
  request: z.object({
    text: z.string().min(1),
    mode: z.enum(['echo', 'fail', 'crash', 'slow', 'huge']).default('echo'),
  }),
  response: z.object({ text: z.string() }),
  example: { text: 'hej' },
  description: 'Test request.',
});
