import { z } from 'zod';

/**
 * Every error code the platform returns, over HTTP, NATS and gRPC alike.
 * Codes are part of the public API: do not rename one without a migration plan.
 */
export const ERROR_CODES = {
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.FORBIDDEN': 403,
  'REQUEST.INVALID': 400,
  'REQUEST.NOT_FOUND': 404,
  'REQUEST.TOO_LARGE': 413,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'REQUEST.RATE_LIMITED': 429,
  'CASE.NOT_FOUND': 404,
  'CASE.VERSION_CONFLICT': 409,
  'CASE.TRANSITION_FORBIDDEN': 409,
  'CASE.LOCKED': 423,
  'CASE.CLOSED': 409,
  'CASE.NOT_LOCKED': 409,
  'CASE.RELATION_INVALID': 409,
  'CASE.REFERENCE_UNKNOWN': 422,
  'CASE.ASSIGNMENT_FORBIDDEN': 403,
  'CASE.NOT_ASSIGNEE': 403,
  'CASE.FEEDBACK_REQUIRED': 409,
  'CASE.FEEDBACK_NOT_REQUIRED': 409,
  'CASE.INBOX_NOT_FOUND': 404,
  'CASE.INBOX_INACTIVE': 409,
  'CASE.INBOX_KIND_MISMATCH': 422,
  'CASE.NOTIFY_SINGLE_CASE_ONLY': 400,
  'CASE.CUSTOMER_NOT_ANSWERED': 409,
  'CASE.SAVED_SEARCH_LIMIT': 422,
  'CUSTOMER.NOT_FOUND': 404,
  'CUSTOMER.VERSION_CONFLICT': 409,
  'ENTRY.NOT_FOUND': 404,
  'REFERRAL.ATTACHMENT_UNKNOWN': 422,
  'INTAKE.QUARANTINE_NOT_FOUND': 404,
  'INTAKE.SIGNATURE_INVALID': 401,
  'KNOWLEDGE.ARTICLE_NOT_FOUND': 404,
  'KNOWLEDGE.VERSION_CONFLICT': 409,
  'KNOWLEDGE.FOLDER_NOT_FOUND': 404,
  'KNOWLEDGE.FOLDER_CYCLE': 409,
  'KNOWLEDGE.PROPOSAL_NOT_FOUND': 404,
  'KNOWLEDGE.PROPOSAL_DECIDED': 409,
  'KNOWLEDGE.NOT_PUBLISHED': 409,
  'KNOWLEDGE.SYNONYM_TAKEN': 409,
  'KNOWLEDGE.IMPORTED_ARTICLE': 409,
  'KNOWLEDGE.WEB_SOURCE_NOT_FOUND': 404,
  'ROUTING.NOT_FOUND': 404,
  'ROUTING.VERSION_CONFLICT': 409,
  'ROUTING.REFERENCE_UNKNOWN': 422,
  'ROUTING.REFERENCE_INVALID': 422,
  'ROUTING.RULE_INVALID': 422,
  'ROUTING.USERNAME_TAKEN': 409,
  'SLA.CASE_UNKNOWN': 404,
  'SLA.WATCH_NOT_FOUND': 404,
  'SLA.CASE_NOT_CLOSED': 409,
  'SLA.REOPEN_IN_PAST': 422,
  'SLA.CALENDAR_INVALID': 422,
  'SLA.CALENDAR_NOT_FOUND': 404,
  'SLA.VERSION_CONFLICT': 409,
  'NOTIFICATIONS.PLACEHOLDER_UNKNOWN': 400,
  'NOTIFICATIONS.LOGO_INVALID': 400,
  'NOTIFICATIONS.SIGNATURE_INVALID': 400,
  'NOTIFICATIONS.TEMPLATE_NOT_FOUND': 404,
  'NOTIFICATIONS.SIGNATURE_NOT_FOUND': 404,
  'SERVICE.UNAVAILABLE': 503,
  'SERVICE.TIMEOUT': 504,
  INTERNAL: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ErrorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

export const ErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code];
}

/** The one error type services throw for an expected failure; edges map its code once. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Field paths and messages of a failed validation, as returned with REQUEST.INVALID. */
export interface FieldIssue {
  path: string;
  message: string;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export function invalidRequest(error: z.ZodError): DomainError {
  return new DomainError('REQUEST.INVALID', 'The request is not valid', { fields: fieldIssues(error) });
}
