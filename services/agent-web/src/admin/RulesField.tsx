import { MATCH_FIELDS, type MatchCondition, type MatchRule } from '@arende/contracts';
import { type MessageKey, useI18n } from '../i18n';
import { SelectField, TextField, WordsField } from './fields';
import type { FieldErrors } from './problem';

const newCondition = (): MatchCondition => ({ field: 'subject', match: 'keywords', keywords: [] });

/** A template's matching rules: every condition of a rule must hold; a rule is keywords or an RE2 pattern. */
export function RulesField({
  ids,
  rules,
  errors,
  onChange,
}: {
  ids: string;
  rules: readonly MatchRule[];
  errors: FieldErrors;
  onChange: (rules: MatchRule[]) => void;
}) {
  const { t } = useI18n();
  const setRule = (index: number, rule: MatchRule) => onChange(rules.map((old, i) => (i === index ? rule : old)));
  return (
    <fieldset className="admin-fieldset">
      <legend>{t('admin.rules')}</legend>
      {rules.map((rule, r) => {
        const ruleLabel = t('admin.rule', { n: r + 1 });
        const setCondition = (index: number, condition: MatchCondition) =>
          setRule(r, { ...rule, conditions: rule.conditions.map((old, i) => (i === index ? condition : old)) });
        return (
          <fieldset key={r} className="admin-fieldset">
            <legend>{ruleLabel}</legend>
            <TextField
              id={`${ids}-${r}-name`}
              label={t('admin.rule.name')}
              value={rule.name}
              error={errors[`rules.${r}.name`]}
              onChange={(name) => setRule(r, { ...rule, name })}
            />
            {errors[`rules.${r}.conditions`] !== undefined && (
              <p className="field-error">{errors[`rules.${r}.conditions`]}</p>
            )}
            {rule.conditions.map((condition, c) => {
              const path = `rules.${r}.conditions.${c}`;
              const id = `${ids}-${r}-${c}`;
              const conditionLabel = t('admin.rule.condition', { n: c + 1 });
              return (
                <div key={c} className="admin-condition" role="group" aria-label={`${ruleLabel}, ${conditionLabel}`}>
                  <SelectField
                    id={`${id}-field`}
                    label={t('admin.rule.field')}
                    value={condition.field}
                    options={MATCH_FIELDS.map((f) => ({ value: f, label: t(`admin.rule.field.${f}` as MessageKey) }))}
                    onChange={(field) => setCondition(c, { ...condition, field: field as MatchCondition['field'] })}
                  />
                  <SelectField
                    id={`${id}-match`}
                    label={t('admin.rule.match')}
                    value={condition.match}
                    options={[
                      { value: 'keywords', label: t('admin.rule.keywords') },
                      { value: 'regex', label: t('admin.rule.regex') },
                    ]}
                    onChange={(match) =>
                      setCondition(
                        c,
                        match === 'regex'
                          ? { field: condition.field, match: 'regex', pattern: '' }
                          : { field: condition.field, match: 'keywords', keywords: [] },
                      )
                    }
                  />
                  {condition.match === 'keywords' ? (
                    <WordsField
                      id={`${id}-keywords`}
                      label={t('admin.rule.keywords')}
                      hint={t('admin.rule.keywordsHint')}
                      value={condition.keywords}
                      error={errors[`${path}.keywords`] ?? errors[`${path}.keywords.0`]}
                      onChange={(keywords) => setCondition(c, { ...condition, keywords })}
                    />
                  ) : (
                    <TextField
                      id={`${id}-pattern`}
                      label={t('admin.rule.pattern')}
                      value={condition.pattern}
                      error={errors[`${path}.pattern`]}
                      onChange={(pattern) => setCondition(c, { ...condition, pattern })}
                    />
                  )}
                  <button
                    type="button"
                    onClick={() => setRule(r, { ...rule, conditions: rule.conditions.filter((_, i) => i !== c) })}
                  >
                    {t('admin.remove', { what: conditionLabel.toLowerCase() })}
                  </button>
                </div>
              );
            })}
            <div className="actions">
              <button
                type="button"
                onClick={() => setRule(r, { ...rule, conditions: [...rule.conditions, newCondition()] })}
              >
                {t('admin.rule.addCondition')}
              </button>
              <button type="button" onClick={() => onChange(rules.filter((_, i) => i !== r))}>
                {t('admin.remove', { what: ruleLabel.toLowerCase() })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...rules, { name: '', conditions: [newCondition()] }])}>
        {t('admin.rule.add')}
      </button>
    </fieldset>
  );
}
