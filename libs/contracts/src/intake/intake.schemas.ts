import { z } from 'zod';
import { TimestampSchema } from '../case/case.schemas.js';

/** A file intake stored in its blob store; `blobKey` is the key in that store. */
export const IntakeFileSchema = z.object({
  filename: z.string().max(1000).nullable(),
  contentType: z.string().max(255),
  size: z.number().int().nonnegative(),
  blobKey: z.string().max(500),
});
export type IntakeFile = z.infer<typeof IntakeFileSchema>;

/** A point in WGS 84 (what a browser's geolocation and Leaflet give). */
export const PositionSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** Radius of uncertainty in metres, when the sender knows it. */
  accuracyMeters: z.number().nonnegative().max(100_000).nullable().default(null),
});
export type Position = z.infer<typeof PositionSchema>;

/** The channels intake receives on; the quarantine and the inbound log name them. */
export const INTAKE_CHANNELS = ['email', 'sms', 'facebook', 'web_form', 'telephony'] as const;
export const IntakeChannelSchema = z.enum(INTAKE_CHANNELS);
export type IntakeChannel = z.infer<typeof IntakeChannelSchema>;

export const IntakeTimestampSchema = TimestampSchema;
