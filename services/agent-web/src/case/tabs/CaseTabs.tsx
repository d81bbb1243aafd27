import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import type { CaseView } from '@arende/contracts';
import { useI18n } from '../../i18n';
import type { CaseTabDefinition } from './tab';
import { CASE_TABS } from './tab-list';
import { rememberedTab, tabIndexForKey } from './tab-keys';

// The chosen tab stays chosen for the browser tab's session, from case to case.
const STORAGE_KEY = 'arende.caseTab';

/**
 * The case card's tabs below its panels (WAI-ARIA tabs: arrows, Home and End move between the tabs and
 * choose; Tab goes into the chosen panel). A tab's panel is mounted the first time it is chosen and then kept,
 * so a half-written note survives a look at another tab. A tab's shortcut works anywhere on the card.
 */
export function CaseTabs({
  caseView,
  onChanged,
  tabs = CASE_TABS,
}: {
  caseView: CaseView;
  onChanged: (view?: CaseView) => void;
  tabs?: readonly CaseTabDefinition[];
}) {
  const { t } = useI18n();
  const ids = useId();
  const [selected, setSelected] = useState(() =>
    rememberedTab(
      window.sessionStorage.getItem(STORAGE_KEY),
      tabs.map((tab) => tab.id),
    ),
  );
  const [visited, setVisited] = useState<ReadonlySet<string | undefined>>(() => new Set([selected]));
  const [summons, setSummons] = useState<Readonly<Record<string, number>>>({});
  const tabButtons = useRef(new Map<string, HTMLButtonElement>());

  const choose = (id: string, focus: boolean) => {
    setSelected(id);
    window.sessionStorage.setItem(STORAGE_KEY, id);
    setVisited((seen) => (seen.has(id) ? seen : new Set([...seen, id])));
    if (focus) tabButtons.current.get(id)?.focus();
  };

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const next = tabIndexForKey(event.key, index, tabs.length);
    if (next === undefined) return;
    event.preventDefault();
    choose(tabs[next].id, true);
  };

  const onShortcut = useRef<(event: globalThis.KeyboardEvent) => void>(() => undefined);
  onShortcut.current = (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || document.querySelector('dialog[open]') !== null) return;
    const tab = tabs.find((candidate) => candidate.shortcut?.code === event.code);
    if (tab === undefined) return;
    event.preventDefault();
    choose(tab.id, false);
    setSummons((counts) => ({ ...counts, [tab.id]: (counts[tab.id] ?? 0) + 1 }));
  };
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent) => onShortcut.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  const tabId = (id: string) => `${ids}-tab-${id}`;
  const panelId = (id: string) => `${ids}-panel-${id}`;
  return (
    <section className="case-tabs" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} className="visually-hidden">
        {t('tabs.heading')}
      </h2>
      <div role="tablist" aria-labelledby={`${ids}-heading`} className="tab-list">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element === null) tabButtons.current.delete(tab.id);
              else tabButtons.current.set(tab.id, element);
            }}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            aria-selected={tab.id === selected}
            aria-controls={panelId(tab.id)}
            aria-keyshortcuts={tab.shortcut?.keys}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => choose(tab.id, false)}
            onKeyDown={(event) => onTabKey(event, index)}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      {tabs.map(({ id, Panel }) => (
        <div
          key={id}
          role="tabpanel"
          id={panelId(id)}
          aria-labelledby={tabId(id)}
          hidden={id !== selected}
          tabIndex={0}
          className="tab-panel"
        >
          {visited.has(id) && <Panel caseView={caseView} onChanged={onChanged} summoned={summons[id] ?? 0} />}
        </div>
      ))}
    </section>
  );
}
