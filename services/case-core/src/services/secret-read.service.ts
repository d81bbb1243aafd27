import { DomainError, type ListSecretReadsRequestV1, type SecretReadView } from '@arende/contracts';
import type { z } from 'zod';
import type { SecretReadAuditRepository } from '../repositories/secret-read-audit.repository.js';
import type { RequestContext } from './case.service.js';

const AUDITOR_ROLE = 'admin';

/** The audit log of reads of secret cases, for admins. */
export class SecretReadService {
  constructor(private readonly audit: SecretReadAuditRepository) {}

  async list(
    input: z.output<typeof ListSecretReadsRequestV1>,
    ctx: RequestContext,
  ): Promise<{ items: SecretReadView[]; nextCursor: string | null }> {
    if (ctx.actor.kind !== 'staff' || !ctx.actor.roles.includes(AUDITOR_ROLE)) {
      throw new DomainError('AUTH.FORBIDDEN', 'Only an admin may read the audit log');
    }
    const beforeId = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    const rows = await this.audit.list(
      { caseNumber: input.caseNumber, actorId: input.actorId, from: input.from, to: input.to, beforeId },
      input.limit + 1,
    );
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        actor: { id: r.actor_id, name: r.actor_name },
        readAt: r.read_at.toISOString(),
        caseId: r.case_id,
        caseNumber: r.case_number,
        action: r.action,
        origin: { ip: r.origin_ip, userAgent: r.origin_user_agent },
      })),
      nextCursor: rows.length > input.limit && last ? Buffer.from(last.id).toString('base64url') : null,
    };
  }
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (/^[1-9][0-9]{0,18}$/.test(id)) return id;
  throw new DomainError('REQUEST.INVALID', 'The cursor is not one this API gave out', {
    fields: [{ path: 'cursor', message: 'Unknown cursor' }],
  });
}
