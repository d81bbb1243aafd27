import { z } from 'zod';
import { defineEvent } from '../message.js';

/** A body above this many characters travels by blob key only (keeps the event far below NATS's 1 MB). */
export const INTAKE_INLINE_BODY_LIMIT = 64 * 1024;

const AddressSchema = z.object({ address: z.string().max(998), name: z.string().max(998) });

export const EmailAttachmentSchema = z.object({
  filename: z.string().max(1000).nullable(),
  contentType: z.string().max(255),
  size: z.number().int().nonnegative(),
  contentId: z.string().max(998).nullable(),
  inline: z.boolean(),
  blobKey: z.string().max(500),
});

const BodySchema = z.object({
  /** The body itself, or null when it is larger than {@link INTAKE_INLINE_BODY_LIMIT} (then read `blobKey`). */
  inline: z.string().max(INTAKE_INLINE_BODY_LIMIT).nullable(),
  blobKey: z.string().max(500).nullable(),
  size: z.number().int().nonnegative(),
});

export const emailReceivedV1 = defineEvent({
  subject: 'intake.evt.email-received.v1',
  data: z.object({
    intakeId: z.uuid(),
    /** How it arrived: the SMTP listener, or polling of a shared IMAP mailbox. */
    source: z.enum(['smtp', 'imap']).default('smtp'),
    messageId: z.string().min(1).max(998),
    from: z.array(AddressSchema).max(100),
    to: z.array(AddressSchema).max(1000),
    cc: z.array(AddressSchema).max(1000),
    subject: z.string().max(2000),
    /** The Date header, or the time received when it is missing or unreadable. */
    date: z.iso.datetime({ offset: true }),
    inReplyTo: z.string().max(998).nullable(),
    references: z.array(z.string().max(998)).max(200),
    text: BodySchema,
    /** Sanitised HTML (safe to show); null when the mail had no HTML part. */
    html: BodySchema.nullable(),
    attachments: z.array(EmailAttachmentSchema).max(500),
    rawBlobKey: z.string().max(500),
    rawSize: z.number().int().nonnegative(),
    autoReply: z.boolean(),
    bounce: z.boolean(),
    /** For a bounce: the Message-IDs of the messages that bounced (from its report or returned headers). */
    bouncedMessageIds: z.array(z.string().max(998)).max(20).default([]),
    envelope: z.object({
      mailFrom: z.string().max(998).nullable(),
      rcptTo: z.array(z.string().max(998)).min(1).max(100),
      remoteAddress: z.string().max(100),
      clientHostname: z.string().max(255),
      heloName: z.string().max(255).nullable(),
    }),
    authenticationResults: z.array(z.string().max(4000)).max(20),
    receivedAt: z.iso.datetime({ offset: true }),
  }),
  example: {
    intakeId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f',
    source: 'smtp',
    messageId: '<abc123@example.se>',
    from: [{ address: 'anna@example.se', name: 'Anna Åström' }],
    to: [{ address: 'kundtjanst@kommun.se', name: '' }],
    cc: [],
    subject: 'Trasig gatlykta på Storgatan',
    date: '2026-11-23T09:15:00.000Z',
    inReplyTo: null,
    references: [],
    text: { inline: 'Hej! Lyktan utanför nr 12 är släckt.', blobKey: null, size: 37 },
    html: null,
    attachments: [
      {
        filename: 'lykta.jpg',
        contentType: 'image/jpeg',
        size: 20480,
        contentId: null,
        inline: false,
        blobKey: 'intake/2026/11/23/01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f/att-0',
      },
    ],
    rawBlobKey: 'intake/2026/11/23/01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e6f/raw.eml',
    rawSize: 28000,
    autoReply: false,
    bounce: false,
    bouncedMessageIds: [],
    envelope: {
      mailFrom: 'anna@example.se',
      rcptTo: ['kundtjanst@kommun.se'],
      remoteAddress: '10.0.0.5',
      clientHostname: 'mx1.kommun.se',
      heloName: 'mx1.kommun.se',
    },
    authenticationResults: ['mx1.kommun.se; spf=pass smtp.mailfrom=example.se; dkim=pass header.d=example.se'],
    receivedAt: '2026-11-23T09:15:01.000Z',
  },
  description:
    'An e-mail was accepted by the SMTP listener or fetched from the IMAP mailbox, stored raw and parsed. Bodies over 64 KiB and attachments travel by blob key.',
});

export type EmailReceivedV1Data = z.output<typeof emailReceivedV1.data>;
