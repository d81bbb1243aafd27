import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * A modal dialog for a case action: opened on mount with the focus on its first control, named by its heading;
 * Escape (or `onClose`) closes it and the focus goes back to where it was.
 */
export function ActionDialog({
  title,
  onClose,
  children,
  className,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  // Where the focus was when the dialog was asked for (read once, before the dialog takes it).
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) {
      element.showModal();
      // Browsers differ on where showModal puts the focus without autofocus: on the first control, always.
      if (document.activeElement === element || !element.contains(document.activeElement)) {
        element.querySelector<HTMLElement>('button, input, select, textarea, a[href]')?.focus();
      }
    }
    return () => opener?.focus();
  }, [opener]);
  return (
    <dialog ref={dialog} aria-labelledby={`${ids}-title`} onClose={onClose} className={className}>
      <h2 id={`${ids}-title`}>{title}</h2>
      {children}
    </dialog>
  );
}
