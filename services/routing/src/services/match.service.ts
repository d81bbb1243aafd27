import type { MatchInputSchema, ReferenceItem, Template } from '@arende/contracts';
import type { Logger } from '@arende/observability';
import type { z } from 'zod';
import { CompiledRules, type MatchOutcome } from '../matching/rules.js';
import { wordsOf } from '../matching/words.js';
import type { ReferenceRepository } from '../repositories/reference.repository.js';
import type { TemplateRepository } from '../repositories/template.repository.js';

/**
 * Matches messages against the compiled rules of every active template. The rules are compiled once and kept
 * until a template changes: at once on this replica, within the refresh interval on the others.
 */
export class MatchService {
  private compiled: Promise<{ rules: CompiledRules; templates: Template[] }> | undefined;
  private fingerprint = '';

  constructor(
    private readonly templates: TemplateRepository,
    private readonly references: ReferenceRepository,
    private readonly logger: Logger,
  ) {}

  async match(input: z.output<typeof MatchInputSchema>): Promise<MatchOutcome> {
    const { rules } = await this.current();
    const outcome = rules.match(input);
    // Rules that did not compile were logged once when compiled; a rule that fails on a message is logged here.
    if (outcome.skipped.length > rules.broken.length) {
      const failed = outcome.skipped.filter((skip) => !rules.broken.some((broken) => broken === skip));
      if (failed.length > 0) this.logger.warn({ skipped: failed }, 'Matching rules failed and were skipped');
    }
    return outcome;
  }

  /** Case types and templates for quick registration: a word of their name, title or keywords starts with q. */
  async search(input: { q: string; limit: number }): Promise<{ caseTypes: ReferenceItem[]; templates: Template[] }> {
    const prefix = wordsOf(input.q).join(' ');
    const caseTypes = prefix === '' ? [] : await this.references.caseTypesStartingWith(prefix, input.limit);
    const caseTypeIds = new Set(caseTypes.map((caseType) => caseType.id));
    const { templates } = await this.current();
    const found = templates.filter(
      (template) =>
        (template.caseTypeId !== null && caseTypeIds.has(template.caseTypeId)) ||
        wordsOf(template.title).some((word) => word.startsWith(prefix)) ||
        template.rules.some((rule) =>
          rule.conditions.some(
            (condition) =>
              condition.match === 'keywords' && condition.keywords.some((keyword) => keyword.startsWith(prefix)),
          ),
        ),
    );
    return { caseTypes, templates: found.slice(0, input.limit) };
  }

  /** Drops the compiled rules; the next match compiles them again. */
  templatesChanged(): void {
    this.compiled = undefined;
  }

  /** Recompiles when another replica has changed a template since the last look. */
  async refresh(): Promise<void> {
    if ((await this.templates.fingerprint()) !== this.fingerprint) this.compiled = undefined;
  }

  private current(): Promise<{ rules: CompiledRules; templates: Template[] }> {
    this.compiled ??= this.compile().catch((error: unknown) => {
      this.compiled = undefined;
      throw error;
    });
    return this.compiled;
  }

  private async compile(): Promise<{ rules: CompiledRules; templates: Template[] }> {
    const fingerprint = await this.templates.fingerprint();
    const templates = await this.templates.list(false);
    const rules = new CompiledRules(templates);
    this.fingerprint = fingerprint;
    for (const broken of rules.broken) this.logger.error(broken, 'Matching rule does not compile; it is skipped');
    return { rules, templates };
  }
}
