import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A modal confirmation (the browser's <dialog>: focus kept inside, Escape cancels) showing what is
 * about to be sent, before a change that cannot be undone. When the last sending went `unsent`
 * (unanswered), the button sends the same attempt again and an alert says why that is safe.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  busy,
  unsent,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  confirmLabel: string;
  busy: boolean;
  unsent: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={heading}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={heading}>{title}</h2>
      {children}
      {unsent && (
        <p role="alert" className="state state-error">
          {t(
            'Le serveur n’a pas répondu : renvoyez la soumission. Si elle était déjà passée, elle ne sera pas faite deux fois.',
          )}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={onConfirm} disabled={busy}>
          {unsent ? t('Renvoyer la soumission') : confirmLabel}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('Annuler')}
        </button>
      </div>
    </dialog>
  );
}
