import type { CasePriority, CaseStatus, MatchRule, Template, TemplateFields } from '@arende/contracts';
import { type MessageKey, useI18n } from '../i18n';
import { useSession } from '../session';
import { AdminPage, type EditorProps } from './AdminPage';
import { CheckboxField, NumberField, Section, SelectField, TextField, TextListField, WordsField } from './fields';
import { CALENDARS_PATH, INBOXES_PATH, referencePath, useOptions } from './options';
import { RulesField } from './RulesField';

const STATUSES: readonly CaseStatus[] = ['new', 'open', 'waiting_for_customer', 'with_external', 'parked', 'closed'];
const PRIORITIES: readonly CasePriority[] = ['normal', 'prioritised', 'urgent'];

function blank(): TemplateFields {
  return {
    title: '',
    position: 0,
    active: true,
    caseTypeId: null,
    categoryId: null,
    areaId: null,
    orgUnitId: null,
    servicePointId: null,
    answerGroupId: null,
    inboxId: null,
    description: '',
    solutionText: '',
    alternativeSolutionTexts: [],
    sla: {
      responseMinutes: null,
      resolutionHours: null,
      calendarId: null,
      feedbackHours: null,
      customerReminderDays: null,
      closeUnansweredDays: null,
      acknowledgeMinutes: null,
      customerContactMinutes: null,
    },
    defaultStatus: 'new',
    defaultPriority: 'normal',
    steps: [],
    closeAtOnce: false,
    alarm: { enabled: false, keywords: [] },
    customerNotices: { onRegistration: false, onClose: false },
    rules: [],
  };
}

function fieldsOf(template: Template): TemplateFields {
  const { id: _id, version: _version, updatedAt: _updatedAt, ...fields } = template;
  return fields;
}

type Sla = TemplateFields['sla'];
const SLA_NUMBERS: readonly (keyof Sla & `${string}${'Minutes' | 'Hours' | 'Days'}`)[] = [
  'responseMinutes',
  'resolutionHours',
  'feedbackHours',
  'acknowledgeMinutes',
  'customerContactMinutes',
  'customerReminderDays',
  'closeUnansweredDays',
];

