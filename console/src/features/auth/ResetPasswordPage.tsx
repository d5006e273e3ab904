import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { FormField } from '../../components/FormField.tsx';
import { problemOf, ProblemsAlert, useFocusFirstProblem } from '../../components/FormProblems.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { session } from '../../lib/session.ts';
import { ResetPasswordMutation } from './documents.ts';

/** A labelled field of a new password, with its problem. */
function newPasswordField(
  id: string,
  label: string,
  problem: string | undefined,
  value: string,
  change: (value: string) => void,
) {
  return (
    <FormField id={id} label={label} problem={problem}>
      {(attributes) => (
        <input
          {...attributes}
          type="password"
          autoComplete="new-password"
          required
          value={value}
          onChange={(event) => change(event.target.value)}
        />
      )}
    </FormField>
  );
}

/**
 * The page a reset link opens (`/nouveau-mot-de-passe#<token>`: the token in the fragment, which the
 * browser sends to no server): the user chooses a new password, then signs in with it. The server
 * says whether the link is still good (RESET_LINK_INVALID, _EXPIRED, _USED) and whether the password fits.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [token] = useState(() => window.location.hash.slice(1));
  const [state, reset] = useMutation(ResetPasswordMutation);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState(false);
  const { scope, alert } = useFocusFirstProblem(problems);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== confirmation) {
      setProblems([{ field: 'confirmation', message: t('Les deux mots de passe ne sont pas identiques.') }]);
      return;
    }
    const outcome = await reset({ token, newPassword: password });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    // Every session of the user ended: this browser's, if it had one, too.
    session.clear();
    setProblems([]);
    setDone(true);
  }

  const linkRefused = problemOf(problems, 'token') !== undefined;
  return (
    <section className="login">
      <h1>{t('Nouveau mot de passe')}</h1>
      {done ? (
        <p role="status" className="state">
          {t('Votre mot de passe est changé, et vos autres sessions sont fermées.')}{' '}
          <Link to="/login">{t('Se connecter')}</Link>
        </p>
      ) : !token ? (
        <p className="state state-error">
          {t('Ce lien est incomplet : ouvrez le lien reçu par e-mail tel quel, ou demandez-en un nouveau.')}{' '}
          <Link to="/mot-de-passe-oublie">{t('Demander un nouveau lien')}</Link>
        </p>
      ) : (
        <form ref={scope} onSubmit={submit} noValidate>
          {newPasswordField(
            'new-password',
            t('Nouveau mot de passe (12 caractères au moins)'),
            problemOf(problems, 'newPassword'),
            password,
            setPassword,
          )}
          {newPasswordField(
            'new-password-confirmation',
            t('Le même mot de passe, encore'),
            problemOf(problems, 'confirmation'),
            confirmation,
            setConfirmation,
          )}
          <ProblemsAlert problems={problems} fields={['newPassword', 'confirmation']} ref={alert}>
            {linkRefused && <Link to="/mot-de-passe-oublie">{t('Demander un nouveau lien')}</Link>}
          </ProblemsAlert>
          <button type="submit" disabled={state.fetching}>
            {t('Enregistrer le mot de passe')}
          </button>
        </form>
      )}
    </section>
  );
}
