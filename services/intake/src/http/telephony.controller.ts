import type { FastifyInstance } from 'fastify';
import { CallAnsweredRequestSchema, DomainError, type IntakeAccepted, invalidRequest } from '@arende/contracts';
import type { TelephonyIntakeService } from '../webhooks/telephony.service.js';
import { bearerMatches } from './credentials.js';
import { keepRawBodies, rawBodyOf } from './raw-body.js';
import type { TelephonyOptions } from './webhook-config.js';

export const TELEPHONY_BODY_LIMIT = 16 * 1024;

/**
 * `POST /webhooks/telephony/call-answered`, from the city's telephony platform, with a shared Bearer token.
 * A hand-over that does not fit gets 400 with the field paths and is not quarantined: the call it announces is
 * live now, and a pop-up for it later would help nobody; the platform's integrators see the error.
 */
export function telephonyController(options: TelephonyOptions, telephony: TelephonyIntakeService) {
  return (app: FastifyInstance, _options: unknown, done: () => void): void => {
    keepRawBodies(app, TELEPHONY_BODY_LIMIT);
    app.addHook('onRequest', (request, reply, done) => {
      if (!bearerMatches(request.headers.authorization, options.token)) {
        void reply.header('www-authenticate', 'Bearer realm="telephony"');
        done(new DomainError('AUTH.UNAUTHENTICATED', 'Wrong or missing token'));
        return;
      }
      done();
    });
    app.post('/webhooks/telephony/call-answered', async (request, reply) => {
      const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') {
        throw new DomainError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
      }
      const raw = rawBodyOf(request.body);
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new DomainError('REQUEST.INVALID', 'The body is not JSON');
      }
      const parsed = CallAnsweredRequestSchema.safeParse(json);
      if (!parsed.success) throw invalidRequest(parsed.error);
      const recorded = await telephony.receive(parsed.data, raw);
      const accepted: IntakeAccepted = { intakeId: recorded.intakeId, receivedAt: recorded.receivedAt.toISOString() };
      return reply.code(202).send(accepted);
    });
    done();
  };
}
