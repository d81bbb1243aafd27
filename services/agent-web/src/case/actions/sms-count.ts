import { smsLength } from '@arende/contracts';

/** The most parts a reply may take (the message route's limit: 1 530 characters, ten GSM-7 parts). */
export const MAX_SMS_PARTS = 10;

export interface SmsCount {
  encoding: 'gsm7' | 'ucs2';
  units: number;
  parts: number;
  /** Characters (septets or code units) left before the text needs one more part. */
  left: number;
}

/** The live count under the SMS text: the counting notifications sends by, and what is left in the last part. */
export function smsCount(text: string): SmsCount {
  const { encoding, units, parts } = smsLength(text);
  const [single, perPart] = encoding === 'gsm7' ? [160, 153] : [70, 67];
  const capacity = parts === 1 ? single : parts * perPart;
  return { encoding, units, parts, left: capacity - units };
}
