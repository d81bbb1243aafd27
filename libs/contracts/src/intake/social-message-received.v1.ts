import { z } from 'zod';
import { defineEvent } from '../message.js';
import { IntakeTimestampSchema } from './intake.schemas.js';

export const SOCIAL_KINDS = ['private_message', 'comment'] as const;

export const socialMessageReceivedV1 = defineEvent({
  subject: 'intake.evt.social-message-received.v1',
  data: z.object({
    intakeId: z.uuid(),
    platform: z.enum(['facebook']),
    kind: z.enum(SOCIAL_KINDS),
    /** The city's page. */
    pageId: z.string().min(1).max(100),
    /** Page-scoped id of the person who wrote. */
    senderId: z.string().min(1).max(100),
    senderName: z.string().max(300).nullable(),
    /** The platform's id of this message or comment; a second delivery with the same id is applied once. */
    platformMessageId: z.string().min(1).max(200),
    /** For comments: the post commented on (the thread of all its comments). */
    postId: z.string().max(200).nullable(),
    /** For a reply to a comment: the comment replied to. */
    parentId: z.string().max(200).nullable(),
    text: z.string().max(20_000),
    /** Links to images and files on the platform's servers, as the webhook gave them. */
    attachmentUrls: z.array(z.url().max(4000)).max(20).default([]),
    sentAt: IntakeTimestampSchema,
    receivedAt: IntakeTimestampSchema,
  }),
  example: {
    intakeId: '01935c4e-7f6a-7b3c-9d2e-1a2b3c4d5e71',
    platform: 'facebook',
    kind: 'comment',
    pageId: '104857600000001',
    senderId: '5551234567890',
    senderName: 'Karin Berg',
    platformMessageId: '104857600000001_99887766_55443322',
    postId: '104857600000001_99887766',
    parentId: null,
    text: 'När plogas Bergshamra?',
    attachmentUrls: [],
    sentAt: '2026-11-23T09:15:00.000Z',
    receivedAt: '2026-11-23T09:15:01.000Z',
  },
  description:
    'A private message to the city page or a comment on one of its posts arrived through the page webhook. Private messages ' +
    'thread by sender; comments by post (a comment on a closed post case within the reopen window reopens it, later a child case).',
});

export type SocialMessageReceivedV1Data = z.output<typeof socialMessageReceivedV1.data>;
