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
  'Bordereau des prix': 'Price schedule',
  Wilayas: 'Wilayas',
  Accès: 'Access',
  Langue: 'Language',
  'Se déconnecter': 'Sign out',
  'Connexion au serveur perdue : les chiffres affichés ne bougent plus. Reconnexion en cours…':
    'Connection to the server lost: the figures shown no longer move. Reconnecting…',
  // components/Pager.tsx
  'Première page': 'First page',
  'Page suivante': 'Next page',
  // components/NotFoundPage.tsx
  'Page introuvable': 'Page not found',
  'Cette adresse ne correspond à aucune page.': 'This address is no page of the console.',
  'Retour aux wilayas': 'Back to the wilayas',
  // components/QueryState.tsx
  'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.':
    'The server does not answer. Check your connection, then try again.',
  'Le serveur n’a pas pu répondre à cette demande.': 'The server could not answer this request.',
  'Référence : {{reference}}': 'Reference: {{reference}}',
  Réessayer: 'Try again',
  'Chargement…': 'Loading…',
  // components/ContractorPicker.tsx
  'Recherche des contractants…': 'Searching the contractors…',
  'Aucun contractant actif ne correspond à « {{search}} ».': 'No active contractor matches “{{search}}”.',
  'Aucun contractant actif dans cette wilaya.': 'No active contractor in this wilaya.',
  'Aucun contractant actif pour l’instant.': 'No active contractor yet.',
  'Contractants proposés : {{count}}. D’autres correspondent : précisez le nom ou le NIF.':
    'Contractors offered: {{count}}. Others match: narrow down the name or the NIF.',
  'Contractants proposés : {{count}}.': 'Contractors offered: {{count}}.',
  'Tapez une partie du nom ou du NIF': 'Type part of the name or of the NIF',
  'NIF {{nif}}': 'NIF {{nif}}',
  'Contractant choisi : {{name}}, NIF {{nif}}.': 'Contractor chosen: {{name}}, NIF {{nif}}.',
  'Changer de contractant': 'Change the contractor',
  // components/CsvImport.tsx
  'Trouver l’identifiant d’une commune': 'Find the id of a commune',
  Wilaya: 'Wilaya',
  Commune: 'Commune',
  'Choisir…': 'Choose…',
  'Les communes n’ont pas pu être chargées.': 'The communes could not be loaded.',
  'Choisissez un fichier CSV.': 'Choose a CSV file.',
  'Ce fichier n’a pas pu être lu.': 'This file could not be read.',
  'Ce fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.':
    'This file is over 10 MB: split it into several files.',
  'Télécharger le modèle (la ligne d’en-tête)': 'Download the template (the header line)',
  'Fichier CSV': 'CSV file',
  'Import en cours…': 'Importing…',
  Importer: 'Import',
  'Import réussi.': 'Import done.',
  'Lignes lues : {{count}}': 'Lines read: {{count}}',
  'Corrigez les lignes ci-dessous puis importez à nouveau le fichier entier.':
    'Correct the lines below, then import the whole file again.',
  'Problèmes : {{count}}': 'Problems: {{count}}',
  'Seuls les {{shown}} premiers sont listés.': 'Only the first {{shown}} are listed.',
  'Problèmes du fichier, ligne par ligne': 'Problems of the file, line by line',
  Ligne: 'Line',
  Colonne: 'Column',
  Problème: 'Problem',
  'Colonnes du fichier': 'Columns of the file',
  Obligatoire: 'Required',
  Contenu: 'Content',
  oui: 'yes',
  non: 'no',
  // components/WilayaFilter.tsx
  Toutes: 'All',
  // components/CommuneFields.tsx
  'Choisissez d’abord la wilaya': 'Choose the wilaya first',
  // lib/errors.ts
  'Ces données ont été modifiées entre-temps par quelqu’un d’autre : rechargez la page puis recommencez.':
    'Someone else changed this in the meantime: reload the page, then try again.',
  'Cette action n’est pas possible dans l’état actuel.': 'This action is not possible in the current status.',
  'Votre rôle ne permet pas cette action.': 'Your role does not allow this action.',
  'Votre session a expiré : reconnectez-vous.': 'Your session has expired: sign in again.',
  'Introuvable, ou hors de votre périmètre.': 'Not found, or outside your scope.',
  'Ce contractant ne peut pas recevoir ce travail.': 'This contractor cannot receive this work.',
  'Cet utilisateur ne peut pas recevoir ce travail : ce n’est pas un technicien actif de la firme.':
    'This user cannot be given this work: not an active technician of the firm.',
  'Ce site n’est pas ouvert au travail : il doit être attribué ou en cours.':
    'This site is not open to work: it must be assigned or in progress.',
  'Trop de tentatives : patientez quelques minutes.': 'Too many attempts: wait a few minutes.',
  'Le montant dépasse le reste dû de la facture.': 'The amount exceeds the invoice’s balance due.',
  'Les mesures sont hors seuils : la réception demande une justification.':
    'The measurements are outside the thresholds: acceptance needs a justification.',
  'Cette facture n’a aucune ligne : il n’y a rien à soumettre.':
    'This invoice has no line: there is nothing to submit.',
  'Cette demande a déjà été envoyée avec d’autres valeurs : rechargez la page puis recommencez.':
    'This request was already sent with other values: reload the page, then try again.',
  'La demande est trop volumineuse pour le serveur : découpez le fichier en plusieurs.':
    'The request is too large for the server: split the file into several.',
  'Cette photo est trop lourde : reprenez-la dans une résolution plus faible.':
    'This photo is too large: take it again at a lower resolution.',
  'Cette photo a trop de pixels : reprenez-la dans une résolution plus faible.':
    'This photo has too many pixels: take it again at a lower resolution.',
  'Ce fichier n’est pas une photo lisible : envoyez une image JPEG, PNG ou WebP.':
    'This file is not a readable photo: send a JPEG, PNG or WebP image.',
  'Les photos HEIC ne sont pas lisibles par le serveur : réglez l’appareil photo sur « Le plus compatible » (JPEG) et reprenez la photo.':
    'The server cannot read HEIC photos: set the camera to “Most Compatible” (JPEG) and take the photo again.',
  'Le serveur ne répond pas pour le moment : réessayez dans quelques secondes.':
    'The server is not answering for now: try again in a few seconds.',
  'Une valeur saisie n’est pas valable : corrigez-la puis recommencez.':
    'A value entered is not valid: correct it, then try again.',
  'Le serveur n’a pas pu lire la demande : rechargez la page puis recommencez.':
    'The server could not read the request: reload the page, then try again.',
  'Cette version de la console ne correspond plus au serveur : rechargez la page.':
    'This version of the console no longer matches the server: reload the page.',
  'Cette demande porte sur trop de données à la fois : réduisez la page ou les filtres.':
    'This request asks for too much data at once: narrow the page or the filters.',
  'Les changements manqués ne sont plus conservés : rechargez la page.':
    'The changes you missed are no longer kept: reload the page.',
  'Trop de suivis en direct ouverts : fermez des onglets de la console.':
    'Too many live updates open: close some of the console’s tabs.',
  'Le serveur n’a pas pu traiter la demande.': 'The server could not process the request.',
  'Le serveur n’a pas pu traiter la demande. Référence à communiquer : {{reference}}':
    'The server could not process the request. Reference to quote: {{reference}}',
  'Cette valeur est déjà utilisée par un autre enregistrement.': 'This value is already used by another record.',
  // A label and its value, as French spaces them ("Statut : Actif") and English does not ("Status: Active").
  '{{label}} : {{value}}': '{{label}}: {{value}}',
  // lib/format.ts
  '{{days}} j': '{{days}} d',
} satisfies Record<string, string>;
