import type { IntakeService } from '../services/intake.service.js';
import type { Reprocessor } from './reprocessor.js';

/** Quarantined e-mail goes through the same parse and store as the SMTP and IMAP intake. */
export function emailReprocessor(intake: Pick<IntakeService, 'reprocess'>): Reprocessor {
  return (raw, envelope, origin) => intake.reprocess(raw, envelope, origin);
}
