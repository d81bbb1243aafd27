import { z } from 'zod';
import { RefIdSchema, TimestampSchema } from '../case/case.schemas.js';

const text = (max: number) => z.string().trim().max(max);
const phone = text(40)
  .min(3)
  .regex(/^\+?[0-9 ()-]+$/, 'Digits, spaces, ( ) and - only, with an optional leading +')
  .nullable()
  .default(null);

/** The fields an administrator sets on a person of the staff directory (telefonkatalog). */
export const StaffFieldsSchema = z.object({
  name: text(200).min(1),
  title: text(200).default(''),
  /** Org unit at level department (förvaltning). */
  departmentId: RefIdSchema,
  /** Org unit at level unit (avdelning), under the department. */
  unitId: RefIdSchema.nullable().default(null),
  phone,
  mobile: phone,
  email: z.email().max(320).nullable().default(null),
  /** Short texts the person is asked about (`bygglov`, `försörjningsstöd`). */
  skills: z.array(text(80).min(1)).max(30).default([]),
  /** The inboxes the person serves, where a case for them is sent. */
  inboxIds: z.array(RefIdSchema).max(50).default([]),
  /** The person's login (the token's preferred_username), so a case can be assigned to them; one person per login. */
  userName: z.string().trim().min(1).max(200).nullable().default(null),
  /** Inactive people are kept but never found. */
  active: z.boolean().default(true),
});
export type StaffFields = z.infer<typeof StaffFieldsSchema>;

export const StaffPersonSchema = StaffFieldsSchema.extend({
  id: RefIdSchema,
  version: z.number().int().positive(),
  updatedAt: TimestampSchema,
});
export type StaffPerson = z.infer<typeof StaffPersonSchema>;

/** Where a word of the query was found. Wire names: do not change without a migration plan. */
export const DIRECTORY_FIELDS = ['name', 'title', 'skill', 'department', 'unit'] as const;
export const DirectoryFieldSchema = z.enum(DIRECTORY_FIELDS);
export type DirectoryField = z.infer<typeof DirectoryFieldSchema>;

export const DirectoryHitSchema = z.object({
  person: StaffPersonSchema,
  departmentName: z.string(),
  unitName: z.string().nullable(),
  /** Per field, the texts that hold a word beginning with a word of the query. */
  matched: z.array(z.object({ field: DirectoryFieldSchema, text: z.string() })),
});
export type DirectoryHit = z.infer<typeof DirectoryHitSchema>;

export const exampleStaffPerson: StaffPerson = {
  id: '019ad3f0-6c1e-7a55-8f00-3c2b1a9e4d10',
  name: 'Karin Öberg',
  title: 'Bygglovshandläggare',
  departmentId: 'stadsbyggnad',
  unitId: 'bygglov',
  phone: '08-746 10 00',
  mobile: '070-123 45 67',
  email: 'karin.oberg@kommun.example',
  skills: ['bygglov', 'strandskydd', 'attefallshus'],
  inboxIds: ['stadsbyggnad'],
  userName: 'karin',
  active: true,
  version: 1,
  updatedAt: '2026-12-01T09:00:00.000Z',
};
