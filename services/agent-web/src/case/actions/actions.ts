import type { MessageKey } from '../../i18n';

/** The case card's actions that open a dialog of their own, with their shortcut (Alt + the key). */
export const CASE_ACTIONS = [
  { id: 'sms', code: 'KeyT', shortcut: 'Alt+T', label: 'actions.sms' },
  { id: 'phoneNote', code: 'KeyO', shortcut: 'Alt+O', label: 'actions.phoneNote' },
  { id: 'assign', code: 'KeyA', shortcut: 'Alt+A', label: 'actions.assign' },
  { id: 'priority', code: 'KeyP', shortcut: 'Alt+P', label: 'actions.priority' },
  { id: 'status', code: 'KeyU', shortcut: 'Alt+U', label: 'actions.status' },
] as const satisfies readonly { id: string; code: string; shortcut: string; label: MessageKey }[];

export type CaseAction = (typeof CASE_ACTIONS)[number]['id'];

/** The action whose shortcut is Alt + this key (`KeyboardEvent.code`), if any. */
export function actionOfKey(code: string): CaseAction | undefined {
  return CASE_ACTIONS.find((action) => action.code === code)?.id;
}

/** Actions that change the case itself, and so cannot be done on a closed one (its status can: reopen). */
export function availableWhenClosed(action: CaseAction): boolean {
  return action === 'sms' || action === 'status';
}
