import { DomainError, type FavouriteCase, type ListFavouritesRequestV1 } from '@arende/contracts';
import type { z } from 'zod';
import type { CaseRepository } from '../repositories/case.repository.js';
import type { FavouritePosition, FavouriteRepository } from '../repositories/favourite.repository.js';
import type { RequestContext } from './case.service.js';
import { accessScope } from './access-scope.js';
import { auditSecretReads } from './secret-reads.js';

/** Favourites are the caller's own (the token's subject); marking one changes nothing on the case. */
export class FavouriteService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly favourites: FavouriteRepository,
  ) {}

  async add(number: string, ctx: RequestContext): Promise<{ number: string; favourite: boolean }> {
    const id = await this.caseId(number, ctx);
    await this.favourites.add(ctx.actor.id, id, new Date());
    return { number, favourite: true };
  }

  async remove(number: string, ctx: RequestContext): Promise<{ number: string; favourite: boolean }> {
    const id = await this.caseId(number, ctx);
    await this.favourites.remove(ctx.actor.id, id);
    return { number, favourite: false };
  }

  async list(
    input: z.output<typeof ListFavouritesRequestV1>,
    ctx: RequestContext,
  ): Promise<{ items: FavouriteCase[]; nextCursor: string | null }> {
    const after = input.cursor === undefined ? null : decodeCursor(input.cursor);
    const rows = await this.favourites.list(accessScope(ctx.actor), ctx.actor.id, after, input.limit + 1);
    const page = rows.slice(0, input.limit);
    await auditSecretReads(
      this.cases,
      ctx,
      'favourites.list',
      page.map((row) => ({ id: row.case_id, number: row.number, secret: row.secret })),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        number: row.number,
        title: row.title,
        status: row.status,
        priority: row.priority,
        addedAt: row.created_at.toISOString(),
      })),
      nextCursor:
        rows.length > input.limit && last
          ? Buffer.from(JSON.stringify([last.created_at.toISOString(), last.case_id])).toString('base64url')
          : null,
    };
  }

  private async caseId(number: string, ctx: RequestContext): Promise<string> {
    const row = await this.cases.findByNumber(accessScope(ctx.actor), number);
    if (!row) throw new DomainError('CASE.NOT_FOUND', `No case ${number}`);
    return row.id;
  }
}

function decodeCursor(cursor: string): FavouritePosition {
  try {
    const [createdAt, caseId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt === 'string' &&
      !Number.isNaN(Date.parse(createdAt)) &&
      typeof caseId === 'string' &&
      /^[0-9a-f-]{36}$/.test(caseId)
    ) {
      return { createdAt, caseId };
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError('REQUEST.INVALID', 'The cursor is not one this API gave out', {
    fields: [{ path: 'cursor', message: 'Unknown cursor' }],
  });
}
