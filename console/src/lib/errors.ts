import type { CombinedError } from 'urql';
import type { ErrorCode } from './graphql.ts';
import { currentLanguage, msg, translate as t } from './i18n.ts';

/**
 * What a user is told for each of the API's error codes (the schema's ErrorCode enum): a code the
 * schema gains without a sentence here fails the typecheck, a sentence without its English the i18n test.
 */
const messages: Record<ErrorCode, string> = {
  BAD_USER_INPUT: msg('Une valeur saisie n’est pas valable : corrigez-la puis recommencez.'),
  CONFLICT: msg(
    'Ces données ont été modifiées entre-temps par quelqu’un d’autre : rechargez la page puis recommencez.',
  ),
  INVALID_TRANSITION: msg('Cette action n’est pas possible dans l’état actuel.'),
  FORBIDDEN: msg('Votre rôle ne permet pas cette action.'),
  UNAUTHENTICATED: msg('Votre session a expiré : reconnectez-vous.'),
  NOT_FOUND: msg('Introuvable, ou hors de votre périmètre.'),
  CONTRACTOR_NOT_ELIGIBLE: msg('Ce contractant ne peut pas recevoir ce travail.'),
  TECHNICIAN_NOT_ELIGIBLE: msg(
    'Cet utilisateur ne peut pas recevoir ce travail : ce n’est pas un technicien actif de la firme.',
  ),
  SITE_NOT_OPEN: msg('Ce site n’est pas ouvert au travail : il doit être attribué ou en cours.'),
  TOO_MANY_ATTEMPTS: msg('Trop de tentatives : patientez quelques minutes.'),
  AMOUNT_EXCEEDS_BALANCE: msg('Le montant dépasse le reste dû de la facture.'),
  QUALITY_OVERRIDE_REQUIRED: msg('Les mesures sont hors seuils : la réception demande une justification.'),
  INVOICE_EMPTY: msg('Cette facture n’a aucune ligne : il n’y a rien à soumettre.'),
  IDEMPOTENCY_KEY_REUSED: msg(
    'Cette demande a déjà été envoyée avec d’autres valeurs : rechargez la page puis recommencez.',
  ),
  PHOTO_TOO_LARGE: msg('Cette photo est trop lourde : reprenez-la dans une résolution plus faible.'),
  PHOTO_TOO_MANY_PIXELS: msg('Cette photo a trop de pixels : reprenez-la dans une résolution plus faible.'),
  PHOTO_NOT_AN_IMAGE: msg('Ce fichier n’est pas une photo lisible : envoyez une image JPEG, PNG ou WebP.'),
  REQUEST_TOO_LARGE: msg('La demande est trop volumineuse pour le serveur : découpez le fichier en plusieurs.'),
  PHOTO_HEIC_UNSUPPORTED: msg(
    'Les photos HEIC ne sont pas lisibles par le serveur : réglez l’appareil photo sur « Le plus compatible » (JPEG) et reprenez la photo.',
  ),
  SERVICE_UNAVAILABLE: msg('Le serveur ne répond pas pour le moment : réessayez dans quelques secondes.'),
  BAD_REQUEST: msg('Le serveur n’a pas pu lire la demande : rechargez la page puis recommencez.'),
  GRAPHQL_PARSE_FAILED: msg('Cette version de la console ne correspond plus au serveur : rechargez la page.'),
  GRAPHQL_VALIDATION_FAILED: msg('Cette version de la console ne correspond plus au serveur : rechargez la page.'),
  OPERATION_RESOLUTION_FAILURE: msg('Cette version de la console ne correspond plus au serveur : rechargez la page.'),
  PERSISTED_QUERY_NOT_SUPPORTED: msg('Cette version de la console ne correspond plus au serveur : rechargez la page.'),
  QUERY_TOO_COMPLEX: msg('Cette demande porte sur trop de données à la fois : réduisez la page ou les filtres.'),
  TOO_MANY_SUBSCRIPTIONS: msg('Trop de suivis en direct ouverts : fermez des onglets de la console.'),
  EVENTS_PRUNED: msg('Les changements manqués ne sont plus conservés : rechargez la page.'),
  INTERNAL_SERVER_ERROR: msg('Le serveur n’a pas pu traiter la demande.'),
};

