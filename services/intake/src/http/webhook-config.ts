import { z } from 'zod';
import { type ConfigOf, defineConfig, env } from '@arende/config';

const secret = (min: number) => z.string().min(min).optional();

/**
 * The webhook server's variables, to spread into `intakeConfig`. A channel whose secret is not set is not
 * served at all (its routes answer 404): it is never open without authentication.
 */
export const webhookConfig = defineConfig({
  WEBHOOK_HOST: { schema: env.string('127.0.0.1'), description: 'Address of the HTTP listener for webhooks and forms' },
  WEBHOOK_PORT: { schema: env.port(8110), description: 'Port of the HTTP listener for webhooks and forms' },
  SMS_46ELKS_USER: {
    schema: z.string().min(1).optional(),
    description: 'HTTP Basic user in the SMS URL configured at 46elks; SMS is off when unset',
  },
  SMS_46ELKS_PASSWORD: {
    schema: secret(12),
    description: 'HTTP Basic password in the SMS URL configured at 46elks (at least 12 characters)',
    sensitive: true,
  },
  FACEBOOK_APP_SECRET: {
    schema: secret(16),
    description: 'App secret of the Facebook app; checks X-Hub-Signature-256. Facebook is off when unset',
    sensitive: true,
  },
  FACEBOOK_VERIFY_TOKEN: {
    schema: secret(8),
    description: 'Verify token entered in the app dashboard for the webhook handshake',
    sensitive: true,
  },
  FACEBOOK_PAGE_ID: {
    schema: z.string().regex(/^\d+$/).optional(),
    description: "The city page's id; comments it writes itself are skipped (the entry's page id is always used too)",
  },
  TELEPHONY_TOKEN: {
    schema: secret(16),
    description: 'Bearer token the telephony platform sends with call hand-overs; telephony is off when unset',
    sensitive: true,
  },
  FORMS_ALLOWED_ORIGINS: {
    schema: z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin.length > 0),
      )
      .pipe(z.array(z.url())),
    description: 'Origins whose pages may post forms from the browser (CORS), comma-separated; none when empty',
  },
  FORM_MAX_FILE_BYTES: {
    schema: env.int(10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    description: 'Largest file in one form submission (413 above it)',
  },
  FORM_MAX_FILES: { schema: env.int(10, 0, 20), description: 'Most files in one form submission (413 above it)' },
  FORM_MAX_TOTAL_BYTES: {
    schema: env.int(25 * 1024 * 1024, 1024, 200 * 1024 * 1024),
    description: 'Largest total of all files in one form submission (413 above it)',
  },
});

export type WebhookConfig = ConfigOf<typeof webhookConfig>;

export interface Sms46elksOptions {
  user: string;
  password: string;
}

export interface FacebookOptions {
  appSecret: string;
  verifyToken: string;
  pageId: string | null;
}

export interface TelephonyOptions {
  token: string;
}

export interface FormOptions {
  allowedOrigins: string[];
  maxFileBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
}

/** Which channels are served and with what secrets; `null` turns a channel off. */
export interface WebhookChannelOptions {
  host: string;
  port: number;
  sms46elks: Sms46elksOptions | null;
  facebook: FacebookOptions | null;
  telephony: TelephonyOptions | null;
  forms: FormOptions;
}

/** The channel options from the parsed configuration. */
export function webhookChannelOptions(config: WebhookConfig): WebhookChannelOptions {
  return {
    host: config.WEBHOOK_HOST,
    port: config.WEBHOOK_PORT,
    sms46elks:
      config.SMS_46ELKS_USER && config.SMS_46ELKS_PASSWORD
        ? { user: config.SMS_46ELKS_USER, password: config.SMS_46ELKS_PASSWORD }
        : null,
    facebook:
      config.FACEBOOK_APP_SECRET && config.FACEBOOK_VERIFY_TOKEN
        ? {
            appSecret: config.FACEBOOK_APP_SECRET,
            verifyToken: config.FACEBOOK_VERIFY_TOKEN,
            pageId: config.FACEBOOK_PAGE_ID ?? null,
          }
        : null,
    telephony: config.TELEPHONY_TOKEN ? { token: config.TELEPHONY_TOKEN } : null,
    forms: {
      allowedOrigins: config.FORMS_ALLOWED_ORIGINS,
      maxFileBytes: config.FORM_MAX_FILE_BYTES,
      maxFiles: config.FORM_MAX_FILES,
      maxTotalBytes: config.FORM_MAX_TOTAL_BYTES,
    },
  };
}
