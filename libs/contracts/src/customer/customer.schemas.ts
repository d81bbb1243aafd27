import { z } from 'zod';
import { CaseNumberSchema, CaseStatusSchema, TimestampSchema } from '../case/case.schemas.js';

export const CUSTOMER_TYPES = ['private_person', 'company', 'association'] as const;
export const CustomerTypeSchema = z.enum(CUSTOMER_TYPES);
export type CustomerType = z.infer<typeof CustomerTypeSchema>;

/**
 * A Swedish property designation (fastighetsbeteckning): trakt, block and enhet, e.g. "Råsunda 1:23".
 * Some designations have no block ("Lejonet 1"). A municipality name typed in front ("Solna Råsunda 1:23")
 * stays part of the tract: it cannot be told apart from a tract of two words.
 */
export const PropertyDesignationSchema = z.object({
  tract: z.string().trim().min(1).max(100),
  block: z
    .string()
    .regex(/^[0-9]{1,5}$/, 'A block is 1 to 5 digits')
    .nullable(),
  unit: z.string().regex(/^>?[0-9]{1,5}$/, 'A unit is 1 to 5 digits, > in front for a joint property'),
});
export type PropertyDesignation = z.infer<typeof PropertyDesignationSchema>;

const DESIGNATION_TEXT = /^(.*\S)\s+(?:([0-9]{1,5}):)?(>?[0-9]{1,5})$/;

/** What an agent types: "Solna Råsunda 1:23", "Råsunda 1:23", "Lejonet 1". */
export const PropertyDesignationTextSchema = z
  .string()
  .trim()
  .max(120)
  .regex(DESIGNATION_TEXT, 'A property designation looks like "Råsunda 1:23": tract, block:unit')
  .transform((text): PropertyDesignation => {
    const [, tract = '', block, unit = ''] = DESIGNATION_TEXT.exec(text) ?? [];
    return { tract: tract.replace(/\s+/g, ' '), block: block ?? null, unit };
  });

/** The property designation an agent sends: typed as one string or already split. */
export const PropertyDesignationInputSchema = z.union([PropertyDesignationTextSchema, PropertyDesignationSchema]);

// Forms send "" for an empty field: that means no value.
function optional<T extends z.ZodType>(schema: T) {
  return z.union([z.literal('').transform(() => null), z.null(), schema]);
}
const text = (max: number) => optional(z.string().trim().min(1).max(max));

/**
 * The fields of a customer card an agent sets. The personnummer, organisation number and phone numbers
 * are checked by case-core (with `@arende/domain`); a refusal is `REQUEST.INVALID` with the field path.
 */
export const CustomerFieldsSchema = z.object({
  type: CustomerTypeSchema,
  /** An anonymous card carries no name, number, address, phone, e-mail or property: only type, postcode, city, country. */
  anonymous: z.boolean(),
  firstName: text(100),
  lastName: text(100),
  companyName: text(200),
  /** Organisationsnummer, `NNNNNN-NNNN`; other accepted forms are normalized to that. */
  organisationNumber: text(20),
  careOf: text(200),
  streetAddress: text(200),
  postcode: text(20),
  city: text(100),
  country: text(100),
  /** Personnummer or samordningsnummer in any usual form; stored as 12 digits. */
  personalIdentityNumber: text(20),
  homePhone: text(40),
  mobilePhone: text(40),
  workPhone: text(40),
  email: optional(z.email().max(254)),
  otherEmail: optional(z.email().max(254)),
  propertyDesignation: optional(PropertyDesignationInputSchema),
});
export type CustomerFields = z.output<typeof CustomerFieldsSchema>;

/** Fields that identify a person or a company; an anonymous card has none of them. */
export const IDENTIFYING_CUSTOMER_FIELDS = [
  'firstName',
  'lastName',
  'companyName',
  'organisationNumber',
  'careOf',
  'streetAddress',
  'personalIdentityNumber',
  'homePhone',
  'mobilePhone',
  'workPhone',
  'email',
  'otherEmail',
  'propertyDesignation',
] as const satisfies ReadonlyArray<keyof CustomerFields>;

/** A customer card (kundkort) as every reader sees it. */
export const CustomerViewSchema = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  type: CustomerTypeSchema,
  anonymous: z.boolean(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  companyName: z.string().nullable(),
  organisationNumber: z
    .string()
    .regex(/^[0-9]{6}-[0-9]{4}$/)
    .nullable(),
  careOf: z.string().nullable(),
  streetAddress: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  /** Twelve digits, `YYYYMMDDNNNN`. */
  personalIdentityNumber: z
    .string()
    .regex(/^[0-9]{12}$/)
    .nullable(),
  /** Phone numbers as typed. */
  homePhone: z.string().nullable(),
  mobilePhone: z.string().nullable(),
  workPhone: z.string().nullable(),
  email: z.email().nullable(),
  otherEmail: z.email().nullable(),
  propertyDesignation: PropertyDesignationSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type CustomerView = z.infer<typeof CustomerViewSchema>;

export const CustomerRefSchema = z.object({ id: z.uuid() });

/** One case of a customer, as the customer card lists them. */
export const CustomerCaseSchema = z.object({
  id: z.uuid(),
  number: CaseNumberSchema,
  title: z.string(),
  status: CaseStatusSchema,
  registeredAt: TimestampSchema,
  linkedAt: TimestampSchema,
});
export type CustomerCase = z.infer<typeof CustomerCaseSchema>;

export const exampleCustomer: CustomerView = {
  id: '01935c4f-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
  version: 1,
  type: 'private_person',
  anonymous: false,
  firstName: 'Åsa',
  lastName: 'Öberg',
  companyName: null,
  organisationNumber: null,
  careOf: null,
  streetAddress: 'Råsundavägen 12',
  postcode: '169 67',
  city: 'Solna',
  country: 'Sverige',
  personalIdentityNumber: '191212121212',
  homePhone: null,
  mobilePhone: '070-123 45 67',
  workPhone: null,
  email: 'asa.oberg@example.se',
  otherEmail: null,
  propertyDesignation: { tract: 'Råsunda', block: '1', unit: '23' },
  createdAt: '2026-11-23T08:10:00.000Z',
  updatedAt: '2026-11-23T08:10:00.000Z',
};
