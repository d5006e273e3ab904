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
  'Mot de passe oublié ?': 'Forgot your password?',
  'Mot de passe oublié': 'Forgotten password',
  'Ce serveur n’envoie pas d’e-mails : demandez à l’administrateur de vos accès de vous aider à retrouver l’accès.':
    'This server sends no e-mail: ask the administrator of your access to help you get it back.',
  'Saisissez votre adresse e-mail de connexion : nous vous envoyons un lien pour choisir un nouveau mot de passe.':
    'Enter the email address you sign in with: we send you a link to choose a new password.',
  'Si un compte utilise {{email}}, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien sert une fois, pendant {{minutes}} minutes.':
    'If an account uses {{email}}, an email has just been sent to it with a link to choose a new password. The link works once, for {{minutes}} minutes.',
  'Recevoir le lien': 'Send me the link',
  'Retour à la connexion': 'Back to sign-in',
  'Les deux mots de passe ne sont pas identiques.': 'The two passwords differ.',
  'Nouveau mot de passe': 'New password',
  'Votre mot de passe est changé, et vos autres sessions sont fermées.':
    'Your password is changed, and your other sessions are closed.',
  'Ce lien est incomplet : ouvrez le lien reçu par e-mail tel quel, ou demandez-en un nouveau.':
    'This link is incomplete: open the link you received by email as it is, or ask for a new one.',
  'Demander un nouveau lien': 'Ask for a new link',
  'Nouveau mot de passe (12 caractères au moins)': 'New password (at least 12 characters)',
  'Le même mot de passe, encore': 'The same password, again',
  'Enregistrer le mot de passe': 'Save the password',
} satisfies Record<string, string>;