/** Whether an `extensions.code` is one of the schema's codes. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(messages, code);
}

/**
 * The API explains a refused value in English (its zod schemas, server/src/common/validation.ts and
 * the modules'). In French the console says the same in French: the exact sentences, then those
 * that carry a number.
 */
const frenchReasons: Record<string, string> = {
  'is required': 'est obligatoire',
  'must not be empty': 'ne doit pas être vide',
  'must be within Algeria': 'doit être en Algérie',
  'must be an email address': 'doit être une adresse e-mail',
  'must not be in the future': 'ne doit pas être dans le futur',
  'must be in the future': 'doit être dans le futur',
  'must be more than 0': 'doit être supérieur à 0',
  'must be a date and time': 'doit être une date et une heure',
  'must not start with =, +, - or @': 'ne doit pas commencer par =, +, - ou @',
  'must not contain control characters': 'ne doit pas contenir de caractères de contrôle',
  'must not contain control characters or direction overrides':
    'ne doit pas contenir de caractères de contrôle ni d’inversion de sens',
  'must contain letters or digits': 'doit contenir des lettres ou des chiffres',
  'must be valid Unicode text': 'doit être un texte valide',
  'must not contain the replacement character � (was the file saved as UTF-8?)':
    'ne doit pas contenir le caractère de remplacement � (le fichier est-il enregistré en UTF-8 ?)',
  'the row has more values than the header has columns: a value holding ";" must be in double quotes':
    'la ligne a plus de valeurs que l’en-tête n’a de colonnes : une valeur qui contient « ; » doit être entre guillemets',
  'the row has more values than the header has columns: a value holding "," must be in double quotes':
    'la ligne a plus de valeurs que l’en-tête n’a de colonnes : une valeur qui contient « , » doit être entre guillemets',
  'must be two digits, such as "01"': 'doit faire deux chiffres, par exemple « 01 »',
  // A list's or a figure's filter (server/src/modules/reference-data/reference-data.service.ts, the lists' services).
  'must be the code of a wilaya: none is loaded': 'doit être le code d’une wilaya : aucune n’est chargée',
  'must be the id of a commune': 'doit être l’identifiant d’une commune',
  'must name at least one status': 'doit nommer au moins un statut',
  'must be one of statuses when both are given':
    'doit être l’un des statuts de « statuses » quand les deux sont donnés',
  'must be after appointmentFrom': 'doit être après le début de la période (appointmentFrom)',
  'must be an id such as "42"': 'doit être un identifiant, par exemple « 42 »',
  'must be a date as YYYY-MM-DD': 'doit être une date AAAA-MM-JJ',
  'must name at least one wilaya': 'doit nommer au moins une wilaya',
  'must name at least one scope': 'doit nommer au moins une autorisation',
  'must name at least one reserve': 'doit nommer au moins une réserve',
  'must name at least one line': 'doit nommer au moins une ligne',
  'must name each line once': 'doit nommer chaque ligne une seule fois',
  'must credit at least one line': 'doit créditer au moins une ligne',
  'must be 15 digits (20 for a branch)': 'doit faire 15 chiffres (20 pour un établissement)',
  'must be an amount in DZD such as "1234.56" (dot, at most two decimals)':
    'doit être un montant en DA, par exemple 1234,56 (deux décimales au plus)',
  'must be BANK_TRANSFER, CCP_TRANSFER or CHEQUE': 'doit être un virement bancaire, un virement CCP ou un chèque',
  'must be a date and time from now to a year ahead': 'doit être une date et une heure entre maintenant et dans un an',
  'must be after the order was taken': 'doit être après la prise de commande',
  'is required when failureReason is OTHER': 'est obligatoire quand le motif de l’échec est « Autre »',
  'CSV import': 'import CSV',
  'must be a quantity such as "42.5" (dot, at most three decimals)':
    'doit être une quantité, par exemple 42,5 (trois décimales au plus)',
  'must be an amount in DA such as "4500.00"': 'doit être un montant en DA, par exemple 4500,00',
  'must be a date and time in ISO 8601, e.g. 2026-11-02T08:30:00Z': 'doit être une date et une heure',
  'must be a decimal number such as "-21.5"': 'doit être un nombre décimal, par exemple -21,5',
  'must be a month YYYY-MM': 'doit être un mois AAAA-MM',
  'must hold at least one line of work': 'doit contenir au moins une ligne de travail',
  'must hold at least one item': 'doit contenir au moins un élément',
  'must be within Algeria (18.9 to 37.2)': 'doit être en Algérie (18,9 à 37,2)',
  'must be within Algeria (−8.7 to 12.0)': 'doit être en Algérie (−8,7 à 12,0)',
  'names too many wilayas': 'nomme trop de wilayas',
  'is not a scope an API key can hold': 'n’est pas une autorisation qu’une clé d’API peut détenir',
  'must be from 2000 to 2100': 'doit être entre 2000 et 2100',
  'must not be before 2000': 'ne doit pas être avant 2000',
  'must be a valid Algerian phone number, such as 0550 12 34 56 or +213 550 12 34 56':
    'doit être un numéro de téléphone algérien, par exemple 0550 12 34 56 ou +213 550 12 34 56',
  'a DOT manager covers at least one wilaya': 'un responsable DOT couvre au moins une wilaya',
  'only a DOT manager covers wilayas': 'seul un responsable DOT couvre des wilayas',
  'must not be before the order was taken': 'ne doit pas être antérieure à la commande',
  'must not be before the order was taken: the photo cannot show this work':
    'ne doit pas être antérieure à la commande : la photo ne peut pas montrer ce travail',
  'must be a valid Algerian mobile number, such as 0550 12 34 56 or +213 550 12 34 56':
    'doit être un numéro de mobile algérien, par exemple 0550 12 34 56 ou +213 550 12 34 56',
  // Notification preferences (server/src/modules/notification/notification.service.ts).
  'needs a mobile number to send the SMS to': 'demande un numéro de mobile où envoyer les SMS',
  'is needed while notifications are received by SMS: turn those off first':
    'est nécessaire tant que des notifications sont reçues par SMS : décochez-les d’abord',
  'must be a RIB of 20 digits whose last two are its key (97 − (branch‖account × 100 mod 97))':
    'doit être un RIB de 20 chiffres dont les deux derniers sont la clé',
  // A contractor's rules, and a CSV import's (server/src/common/csv-import.ts, the modules' imports).
  'must be 3–40 digits, letters and separators (/ . - space)':
    'doit faire de 3 à 40 chiffres, lettres et séparateurs (/ . - espace)',
  'must be AUTO_ENTREPRENEUR exactly when the legal form is AUTO_ENTREPRENEUR':
    'doit être AUTO_ENTREPRENEUR exactement quand la forme juridique est AUTO_ENTREPRENEUR',
  'is required for an auto-entrepreneur': 'est obligatoire pour un auto-entrepreneur',
  'must be empty for an auto-entrepreneur, who has a card number instead':
    'doit être vide pour un auto-entrepreneur, qui a un numéro de carte à la place',
  'is required unless the legal form is AUTO_ENTREPRENEUR':
    'est obligatoire, sauf si la forme juridique est AUTO_ENTREPRENEUR',
  'Invalid input: expected number, received string': 'doit être un nombre entier',
  'the file has no rows': 'le fichier n’a aucune ligne',
  // A site's and an order's rules (server/src/modules/site/site.inputs.ts, customer-subscription.inputs.ts).
  'must be 2–40 letters (A–Z), digits, "-" or "_", starting with a letter or digit':
    'doit faire de 2 à 40 lettres (A–Z), chiffres, « - » ou « _ », en commençant par une lettre ou un chiffre',
  'give both coordinates or neither': 'indiquez les deux coordonnées, ou aucune',
  'must not be before plannedStart': 'ne doit pas précéder le début prévu',
  "must be 3–40 letters (A–Z), digits, '/', '-' or '_'":
    'doit faire de 3 à 40 lettres (A–Z), chiffres, « / », « - » ou « _ »',
  // A price schedule version's rules (server/src/modules/invoice/price-schedule.service.ts).
  'must be after today: a version in force is never changed':
    'doit être après aujourd’hui : une version en vigueur ne change jamais',
  'must be 2–20 capitals, digits or "-"': 'doit faire de 2 à 20 majuscules, chiffres ou « - »',
  // Photo uploads and the photos a report names (server/src/modules/photo/photo.service.ts, photo.routes.ts).
  'must be a decimal number such as "36.7538"': 'doit être un nombre décimal, par exemple 36,7538',
  'must be a distance in metres from 0, such as "12.5"':
    'doit être une distance en mètres à partir de 0, par exemple 12,5',
  'must be a UUID such as "3f2a5c1e-8b4d-4f6a-9c2e-1d7b8a9e0f12"':
    'doit être un UUID, par exemple « 3f2a5c1e-8b4d-4f6a-9c2e-1d7b8a9e0f12 »',
  'must name each photo once': 'doit nommer chaque photo une seule fois',
  'is attached to a report or a failure already': 'est déjà jointe à un rapport ou à un échec',
  'an upload carries one file, in the field "file"': 'un envoi porte un seul fichier, dans le champ « file »',
};
const frenchReasonPatterns: [RegExp, string][] = [
  [/^must be at most (\d+) characters$/, 'doit faire au plus $1 caractères'],
  [/^must be at least (\d+) characters$/, 'doit faire au moins $1 caractères'],
  [/^must be at least (\d+)$/, 'doit être au moins $1'],
  [/^must be at most ([\d,]+)$/, 'doit être au plus $1'],
  [/^must hold at most (\d+) (\w+)$/, 'doit contenir au plus $1 éléments'],
  [/^Invalid option: expected one of (.+)$/, 'doit être l’une des valeurs $1'],
  [/^missing columns: (.+)$/, 'colonnes manquantes : $1'],
  [/^columns named twice: (.+)$/, 'colonnes nommées deux fois : $1'],
  [/^unknown columns: (.+) \(the columns are (.+)\)$/, 'colonnes inconnues : $1 (les colonnes sont $2)'],
  [/^the file is not valid CSV: ([^]*)$/, 'le fichier n’est pas un CSV valide : $1'],
  [
    /^the file has (\d+) rows; an import takes at most (\d+)$/,
    'le fichier a $1 lignes ; un import en prend au plus $2',
  ],
  [/^no commune with id (.+)$/, 'aucune commune n’a l’identifiant $1'],
  [/^no wilaya with code (.+)$/, 'aucune wilaya n’a le code $1'],
  [/^must be the code of a wilaya, "(\d+)" to "(\d+)"$/, 'doit être le code d’une wilaya, de « $1 » à « $2 »'],
  [
    /^must be a commune of wilaya (\S+): it is in wilaya (\S+)$/,
    'doit être une commune de la wilaya $1 : elle est dans la wilaya $2',
  ],
  [/^(.+) is already on line (\d+)$/, '$1 figure déjà à la ligne $2'],
  [
    /^received power (\S+) dBm is outside (\S+) to (\S+) dBm \(class (\S+)\)$/,
    'puissance reçue $1 dBm hors de la plage $2 à $3 dBm (classe $4)',
  ],
  [
    /^must be at most the quantity invoiced and not yet credited \((.+)\)$/,
    'doit être au plus la quantité facturée et pas encore créditée ($1)',
  ],
  [/^splice loss (\S+) dB is over (\S+) dB$/, 'perte d’épissure $1 dB au-delà de $2 dB'],
  [/^code (.+) appears twice$/, 'le code $1 figure deux fois'],
  [/^no tax code (.+)$/, 'aucun code de taxe $1'],
  [/^must be a whole number for an item priced per (\w+)$/, 'doit être un nombre entier pour cet article (unité : $1)'],
  [/^no site with code (.+)$/, 'aucun site n’a le code $1'],
  [/^site (\S+) is (\S+): it takes no more work$/, 'le site $1 est $2 : il ne prend plus de travail'],
  [
    /^site (\S+) is in wilaya (\S+), the customer in (?:wilaya )?(\S+)$/,
    'le site $1 est dans la wilaya $2, le client dans la wilaya $3',
  ],
  [/^must be at most (\d+) bytes$/, 'doit faire au plus $1 octets'],
  [
    /^is not a field of a photo upload \(the fields are (.+)\)$/,
    'n’est pas un champ d’un envoi de photo (les champs sont $1)',
  ],
];

