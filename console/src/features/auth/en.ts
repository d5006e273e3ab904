/** English of the sign-in page, keyed by its French. */
export default {
  'Trop de tentatives. Réessayez dans {{minutes}} min.': 'Too many attempts. Try again in {{minutes}} min.',
  'Adresse e-mail ou mot de passe incorrect.': 'Wrong email address or password.',
  'Saisissez une adresse e-mail et un mot de passe.': 'Enter an email address and a password.',
  'La connexion a échoué. Réessayez.': 'Sign-in failed. Try again.',
  'Le serveur ne répond pas.': 'The server does not answer.',
  Connexion: 'Sign in',
  'Adresse e-mail': 'Email address',
  'Mot de passe': 'Password',
  'Connexion…': 'Signing in…',
  'Se connecter': 'Sign in',
} satisfies Record<string, string>;
