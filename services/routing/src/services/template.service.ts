import type { DataSource, EntityManager } from 'typeorm';
import { uuidv7 } from 'uuidv7';
import {
  DomainError,
  type ReferenceKind,
  type Template,
  type saveTemplateV1,
  templateSavedV1,
} from '@arende/contracts';
import { Outbox, createEnvelope, type RpcContext } from '@arende/messaging';
import type { z } from 'zod';
import { patternError } from '../matching/rules.js';
import type { InboxRepository } from '../repositories/inbox.repository.js';
import type { ReferenceRepository } from '../repositories/reference.repository.js';
import type { TemplateRepository } from '../repositories/template.repository.js';
import {
  assertAdmin,
  assertNoUnknownReferences,
  assertVersion,
  nextVersion,
  type CommitListener,
  type UnknownReference,
} from './admin-rules.js';

type SaveTemplate = z.output<typeof saveTemplateV1.request>;

/** The template fields that name reference data routing owns, and the kind each must be. */
const REFERENCES: ReadonlyArray<[keyof Template, ReferenceKind]> = [
  ['caseTypeId', 'case-type'],
  ['categoryId', 'category'],
  ['areaId', 'area'],
  ['orgUnitId', 'org-unit'],
  ['servicePointId', 'service-point'],
  ['answerGroupId', 'answer-group'],
];

export class TemplateService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: TemplateRepository,
    private readonly references: ReferenceRepository,
    private readonly inboxes: InboxRepository,
    private readonly listener: CommitListener & { templatesChanged(): void },
    private readonly schema: string,
  ) {}

  async save(input: SaveTemplate, ctx: RpcContext): Promise<Template> {
    assertAdmin(ctx.actor, 'change templates');
    checkRules(input.rules);
    const { version, id: givenId, ...fields } = input;
    const id = givenId ?? uuidv7();
    const template = await this.dataSource.transaction(async (manager) => {
      const current = await this.templates.lock(manager, id);
      assertVersion('Template', id, current, version);
      await this.checkReferences(manager, input);
      const saved: Template = nextVersion(fields, id, current);
      await this.templates.save(manager, saved, ctx.actor.id);
      await Outbox.add(manager, createEnvelope(templateSavedV1, saved, ctx), this.schema);
      return saved;
    });
    this.listener.nudge();
    this.listener.templatesChanged();
    return template;
  }

  async get(id: string): Promise<Template> {
    const template = await this.templates.find(id);
    if (!template) throw new DomainError('ROUTING.NOT_FOUND', `No template ${id}`);
    return template;
  }

  async list(input: { includeInactive: boolean }): Promise<{ items: Template[] }> {
    return { items: await this.templates.list(input.includeInactive) };
  }

  private async checkReferences(manager: EntityManager, input: SaveTemplate): Promise<void> {
    const unknown: UnknownReference[] = [];
    for (const [field, kind] of REFERENCES) {
      const id = input[field as keyof SaveTemplate] as string | null;
      if (id !== null && !(await this.references.find(manager, kind, id))) unknown.push({ field, kind, id });
    }
    if (input.inboxId !== null && !(await this.inboxes.find(input.inboxId, manager))) {
      unknown.push({ field: 'inboxId', kind: 'inbox', id: input.inboxId });
    }
    assertNoUnknownReferences(unknown);
  }
}

/** Every regular expression must compile under RE2 before the template is saved. */
function checkRules(rules: SaveTemplate['rules']): void {
  const refused: Array<{ rule: number; condition: number; pattern: string; error: string }> = [];
  rules.forEach((rule, ruleIndex) =>
    rule.conditions.forEach((condition, conditionIndex) => {
      if (condition.match !== 'regex') return;
      const error = patternError(condition.pattern);
      if (error !== null)
        refused.push({ rule: ruleIndex, condition: conditionIndex, pattern: condition.pattern, error });
    }),
  );
  if (refused.length > 0) {
    throw new DomainError(
      'ROUTING.RULE_INVALID',
      `Regular expression refused: ${refused.map((r) => `/${r.pattern}/ (${r.error})`).join('; ')}`,
      { refused },
    );
  }
}
