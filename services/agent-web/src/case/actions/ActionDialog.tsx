import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A modal dialog of the case card: labelled by its heading, opened with the focus on the element marked
 * `data-autofocus` (else the first control), closed by Escape, by `onClose` and by the caller unmounting it.
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
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    // The dialog goes by unmounting (the card decides), which does not give the focus back as close() would.
    return () => opener?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      className={`action-dialog${className === undefined ? '' : ` ${className}`}`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </dialog>
  );
}
