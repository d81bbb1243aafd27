import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * The modal dialog of a case action: labelled by its heading, the focus inside (on the first field, or the one
 * marked autoFocus), Escape closes it. `children` gets `close`, which closes it as Escape does (then `onClose`).
 */
export function ActionDialog({
  title,
  className,
  onClose,
  children,
}: {
  title: string;
  className: string;
  onClose: () => void;
  children: (close: () => void) => ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `${useId()}-title`;

  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
  }, []);

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
      className={`action-dialog ${className}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <h2 id={titleId}>{title}</h2>
      {children(close)}
    </dialog>
  );
}
