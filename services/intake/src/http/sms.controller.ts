import type { FastifyInstance } from 'fastify';
import { DomainError } from '@arende/contracts';
import type { SmsIntakeService } from '../webhooks/sms.service.js';
import { basicAuthMatches } from './credentials.js';
import { keepRawBodies, rawBodyOf } from './raw-body.js';
import type { Sms46elksOptions } from './webhook-config.js';

/** A 46elks body is a few hundred bytes; an SMS of 10,000 characters of emoji, url-encoded, stays below this. */
export const SMS_BODY_LIMIT = 128 * 1024;

/**
 * `POST /webhooks/sms/46elks`. 46elks calls `https://user:password@host/webhooks/sms/46elks`, so the
 * credentials arrive as HTTP Basic and are checked before the body is read. The answer is 200 with an EMPTY
 * body: 46elks sends a non-empty answer back to the citizen as a reply SMS.
 */
export function smsController(options: Sms46elksOptions, sms: SmsIntakeService) {
  return (app: FastifyInstance, _options: unknown, done: () => void): void => {
    keepRawBodies(app, SMS_BODY_LIMIT);
    app.addHook('onRequest', (request, reply, done) => {
      if (!basicAuthMatches(request.headers.authorization, options.user, options.password)) {
        void reply.header('www-authenticate', 'Basic realm="sms"');
        done(new DomainError('AUTH.UNAUTHENTICATED', 'Wrong or missing credentials'));
        return;
      }
      done();
    });
    app.post('/webhooks/sms/46elks', async (request, reply) => {
      await sms.receive(rawBodyOf(request.body), {
        contentType: request.headers['content-type'] ?? '',
        remoteAddress: request.ip,
      });
      return reply.code(200).send();
    });
    done();
  };
}
