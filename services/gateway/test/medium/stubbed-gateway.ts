import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTokenVerifier } from '@arende/auth';
import type { LocalIssuer } from '@arende/local-issuer';
import { RpcClient } from '@arende/messaging';
import { createLogger, createMetrics, createOpsHandler } from '@arende/observability';
import type { TestContext } from '@arende/testing';
import { startGateway } from '../../src/boot.js';

/**
 * The gateway as the route specs start it: tokens from the test's issuer, requests over the test's NATS
 * prefix (where a spec's stand-in for the owning service answers), on a free loopback port.
 */
export async function startStubbedGateway(
  ctx: TestContext,
  issuer: LocalIssuer,
): Promise<{ app: NestFastifyApplication; base: string }> {
  const metrics = createMetrics('gateway');
  const app = await startGateway({
    rpc: new RpcClient({ nc: ctx.nc, names: ctx.names, timeoutMs: 500 }),
    verifier: createTokenVerifier({ issuer: issuer.issuer, audience: 'gateway' }),
    metrics,
    ops: createOpsHandler({ metrics, readiness: [] }),
    logger: createLogger({ service: 'gateway', level: 'silent' }),
    host: '127.0.0.1',
    port: 0,
  });
  return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}
