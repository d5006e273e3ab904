import { BackLink } from '../../components/BackLink.tsx';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CsvImport } from '../../components/CsvImport.tsx';
import { mayRun } from '../../lib/viewer.ts';
import { MeQuery } from '../auth/documents.ts';
import { ImportCustomerSubscriptionsMutation } from './documents.ts';
import { customerSubscriptionImportColumns } from './importColumns.ts';

/**
 * Imports AT's order backlog from a CSV file (administrators), all or nothing (`CsvImport`): an
 * order reference already recorded is left as it is; every order imported waits, PENDING, for its
 * assignment.
 */
export function ImportCustomerSubscriptionsPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const [, importCsv] = useMutation(ImportCustomerSubscriptionsMutation);

  if (me.data?.me && !mayRun(me.data, 'Mutation.importCustomerSubscriptions')) {
    return (
      <section>
        <h1>{t('Importer des commandes')}</h1>
        <p className="state">{t('Seul un administrateur peut importer des commandes.')}</p>
      </section>
    );
  }

  return (
    <section>
      <p>
        <BackLink to="/raccordements">{t('Raccordements')}</BackLink>
      </p>
      <h1>{t('Importer des commandes')}</h1>
      <p>
        {t(
          'Le carnet de commandes d’AT en fichier CSV (UTF-8, séparé par des virgules ou des points-virgules), une ligne d’en-tête puis une commande par ligne. Tout ou rien : si une seule ligne pose problème, aucune commande n’est enregistrée. Une référence déjà enregistrée est laissée telle quelle ; chaque commande importée attend son affectation.',
        )}
      </p>
      <CsvImport
        columns={customerSubscriptionImportColumns}
        templateFileName="commandes-modele.csv"
        send={async (csv) => {
          const result = await importCsv({ csv });
          return { report: result.data?.importCustomerSubscriptions ?? null, error: result.error };
        }}
        texts={{
          refused: t('Fichier refusé : aucune commande n’a été enregistrée.'),
          created: (count) => t('Commandes créées : {{count}}', { count }),
          skipped: (count) => t('Déjà enregistrées (même référence), laissées inchangées : {{count}}', { count }),
          windows1252: t(
            'Ce fichier n’était pas en UTF-8 : il a été lu comme un fichier Excel pour Windows (Windows-1252). Vérifiez les accents des commandes créées.',
          ),
        }}
      />
    </section>
  );
}
