import type { DataSource } from 'typeorm';
import type { StructuredLogger } from '@arende/persistence';
import type { BlobStore } from '@arende/blobs';
import type { Reprocessor } from '../quarantine/reprocessor.js';
import type { Nudger } from '../services/intake.service.js';
import { ChannelIntake } from './channel-intake.js';
import { FacebookIntakeService } from './facebook.service.js';
import type { ChannelReprocessor } from './raw-payload.js';
import { SmsIntakeService } from './sms.service.js';

export interface WebhookReprocessorDeps {
  dataSource: DataSource;
  schema: string;
  blobs: BlobStore;
  relay: Nudger;
  logger: StructuredLogger;
  /** `FACEBOOK_PAGE_ID`, when set: the page's own comments are skipped. */
  facebookPageId: string | null;
}

/**
 * The re-processors of the webhook channels that quarantine (SMS and Facebook), for the quarantine's
 * re-process. They work whether or not the channel is served now: a payload quarantined while it was on can
 * still be run again.
 */
export function webhookReprocessors(deps: WebhookReprocessorDeps): {
  sms: ChannelReprocessor;
  facebook: ChannelReprocessor;
} {
  const channel = new ChannelIntake(deps.dataSource, deps.blobs, deps.relay, deps.logger, deps.schema);
  return {
    sms: new SmsIntakeService(channel).reprocess,
    facebook: new FacebookIntakeService(channel, { pageId: deps.facebookPageId }).reprocess,
  } satisfies Record<'sms' | 'facebook', Reprocessor>;
}
