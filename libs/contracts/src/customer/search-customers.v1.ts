import { z } from 'zod';
import { defineRpc } from '../message.js';
import { pageSchema } from '../case/case.schemas.js';
import { CustomerViewSchema } from './customer.schemas.js';

export const CUSTOMER_SEARCH_KEYS = ['pin', 'email', 'phone', 'name'] as const;

/**
 * Exactly one of: `pin` (personnummer or samordningsnummer in any usual form, exact), `email` (exact, any case,
 * either address), `phone` (exact on the number's key, any of the three phones, `070…` finds `+4670…`),
 * `name` (every word found in first name, last name or company name; case and accents ignored).
 */
export const SearchCustomersRequestV1 = z
  .object({
    pin: z.string().trim().min(1).max(20).optional(),
    email: z.string().trim().min(3).max(254).optional(),
    phone: z.string().trim().min(1).max(40).optional(),
    name: z.string().trim().min(2).max(200).optional(),
    cursor: z.string().max(1000).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .refine(
    (q) => CUSTOMER_SEARCH_KEYS.filter((key) => q[key] !== undefined).length === 1,
    'Search by exactly one of pin, email, phone, name',
  );

export const searchCustomersV1 = defineRpc({
  subject: 'case.rpc.customer-search.v1',
  request: SearchCustomersRequestV1,
  response: pageSchema(CustomerViewSchema),
  example: { name: 'öberg', limit: 20 },
  description: 'Finds customer cards by personnummer, e-mail, phone number or name; ordered by name.',
});
