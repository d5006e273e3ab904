import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The form's draft as the technician sees it: kept on this phone as they type, and a button to give
 * it up, which asks first (what was typed and photographed goes for good).
 */
export function DraftDiscard({ onDiscard }: { onDiscard: () => Promise<void> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="field-draft">
      <p className="muted">{t('Brouillon gardé sur ce téléphone à mesure que vous saisissez, même sans réseau.')}</p>
      {confirming ? (
        <div className="field-actions">
          <p>{t('Abandonner ce brouillon et ses photos ? Ce qui a été saisi sera perdu.')}</p>
          <button type="button" className="field-button danger" onClick={() => void onDiscard()}>
            {t('Oui, abandonner')}
          </button>
          <button type="button" className="field-button secondary" onClick={() => setConfirming(false)}>
            {t('Non, continuer')}
          </button>
        </div>
      ) : (
        <button type="button" className="field-link-button" onClick={() => setConfirming(true)}>
          {t('Abandonner le brouillon…')}
        </button>
      )}
    </div>
  );
}
