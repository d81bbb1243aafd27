import { useId, useState } from 'react';
import type { ReferenceItem, ReferenceKind } from '@arende/contracts';
import { type MessageKey, useI18n } from '../i18n';
import { useSession } from '../session';
import { AdminPage, type EditorProps } from './AdminPage';
import { CheckboxField, SelectField, TextField } from './fields';
import { referencePath, useOptions } from './options';

/** The kinds of reference data this view administers (service points and answer groups come with the catalogue). */
const KINDS = ['case-type', 'category', 'area', 'org-unit'] as const satisfies readonly ReferenceKind[];
type Kind = (typeof KINDS)[number];

type ReferenceFields = Pick<ReferenceItem, 'name' | 'description' | 'instruction' | 'orgLevel' | 'parentId' | 'active'>;

const blank = (): ReferenceFields => ({
  name: '',
  description: '',
  instruction: '',
  orgLevel: null,
  parentId: null,
  active: true,
});

const fieldsOf = ({ name, description, instruction, orgLevel, parentId, active }: ReferenceItem): ReferenceFields => ({
  name,
  description,
  instruction,
  orgLevel,
  parentId,
  active,
});

function editorFor(kind: Kind) {
  return function ReferenceEditor({ fields, onChange, errors, ids }: EditorProps<ReferenceFields>) {
    const { t } = useI18n();
    const { api } = useSession();
    const departments = useOptions(api, referencePath('org-unit'));
    const set = <K extends keyof ReferenceFields>(key: K, value: ReferenceFields[K]) =>
      onChange({ ...fields, [key]: value });
    return (
      <>
        <TextField
          id={`${ids}-name`}
          label={t('admin.reference.name')}
          required
          value={fields.name}
          error={errors.name}
          onChange={(value) => set('name', value)}
        />
        <TextField
          id={`${ids}-description`}
          label={t('admin.reference.description')}
          rows={2}
          value={fields.description}
          error={errors.description}
          onChange={(value) => set('description', value)}
        />
        {kind === 'case-type' && (
          <TextField
            id={`${ids}-instruction`}
            label={t('admin.reference.instruction')}
            hint={t('admin.reference.instructionHint')}
            rows={4}
            value={fields.instruction}
            error={errors.instruction}
            onChange={(value) => set('instruction', value)}
          />
        )}
        {kind === 'org-unit' && (
          <>
            <SelectField
              id={`${ids}-level`}
              label={t('admin.reference.orgLevel')}
              value={fields.orgLevel}
              none={t('admin.none.choice')}
              options={[
                { value: 'department', label: t('admin.reference.department') },
                { value: 'unit', label: t('admin.reference.unit') },
              ]}
              error={errors.orgLevel}
              onChange={(value) => set('orgLevel', value as ReferenceFields['orgLevel'])}
            />
            <SelectField
              id={`${ids}-parent`}
              label={t('admin.reference.parent')}
              value={fields.parentId}
              none={t('admin.none.choice')}
              options={departments}
              error={errors.parentId}
              onChange={(value) => set('parentId', value)}
            />
          </>
        )}
        <CheckboxField
          id={`${ids}-active`}
          label={t('admin.active')}
          hint={t('admin.reference.activeHint')}
          checked={fields.active}
          onChange={(value) => set('active', value)}
        />
      </>
    );
  };
}

const EDITORS = Object.fromEntries(KINDS.map((kind) => [kind, editorFor(kind)])) as Record<
  Kind,
  ReturnType<typeof editorFor>
>;

/** Case types and the other reference data a case is registered with: list, create, change, deactivate. */
export function ReferenceAdmin() {
  const { t } = useI18n();
  const ids = useId();
  const [kind, setKind] = useState<Kind>('case-type');
  return (
    <>
      <div className="field admin-kind">
        <label htmlFor={`${ids}-kind`}>{t('admin.reference.kind')}</label>
        <select id={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`admin.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <AdminPage<ReferenceItem, ReferenceFields>
        key={kind}
        title={t(`admin.kind.${kind}` as MessageKey)}
        collection={referencePath(kind)}
        itemPath={(id) => `${referencePath(kind)}/${encodeURIComponent(id)}`}
        readsOne={false}
        nameOf={(item) => item.name}
        detailOf={(item) => (item.active ? item.id : `${item.id} · ${t('admin.inactive')}`)}
        blank={blank}
        fieldsOf={fieldsOf}
        Editor={EDITORS[kind]}
      />
    </>
  );
}
