import { useEffect, useRef } from 'react';
import type { CaseView } from '@arende/contracts';

/** What the case card gives an action: the case as last read, and where to report what came of it. */
export interface ActionProps {
  caseView: CaseView;
  /** The case as the API answered after the action. */
  onChanged: (view: CaseView) => void;
  /** A line for the card's status region. */
  onNotice: (text: string) => void;
  /** A failure for the card's alert (a dialog shows its own). */
  onError: (text: string) => void;
}

/**
 * Runs `run` on Alt+<key> (`code` as in KeyboardEvent.code, e.g. `KeyL`) wherever the focus is, except while a
 * dialog is open: the dialog's own keys win there.
 */
export function useAltShortcut(code: string, run: () => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== code) return;
      if (document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [code]);
}