function TemplateEditor({ fields, onChange, errors, ids }: EditorProps<TemplateFields>) {
  const { t } = useI18n();
  const { api } = useSession();
  const caseTypes = useOptions(api, referencePath('case-type'));
  const categories = useOptions(api, referencePath('category'));
  const areas = useOptions(api, referencePath('area'));
  const orgUnits = useOptions(api, referencePath('org-unit'));
  const servicePoints = useOptions(api, referencePath('service-point'));
  const answerGroups = useOptions(api, referencePath('answer-group'));
  const inboxes = useOptions(api, INBOXES_PATH);
  const calendars = useOptions(api, CALENDARS_PATH);
  const set = <K extends keyof TemplateFields>(key: K, value: TemplateFields[K]) =>
    onChange({ ...fields, [key]: value });
  const setSla = <K extends keyof Sla>(key: K, value: Sla[K]) => set('sla', { ...fields.sla, [key]: value });
  const none = t('admin.none.choice');
  const reference = (
    key: 'caseTypeId' | 'categoryId' | 'areaId' | 'orgUnitId' | 'servicePointId' | 'answerGroupId' | 'inboxId',
    options: typeof caseTypes,
  ) => (
    <SelectField
      id={`${ids}-${key}`}
      label={t(`admin.template.${key}` as MessageKey)}
      value={fields[key]}
      options={options}
      none={none}
      error={errors[key]}
      onChange={(value) => set(key, value)}
    />
  );

  return (
    <>
      <Section title={t('admin.template.basics')}>
        <TextField
          id={`${ids}-title`}
          label={t('admin.template.title')}
          required
          value={fields.title}
          error={errors.title}
          onChange={(value) => set('title', value)}
        />
        <TextField
          id={`${ids}-description`}
          label={t('admin.template.description')}
          rows={3}
          value={fields.description}
          error={errors.description}
          onChange={(value) => set('description', value)}
        />
        <NumberField
          id={`${ids}-position`}
          label={t('admin.template.position')}
          hint={t('admin.template.positionHint')}
          value={fields.position}
          error={errors.position}
          onChange={(value) => set('position', value ?? 0)}
        />
        <CheckboxField
          id={`${ids}-active`}
          label={t('admin.active')}
          checked={fields.active}
          onChange={(value) => set('active', value)}
        />
      </Section>
      <Section title={t('admin.template.registration')}>
        {reference('caseTypeId', caseTypes)}
        {reference('categoryId', categories)}
        {reference('areaId', areas)}
        {reference('orgUnitId', orgUnits)}
        {reference('servicePointId', servicePoints)}
        {reference('answerGroupId', answerGroups)}
        {reference('inboxId', inboxes)}
        <SelectField
          id={`${ids}-status`}
          label={t('admin.template.defaultStatus')}
          value={fields.defaultStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) }))}
          error={errors.defaultStatus}
          onChange={(value) => set('defaultStatus', (value ?? 'new') as CaseStatus)}
        />
        <SelectField
          id={`${ids}-priority`}
          label={t('admin.template.defaultPriority')}
          value={fields.defaultPriority}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}` as MessageKey) }))}
          error={errors.defaultPriority}
          onChange={(value) => set('defaultPriority', (value ?? 'normal') as CasePriority)}
        />
        <CheckboxField
          id={`${ids}-closeAtOnce`}
          label={t('admin.template.closeAtOnce')}
          checked={fields.closeAtOnce}
          onChange={(value) => set('closeAtOnce', value)}
        />
      </Section>
      <Section title={t('admin.template.sla')}>
        <SelectField
          id={`${ids}-calendar`}
          label={t('admin.template.sla.calendarId')}
          value={fields.sla.calendarId}
          options={calendars}
          none={t('admin.template.defaultCalendar')}
          error={errors['sla.calendarId']}
          onChange={(value) => setSla('calendarId', value)}
        />
        {SLA_NUMBERS.map((key) => (
          <NumberField
            key={key}
            id={`${ids}-sla-${key}`}
            label={t(`admin.template.sla.${key}` as MessageKey)}
            min={1}
            value={fields.sla[key]}
            error={errors[`sla.${key}`]}
            onChange={(value) => setSla(key, value)}
          />
        ))}
      </Section>
      <Section title={t('admin.template.customer')}>
        <CheckboxField
          id={`${ids}-onRegistration`}
          label={t('admin.template.notifyOnRegistration')}
          checked={fields.customerNotices.onRegistration}
          onChange={(value) => set('customerNotices', { ...fields.customerNotices, onRegistration: value })}
        />
        <CheckboxField
          id={`${ids}-onClose`}
          label={t('admin.template.notifyOnClose')}
          checked={fields.customerNotices.onClose}
          onChange={(value) => set('customerNotices', { ...fields.customerNotices, onClose: value })}
        />
        <TextField
          id={`${ids}-solution`}
          label={t('admin.template.solutionText')}
          rows={3}
          value={fields.solutionText}
          error={errors.solutionText}
          onChange={(value) => set('solutionText', value)}
        />
        <TextListField
          id={`${ids}-alternatives`}
          label={t('admin.template.alternatives')}
          itemLabel={(n) => t('admin.template.alternative', { n })}
          value={fields.alternativeSolutionTexts}
          errors={errors}
          path="alternativeSolutionTexts"
          onChange={(value) => set('alternativeSolutionTexts', value)}
        />
      </Section>
      <TextListField
        id={`${ids}-steps`}
        label={t('admin.template.steps')}
        itemLabel={(n) => t('admin.template.step', { n })}
        value={fields.steps}
        errors={errors}
        path="steps"
        onChange={(value) => set('steps', value)}
      />
      <Section title={t('admin.template.alarm')}>
        <CheckboxField
          id={`${ids}-alarm`}
          label={t('admin.template.alarmEnabled')}
          checked={fields.alarm.enabled}
          onChange={(value) => set('alarm', { ...fields.alarm, enabled: value })}
        />
        <WordsField
          id={`${ids}-alarm-keywords`}
          label={t('admin.template.alarmKeywords')}
          hint={t('admin.commaSeparated')}
          value={fields.alarm.keywords}
          error={errors['alarm.keywords'] ?? errors['alarm.keywords.0']}
          onChange={(value) => set('alarm', { ...fields.alarm, keywords: value })}
        />
      </Section>
      <RulesField
        ids={`${ids}-rules`}
        rules={fields.rules}
        errors={errors}
        onChange={(rules: MatchRule[]) => set('rules', rules)}
      />
    </>
  );
}

export function TemplatesAdmin() {
  const { t } = useI18n();
  return (
    <AdminPage<Template, TemplateFields>
      title={t('admin.templates')}
      collection="/api/v1/templates"
      itemPath={(id) => `/api/v1/templates/${encodeURIComponent(id)}`}
      readsOne
      nameOf={(template) => template.title}
      detailOf={(template) => (template.active ? template.id : `${template.id} · ${t('admin.inactive')}`)}
      blank={blank}
      fieldsOf={fieldsOf}
      Editor={TemplateEditor}
    />
  );
}
