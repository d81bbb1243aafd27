export { MessagingNames } from './names.js';
export { connectNats, type ConnectNatsOptions } from './nats.js';
export { ensureStreams, type StreamOptions } from './streams.js';
export { createEnvelope, type EnvelopeMeta } from './envelope.js';
export { Outbox, outboxInsertSql, outboxRowParams, outboxTablesSql } from './outbox.js';
export { OutboxRelay, type OutboxRelayOptions, type OutboxRow } from './outbox-relay.js';
export { RpcServer, type RpcContext, type RpcHandler, type RpcServerOptions } from './rpc-server.js';
export { RpcClient, type RpcCallMeta, type RpcClientOptions } from './rpc-client.js';
export { IdempotentConsumer, type EnvelopeOf, type IdempotentConsumerOptions } from './idempotent-consumer.js';
