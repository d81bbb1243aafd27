// Runs an OutboxRelay that kills its own process (SIGKILL) after publishing a batch and before
// marking it sent: the crash window the outbox must survive. Forked by outbox-relay.spec.ts.
import { jetstream } from '@nats-io/jetstream';
import { connectNats, MessagingNames, OutboxRelay } from '../../src/index.js';
import { createDataSource } from '@arende/persistence';
import { SCHEMA } from './schema.js';

const dataSource = createDataSource({
  url: process.env.CHILD_DATABASE_URL!,
  schema: SCHEMA,
  entities: [],
  migrations: [],
  poolSize: 2,
});
await dataSource.initialize();
const nc = await connectNats({ servers: process.env.CHILD_NATS_URL, name: 'relay-child' });
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const relay = new OutboxRelay({
  dataSource,
  js: jetstream(nc),
  names: new MessagingNames(process.env.CHILD_PREFIX),
  logger: silent,
  batchSize: 100,
  afterPublish: () => {
    process.kill(process.pid, 'SIGKILL');
  },
});
relay.start();
