import type { FastifyInstance } from 'fastify';
import { DomainError } from '@arende/contracts';
import type { FacebookIntakeService } from '../webhooks/facebook.service.js';
import { hubSignatureMatches, safeEqual } from './credentials.js';
import { keepRawBodies, rawBodyOf } from './raw-body.js';
import type { FacebookOptions } from './webhook-config.js';

/** Facebook batches up to 1,000 updates in one delivery; a few hundred KiB in practice. */
export const FACEBOOK_BODY_LIMIT = 1024 * 1024;

/**
 * `GET /webhooks/facebook`: the subscription handshake. `POST /webhooks/facebook`: page updates, signed with
 * the app secret (`X-Hub-Signature-256` over the raw body). A signed payload that cannot be read is quarantined
 * and still answered 200: Facebook disables a webhook that keeps failing, and the payload is kept.
 */
export function facebookController(options: FacebookOptions, facebook: FacebookIntakeService) {
  return (app: FastifyInstance, _options: unknown, done: () => void): void => {
    keepRawBodies(app, FACEBOOK_BODY_LIMIT);
    app.get('/webhooks/facebook', (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const mode = query['hub.mode'];
      const token = query['hub.verify_token'];
      const challenge = query['hub.challenge'];
      if (
        mode !== 'subscribe' ||
        typeof token !== 'string' ||
        !safeEqual(token, options.verifyToken) ||
        typeof challenge !== 'string'
      ) {
        throw new DomainError('AUTH.FORBIDDEN', 'Verification failed');
      }
      void reply.code(200).type('text/plain; charset=utf-8').send(challenge);
    });
    app.post('/webhooks/facebook', async (request, reply) => {
      const raw = rawBodyOf(request.body);
      const signature = request.headers['x-hub-signature-256'];
      if (!hubSignatureMatches(typeof signature === 'string' ? signature : undefined, raw, options.appSecret)) {
        throw new DomainError('INTAKE.SIGNATURE_INVALID', 'X-Hub-Signature-256 is missing or wrong');
      }
      await facebook.receive(raw, { contentType: request.headers['content-type'] ?? '', remoteAddress: request.ip });
      return reply.code(200).send();
    });
    done();
  };
}
