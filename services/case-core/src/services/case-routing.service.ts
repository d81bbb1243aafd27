import {
  DomainError,
  type ErrorCode,
  type Inbox,
  type MatchInput,
  type RpcContract,
  type Template,
  getTemplateV1,
  matchTemplateV1,
} from '@arende/contracts';
import type { RpcClient } from '@arende/messaging';
import type { StructuredLogger } from '@arende/persistence';
import type { z } from 'zod';
import type { RequestContext } from './case.service.js';
import type { InboxLookup } from './inbox-lookup.js';

export interface CaseRoutingOptions {
  /** Per request. */
  timeoutMs: number;
  /** Tries per question before giving up (1 = no retry). */
  attempts: number;
  /** Pause before the second try; each further one waits four times longer. */
  firstBackoffMs?: number;
}

/** What routing decided for an inbound message. */
export type RoutingDecision =
  | {
      kind: 'matched';
      template: Template;
      /** The alarm words found, when the template raises an alarm. */
      alarm: { keywords: string[] } | null;
      /** The contractor organisation of the template's inbox, when it is an external party. */
      externalOrganisationId: string | null;
    }
  | { kind: 'no-template' }
  /** Routing did not answer after every attempt (or answered an error): the message is registered unrouted. */
  | { kind: 'unrouted'; reason: string };

// Routing being down, slow or failing inside is worth another try; anything else will fail the same way again.
const RETRYABLE: readonly ErrorCode[] = ['SERVICE.TIMEOUT', 'SERVICE.UNAVAILABLE', 'INTERNAL'];

/**
 * case-core's questions to routing: which template an inbound message matches (and the inbox it names), and
 * a template by id for quick registration. Each question is retried with backoff while routing does not
 * answer; the intake path then registers the message unrouted rather than stopping the line.
 */
export class CaseRoutingService {
  constructor(
    private readonly rpc: Pick<RpcClient, 'request'>,
    /** The same short-lived inbox cache assignment uses: a templated message then costs one round trip. */
    private readonly inboxes: Pick<InboxLookup, 'get'>,
    private readonly options: CaseRoutingOptions,
    private readonly logger: StructuredLogger,
  ) {}

  async route(message: MatchInput, ctx: RequestContext): Promise<RoutingDecision> {
    try {
      const match = await this.ask(matchTemplateV1, message, ctx);
      if (match.template === null) return { kind: 'no-template' };
      for (const skipped of match.skipped) {
        this.logger.warn({ templateId: skipped.templateId, ruleIndex: skipped.ruleIndex }, 'Routing skipped a rule');
      }
      const inbox = match.template.inboxId === null ? null : await this.inbox(match.template.inboxId, ctx);
      return {
        kind: 'matched',
        template: match.template,
        alarm: match.alarm,
        externalOrganisationId: inbox?.kind === 'external_party' ? inbox.externalOrganisationId : null,
      };
    } catch (error) {
      const reason = error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
      this.logger.warn({ reason }, 'Inbound message not routed');
      return { kind: 'unrouted', reason };
    }
  }

  /** A template for quick registration; an unknown id is CASE.REFERENCE_UNKNOWN. */
  async template(id: string, ctx: RequestContext): Promise<Template> {
    try {
      return await this.ask(getTemplateV1, { id }, ctx);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ROUTING.NOT_FOUND') {
        throw new DomainError('CASE.REFERENCE_UNKNOWN', `No template ${id}`, {
          fields: [{ path: 'templateId', message: 'Unknown template' }],
        });
      }
      throw error;
    }
  }

  /** The template's inbox; one that routing does not know leaves the case without an external organisation. */
  private async inbox(id: string, ctx: RequestContext): Promise<Inbox | null> {
    try {
      return await this.retried(() => this.inboxes.get(id, ctx.correlationId));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CASE.INBOX_NOT_FOUND') {
        this.logger.warn({ inboxId: id }, 'Template names an inbox routing does not know');
        return null;
      }
      throw error;
    }
  }

  private async ask<Req extends z.ZodType, Res extends z.ZodType>(
    contract: RpcContract<Req, Res>,
    data: z.input<Req>,
    ctx: RequestContext,
  ): Promise<z.output<Res>> {
    return this.retried(() =>
      this.rpc.request(contract, data, {
        actor: ctx.actor,
        correlationId: ctx.correlationId,
        timeoutMs: this.options.timeoutMs,
      }),
    );
  }

  private async retried<T>(question: () => Promise<T>): Promise<T> {
    let wait = this.options.firstBackoffMs ?? 100;
    for (let attempt = 1; ; attempt++) {
      try {
        return await question();
      } catch (error) {
        const retryable = error instanceof DomainError && RETRYABLE.includes(error.code);
        if (!retryable || attempt >= this.options.attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
        wait *= 4;
      }
    }
  }
}
