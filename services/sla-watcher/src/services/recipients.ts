import type { FollowUpRecipient } from '@arende/contracts';
import type { TrackedCaseEntity } from '../entities/tracked-case.entity.js';

export interface RecipientSettings {
  customerServiceInboxId?: string;
  customerServiceEmail?: string;
  /** Per inbox id, the supervisor's address. */
  supervisors: ReadonlyMap<string, string>;
  supervisorEmail?: string;
}

/** The handler: the handling officer, or the receiving inbox while the case has none. */
export function handlerOf(c: TrackedCaseEntity): FollowUpRecipient {
  return c.assigneeId ? { kind: 'user', userId: c.assigneeId } : { kind: 'inbox', inboxId: c.inboxId };
}

/**
 * Customer service: the inbox the case came from, else the configured customer-service inbox (unless the case is
 * in it), else the configured address, else nobody.
 */
export function customerServiceOf(c: TrackedCaseEntity, settings: RecipientSettings): FollowUpRecipient | null {
  if (c.originInboxId !== c.inboxId) return { kind: 'inbox', inboxId: c.originInboxId };
  if (settings.customerServiceInboxId && settings.customerServiceInboxId !== c.inboxId) {
    return { kind: 'inbox', inboxId: settings.customerServiceInboxId };
  }
  return settings.customerServiceEmail ? { kind: 'email', address: settings.customerServiceEmail } : null;
}

/** The supervisor of the case's inbox, else the default supervisor, else the inbox the case came from. */
export function supervisorOf(c: TrackedCaseEntity, settings: RecipientSettings): FollowUpRecipient {
  const address = settings.supervisors.get(c.inboxId) ?? settings.supervisorEmail;
  return address ? { kind: 'email', address } : { kind: 'inbox', inboxId: c.originInboxId };
}

/** `inbox=address,inbox=address` (SUPERVISOR_EMAILS) to a map. */
export function parseSupervisors(text: string | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of (text ?? '').split(',')) {
    const [inbox, address] = pair.split('=').map((part) => part.trim());
    if (inbox && address) map.set(inbox, address);
  }
  return map;
}

/** Recipients without repeats (a handler who is also customer service is told once). */
export function distinctRecipients(list: ReadonlyArray<FollowUpRecipient | null>): FollowUpRecipient[] {
  const seen = new Set<string>();
  const out: FollowUpRecipient[] = [];
  for (const recipient of list) {
    if (!recipient) continue;
    const key = JSON.stringify(recipient);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(recipient);
  }
  return out;
}
