import type { ComponentType } from 'react';
import type { CaseView } from '@arende/contracts';
import type { MessageKey } from '../../i18n';

/** What every tab of the case card is given. */
export interface CaseTabProps {
  /** The case as the card last read it; a new object whenever the card reads it again (tabs reload then). */
  caseView: CaseView;
  /**
   * The tab changed something the rest of the card shows (the timeline, the event log): read it again, or take
   * `view`, the case as the API answered the change.
   */
  onChanged: (view?: CaseView) => void;
  /** Counts the presses of the tab's shortcut: the tab puts the focus where the shortcut promises. */
  summoned: number;
}

/** One tab: its id (remembered for the session), its label, what it shows, and an optional shortcut. */
export interface CaseTabDefinition {
  id: string;
  label: MessageKey;
  Panel: ComponentType<CaseTabProps>;
  /** Alt+<letter> anywhere on the card opens the tab and summons it; `code` is the key's KeyboardEvent.code. */
  shortcut?: { code: string; keys: string };
}
