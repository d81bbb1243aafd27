import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { DomainError, type ErrorBody, type ErrorCode, httpStatusOf, invalidRequest } from '@arende/contracts';
import { correlation } from '@arende/observability';
import type { Logger } from '@arende/observability';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'REQUEST.INVALID',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'REQUEST.NOT_FOUND',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

/** Turns anything thrown into `{ code, message, details?, correlationId }` with the status of its code. */
export function toErrorBody(
  error: unknown,
  logger: Logger,
): { status: number; body: ErrorBody & { correlationId?: string } } {
  let domain: DomainError;
  if (error instanceof DomainError) {
    domain = error;
  } else if (error instanceof z.ZodError) {
    domain = invalidRequest(error);
  } else {
    const status =
      error instanceof HttpException
        ? error.getStatus()
        : typeof (error as { statusCode?: unknown })?.statusCode === 'number'
          ? (error as { statusCode: number }).statusCode
          : 500;
    const code = HTTP_CODES[status] ?? 'INTERNAL';
    if (code === 'INTERNAL') logger.error({ err: error }, 'Unexpected error');
    const message = code === 'INTERNAL' ? 'Something went wrong on our side' : (error as Error).message;
    domain = new DomainError(code, message);
  }
  return { status: httpStatusOf(domain.code), body: { ...domain.toBody(), correlationId: correlation.id() } };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = toErrorBody(exception, this.logger);
    void reply.status(status).send(body);
  }
}
