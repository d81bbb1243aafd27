import type { CaseView } from '@arende/contracts';
import type { CaseRegistration, CaseService, RequestContext } from './case.service.js';
import type { CaseRoutingService } from './case-routing.service.js';
import { applyTemplate } from './template-defaults.js';

/**
 * Quick registration: a registration naming a template gets every field it leaves out from that template
 * (one round trip to routing, only when a templateId is given).
 */
export class TemplateRegistrationService {
  constructor(
    private readonly cases: CaseService,
    private readonly routing: Pick<CaseRoutingService, 'template'>,
  ) {}

  async register(input: CaseRegistration, ctx: RequestContext): Promise<CaseView> {
    if (input.templateId === undefined || input.templateId === null) return this.cases.register(input, ctx);
    const template = await this.routing.template(input.templateId, ctx);
    return this.cases.register(applyTemplate(input, template), ctx);
  }
}
