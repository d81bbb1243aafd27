import type { CaseView, MarkCustomerContactedRequestV1 } from '@arende/contracts';
import type { z } from 'zod';
import type { CaseRepository } from '../repositories/case.repository.js';
import type { CaseService, ChangeOutcome, CommitListener, RequestContext } from './case.service.js';
import type { EntryService } from './entry.service.js';
import { assertMayFollowUp, assertNotClosed, setMarkWithin } from './follow-up-marks.js';

/** The timeline text of a customer-contact mark with a note. */
export function contactNoteText(note: string): string {
  return `Kunden kontaktad (återkoppling).\n\n${note}`;
}

/**
 * Acknowledgement (kvittens) and customer contact (återkoppling) by the receiver of a case: a member of its
 * inbox, a supervisor by service point, or the contractor whose organisation it is sent to. Neither changes the
 * case's version (an agent's open edit does not go stale) and neither is stopped by a lock: they record what the
 * receiver did, not an edit of the case.
 */
export class FollowUpService {
  constructor(
    private readonly cases: CaseService,
    private readonly rows: CaseRepository,
    private readonly entries: EntryService,
    private readonly listener: CommitListener,
  ) {}

  async acknowledge(number: string, ctx: RequestContext): Promise<CaseView> {
    return this.cases.change(
      number,
      ctx,
      'case.acknowledge',
      async (manager, row, now) => {
        if (row.acknowledged_at !== null) return unchanged(row);
        assertNotClosed(row);
        return (await setMarkWithin(manager, this.rows, row.id, 'acknowledged', ctx.actor, now)) ?? unchanged(row);
      },
      assertMayFollowUp,
    );
  }

  /**
   * Marks the customer contacted, and the case acknowledged if nobody had (contacting the customer shows the
   * receiver has it). A note goes on the timeline as a staff-only internal note, each time one is given.
   */
  async markCustomerContacted(
    input: z.output<typeof MarkCustomerContactedRequestV1>,
    ctx: RequestContext,
  ): Promise<CaseView> {
    const note = input.note === '' ? undefined : input.note;
    const view = await this.cases.change(
      input.number,
      ctx,
      'case.customer-contacted',
      async (manager, row, now) => {
        if (row.customer_contacted_at !== null && note === undefined) return unchanged(row);
        assertNotClosed(row);
        let outcome = unchanged(row);
        if (row.acknowledged_at === null) {
          outcome = merge(outcome, await setMarkWithin(manager, this.rows, row.id, 'acknowledged', ctx.actor, now));
        }
        if (row.customer_contacted_at === null) {
          const contacted = await setMarkWithin(manager, this.rows, row.id, 'customer_contacted', ctx.actor, now);
          outcome = merge(outcome, contacted);
        }
        if (note !== undefined) {
          const entry = { number: row.number, kind: 'internal_note' as const, text: contactNoteText(note) };
          await this.entries.addWithin(manager, row, { ...entry, visibility: 'staff', attachments: [] }, ctx, now);
        }
        return outcome;
      },
      assertMayFollowUp,
    );
    // The note's entry event is in the outbox even when the marks were set already.
    if (note !== undefined) this.listener.nudge();
    return view;
  }
}

function unchanged(row: ChangeOutcome['row']): ChangeOutcome {
  return { row, events: [], log: [] };
}

function merge(first: ChangeOutcome, second: ChangeOutcome | null): ChangeOutcome {
  if (second === null) return first;
  return { row: second.row, events: [...first.events, ...second.events], log: [...first.log, ...second.log] };
}
