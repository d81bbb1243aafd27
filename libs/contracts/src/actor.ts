import { z } from 'zod';

/** Who does something: a person from a verified token, another service, or the platform itself. */
export const ActorSchema = z.object({
  kind: z.enum(['staff', 'contractor', 'citizen', 'service', 'system']),
  id: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  /**
   * Staff and contractors: the login (the token's preferred_username). A person is a case's assignee or lock holder
   * by their login, the key of the staff directory, so reminders and reports find them.
   */
  userName: z.string().min(1).max(200).optional(),
  roles: z.array(z.string().max(100)).max(100).default([]),
  groups: z.array(z.string().max(200)).max(500).optional(),
  organisation: z.string().max(200).optional(),
  /** Supervisors and admins: the service points they oversee (claim `service_points`). */
  servicePoints: z.array(z.string().max(200)).max(500).optional(),
  /** Citizens: personnummer or samordningsnummer, 12 digits. Never log it. */
  personalIdentityNumber: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'system', name: 'Ärende', roles: [] };
