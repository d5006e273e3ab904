/** English of the console's shared texts (lib/ and components/), keyed by their French. */
export default {
  // components/Layout.tsx
  'Aller au contenu': 'Skip to content',
  'Navigation principale': 'Main navigation',
  'Tableau de bord': 'Dashboard',
  Contractants: 'Contractors',
  Sites: 'Sites',
  Raccordements: 'Connections',
  Factures: 'Invoices',
  Wilayas: 'Wilayas',
  Accès: 'Access',
  Langue: 'Language',
  'Se déconnecter': 'Sign out',
  'Connexion au serveur perdue : les chiffres affichés ne bougent plus. Reconnexion en cours…': 'Connection to the server lost: the figures shown no longer move. Reconnecting…',
  // components/Pager.tsx
  'Première page': 'First page',
  'Page suivante': 'Next page',
  // components/NotFoundPage.tsx
  'Page introuvable': 'Page not found',
  'Cette adresse ne correspond à aucune page.': 'This address is no page of the console.',
  'Retour aux wilayas': 'Back to the wilayas',
  // components/QueryState.tsx
  'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.': 'The server does not answer. Check your connection, then try again.',
  'Le serveur n’a pas pu répondre à cette demande.': 'The server could not answer this request.',
  'Référence : {{reference}}': 'Reference: {{reference}}',
  Réessayer: 'Try again',
  'Chargement…': 'Loading…',
  // components/ContractorPicker.tsx
  'Recherche des contractants…': 'Searching the contractors…',
  'Aucun contractant actif ne correspond à « {{search}} ».': 'No active contractor matches “{{search}}”.',
  'Aucun contractant actif dans cette wilaya.': 'No active contractor in this wilaya.',
  'Aucun contractant actif pour l’instant.': 'No active contractor yet.',
  'Contractants proposés : {{count}}. D’autres correspondent : précisez le nom ou le NIF.': 'Contractors offered: {{count}}. Others match: narrow down the name or the NIF.',
  'Contractants proposés : {{count}}.': 'Contractors offered: {{count}}.',
  'Tapez une partie du nom ou du NIF': 'Type part of the name or of the NIF',
  'NIF {{nif}}': 'NIF {{nif}}',
  'Contractant choisi : {{name}}, NIF {{nif}}.': 'Contractor chosen: {{name}}, NIF {{nif}}.',
  'Changer de contractant': 'Change the contractor',
  // lib/errors.ts
  'Ces données ont été modifiées entre-temps par quelqu’un d’autre : rechargez la page puis recommencez.': 'Someone else changed this in the meantime: reload the page, then try again.',
  'Cette action n’est pas possible dans l’état actuel.': 'This action is not possible in the current status.',
  'Votre rôle ne permet pas cette action.': 'Your role does not allow this action.',
  'Votre session a expiré : reconnectez-vous.': 'Your session has expired: sign in again.',
  'Introuvable, ou hors de votre périmètre.': 'Not found, or outside your scope.',
  'Ce contractant ne peut pas recevoir ce travail.': 'This contractor cannot receive this work.',
  'Ce site n’est pas ouvert au travail : il doit être attribué ou en cours.': 'This site is not open to work: it must be assigned or in progress.',
  'Trop de tentatives : patientez quelques minutes.': 'Too many attempts: wait a few minutes.',
  'Le montant dépasse le reste dû de la facture.': 'The amount exceeds the invoice’s balance due.',
  'Les mesures sont hors seuils : la réception demande une justification.': 'The measurements are outside the thresholds: acceptance needs a justification.',
  'Cette facture n’a aucune ligne : il n’y a rien à soumettre.': 'This invoice has no line: there is nothing to submit.',
  'Cette demande a déjà été envoyée avec d’autres valeurs : rechargez la page puis recommencez.': 'This request was already sent with other values: reload the page, then try again.',
  'Le serveur n’a pas pu traiter la demande. Référence à communiquer : {{reference}}': 'The server could not process the request. Reference to quote: {{reference}}',
  'Cette valeur est déjà utilisée par un autre enregistrement.': 'This value is already used by another record.',
  // A label and its value, as French spaces them ("Statut : Actif") and English does not ("Status: Active").
  '{{label}} : {{value}}': '{{label}}: {{value}}',
  // lib/format.ts
  '{{days}} j': '{{days}} d',
} satisfies Record<string, string>;
