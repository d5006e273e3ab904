import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { languageChosenHere, languages, setLanguage, translate as t, type Language } from '../../lib/i18n.ts';
import { session } from '../../lib/session.ts';
import { LoginMutation } from './documents.ts';

/** Words for the server's sign-in error codes. */
function messageOf(code: unknown, retryAfterSeconds: unknown): string {
  if (code === 'TOO_MANY_ATTEMPTS')
    return t('Trop de tentatives. Réessayez dans {{minutes}} min.', {
      minutes: Math.ceil(Number(retryAfterSeconds) / 60),
    });
  if (code === 'UNAUTHENTICATED') return t('Adresse e-mail ou mot de passe incorrect.');
  if (code === 'BAD_USER_INPUT') return t('Saisissez une adresse e-mail et un mot de passe.');
  return t('La connexion a échoué. Réessayez.');
}

/**
 * Sign-in form; on success, the user's language when this browser has no choice of its own, then
 * back to the page asked for (`?next=`), else the home page. "Mot de passe oublié ?" leads to the
 * reset request, which says whom to ask when the server sends no mail.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [state, login] = useMutation(LoginMutation);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const [params] = useSearchParams();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const result = await login({ email, password });
    const token = result.data?.login.token;
    if (token) {
      session.save(token);
      const language = result.data!.login.user.language.toLowerCase();
      if (!languageChosenHere() && (languages as readonly string[]).includes(language))
        await setLanguage(language as Language);
      const next = params.get('next');
      void navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
      return;
    }
    const first = result.error?.graphQLErrors[0];
    setError(
      result.error?.networkError
        ? t('Le serveur ne répond pas.')
        : messageOf(first?.extensions?.['code'], first?.extensions?.['retryAfterSeconds']),
    );
  }

  return (
    <section className="login">
      <h1>{t('Connexion')}</h1>
      <form onSubmit={submit} noValidate>
        <label className="field">
          {t('Adresse e-mail')}
          <input
            dir="auto"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          {t('Mot de passe')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="state state-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={state.fetching}>
          {state.fetching ? t('Connexion…') : t('Se connecter')}
        </button>
      </form>
      <p>
        <Link to="/mot-de-passe-oublie">{t('Mot de passe oublié ?')}</Link>
      </p>
    </section>
  );
}
