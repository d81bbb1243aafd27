import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.guard.js';
import { CASE_WORKERS, Roles } from '../auth/roles.decorator.js';
import { LiveHub } from '../live/live-hub.js';

const INBOX_GROUP = '/inbox/';

/** The inboxes of a token's `/inbox/<id>` groups: the user gets the live case updates of these. */
function inboxIdsOf(groups: readonly string[]): string[] {
  return groups
    .filter((g) => g.startsWith(INBOX_GROUP) && g.length > INBOX_GROUP.length)
    .map((g) => g.slice(INBOX_GROUP.length));
}

@ApiTags('live')
@ApiBearerAuth()
@Controller('api/v1/live')
export class LiveController {
  constructor(@Inject(LiveHub) private readonly hub: LiveHub) {}

  @Get()
  @Roles(...CASE_WORKERS)
  @ApiOperation({
    summary:
      'Server-Sent Events for the signed-in user: `call-answered` when they answer a call; `notification` (in-app ' +
      'notifications to them or their inboxes); case updates of their inboxes (`case-registered`, `case-assigned`, ' +
      '`case-distributed`, `case-moved`, `case-status-changed`, `case-customer-replied`, `referral-answered`); ' +
      'a comment line every 25 s. ' +
      'The stream ends when the token expires (reconnect with a fresh one). 429 over 5 streams per user.',
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'An endless text/event-stream' })
  stream(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply): void {
    const principal = request.principal;
    if (!principal) throw new Error('Live stream without authentication');
    const response = reply.raw;
    // Throws over a limit, before anything is written, so the error filter answers as usual.
    const connection = this.hub.open(
      principal.username,
      {
        write: (chunk) => response.write(chunk),
        get bufferedBytes() {
          return response.writableLength;
        },
        end: () => response.end(),
      },
      principal.expiresAt,
      inboxIdsOf(principal.groups),
    );
    reply.hijack();
    // Headers the hooks set (security headers, CORS) go out with the stream's own.
    const headers = Object.fromEntries(Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined));
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // Tells nginx-style proxies not to buffer the stream.
      'x-accel-buffering': 'no',
    });
    response.write(': connected\n\n');
    response.on('close', () => connection.close());
  }
}
