import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

/**
 * The modal dialog of a case action, named by its heading. It opens with the focus on the element marked
 * `data-autofocus` or `autoFocus`, else on its first control; Escape closes it, and when it goes the focus goes
 * back to where it was. `children` may be a function given `close`, which closes it as Escape does.
 */
export function ActionDialog({
  title,
  onClose,
  children,
  className,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode | ((close: () => void) => ReactNode);
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
      const preferred = element.querySelector<HTMLElement>('[data-autofocus]');
      if (preferred !== null) preferred.focus();
      // Browsers differ on where showModal puts the focus without autofocus: on the first control, always.
      else if (document.activeElement === element || !element.contains(document.activeElement)) {
        element.querySelector<HTMLElement>('button, input, select, textarea, a[href]')?.focus();
      }
    }
    // The dialog may go by unmounting, which does not give the focus back as close() would.
    return () => opener?.focus();
  }, [opener]);

  const close = () => dialog.current?.close();
  const onKeyDown = (event: KeyboardEvent) => {
    // Escape closes even before the page had any user activation (Chromium then ignores it on a modal dialog).
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${ids}-title`}
      className={`action-dialog${className === undefined ? '' : ` ${className}`}`}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <h2 id={`${ids}-title`}>{title}</h2>
      {typeof children === 'function' ? children(close) : children}
    </dialog>
  );
}
