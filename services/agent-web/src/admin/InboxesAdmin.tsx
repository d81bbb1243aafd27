import { ASSIGNMENT_MODES, INBOX_KINDS, type Inbox, type InboxFields } from '@arende/contracts';
import { type MessageKey, useI18n } from '../i18n';
import { useSession } from '../session';
import { AdminPage, type EditorProps } from './AdminPage';
import { CheckboxField, NumberField, SelectField, TextField } from './fields';
import { referencePath, useOptions } from './options';

const blank = (): InboxFields => ({
  name: '',
  kind: 'work_group',
  assignmentMode: 'pick_own',
  group: '/inbox/',
  orgUnitId: null,
  servicePointId: null,
  externalOrganisationId: null,
  ownerId: null,
  email: null,
  acknowledgeMinutes: null,
  customerContactMinutes: null,
  active: true,
});

function fieldsOf(inbox: Inbox): InboxFields {
  const { id: _id, version: _version, updatedAt: _updatedAt, ...fields } = inbox;
  return fields;
}

const orNull = (value: string) => (value.trim() === '' ? null : value);

function InboxEditor({ fields, onChange, errors, ids }: EditorProps<InboxFields>) {
  const { t } = useI18n();
  const { api } = useSession();
  const orgUnits = useOptions(api, referencePath('org-unit'));
  const servicePoints = useOptions(api, referencePath('service-point'));
  const set = <K extends keyof InboxFields>(key: K, value: InboxFields[K]) => onChange({ ...fields, [key]: value });
  return (
    <>
      <TextField
        id={`${ids}-name`}
        label={t('admin.inbox.name')}
        required
        value={fields.name}
        error={errors.name}
        onChange={(value) => set('name', value)}
      />
      <SelectField
        id={`${ids}-kind`}
        label={t('admin.inbox.kind')}
        value={fields.kind}
        options={INBOX_KINDS.map((k) => ({ value: k, label: t(`admin.inbox.kind.${k}` as MessageKey) }))}
        error={errors.kind}
        onChange={(value) => set('kind', value as InboxFields['kind'])}
      />
      <SelectField
        id={`${ids}-mode`}
        label={t('admin.inbox.assignmentMode')}
        value={fields.assignmentMode}
        options={ASSIGNMENT_MODES.map((m) => ({ value: m, label: t(`admin.inbox.mode.${m}` as MessageKey) }))}
        error={errors.assignmentMode}
        onChange={(value) => set('assignmentMode', value as InboxFields['assignmentMode'])}
      />
      <TextField
        id={`${ids}-group`}
        label={t('admin.inbox.group')}
        hint={t('admin.inbox.groupHint')}
        value={fields.group}
        error={errors.group}
        onChange={(value) => set('group', value)}
      />
      <NumberField
        id={`${ids}-ack`}
        label={t('admin.inbox.acknowledgeMinutes')}
        hint={t('admin.inbox.platformLimit')}
        min={1}
        value={fields.acknowledgeMinutes}
        error={errors.acknowledgeMinutes}
        onChange={(value) => set('acknowledgeMinutes', value)}
      />
      <NumberField
        id={`${ids}-contact`}
        label={t('admin.inbox.customerContactMinutes')}
        hint={t('admin.inbox.platformLimit')}
        min={1}
        value={fields.customerContactMinutes}
        error={errors.customerContactMinutes}
        onChange={(value) => set('customerContactMinutes', value)}
      />
      <SelectField
        id={`${ids}-org`}
        label={t('admin.template.orgUnitId')}
        value={fields.orgUnitId}
        none={t('admin.none.choice')}
        options={orgUnits}
        error={errors.orgUnitId}
        onChange={(value) => set('orgUnitId', value)}
      />
      <SelectField
        id={`${ids}-sp`}
        label={t('admin.template.servicePointId')}
        value={fields.servicePointId}
        none={t('admin.none.choice')}
        options={servicePoints}
        error={errors.servicePointId}
        onChange={(value) => set('servicePointId', value)}
      />
      <TextField
        id={`${ids}-email`}
        label={t('admin.inbox.email')}
        type="email"
        value={fields.email ?? ''}
        error={errors.email}
        onChange={(value) => set('email', orNull(value))}
      />
      {fields.kind === 'external_party' && (
        <TextField
          id={`${ids}-external`}
          label={t('admin.inbox.externalOrganisationId')}
          value={fields.externalOrganisationId ?? ''}
          error={errors.externalOrganisationId}
          onChange={(value) => set('externalOrganisationId', orNull(value))}
        />
      )}
      {fields.kind === 'personal' && (
        <TextField
          id={`${ids}-owner`}
          label={t('admin.inbox.ownerId')}
          value={fields.ownerId ?? ''}
          error={errors.ownerId}
          onChange={(value) => set('ownerId', orNull(value))}
        />
      )}
      <CheckboxField
        id={`${ids}-active`}
        label={t('admin.active')}
        checked={fields.active}
        onChange={(value) => set('active', value)}
      />
    </>
  );
}

export function InboxesAdmin() {
  const { t } = useI18n();
  return (
    <AdminPage<Inbox, InboxFields>
      title={t('admin.inboxes')}
      collection="/api/v1/inboxes"
      itemPath={(id) => `/api/v1/inboxes/${encodeURIComponent(id)}`}
      readsOne
      nameOf={(inbox) => inbox.name}
      detailOf={(inbox) =>
        `${t(`admin.inbox.kind.${inbox.kind}` as MessageKey)}${inbox.active ? '' : ` · ${t('admin.inactive')}`}`
      }
      blank={blank}
      fieldsOf={fieldsOf}
      Editor={InboxEditor}
    />
  );
}
