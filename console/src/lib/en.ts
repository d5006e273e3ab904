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
  Qualité: 'Quality',
  'Niveaux de service': 'Service levels',
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
  'Ce serveur n’envoie pas d’e-mails : aucun lien de réinitialisation ne peut être envoyé. L’exploitant doit configurer l’envoi (SMTP_URL et PUBLIC_URL).':
    'This server sends no e-mail: no reset link can be sent. Its operator has to set mail up (SMTP_URL and PUBLIC_URL).',
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
  // lib/errors.ts: why the API refused a value (InputReason)
  'est obligatoire': 'is required',
  'ne doit pas être vide': 'must not be empty',
  'doit contenir des lettres ou des chiffres': 'must contain letters or digits',
  'doit faire au plus {{max}} caractères': 'must be at most {{max}} characters',
  'doit faire au moins {{min}} caractères': 'must be at least {{min}} characters',
  'doit faire au plus {{max}} octets': 'must be at most {{max}} bytes',
  'doit être au moins {{min}}': 'must be at least {{min}}',
  'doit être au plus {{max}}': 'must be at most {{max}}',
  'doit être supérieur à 0': 'must be more than 0',
  'doit être entre {{min}} et {{max}}': 'must be from {{min}} to {{max}}',
  'doit être entre 1 et {{max}} (reçu : {{value}})': 'must be from 1 to {{max}} (got {{value}})',
  'doit être entre 0 et 100 000 mètres': 'must be from 0 to 100,000 metres',
  'ne doit pas commencer par =, +, - ou @': 'must not start with =, +, - or @',
  'ne doit pas contenir de caractères de contrôle': 'must not contain control characters',
  'ne doit pas contenir de caractères de contrôle ni d’inversion de sens':
    'must not contain control characters or direction overrides',
  'doit être un texte valide': 'must be valid text',
  'ne doit pas contenir le caractère de remplacement � (le fichier est-il enregistré en UTF-8 ?)':
    'must not contain the replacement character � (was the file saved as UTF-8?)',
  'doit être une adresse e-mail': 'must be an email address',
  'doit être un numéro de téléphone algérien, par exemple 0550 12 34 56 ou +213 550 12 34 56':
    'must be an Algerian phone number, such as 0550 12 34 56 or +213 550 12 34 56',
  'doit être un numéro de mobile algérien, par exemple 0550 12 34 56 ou +213 550 12 34 56':
    'must be an Algerian mobile number, such as 0550 12 34 56 or +213 550 12 34 56',
  'doit être un identifiant, par exemple « 42 »': 'must be an id such as “42”',
  'doit être un UUID, par exemple « 3f2a5c1e-8b4d-4f6a-9c2e-1d7b8a9e0f12 »':
    'must be a UUID such as “3f2a5c1e-8b4d-4f6a-9c2e-1d7b8a9e0f12”',
  'doit être une position du journal des changements, par exemple « 42 »':
    'must be a position of the change log such as “42”',
  'la position {{position}} est au-delà de la fin du journal ({{head}})':
    'position {{position}} is past the log’s end ({{head}})',
  'doit être un curseur rendu par cette liste : rechargez la page':
    'must be a cursor returned by this list: reload the page',
  'doit être un numéro de version à partir de 1': 'must be a version number from 1',
  'doit faire de 1 à 100 lettres, chiffres, « . », « _ », « : » ou « - »':
    'must be 1 to 100 letters, digits, “.”, “_”, “:” or “-”',
  'doit faire deux chiffres, par exemple « 01 »': 'must be two digits, such as “01”',
  'doit faire deux chiffres, avec un zéro devant, par exemple « 01 »':
    'must be two digits with a leading zero, such as “01”',
  'doit être le code d’une wilaya, de « {{first}} » à « {{last}} »':
    'must be the code of a wilaya, “{{first}}” to “{{last}}”',
  'doit être le code d’une wilaya : aucune n’est chargée': 'must be the code of a wilaya: none is loaded',
  'doit être l’identifiant d’une commune': 'must be the id of a commune',
  'doit être une commune de la wilaya {{wilaya}} : elle est dans la wilaya {{communeWilaya}}':
    'must be a commune of wilaya {{wilaya}}: it is in wilaya {{communeWilaya}}',
  'doit nommer au moins un statut': 'must name at least one status',
  'doit être l’un des statuts de « statuses » quand les deux sont donnés':
    'must be one of “statuses” when both are given',
  'doit être après le début de la période (appointmentFrom)': 'must be after the start of the period (appointmentFrom)',
  'doit être une date AAAA-MM-JJ': 'must be a date as YYYY-MM-DD',
  'doit être une date et une heure': 'must be a date and time',
  'doit être une date et une heure, par exemple 2026-11-02T08:30:00Z':
    'must be a date and time, such as 2026-11-02T08:30:00Z',
  'doit être un mois AAAA-MM': 'must be a month YYYY-MM',
  'ne va qu’avec la période MONTH (un mois)': 'goes with window MONTH (one month) only',
  'doit être entre 2000 et 2100': 'must be from 2000 to 2100',
  'ne doit pas être avant 2000': 'must not be before 2000',
  'doit être dans le futur': 'must be in the future',
  'ne doit pas être dans le futur': 'must not be in the future',
  'doit être une date et une heure entre maintenant et dans un an': 'must be a date and time from now to a year ahead',
  'doit être après la prise de commande': 'must be after the order was taken',
  'ne doit pas être avant le jour du rendez-vous ({{appointmentDay}}, heure d’Alger)':
    "must not be before the appointment's day ({{appointmentDay}}, Algiers)",
  'ne doit pas être antérieure à la commande': 'must not be before the order was taken',
  'ne doit pas être antérieure à la commande : la photo ne peut pas montrer ce travail':
    'must not be before the order was taken: the photo cannot show this work',
  'ne doit pas précéder le début prévu': 'must not be before the planned start',
  'ne doit pas être après aujourd’hui ({{today}}, heure d’Alger)': 'must not be after today ({{today}}, Algiers time)',
  'ne doit pas être avant la date d’émission de la facture ({{issuedOn}})':
    'must not be before the invoice’s date of issue ({{issuedOn}})',
  'doit être après aujourd’hui : les délais déjà comptés ne changent jamais':
    'must be after today: clocks already counted never change',
  'est un jour férié aujourd’hui ou passé, qui reste : les délais déjà comptés ne changent jamais':
    'is a holiday today or past, which stays: clocks already counted never change',
  'donne à l’étape {{step}} un second objectif pour le même lieu':
    'gives step {{step}} a second target for the same place',
  'doit donner à l’étape {{step}} un objectif national (sans wilaya)':
    'must give step {{step}} a national target (no wilaya)',
  'doit rester vide : une étape de facture n’a qu’un objectif national':
    'must be left out: the step of an invoice has a national target only',
  'doit être après aujourd’hui : une version en vigueur ne change jamais':
    'must be after today: a version in force never changes',
  'doit être un nombre décimal, par exemple 36,7538': 'must be a decimal number, e.g. 36.7538',
  'doit être un nombre décimal, par exemple -21,5': 'must be a decimal number such as -21.5',
  'doit être une distance en mètres à partir de 0, par exemple 12,5':
    'must be a distance in metres from 0, such as 12.5',
  'doit être en Algérie': 'must be within Algeria',
  'doit être en Algérie (18,9 à 37,2)': 'must be within Algeria (18.9 to 37.2)',
  'doit être en Algérie (−8,7 à 12,0)': 'must be within Algeria (−8.7 to 12.0)',
  'indiquez les deux coordonnées, ou aucune': 'give both coordinates, or neither',
  'va avec la latitude : indiquez les deux, ou aucune': 'goes with the latitude: give both or neither',
  'ne va qu’avec une position': 'goes with a position only',
  'doit être un montant en DA, par exemple 1234,56 (deux décimales au plus)':
    'must be an amount in DZD such as 1234.56 (at most two decimals)',
  'doit être un montant en DA, par exemple 4500,00': 'must be an amount in DZD such as 4500.00',
  'doit être une quantité, par exemple 42,5 (trois décimales au plus)':
    'must be a quantity such as 42.5 (at most three decimals)',
  'doit être un nombre entier pour cet article (unité : {{unit}})':
    'must be a whole number for this item (unit: {{unit}})',
  'doit être au plus la quantité facturée et pas encore créditée ({{remaining}})':
    'must be at most the quantity invoiced and not yet credited ({{remaining}})',
  'doit être un virement bancaire, un virement CCP ou un chèque': 'must be a bank transfer, a CCP transfer or a cheque',
  'doit être un statut de facture': 'must be an invoice status',
  'doit faire 15 chiffres (20 pour un établissement)': 'must be 15 digits (20 for a branch)',
  'doit faire 15 chiffres': 'must be 15 digits',
  'doit être un n° de RC : au moins 6 chiffres et une lettre, par exemple 16/00-0123456 B 15 ou 02 B 0018083':
    'must be an RC number: at least 6 digits and one letter, such as 16/00-0123456 B 15 or 02 B 0018083',
  'doit faire de 3 à 40 chiffres, lettres et séparateurs (/ . - espace), dont au moins 3 chiffres':
    'must be 3–40 digits, letters and separators (/ . - space), at least 3 of them digits',
  'doit être un RIB de 20 chiffres dont les deux derniers sont la clé':
    'must be a RIB of 20 digits whose last two are its key',
  'doit être AUTO_ENTREPRENEUR exactement quand la forme juridique est AUTO_ENTREPRENEUR':
    'must be AUTO_ENTREPRENEUR exactly when the legal form is AUTO_ENTREPRENEUR',
  'est obligatoire pour un auto-entrepreneur': 'is required for an auto-entrepreneur',
  'doit être vide pour un auto-entrepreneur, qui a un numéro de carte à la place':
    'must be empty for an auto-entrepreneur, who has a card number instead',
  'est obligatoire, sauf si la forme juridique est AUTO_ENTREPRENEUR':
    'is required unless the legal form is AUTO_ENTREPRENEUR',
  'doit être une liste de contacts': 'must be a list of contacts',
  'doit être une liste de codes de wilaya': 'must be a list of wilaya codes',
  'doit nommer au moins une wilaya': 'must name at least one wilaya',
  'nomme trop de wilayas': 'names too many wilayas',
  'un responsable DOT couvre au moins une wilaya': 'a DOT manager covers at least one wilaya',
  'seul un responsable DOT couvre des wilayas': 'only a DOT manager covers wilayas',
  'est obligatoire pour un utilisateur contractant ou technicien, et seulement pour eux':
    'is required for a contractor or technician user, and only for one',
  'seul un utilisateur contractant peut administrer sa firme': 'only a contractor user can be its firm’s admin',
  'doit faire de 2 à 40 lettres (A–Z), chiffres, « - » ou « _ », en commençant par une lettre ou un chiffre':
    'must be 2–40 letters (A–Z), digits, “-” or “_”, starting with a letter or digit',
  'doit faire de 3 à 40 lettres (A–Z), chiffres, « / », « - » ou « _ »':
    'must be 3–40 letters (A–Z), digits, “/”, “-” or “_”',
  'doit faire de 4 à 40 lettres, chiffres ou « - », comme imprimé sur l’ONT':
    'must be 4–40 letters, digits or “-”, as printed on the ONT',
  'doit faire de 2 à 20 majuscules, chiffres ou « - »': 'must be 2–20 capitals, digits or “-”',
  'n’est pas une autorisation qu’une clé d’API peut détenir': 'is not a scope an API key can hold',
  'doit nommer au moins une autorisation': 'must name at least one scope',
  'doit nommer au moins une réserve': 'must name at least one reserve',
  'doit nommer au moins une ligne': 'must name at least one line',
  'doit contenir au moins une ligne de travail': 'must hold at least one line of work',
  'doit contenir au moins un élément': 'must hold at least one item',
  'doit nommer au moins un type d’événement': 'must name at least one event type',
  'doit nommer au moins une notification': 'must name at least one notification',
  'doit créditer au moins une ligne': 'must credit at least one line',
  'doit contenir au plus {{max}} éléments': 'must hold at most {{max}} items',
  'doit nommer au plus {{max}} éléments': 'must name at most {{max}} items',
  'doit nommer chaque ligne une seule fois': 'must name each line once',
  'doit nommer chaque photo une seule fois': 'must name each photo once',
  'le code {{code}} figure deux fois': 'code {{code}} appears twice',
  'l’article {{code}} figure deux fois': 'item {{code}} appears twice',
  'la ligne {{line}} n’a pas été refusée': 'line {{line}} was not rejected',
  'doit donner la quantité réclamée pour chaque ligne refusée (manquent : {{lines}})':
    'must give the quantity now claimed for each rejected line (missing: {{lines}})',
  'est déjà jointe à un rapport ou à un échec': 'is attached to a report or a failure already',
  'un envoi porte un seul fichier, dans le champ « file »': 'an upload carries one file, in the field “file”',
  'est obligatoire quand le motif de l’échec est « Autre »': 'is required when the reason of the failure is “Other”',
  'le client a signé (une photo de signature est jointe) : ne donnez pas de motif':
    'the customer signed (a signature photo is attached): leave the reason out',
  'demande un numéro de mobile où envoyer les SMS': 'needs a mobile number to send the SMS to',
  'est nécessaire tant que des notifications sont reçues par SMS : décochez-les d’abord':
    'is needed while notifications are received by SMS: turn those off first',
  'doit être des types de notification': 'must be kinds of notification',
  'donnez soit des identifiants, soit « toutes », pas les deux': 'give either ids or all, not both',
  'doit être un type d’événement : facture, raccordement ou site': 'must be an event type: invoice, connection or site',
  'doit être une adresse https://': 'must be an https:// URL',
  'doit être sur Internet, pas une adresse locale ou privée':
    'must be on the public Internet, not a local or private address',
  'ne doit contenir ni nom d’utilisateur ni mot de passe': 'must not hold a user name or password',
  'le point d’accès d’une firme ne reçoit que ses propres événements': 'a firm’s endpoint receives its own events only',
  'aucune commune n’a l’identifiant {{id}}': 'no commune has the id {{id}}',
  'aucune wilaya n’a le code {{code}}': 'no wilaya has the code {{code}}',
  'aucun site n’a le code {{code}}': 'no site has the code {{code}}',
  'aucun code de taxe {{code}}': 'no tax code {{code}}',
  'aucun bordereau des prix n’est en vigueur le {{day}}': 'no price schedule is in force on {{day}}',
  'aucun article {{code}} dans le bordereau des prix en vigueur le {{day}}':
    'no item {{code}} in the price schedule in force on {{day}}',
  'le site {{site}} est {{status}} : il ne prend plus de travail': 'site {{site}} is {{status}}: it takes no more work',
  'le site {{site}} est dans la wilaya {{siteWilaya}}, le client dans la wilaya {{customerWilaya}}':
    'site {{site}} is in wilaya {{siteWilaya}}, the customer in wilaya {{customerWilaya}}',
  'le fichier n’est pas un CSV valide : {{detail}}': 'the file is not valid CSV: {{detail}}',
  'le fichier n’a aucune ligne': 'the file has no rows',
  'la ligne a plus de valeurs que l’en-tête n’a de colonnes : une valeur qui contient « {{separator}} » doit être entre guillemets':
    'the row has more values than the header has columns: a value holding “{{separator}}” must be in double quotes',
  'la ligne n’est pas un CSV valide : {{detail}}': 'the row is not valid CSV: {{detail}}',
  'le fichier a plus de {{max}} lignes ; un import en prend au plus {{max}}':
    'the file has more than {{max}} rows; an import takes at most {{max}}',
  'colonnes nommées deux fois : {{columns}}': 'columns named twice: {{columns}}',
  'colonnes manquantes : {{columns}}': 'missing columns: {{columns}}',
  'colonnes inconnues : {{columns}} (les colonnes sont {{expected}})':
    'unknown columns: {{columns}} (the columns are {{expected}})',
  '{{value}} figure déjà à la ligne {{line}}': '{{value}} is already on line {{line}}',
  'est obligatoire (vide ici)': 'is required (empty here)',
  'le champ {{name}} est obligatoire': 'the field {{name}} is required',
  'le champ {{name}} n’existe pas': 'the field {{name}} does not exist',
  'n’est pas l’une des valeurs possibles': 'is not one of the possible values',
  'doit être un nombre entier': 'must be a whole number',
  'doit être un texte': 'must be text',
  'n’est pas du type attendu': 'is not of the expected type',
  'doit être l’une des valeurs {{options}}': 'must be one of {{options}}',
  'ce lien de réinitialisation n’est pas valable : demandez-en un nouveau':
    'this reset link is not valid: ask for a new one',
  'ce lien de réinitialisation a expiré : demandez-en un nouveau': 'this reset link has expired: ask for a new one',
  'ce lien de réinitialisation a déjà servi : demandez-en un nouveau':
    'this reset link was already used: ask for a new one',
  'n’est pas une valeur valable': 'is not a valid value',
  // A label and its value, as French spaces them ("Statut : Actif") and English does not ("Status: Active").
  '{{label}} : {{value}}': '{{label}}: {{value}}',
  // lib/format.ts
  '{{days}} j': '{{days}} d',
  // components/GlobalSearch.tsx
  Facture: 'Invoice',
  Brouillon: 'Draft',
  Raccordement: 'Connection',
  Site: 'Site',
  Contractant: 'Contractor',
  'Recherche…': 'Searching…',
  'Rien ne correspond à « {{text}} ».': 'Nothing matches “{{text}}”.',
  'Résultats : {{count}}.': 'Results: {{count}}.',
  'Rechercher un contractant, un site, une commande ou une facture':
    'Search for a contractor, a site, an order or an invoice',
  'Rechercher (n°, nom, code…)': 'Search (no., name, code…)',
  '{{from}} → {{to}}': '{{from}} → {{to}}',
  // components/EmptyState.tsx
  'Élargissez les filtres, ou effacez-les pour revoir toute la liste.':
    'Widen the filters, or clear them to see the whole list again.',
  'Effacer les filtres': 'Clear the filters',
  // lib/errors.ts: the filters' names
  Mois: 'Month',
  // lib/errors.ts: the reasons the server writes, their figures as the console writes them
  'import CSV': 'CSV import',
  'réserves : {{reserves}}': 'reserves: {{reserves}}',
  'qualité : {{issues}}': 'quality: {{issues}}',
  'puissance reçue {{power}} hors de la plage {{min}} à {{max}} (classe {{networkClass}})':
    'received power {{power}} is outside {{min}} to {{max}} (class {{networkClass}})',
  'perte d’épissure {{loss}} au-delà de {{max}}': 'splice loss {{loss}} is over {{max}}',
  'aucun seuil configuré pour la classe {{networkClass}}': 'no thresholds for network class {{networkClass}}',
} satisfies Record<string, string>;
