import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink.tsx';
import { useMutation, useQuery } from 'urql';
import { CsvImport } from '../../components/CsvImport.tsx';
import { mayRun } from '../../lib/viewer.ts';
import { MeQuery } from '../auth/documents.ts';
import { ImportContractorsMutation } from './documents.ts';
import { contractorImportColumns } from './importColumns.ts';

/**
 * Imports contractors from a CSV file (administrators), all or nothing (`CsvImport`): a NIF already
 * registered is left as it is; every contractor imported awaits its approval.
 */
export function ImportContractorsPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const [, importCsv] = useMutation(ImportContractorsMutation);

  if (me.data?.me && !mayRun(me.data, 'Mutation.importContractors')) {
    return (
      <section>
        <h1>{t('Importer des contractants')}</h1>
        <p className="state">{t('Seul un administrateur peut importer des contractants.')}</p>
      </section>
    );
  }

  return (
    <section>
      <p>
        <BackLink to="/contractants">{t('Contractants')}</BackLink>
      </p>
      <h1>{t('Importer des contractants')}</h1>
      <p>
        {t(
          'Un fichier CSV (UTF-8, séparé par des virgules ou des points-virgules), une ligne d’en-tête puis un contractant par ligne. Tout ou rien : si une seule ligne pose problème, aucun contractant n’est enregistré. Un NIF déjà enregistré est laissé tel quel ; chaque contractant importé attend son agrément.',
        )}
      </p>
      <CsvImport
        columns={contractorImportColumns}
        templateFileName="contractants-modele.csv"
        send={async (csv) => {
          const result = await importCsv({ csv });
          return { report: result.data?.importContractors ?? null, error: result.error };
        }}
        texts={{
          refused: t('Fichier refusé : aucun contractant n’a été enregistré.'),
          created: (count) => t('Contractants créés : {{count}}', { count }),
          skipped: (count) => t('Déjà enregistrés (même NIF), laissés inchangés : {{count}}', { count }),
          windows1252: t(
            'Ce fichier n’était pas en UTF-8 : il a été lu comme un fichier Excel pour Windows (Windows-1252). Vérifiez les accents des contractants créés.',
          ),
        }}
      />
    </section>
  );
}
