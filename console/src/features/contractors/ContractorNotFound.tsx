import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What a contractor's pages (its page, its edit form) show for an id that is no contractor the viewer may see. */
export function ContractorNotFound({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('Contractant introuvable')}</h1>
      <p>
        {t('Aucun contractant n’a l’identifiant « {{id}} », ou il est hors de votre périmètre.', { id })}{' '}
        <Link to="/contractants">{t('Retour aux contractants')}</Link>
      </p>
    </section>
  );
}
