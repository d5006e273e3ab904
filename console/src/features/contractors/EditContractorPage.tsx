import { useState } from 'react';
import { BackLink } from '../../components/BackLink.tsx';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { ProblemsAlert, useFocusFirstProblem } from '../../components/FormProblems.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { msg, translate as t } from '../../lib/i18n.ts';
import { mayRun } from '../../lib/viewer.ts';
import { MeQuery } from '../auth/documents.ts';
import {
  ContractorForm,
  contractorFormValuesOf,
  contractorInputOf,
  type ContractorFormValues,
} from './ContractorForm.tsx';
import { ContractorNotFound } from './ContractorNotFound.tsx';
import { ContractorQuery, UpdateContractorMutation } from './documents.ts';

/** Whether the server refused the change because the contractor changed since it was loaded. */
function isStale(error: CombinedError): boolean {
  return error.graphQLErrors.some(
    (e) => e.extensions?.['code'] === 'CONFLICT' && e.extensions?.['field'] === 'expectedVersion',
  );
}

/**
 * The problems of a refused change. A CONFLICT on the operating wilayas is not a value taken by
 * another record (as `problemsOf` reads a CONFLICT on a field) but open work in a wilaya taken off.
 */
function updateProblemsOf(error: CombinedError): FieldProblem[] {
  const openWork = error.graphQLErrors.some(
    (e) => e.extensions?.['code'] === 'CONFLICT' && e.extensions?.['field'] === 'operatingWilayaCodes',
  );
  if (openWork)
    return [
      {
        field: 'operatingWilayaCodes',
        message: t('le contractant a encore du travail ouvert dans une wilaya retirée : réaffectez-le d’abord'),
      },
    ];
  return problemsOf(error);
}

/**
 * Changes a contractor (administrators): the contractor form prefilled with its values, sending only
 * the fields changed with the version loaded; a change made meanwhile by someone else is explained,
 * with a way to reload the contractor as it now stands.
 */
export function EditContractorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [me] = useQuery({ query: MeQuery });
  const [result, reexecute] = useQuery({
    query: ContractorQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  const [, update] = useMutation(UpdateContractorMutation);
  // Why the change was not saved when the contractor changed meanwhile (none otherwise; said in the
  // console's language when shown), focused when said.
  const [stale, setStale] = useState<FieldProblem[]>([]);
  const { alert: staleNotice } = useFocusFirstProblem(stale);
  const navigate = useNavigate();
  const contractor = result.data?.contractor;

  if (me.data?.me && !mayRun(me.data, 'Mutation.updateContractor')) {
    return (
      <section>
        <h1>{t('Modifier un contractant')}</h1>
        <p className="state">{t('Seul un administrateur peut modifier un contractant.')}</p>
      </section>
    );
  }
  if (result.data && !contractor) return <ContractorNotFound id={id} />;

  async function submit(values: ContractorFormValues): Promise<FieldProblem[]> {
    if (!contractor) return [];
    const before = contractorInputOf(contractorFormValuesOf(contractor), contractor.contacts);
    const after = contractorInputOf(values, contractor.contacts);
    const input = Object.fromEntries(
      Object.entries(after).filter(
        ([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field as keyof typeof before]),
      ),
    );
    if (Object.keys(input).length === 0)
      return [{ field: null, message: t('Rien n’a changé : il n’y a rien à enregistrer.') }];
    const outcome = await update({ id: contractor.id, expectedVersion: contractor.version, input });
    if (outcome.error) {
      if (isStale(outcome.error)) {
        setStale([
          {
            field: null,
            message: msg(
              'Ce contractant a été modifié par quelqu’un d’autre depuis que vous avez ouvert ce formulaire : vos modifications n’ont pas été enregistrées. Rechargez-le pour voir ses valeurs actuelles, puis refaites vos modifications.',
            ),
          },
        ]);
        return [];
      }
      return updateProblemsOf(outcome.error);
    }
    void navigate(`/contractants/${contractor.id}`);
    return [];
  }

  function reload() {
    setStale([]);
    reexecute({ requestPolicy: 'network-only' });
  }

  return (
    <section>
      <p>
        <BackLink to={`/contractants/${id}`}>{t('Retour au contractant')}</BackLink>
      </p>
      <QueryState
        shape="details"
        fetching={result.fetching && !contractor}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {contractor && (
        <>
          <h1>{t('Modifier {{name}}', { name: contractor.legalName })}</h1>
          <ContractorForm
            key={`${contractor.id}-${contractor.version}`}
            initial={contractorFormValuesOf(contractor)}
            submitLabel={t('Enregistrer les modifications')}
            pendingLabel={t('Enregistrement…')}
            onSubmit={submit}
            notice={
              <ProblemsAlert
                ref={staleNotice}
                problems={stale.map((problem) => ({ ...problem, message: t(problem.message) }))}
              >
                {stale.length > 0 && (
                  <button type="button" onClick={reload}>
                    {t('Recharger le contractant')}
                  </button>
                )}
              </ProblemsAlert>
            }
          />
        </>
      )}
    </section>
  );
}