/** The prefix of a status reason the quality gate wrote: its issues follow, separated by "; ". */
const qualityPrefix = 'quality: ';
/** The prefix of a rejection's status reason: the reserves a person typed follow, separated by "; ". */
const reservesPrefix = 'reserves: ';

/**
 * A reason given by the API, in the console's language: a refused value's explanation, or a status
 * reason the server wrote itself (the quality gate's "quality: …", "CSV import"). Text a person typed
 * matches none of them and is returned as typed.
 */
export function reasonInLanguage(reason: string): string {
  if (currentLanguage() === 'en') return reason;
  if (reason.startsWith(reservesPrefix))
    return `réserves : ${reason.slice(reservesPrefix.length).split('; ').join(' ; ')}`;
  if (reason.startsWith(qualityPrefix))
    return `qualité : ${reason.slice(qualityPrefix.length).split('; ').map(reasonInLanguage).join(' ; ')}`;
  const exact = frenchReasons[reason];
  if (exact) return exact;
  for (const [pattern, french] of frenchReasonPatterns)
    if (pattern.test(reason)) return reason.replace(pattern, french);
  return reason;
}

/**
 * What a list's or a figure's filter is called on its page, for the refusal of a value that came from
 * the address (`?wilaya=99`, `?mois=2026-13`): the API names the filter (`filter.wilayaCode`, `wilayaCode`).
 */
