import type { CaseTabDefinition } from './tab';
import { CustomerTab } from './CustomerTab';
import { EventLogTab } from './EventLogTab';
import { KnowledgeTab } from './KnowledgeTab';
import { MapTab } from './MapTab';
import { NotesTab } from './NotesTab';
import { RelatedTab } from './RelatedTab';
import { WarningsTab } from './WarningsTab';

/** The case card's tabs, in their order. A new tab is its panel's file, its words, and one line here. */
export const CASE_TABS: readonly CaseTabDefinition[] = [
  { id: 'customer', label: 'tabs.customer', Panel: CustomerTab },
  { id: 'warnings', label: 'tabs.warnings', Panel: WarningsTab },
  { id: 'related', label: 'tabs.related', Panel: RelatedTab },
  { id: 'notes', label: 'tabs.notes', Panel: NotesTab, shortcut: { code: 'KeyZ', keys: 'Alt+Z' } },
  { id: 'events', label: 'tabs.events', Panel: EventLogTab },
  { id: 'map', label: 'tabs.map', Panel: MapTab, shortcut: { code: 'KeyY', keys: 'Alt+Y' } },
  { id: 'knowledge', label: 'tabs.knowledge', Panel: KnowledgeTab, shortcut: { code: 'KeyH', keys: 'Alt+H' } },
];
