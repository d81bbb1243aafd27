import { z } from 'zod';
import { invalidRequest } from '@arende/contracts';

/** Validates input at the edge: a bad payload becomes REQUEST.INVALID with the field paths. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(result.error);
  return result.data;
}

/** A query-string flag: `true` or `false`, absent is false. */
export const queryFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

/** `?includeInactive=true` on the listings of routing's administered data. */
export const IncludeInactiveQuery = z.object({ includeInactive: queryFlag });
