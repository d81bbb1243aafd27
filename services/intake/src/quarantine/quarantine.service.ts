import type { z } from 'zod';
import type { DataSource } from 'typeorm';
import {
  type Actor,
  DomainError,
  type IntakeChannel,
  type QuarantinedMessageView,
  type getQuarantinedV1,
  type listQuarantineV1,
  type reprocessQuarantinedV1,
} from '@arende/contracts';
import type { StructuredLogger } from '@arende/persistence';
import type { BlobStore } from '@arende/blobs';
import type { QuarantineRepository, QuarantinedRow } from './quarantine.repository.js';
import type { Reprocessor } from './reprocessor.js';

/** The start of a raw message an admin sees; enough for headers and the first part of any body. */
export const RAW_EXCERPT_BYTES = 64 * 1024;

const ADMIN_ROLE = 'admin';

export interface QuarantineContext {
  actor: Actor;
}

type ListInput = z.output<typeof listQuarantineV1.request>;
type ListOutput = z.input<typeof listQuarantineV1.response>;
type GetOutput = z.input<typeof getQuarantinedV1.response>;
type ReprocessOutput = z.input<typeof reprocessQuarantinedV1.response>;

/** Channel -> how to run its quarantined messages again. A channel without one cannot be re-processed yet. */
export type Reprocessors = Partial<Record<IntakeChannel, Reprocessor>>;

/**
 * The quarantine for admins: list it, look at one message, and run one through its channel's intake again.
 * A re-process holds the row locked until its outcome is recorded, so two admins (or two replicas) never
 * run the same message at once; within a replica re-processes run one at a time, so the lock's connection and
 * the channel's own transaction never starve the pool.
 */
export class QuarantineService {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly quarantine: QuarantineRepository,
    private readonly blobs: BlobStore,
    private readonly reprocessors: Reprocessors,
    private readonly logger: StructuredLogger,
  ) {}

  async list(input: ListInput, ctx: QuarantineContext): Promise<ListOutput> {
    requireAdmin(ctx.actor);
    const afterId = input.cursor === undefined ? undefined : decodeCursor(input.cursor);
    const rows = await this.quarantine.list({ status: input.status, channel: input.channel, afterId }, input.limit + 1);
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toView),
      nextCursor: rows.length > input.limit && last ? Buffer.from(last.id).toString('base64url') : null,
    };
  }

  async get(id: string, ctx: QuarantineContext): Promise<GetOutput> {
    requireAdmin(ctx.actor);
    const row = await this.quarantine.get(id);
    if (!row) throw notFound(id);
    // A cut multi-byte character at the end becomes U+FFFD; the excerpt is for reading, not for parsing.
    const excerpt = await this.readStart(row.raw_blob_key, RAW_EXCERPT_BYTES);
    return { ...toView(row), rawExcerpt: excerpt.toString('utf8') };
  }

  /**
   * Runs the message through its channel again and records the attempt. A message already re-processed answers
   * `duplicate` without running again, so a repeated click does no harm.
   */
  reprocess(id: string, ctx: QuarantineContext): Promise<ReprocessOutput> {
    requireAdmin(ctx.actor);
    const run = this.queue.then(() => this.reprocessNow(id, ctx.actor));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The first `limit` bytes of a blob, without reading the rest (a raw message may be 25 MiB). */
  private async readStart(key: string, limit: number): Promise<Buffer> {
    const stream = await this.blobs.stream(key);
    const chunks: Buffer[] = [];
    let length = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= limit) break;
      }
    } finally {
      stream.destroy();
    }
    return Buffer.concat(chunks).subarray(0, limit);
  }

  private reprocessNow(id: string, actor: Actor): Promise<ReprocessOutput> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.quarantine.get(id, manager, true);
      if (!row) throw notFound(id);
      if (row.status === 'reprocessed') return { outcome: 'duplicate', reason: null, message: toView(row) };
      const reprocessor = this.reprocessors[row.channel];
      if (!reprocessor) {
        throw new DomainError('REQUEST.INVALID', `No re-processor for channel ${row.channel}`, {
          fields: [{ path: 'id', message: `no re-processor for channel ${row.channel}` }],
        });
      }
      const raw = await this.blobs.get(row.raw_blob_key);
      const outcome = await reprocessor(raw, row.envelope, {
        id: row.id,
        rawBlobKey: row.raw_blob_key,
        receivedAt: row.received_at,
      });
      const updated = await this.quarantine.recordAttempt(
        id,
        outcome.kind === 'quarantined'
          ? { status: 'quarantined', reason: outcome.reason }
          : { status: 'reprocessed', at: new Date(), by: actor.id },
        manager,
      );
      this.logger.info(
        { quarantineId: id, channel: row.channel, outcome: outcome.kind, attempts: updated.attempts },
        'Quarantined message re-processed',
      );
      return {
        outcome: outcome.kind,
        reason: outcome.kind === 'quarantined' ? updated.reason : null,
        message: toView(updated),
      };
    });
  }
}

function requireAdmin(actor: Actor): void {
  if (actor.kind !== 'staff' || !actor.roles.includes(ADMIN_ROLE)) {
    throw new DomainError('AUTH.FORBIDDEN', 'Only an admin may see and re-process the intake quarantine');
  }
}

function notFound(id: string): DomainError {
  return new DomainError('INTAKE.QUARANTINE_NOT_FOUND', `No quarantined message ${id}`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (UUID.test(id)) return id;
  throw new DomainError('REQUEST.INVALID', 'The cursor is not one this API gave out', {
    fields: [{ path: 'cursor', message: 'Unknown cursor' }],
  });
}

function toView(row: QuarantinedRow): QuarantinedMessageView {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    reason: row.reason,
    receivedAt: row.received_at.toISOString(),
    rawBlobKey: row.raw_blob_key,
    rawSize: Number(row.raw_size),
    envelope: row.envelope,
    reprocessedAt: row.reprocessed_at?.toISOString() ?? null,
    reprocessedBy: row.reprocessed_by,
    attempts: row.attempts,
  };
}
