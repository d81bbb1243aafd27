import type { z } from 'zod';
import { invalidRequest } from '@arende/contracts';

/** Validates input at the edge: a bad payload becomes REQUEST.INVALID with the field paths. */
export function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(result.error);
  return result.data;
}
