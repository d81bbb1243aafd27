import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { TokenVerifier } from '@arende/auth';
import { RpcClient } from '@arende/messaging';
import type { Logger, Metrics, OpsHandler } from '@arende/observability';
import { AuthGuard, TOKEN_VERIFIER } from './auth/auth.guard.js';
import { CaseController } from './controllers/case.controller.js';
import { CaseCardController } from './controllers/case-card.controller.js';
import { CustomerController } from './controllers/customer.controller.js';
import { CaseCopyController } from './controllers/case-copy.controller.js';
import { CaseEventController } from './controllers/case-event.controller.js';
import { FavouriteController } from './controllers/favourite.controller.js';
import { SavedSearchController } from './controllers/saved-search.controller.js';
import { RelationController } from './controllers/relation.controller.js';
import { EntryController } from './controllers/entry.controller.js';
import { MessageController } from './controllers/message.controller.js';
import { MessageTemplateController } from './controllers/message-template.controller.js';
import { SignatureController } from './controllers/signature.controller.js';
import { ReferralController } from './controllers/referral.controller.js';
import { ScheduledReopenController } from './controllers/scheduled-reopen.controller.js';
import { WatchController } from './controllers/watch.controller.js';
import { InboxController } from './controllers/inbox.controller.js';
import { DistributionController } from './controllers/distribution.controller.js';
import { AuditController } from './controllers/audit.controller.js';
import { OPS_HANDLER, OpsController } from './controllers/ops.controller.js';
import { QuarantineController } from './controllers/quarantine.controller.js';
import { LiveController } from './controllers/live.controller.js';
import { type LiveOptions, liveProviders } from './live/live.providers.js';
import { KnowledgeArticleController } from './controllers/knowledge-article.controller.js';
import { KnowledgeSearchController } from './controllers/knowledge-search.controller.js';
import { KnowledgeWebSourceController } from './controllers/knowledge-web-source.controller.js';
import { ReferenceController } from './controllers/reference.controller.js';
import { TemplateController } from './controllers/template.controller.js';
import { DirectoryController } from './controllers/directory.controller.js';
import { CalendarController } from './controllers/calendar.controller.js';

export interface GatewayDependencies {
  rpc: RpcClient;
  verifier: TokenVerifier;
  ops: OpsHandler;
  /** Live streams (GET /api/v1/live): the NATS connection to feed them and their limits. */
  live?: LiveOptions;
}

@Module({})
export class AppModule {
  static forRoot(deps: GatewayDependencies & { logger: Logger; metrics: Metrics }): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        CaseController,
        CaseCardController,
        CustomerController,
        InboxController,
        DistributionController,
        RelationController,
        CaseCopyController,
        FavouriteController,
        SavedSearchController,
        CaseEventController,
        AuditController,
        OpsController,
        EntryController,
        MessageController,
        MessageTemplateController,
        SignatureController,
        ReferralController,
        WatchController,
        ScheduledReopenController,
        KnowledgeArticleController,
        KnowledgeSearchController,
        KnowledgeWebSourceController,
        QuarantineController,
        LiveController,
        TemplateController,
        ReferenceController,
        DirectoryController,
        CalendarController,
      ],
      providers: [
        { provide: RpcClient, useValue: deps.rpc },
        { provide: TOKEN_VERIFIER, useValue: deps.verifier },
        { provide: OPS_HANDLER, useValue: deps.ops },
        { provide: APP_GUARD, useClass: AuthGuard },
        ...liveProviders(deps),
      ],
    };
  }
}
