import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, type ErrorCode, httpStatusOf, invalidRequest } from '@arende/contracts';
import type { StructuredLogger } from '@arende/persistence';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'REQUEST.NOT_FOUND',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

/** Sends `{ code, message, details? }` with the status of its code. */
export function sendError(reply: FastifyReply, error: DomainError): FastifyReply {
  return reply.code(httpStatusOf(error.code)).type('application/json; charset=utf-8').send(error.toBody());
}

/**
 * The one place errors become answers: a DomainError keeps its code; fastify's and @fastify/multipart's own
 * errors (body too large, too many files, bad JSON, unsupported media type) map by their status; anything
 * else is a 500 and logged. Rejects are logged at warn, never the body.
 */
export function errorHandler(logger: StructuredLogger) {
  return (error: FastifyError | DomainError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    let domain: DomainError;
    if (error instanceof DomainError) {
      domain = error;
    } else if (error instanceof z.ZodError) {
      domain = invalidRequest(error);
    } else {
      const status = (error as { statusCode?: unknown }).statusCode;
      const code = typeof status === 'number' ? CODE_BY_STATUS[status] : undefined;
      if (code === undefined) {
        logger.error({ err: error, route: request.routeOptions.url }, 'Webhook request failed');
        // The sender retries on a 5xx: nothing it sent is taken as accepted.
        return sendError(reply, new DomainError('INTERNAL', 'Something went wrong on our side'));
      }
      domain = new DomainError(code, error.message);
    }
    logger.warn(
      { route: request.routeOptions.url, code: domain.code, remoteAddress: request.ip },
      'Webhook request rejected',
    );
    return sendError(reply, domain);
  };
}
