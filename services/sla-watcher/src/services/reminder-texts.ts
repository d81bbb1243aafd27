import type { TrackedCaseEntity } from '../entities/tracked-case.entity.js';

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'short',
  timeStyle: 'short',
});
const when = (at: Date) => stockholm.format(at);

const WATCH_TEXTS: Record<string, string> = {
  no_handler: 'ingen handläggare är satt.',
  customer_reply: 'kunden har svarat.',
  not_closed: 'ärendet är inte avslutat.',
  customer_not_answered: 'kunden har inte fått svar.',
  referral_answered: 'ett remissvar har kommit in.',
  case_changed: 'ärendet har ändrats.',
};

/** The Swedish line of a reminder. */
export function reminderText(
  kind: string,
  stage: string,
  c: TrackedCaseEntity,
  deadline: Date,
  data: Record<string, unknown>,
): string {
  const n = c.number;
  const base: Record<string, string> = {
    response: `Ärende ${n} har inte fått något första svar. Tidsgränsen var ${when(deadline)}.`,
    feedback: `Kunden i ärende ${n} har inte fått återkoppling. Tidsgränsen var ${when(deadline)}.`,
    resolution: `Ärende ${n} är inte löst. Tidsgränsen var ${when(deadline)}.`,
    acknowledgement: `Ärende ${n} är inte kvitterat. Det skulle ha kvitterats senast ${when(deadline)}.`,
    customer_contact: `Ingen har markerat att kunden i ärende ${n} är kontaktad. Tidsgränsen var ${when(deadline)}.`,
    parked: `Ärende ${n} har legat vilande till ${when(deadline)} och ska tas upp igen.`,
    customer_reply: `Vi väntar fortfarande på ditt svar i ärende ${n}: ${c.title}.`,
    unanswered_close: `Ärende ${n} har stängts eftersom kunden inte svarade.`,
    scheduled_reopen: `Ärende ${n} har återöppnats enligt plan.`,
    referral: `Remissen i ärende ${n} är inte besvarad. Svaret skulle ha kommit senast ${when(deadline)}.`,
  };
  const watched = typeof data.watchKind === 'string' ? WATCH_TEXTS[data.watchKind] : undefined;
  const text =
    kind === 'watch' && watched
      ? `Bevakning av ärende ${n}: ${watched}`
      : (base[kind] ?? `Uppföljning av ärende ${n}.`);
  if (stage !== 'escalation') return text;
  const remindedAt = typeof data.remindedAt === 'string' ? ` efter påminnelsen ${when(new Date(data.remindedAt))}` : '';
  return `Eskalering: ${text} Ingen har åtgärdat det${remindedAt}.`;
}
