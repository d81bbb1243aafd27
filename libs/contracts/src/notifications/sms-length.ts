// The GSM 03.38 default alphabet (one septet each) and its extension table (an escape plus one septet: two).
const GSM7_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM7_EXTENSION = new Set('^{}\\[~]|€\f');

export interface SmsLength {
  /** `gsm7` when every character is in the GSM alphabet, else `ucs2` (UTF-16). */
  encoding: 'gsm7' | 'ucs2';
  /** Septets (GSM-7, extension characters count two) or UTF-16 code units (UCS-2, emoji count two). */
  units: number;
  /** Messages the text is sent as: 160/153 septets or 70/67 code units per part. */
  parts: number;
}

/** How long a text message is and how many parts it is split into (concatenated SMS lose 7 septets or 3 units to the header). */
export function smsLength(text: string): SmsLength {
  let septets = 0;
  let gsm = true;
  for (const char of text) {
    if (GSM7_BASIC.has(char)) septets += 1;
    else if (GSM7_EXTENSION.has(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: 'gsm7', units: septets, parts: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  const units = text.length;
  return { encoding: 'ucs2', units, parts: units <= 70 ? 1 : Math.ceil(units / 67) };
}
