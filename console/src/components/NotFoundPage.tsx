import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An address that is no page of the console. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('Page introuvable')}</h1>
      <p>
        {t('Cette adresse ne correspond à aucune page.')} <Link to="/wilayas">{t('Retour aux wilayas')}</Link>
      </p>
    </section>
  );
}
