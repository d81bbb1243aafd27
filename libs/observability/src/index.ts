export {
  CORRELATION_HEADER,
  MAX_CORRELATION_ID_LENGTH,
  correlation,
  correlationHook,
  correlationIdFrom,
  isValidCorrelationId,
  newCorrelationId,
} from './correlation.js';
export type { CorrelationHookReply, CorrelationHookRequest } from './correlation.js';
export { REDACTED_KEYS, createLogger } from './logger.js';
export type { CreateLoggerOptions, Logger } from './logger.js';
export { createMetrics } from './metrics.js';
export type { Metrics } from './metrics.js';
export { OPS_PATHS, createOpsHandler, startOpsServer } from './health.js';
export type {
  OpsHandler,
  OpsHandlerOptions,
  OpsResponse,
  OpsServer,
  OpsServerOptions,
  ReadinessCheck,
} from './health.js';
