import { type FormEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { SaveProblem } from './fields';
import { useLoad } from './load';
import { type FieldErrors, type Problem, problemOf } from './problem';

export interface Administered {
  id: string;
  version: number;
}

export interface EditorProps<F> {
  fields: F;
  onChange: (fields: F) => void;
  errors: FieldErrors;
  isNew: boolean;
  /** Prefix for the inputs' ids. */
  ids: string;
}

export interface AdminPageProps<T extends Administered, F> {
  title: string;
  /** GET answers `{ items }`; POST creates. */
  collection: string;
  /** GET (when the API has it) and PUT one; without GET the item comes from the listing. */
  itemPath: (id: string) => string;
  readsOne: boolean;
  nameOf: (item: T) => string;
  detailOf?: (item: T) => string;
  blank: () => F;
  fieldsOf: (item: T) => F;
  /** Text of the item that the search looks in (its name, by default). */
  searchOf?: (item: T) => string;
  Editor: (props: EditorProps<F>) => ReactNode;
  /** A prefix of the API's field paths that the form's fields do not have. */
  strip?: string;
  /** Something shown next to the editor that depends on its fields (the calendar's holidays). */
  aside?: (fields: F) => ReactNode;
}

/** The admin views' shape: a searchable list of items, and a form to create one or change the one chosen. */
export function AdminPage<T extends Administered, F>(props: AdminPageProps<T, F>) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const list = useLoad<{ items: T[] }>(api, `${props.collection}?includeInactive=true`);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<{ id: string | undefined; seq: number; item?: T } | undefined>();
  const [saved, setSaved] = useState<string | undefined>();

  const found = useMemo(() => {
    const words = query.trim().toLowerCase();
    const text = props.searchOf ?? props.nameOf;
    return (list.data?.items ?? []).filter((item) => words === '' || text(item).toLowerCase().includes(words));
  }, [list.data, query, props.searchOf, props.nameOf]);

  const choose = (id: string | undefined) => {
    setSaved(undefined);
    setChosen({ id, seq: Date.now() });
  };

  return (
    <>
      <p role="status" className="notice-line">
        {saved ?? ''}
      </p>
      <div className="admin-layout">
        <section className="admin-list" aria-labelledby={`${ids}-list`}>
          <h2 id={`${ids}-list`}>{t('admin.list', { what: props.title })}</h2>
          <div className="field">
            <label htmlFor={`${ids}-search`}>{t('admin.search')}</label>
            <input id={`${ids}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </div>
          <button type="button" className="primary" onClick={() => choose(undefined)}>
            {t('admin.new')}
          </button>
          {list.error !== undefined && <p role="alert">{problemOf(list.error, language).message}</p>}
          {list.data === undefined && list.error === undefined && <p>{t('app.loading')}</p>}
          <ul className="admin-items">
            {found.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="admin-item"
                  aria-pressed={chosen?.id === item.id}
                  onClick={() => choose(item.id)}
                >
                  <span>{props.nameOf(item)}</span>{' '}
                  {props.detailOf !== undefined && <span className="admin-item-detail">{props.detailOf(item)}</span>}
                </button>
              </li>
            ))}
          </ul>
          {list.data !== undefined && found.length === 0 && <p>{t('admin.none')}</p>}
        </section>
        {chosen !== undefined && (
          <ItemEditor
            key={`${chosen.id ?? 'new'}-${chosen.seq}`}
            page={props}
            id={chosen.id}
            listed={chosen.item ?? list.data?.items.find((item) => item.id === chosen.id)}
            fresh={chosen.item !== undefined}
            onSaved={(item) => {
              list.reload();
              setSaved(t('admin.saved', { name: props.nameOf(item) }));
              setChosen({ id: item.id, seq: Date.now(), item });
            }}
            onReload={() => {
              list.reload();
              choose(chosen.id);
            }}
          />
        )}
      </div>
    </>
  );
}

function ItemEditor<T extends Administered, F>({
  page,
  id,
  listed,
  fresh,
  onSaved,
  onReload,
}: {
  page: AdminPageProps<T, F>;
  id: string | undefined;
  /** The item as listed, or as just saved (`fresh`: no need to read it again). */
  listed: T | undefined;
  fresh: boolean;
  onSaved: (item: T) => void;
  onReload: () => void;
}) {
  const { api } = useSession();
  const reads = id !== undefined && page.readsOne && !fresh;
  const read = useLoad<T>(api, reads ? page.itemPath(id) : undefined);
  const item = id === undefined ? undefined : reads ? read.data : listed;
  if (id !== undefined && item === undefined) return <LoadingEditor error={read.error} />;
  // A newer version (the listing read again after a conflict) starts the form afresh.
  return <ItemForm key={item?.version ?? 0} page={page} item={item} onSaved={onSaved} onReload={onReload} />;
}

function LoadingEditor({ error }: { error: unknown }) {
  const { t, language } = useI18n();
  return error === undefined ? <p>{t('app.loading')}</p> : <p role="alert">{problemOf(error, language).message}</p>;
}

function ItemForm<T extends Administered, F>({
  page,
  item,
  onSaved,
  onReload,
}: {
  page: AdminPageProps<T, F>;
  item: T | undefined;
  onSaved: (item: T) => void;
  onReload: () => void;
}) {
  const { t, language } = useI18n();
  const { api } = useSession();
  const ids = useId();
  const [fields, setFields] = useState<F>(() => (item === undefined ? page.blank() : page.fieldsOf(item)));
  const [problem, setProblem] = useState<Problem | undefined>();
  const [saving, setSaving] = useState(false);
  const heading = item === undefined ? t('admin.create') : t('admin.edit', { name: page.nameOf(item) });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(undefined);
    try {
      const result =
        item === undefined
          ? await api.send<T>('POST', page.collection, fields)
          : await api.send<T>('PUT', page.itemPath(item.id), { ...fields, version: item.version });
      onSaved(result);
    } catch (e) {
      setProblem(problemOf(e, language, page.strip));
      setSaving(false);
    }
  };

  return (
    <section className="admin-editor" aria-labelledby={`${ids}-heading`}>
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <h2 id={`${ids}-heading`}>{heading}</h2>
        {item !== undefined && <p className="admin-version">{t('admin.version', { version: item.version })}</p>}
        <page.Editor
          fields={fields}
          onChange={setFields}
          errors={problem?.fields ?? {}}
          isNew={item === undefined}
          ids={ids}
        />
        <SaveProblem problem={problem} onReload={onReload} />
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            {t('admin.save')}
          </button>
        </div>
      </form>
      {page.aside?.(fields)}
    </section>
  );
}
