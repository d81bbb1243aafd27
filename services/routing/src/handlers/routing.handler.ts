import {
  getInboxV1,
  getTemplateV1,
  listInboxesV1,
  listReferencesV1,
  listTemplatesV1,
  matchTemplateV1,
  saveInboxV1,
  saveReferenceV1,
  saveTemplateV1,
  searchTemplatesV1,
} from '@arende/contracts';
import type { RpcServer } from '@arende/messaging';
import type { InboxService } from '../services/inbox.service.js';
import type { MatchService } from '../services/match.service.js';
import type { ReferenceService } from '../services/reference.service.js';
import type { TemplateService } from '../services/template.service.js';

/** The NATS edge of routing. */
export class RoutingHandler {
  constructor(
    private readonly rpc: RpcServer,
    private readonly references: ReferenceService,
    private readonly templates: TemplateService,
    private readonly matching: MatchService,
    private readonly inboxes: InboxService,
  ) {}

  listen(): void {
    this.rpc
      .handle(saveReferenceV1, (data, ctx) => this.references.save(data, ctx))
      .handle(listReferencesV1, (data) => this.references.list(data))
      .handle(saveTemplateV1, (data, ctx) => this.templates.save(data, ctx))
      .handle(getTemplateV1, (data) => this.templates.get(data.id))
      .handle(listTemplatesV1, (data) => this.templates.list(data))
      .handle(searchTemplatesV1, (data) => this.matching.search(data))
      .handle(matchTemplateV1, (data) => this.matching.match(data))
      .handle(saveInboxV1, (data, ctx) => this.inboxes.save(data, ctx))
      .handle(getInboxV1, (data) => this.inboxes.get(data.id))
      .handle(listInboxesV1, (data) => this.inboxes.list(data));
  }
}