const filterLabels: Record<string, string> = {
  wilayaCode: msg('Wilaya'),
  period: msg('Mois facturé'),
  technicianId: msg('Technicien'),
};

/** The name of the field `field` the API refused, as its page calls it when it is a filter; the API's name otherwise. */
export function fieldLabel(field: string): string {
  const label = filterLabels[field.slice(field.lastIndexOf('.') + 1)];
  return label ? t(label) : field;
}

/** One problem of a refused change: the input field it concerns (null when none) and what to say. */
export interface FieldProblem {
  readonly field: string | null;
  readonly message: string;
}

/**
 * The problems of a failed mutation, in words a user understands: a BAD_USER_INPUT names its field
 * (and each field when there are several) with the server's `reason`; other codes get the sentence of
 * their code; an unexpected error gives its reference to quote. The server's `message` is English for
 * its log readers and is shown only when it gave no code (an answer from something else than Raccord).
 */
export function problemsOf(error: CombinedError): FieldProblem[] {
  if (error.networkError && error.graphQLErrors.length === 0)
    return [{ field: null, message: t('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.') }];
  return error.graphQLErrors.flatMap((graphQLError) => {
    const extensions = graphQLError.extensions ?? {};
    const code = extensions['code'];
    const field = typeof extensions['field'] === 'string' ? extensions['field'] : null;
    if (code === 'BAD_USER_INPUT') {
      const problems = extensions['problems'] as { field: string; reason: string }[] | undefined;
      if (problems)
        return problems.map((problem) => ({ field: problem.field, message: reasonInLanguage(problem.reason) }));
      const reason = extensions['reason'];
      return [{ field, message: typeof reason === 'string' ? reasonInLanguage(reason) : t(messages[code]) }];
    }
    if (code === 'INTERNAL_SERVER_ERROR') {
      return [
        {
          field: null,
          message: t('Le serveur n’a pas pu traiter la demande. Référence à communiquer : {{reference}}', {
            reference: String(extensions['correlationId'] ?? ''),
          }),
        },
      ];
    }
    // A CONFLICT on a field other than the version is a unique value (a NIF, a code) already taken.
    if (code === 'CONFLICT' && field && field !== 'expectedVersion')
      return [{ field, message: t('Cette valeur est déjà utilisée par un autre enregistrement.') }];
    return [{ field, message: isErrorCode(code) ? t(messages[code]) : graphQLError.message }];
  });
}
