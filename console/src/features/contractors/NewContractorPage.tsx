import { useTranslation } from 'react-i18next';
import { BackLink } from '../../components/BackLink.tsx';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { problemsOf } from '../../lib/errors.ts';
import {
  ContractorForm,
  contractorInputOf,
  emptyContractorValues,
  type ContractorFormValues,
} from './ContractorForm.tsx';
import { CreateContractorMutation } from './documents.ts';

/** The new contractor form: checks as it is sent, shows each problem — its own or the server's — beside its field. */
export function NewContractorPage() {
  const { t } = useTranslation();
  const [, create] = useMutation(CreateContractorMutation);
  const navigate = useNavigate();

  async function submit(values: ContractorFormValues) {
    const result = await create({ input: contractorInputOf(values) });
    if (result.error) return problemsOf(result.error);
    void navigate(`/contractants/${result.data!.createContractor.contractor.id}`);
    return [];
  }

  return (
    <section>
      <p>
        <BackLink to="/contractants">{t('Contractants')}</BackLink>
      </p>
      <h1>{t('Nouveau contractant')}</h1>
      <ContractorForm
        initial={emptyContractorValues}
        submitLabel={t('Créer le contractant')}
        pendingLabel={t('Création…')}
        onSubmit={submit}
      />
    </section>
  );
}
