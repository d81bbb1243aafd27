import { z } from 'zod';
import { RefIdSchema } from '../case/case.schemas.js';
import { defineRpc } from '../message.js';
import { MatchFieldSchema, MatchInputSchema, TemplateSchema } from './routing.schemas.js';

/** Why a template matched: the rule and, per condition, what was found. */
export const MatchReasonSchema = z.object({
  ruleIndex: z.number().int().min(0),
  ruleName: z.string(),
  conditions: z.array(z.object({ field: MatchFieldSchema, matched: z.string() })),
});

export const SkippedRuleSchema = z.object({
  templateId: RefIdSchema,
  ruleIndex: z.number().int().min(0),
  error: z.string(),
});

export const matchTemplateV1 = defineRpc({
  subject: 'routing.rpc.match.v1',
  request: MatchInputSchema,
  response: z.object({
    /** The first template (by position) with a rule that holds, or null. */
    template: TemplateSchema.nullable(),
    reason: MatchReasonSchema.nullable(),
    /** The matched template raises an alarm: the alarm words found (empty when every case of it alarms). */
    alarm: z.object({ keywords: z.array(z.string()) }).nullable(),
    /** Rules that could not be evaluated; they were passed over. */
    skipped: z.array(SkippedRuleSchema),
  }),
  example: {
    channel: 'email',
    subject: 'Ingen snöröjning på Storgatan',
    body: 'Det har inte plogats på tre dagar.',
    from: 'anna@example.se',
    to: ['kundtjanst@solna.se'],
  },
  description: 'Finds the template for an incoming message: the first rule that holds wins, and the reason says which.',
});
