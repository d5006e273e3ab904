import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { FormField } from '../../components/FormField.tsx';
import { problemOf, ProblemsAlert, useFocusFirstProblem } from '../../components/FormProblems.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { PasswordResetAvailableQuery, RequestPasswordResetMutation } from './documents.ts';

/**
 * A forgotten password: the user gives its sign-in address and the server e-mails it a link to
 * choose a new password. The answer reads the same whether the address has an account or not, as
 * the server's does.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [available] = useQuery({ query: PasswordResetAvailableQuery });
  const [state, request] = useMutation(RequestPasswordResetMutation);
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [sent, setSent] = useState<{ email: string; minutes: number } | null>(null);
  const { scope, alert } = useFocusFirstProblem(problems);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    const outcome = await request({ email });
    if (outcome.error || !outcome.data) {
      setProblems(outcome.error ? problemsOf(outcome.error) : []);
      return;
    }
    setProblems([]);
    setSent({ email, minutes: outcome.data.requestPasswordReset.validMinutes });
  }

  return (
    <section className="login">
      <h1>{t('Mot de passe oublié')}</h1>
      {available.data?.passwordResetAvailable === false ? (
        <p className="state">
          {t(
            'Ce serveur n’envoie pas d’e-mails : demandez à l’administrateur de vos accès de vous aider à retrouver l’accès.',
          )}
        </p>
      ) : (
        <>
          <p>
            {t(
              'Saisissez votre adresse e-mail de connexion : nous vous envoyons un lien pour choisir un nouveau mot de passe.',
            )}
          </p>
          <form ref={scope} onSubmit={submit} noValidate>
            <FormField id="reset-email" label={t('Adresse e-mail')} problem={problemOf(problems, 'email')}>
              {(attributes) => (
                <input
                  dir="auto"
                  {...attributes}
                  type="email"
                  autoComplete="username"
                  required
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                />
              )}
            </FormField>
            <ProblemsAlert problems={problems} fields={['email']} ref={alert} />
            {sent && (
              <p role="status" className="state">
                {t(
                  'Si un compte utilise {{email}}, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien sert une fois, pendant {{minutes}} minutes.',
                  sent,
                )}
              </p>
            )}
            <button type="submit" disabled={state.fetching}>
              {t('Recevoir le lien')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/login">{t('Retour à la connexion')}</Link>
      </p>
    </section>
  );
}
