import type { CombinedError } from 'urql';
import type { ErrorCode, InputReason } from './graphql.ts';
import { formatDb, formatDbm, formatDecimal, networkClassLabel } from './format.ts';
import { currentLanguage, msg, translate as t, type Language } from './i18n.ts';

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
  MAIL_OFF: msg(
    'Ce serveur n’envoie pas d’e-mails : aucun lien de réinitialisation ne peut être envoyé. L’exploitant doit configurer l’envoi (SMTP_URL et PUBLIC_URL).',
  ),
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

/**
 * What a user is told for each reason the API gives a refused value (the schema's InputReason enum,
 * in `extensions.reasonCode`), with the values it names (`reasonParams`): a reason the schema gains
 * without a sentence here fails the typecheck, a sentence without its English the i18n test.
 */
const reasonMessages: Record<InputReason, string> = {
  REQUIRED: msg('est obligatoire'),
  NOT_EMPTY: msg('ne doit pas être vide'),
  LETTERS_OR_DIGITS: msg('doit contenir des lettres ou des chiffres'),
  MAX_CHARACTERS: msg('doit faire au plus {{max}} caractères'),
  MIN_CHARACTERS: msg('doit faire au moins {{min}} caractères'),
  MAX_BYTES: msg('doit faire au plus {{max}} octets'),
  MIN_VALUE: msg('doit être au moins {{min}}'),
  MAX_VALUE: msg('doit être au plus {{max}}'),
  MORE_THAN_ZERO: msg('doit être supérieur à 0'),
  VALUE_RANGE: msg('doit être entre {{min}} et {{max}}'),
  PAGE_SIZE_RANGE: msg('doit être entre 1 et {{max}} (reçu : {{value}})'),
  DISTANCE_RANGE: msg('doit être entre 0 et 100 000 mètres'),
  NO_FORMULA: msg('ne doit pas commencer par =, +, - ou @'),
  NO_CONTROL_CHARACTERS: msg('ne doit pas contenir de caractères de contrôle'),
  NO_CONTROL_OR_DIRECTION_CHARACTERS: msg('ne doit pas contenir de caractères de contrôle ni d’inversion de sens'),
  VALID_UNICODE: msg('doit être un texte valide'),
  NO_REPLACEMENT_CHARACTER: msg(
    'ne doit pas contenir le caractère de remplacement � (le fichier est-il enregistré en UTF-8 ?)',
  ),
  EMAIL: msg('doit être une adresse e-mail'),
  PHONE: msg('doit être un numéro de téléphone algérien, par exemple 0550 12 34 56 ou +213 550 12 34 56'),
  MOBILE_PHONE: msg('doit être un numéro de mobile algérien, par exemple 0550 12 34 56 ou +213 550 12 34 56'),
  RECORD_ID: msg('doit être un identifiant, par exemple « 42 »'),
  UUID: msg('doit être un UUID, par exemple « 3f2a5c1e-8b4d-4f6a-9c2e-1d7b8a9e0f12 »'),
  CHANGE_LOG_POSITION: msg('doit être une position du journal des changements, par exemple « 42 »'),
  CHANGE_LOG_POSITION_PAST_END: msg('la position {{position}} est au-delà de la fin du journal ({{head}})'),
  PAGE_CURSOR: msg('doit être un curseur rendu par cette liste : rechargez la page'),
  VERSION_NUMBER: msg('doit être un numéro de version à partir de 1'),
  IDEMPOTENCY_KEY: msg('doit faire de 1 à 100 lettres, chiffres, « . », « _ », « : » ou « - »'),
  WILAYA_CODE: msg('doit faire deux chiffres, par exemple « 01 »'),
  WILAYA_CODE_LEADING_ZERO: msg('doit faire deux chiffres, avec un zéro devant, par exemple « 01 »'),
  WILAYA_CODE_RANGE: msg('doit être le code d’une wilaya, de « {{first}} » à « {{last}} »'),
  WILAYA_NOT_LOADED: msg('doit être le code d’une wilaya : aucune n’est chargée'),
  COMMUNE_ID: msg('doit être l’identifiant d’une commune'),
  COMMUNE_IN_OTHER_WILAYA: msg(
    'doit être une commune de la wilaya {{wilaya}} : elle est dans la wilaya {{communeWilaya}}',
  ),
  AT_LEAST_ONE_STATUS: msg('doit nommer au moins un statut'),
  STATUS_AMONG_STATUSES: msg('doit être l’un des statuts de « statuses » quand les deux sont donnés'),
  AFTER_APPOINTMENT_FROM: msg('doit être après le début de la période (appointmentFrom)'),
  CALENDAR_DATE: msg('doit être une date AAAA-MM-JJ'),
  DATE_TIME: msg('doit être une date et une heure'),
  DATE_TIME_ISO: msg('doit être une date et une heure, par exemple 2026-11-02T08:30:00Z'),
  MONTH: msg('doit être un mois AAAA-MM'),
  MONTH_WINDOW_ONLY: msg('ne va qu’avec la période MONTH (un mois)'),
  YEAR_RANGE: msg('doit être entre 2000 et 2100'),
  NOT_BEFORE_2000: msg('ne doit pas être avant 2000'),
  IN_THE_FUTURE: msg('doit être dans le futur'),
  NOT_IN_THE_FUTURE: msg('ne doit pas être dans le futur'),
  WITHIN_A_YEAR: msg('doit être une date et une heure entre maintenant et dans un an'),
  AFTER_ORDER: msg('doit être après la prise de commande'),
  NOT_BEFORE_ORDER: msg('ne doit pas être antérieure à la commande'),
  NOT_BEFORE_APPOINTMENT_DAY: msg('ne doit pas être avant le jour du rendez-vous ({{appointmentDay}}, heure d’Alger)'),
  PHOTO_BEFORE_ORDER: msg('ne doit pas être antérieure à la commande : la photo ne peut pas montrer ce travail'),
  NOT_BEFORE_PLANNED_START: msg('ne doit pas précéder le début prévu'),
  PAYMENT_AFTER_TODAY: msg('ne doit pas être après aujourd’hui ({{today}}, heure d’Alger)'),
  PAYMENT_BEFORE_ISSUE: msg('ne doit pas être avant la date d’émission de la facture ({{issuedOn}})'),
  HOLIDAY_AFTER_TODAY: msg('doit être après aujourd’hui : les délais déjà comptés ne changent jamais'),
  HOLIDAY_PAST_STAYS: msg(
    'est un jour férié aujourd’hui ou passé, qui reste : les délais déjà comptés ne changent jamais',
  ),
  STEP_TARGET_TWICE: msg('donne à l’étape {{step}} un second objectif pour le même lieu'),
  STEP_NATIONAL_TARGET: msg('doit donner à l’étape {{step}} un objectif national (sans wilaya)'),
  INVOICE_STEP_NATIONAL_ONLY: msg('doit rester vide : une étape de facture n’a qu’un objectif national'),
  EFFECTIVE_AFTER_TODAY: msg('doit être après aujourd’hui : une version en vigueur ne change jamais'),
  DECIMAL_DEGREES: msg('doit être un nombre décimal, par exemple 36,7538'),
  DECIMAL_NUMBER: msg('doit être un nombre décimal, par exemple -21,5'),
  DISTANCE_METRES: msg('doit être une distance en mètres à partir de 0, par exemple 12,5'),
  WITHIN_ALGERIA: msg('doit être en Algérie'),
  LATITUDE_IN_ALGERIA: msg('doit être en Algérie (18,9 à 37,2)'),
  LONGITUDE_IN_ALGERIA: msg('doit être en Algérie (−8,7 à 12,0)'),
  BOTH_COORDINATES: msg('indiquez les deux coordonnées, ou aucune'),
  WITH_LATITUDE: msg('va avec la latitude : indiquez les deux, ou aucune'),
  WITH_POSITION_ONLY: msg('ne va qu’avec une position'),
  AMOUNT_DZD: msg('doit être un montant en DA, par exemple 1234,56 (deux décimales au plus)'),
  AMOUNT_DA: msg('doit être un montant en DA, par exemple 4500,00'),
  QUANTITY: msg('doit être une quantité, par exemple 42,5 (trois décimales au plus)'),
  WHOLE_QUANTITY: msg('doit être un nombre entier pour cet article (unité : {{unit}})'),
  CREDIT_OVER_REMAINING: msg('doit être au plus la quantité facturée et pas encore créditée ({{remaining}})'),
  PAYMENT_METHOD: msg('doit être un virement bancaire, un virement CCP ou un chèque'),
  INVOICE_STATUS: msg('doit être un statut de facture'),
  NIF: msg('doit faire 15 chiffres (20 pour un établissement)'),
  NIS: msg('doit faire 15 chiffres'),
  RC_NUMBER: msg(
    'doit être un n° de RC : au moins 6 chiffres et une lettre, par exemple 16/00-0123456 B 15 ou 02 B 0018083',
  ),
  REGISTRATION_NUMBER: msg(
    'doit faire de 3 à 40 chiffres, lettres et séparateurs (/ . - espace), dont au moins 3 chiffres',
  ),
  RIB: msg('doit être un RIB de 20 chiffres dont les deux derniers sont la clé'),
  FISCAL_REGIME: msg('doit être AUTO_ENTREPRENEUR exactement quand la forme juridique est AUTO_ENTREPRENEUR'),
  CARD_NUMBER_REQUIRED: msg('est obligatoire pour un auto-entrepreneur'),
  RC_NUMBER_NOT_FOR_AUTO_ENTREPRENEUR: msg(
    'doit être vide pour un auto-entrepreneur, qui a un numéro de carte à la place',
  ),
  RC_NUMBER_REQUIRED: msg('est obligatoire, sauf si la forme juridique est AUTO_ENTREPRENEUR'),
  CONTACT_LIST: msg('doit être une liste de contacts'),
  WILAYA_CODE_LIST: msg('doit être une liste de codes de wilaya'),
  AT_LEAST_ONE_WILAYA: msg('doit nommer au moins une wilaya'),
  TOO_MANY_WILAYAS: msg('nomme trop de wilayas'),
  DOT_MANAGER_WITHOUT_WILAYA: msg('un responsable DOT couvre au moins une wilaya'),
  WILAYAS_ONLY_FOR_DOT_MANAGER: msg('seul un responsable DOT couvre des wilayas'),
  FIRM_ONLY_FOR_FIRM_ROLES: msg('est obligatoire pour un utilisateur contractant ou technicien, et seulement pour eux'),
  FIRM_ADMIN_ONLY_CONTRACTOR: msg('seul un utilisateur contractant peut administrer sa firme'),
  SITE_CODE: msg(
    'doit faire de 2 à 40 lettres (A–Z), chiffres, « - » ou « _ », en commençant par une lettre ou un chiffre',
  ),
  ORDER_REFERENCE: msg('doit faire de 3 à 40 lettres (A–Z), chiffres, « / », « - » ou « _ »'),
  ONT_SERIAL: msg('doit faire de 4 à 40 lettres, chiffres ou « - », comme imprimé sur l’ONT'),
  PRICE_SCHEDULE_CODE: msg('doit faire de 2 à 20 majuscules, chiffres ou « - »'),
  API_KEY_SCOPE: msg('n’est pas une autorisation qu’une clé d’API peut détenir'),
  AT_LEAST_ONE_SCOPE: msg('doit nommer au moins une autorisation'),
  AT_LEAST_ONE_RESERVE: msg('doit nommer au moins une réserve'),
  AT_LEAST_ONE_LINE: msg('doit nommer au moins une ligne'),
  AT_LEAST_ONE_WORK_LINE: msg('doit contenir au moins une ligne de travail'),
  AT_LEAST_ONE_ITEM: msg('doit contenir au moins un élément'),
  AT_LEAST_ONE_EVENT_TYPE: msg('doit nommer au moins un type d’événement'),
  AT_LEAST_ONE_NOTIFICATION: msg('doit nommer au moins une notification'),
  AT_LEAST_ONE_CREDITED_LINE: msg('doit créditer au moins une ligne'),
  AT_MOST_ITEMS: msg('doit contenir au plus {{max}} éléments'),
  AT_MOST_NAMED: msg('doit nommer au plus {{max}} éléments'),
  EACH_LINE_ONCE: msg('doit nommer chaque ligne une seule fois'),
  EACH_PHOTO_ONCE: msg('doit nommer chaque photo une seule fois'),
  NAMED_TWICE: msg('le code {{code}} figure deux fois'),
  ITEM_TWICE: msg('l’article {{code}} figure deux fois'),
  LINE_NOT_REJECTED: msg('la ligne {{line}} n’a pas été refusée'),
  REJECTED_LINES_MISSING: msg('doit donner la quantité réclamée pour chaque ligne refusée (manquent : {{lines}})'),
  PHOTO_ATTACHED: msg('est déjà jointe à un rapport ou à un échec'),
  ONE_UPLOAD_FILE: msg('un envoi porte un seul fichier, dans le champ « file »'),
  FAILURE_DETAIL_REQUIRED: msg('est obligatoire quand le motif de l’échec est « Autre »'),
  SIGNATURE_REASON_NOT_NEEDED: msg('le client a signé (une photo de signature est jointe) : ne donnez pas de motif'),
  SMS_NEEDS_MOBILE: msg('demande un numéro de mobile où envoyer les SMS'),
  MOBILE_NEEDED_FOR_SMS: msg('est nécessaire tant que des notifications sont reçues par SMS : décochez-les d’abord'),
  NOTIFICATION_KINDS: msg('doit être des types de notification'),
  IDS_OR_ALL: msg('donnez soit des identifiants, soit « toutes », pas les deux'),
  WEBHOOK_EVENT_TYPE: msg('doit être un type d’événement : facture, raccordement ou site'),
  HTTPS_URL: msg('doit être une adresse https://'),
  PUBLIC_ADDRESS: msg('doit être sur Internet, pas une adresse locale ou privée'),
  NO_URL_CREDENTIALS: msg('ne doit contenir ni nom d’utilisateur ni mot de passe'),
  FIRM_ENDPOINT_OWN_EVENTS: msg('le point d’accès d’une firme ne reçoit que ses propres événements'),
  NO_COMMUNE: msg('aucune commune n’a l’identifiant {{id}}'),
  NO_WILAYA: msg('aucune wilaya n’a le code {{code}}'),
  NO_SITE: msg('aucun site n’a le code {{code}}'),
  NO_TAX_CODE: msg('aucun code de taxe {{code}}'),
  NO_PRICE_SCHEDULE: msg('aucun bordereau des prix n’est en vigueur le {{day}}'),
  NO_PRICED_ITEM: msg('aucun article {{code}} dans le bordereau des prix en vigueur le {{day}}'),
  SITE_CLOSED_TO_WORK: msg('le site {{site}} est {{status}} : il ne prend plus de travail'),
  SITE_IN_OTHER_WILAYA: msg(
    'le site {{site}} est dans la wilaya {{siteWilaya}}, le client dans la wilaya {{customerWilaya}}',
  ),
  CSV_INVALID: msg('le fichier n’est pas un CSV valide : {{detail}}'),
  CSV_NO_ROWS: msg('le fichier n’a aucune ligne'),
  CSV_ROW_TOO_LONG: msg(
    'la ligne a plus de valeurs que l’en-tête n’a de colonnes : une valeur qui contient « {{separator}} » doit être entre guillemets',
  ),
  CSV_ROW_INVALID: msg('la ligne n’est pas un CSV valide : {{detail}}'),
  CSV_TOO_MANY_ROWS: msg('le fichier a plus de {{max}} lignes ; un import en prend au plus {{max}}'),
  CSV_COLUMNS_TWICE: msg('colonnes nommées deux fois : {{columns}}'),
  CSV_MISSING_COLUMNS: msg('colonnes manquantes : {{columns}}'),
  CSV_UNKNOWN_COLUMNS: msg('colonnes inconnues : {{columns}} (les colonnes sont {{expected}})'),
  CSV_DUPLICATE_KEY: msg('{{value}} figure déjà à la ligne {{line}}'),
  NOT_NULL: msg('est obligatoire (vide ici)'),
  FIELD_NOT_PROVIDED: msg('le champ {{name}} est obligatoire'),
  UNKNOWN_FIELD: msg('le champ {{name}} n’existe pas'),
  NOT_AN_ENUM_VALUE: msg('n’est pas l’une des valeurs possibles'),
  NOT_AN_INT: msg('doit être un nombre entier'),
  NOT_A_STRING: msg('doit être un texte'),
  WRONG_TYPE: msg('n’est pas du type attendu'),
  NOT_AN_OPTION: msg('doit être l’une des valeurs {{options}}'),
  RESET_LINK_INVALID: msg('ce lien de réinitialisation n’est pas valable : demandez-en un nouveau'),
  RESET_LINK_EXPIRED: msg('ce lien de réinitialisation a expiré : demandez-en un nouveau'),
  RESET_LINK_USED: msg('ce lien de réinitialisation a déjà servi : demandez-en un nouveau'),
  INVALID: msg('n’est pas une valeur valable'),
};

/** Whether an `extensions.code` is one of the schema's codes. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(messages, code);
}

/**
 * The reasons the server writes in English into a record's status (`statusReason`, the audit trail's
 * reasons) and the quality gate's issues (shared/quality-gate.ts), said in the console's language,
 * English included: the exact sentences, then those that carry figures, whose measurements and class
 * are written as the console writes them everywhere (`formatDbm`, `networkClassLabel`: "−29,5 dBm",
 * "B+"), not as the server's "-29.5 dBm", "B_PLUS". A refused value's reason is not one of them: it
 * comes as a code (`reasonMessage`).
 */
const exactReasons: Record<string, string> = {
  'CSV import': msg('import CSV'),
};
const reasonPatterns: [RegExp, (...figures: string[]) => string][] = [
  [
    /^received power (\S+) dBm is outside (\S+) to (\S+) dBm \(class (\S+)\)$/,
    (power, min, max, networkClass) =>
      t('puissance reçue {{power}} hors de la plage {{min}} à {{max}} (classe {{networkClass}})', {
        power: formatDbm(power),
        min: formatDecimal(min),
        max: formatDbm(max),
        networkClass: networkClassLabel(networkClass),
      }),
  ],
  [
    /^splice loss (\S+) dB is over (\S+) dB$/,
    (loss, max) => t('perte d’épissure {{loss}} au-delà de {{max}}', { loss: formatDb(loss), max: formatDb(max) }),
  ],
  [
    /^no thresholds for network class (\S+)$/,
    (networkClass) =>
      t('aucun seuil configuré pour la classe {{networkClass}}', { networkClass: networkClassLabel(networkClass) }),
  ],
];

/** Between two reserves or two quality issues, as each language punctuates a list of clauses. */
const clauseSeparators: Record<Language, string> = { fr: ' ; ', en: '; ', ar: '؛ ' };

/** The prefix of a status reason the quality gate wrote: its issues follow, separated by "; ". */
const qualityPrefix = 'quality: ';
/** The prefix of a rejection's status reason: the reserves a person typed follow, separated by "; ". */
const reservesPrefix = 'reserves: ';

/**
 * A status reason or a quality issue given by the API, in the console's language: one the server wrote
 * itself (the quality gate's "quality: …", "CSV import"). Text a person typed matches none of them and
 * is returned as typed.
 */
export function reasonInLanguage(reason: string): string {
  const separator = clauseSeparators[currentLanguage()];
  if (reason.startsWith(reservesPrefix))
    return t('réserves : {{reserves}}', {
      reserves: reason.slice(reservesPrefix.length).split('; ').join(separator),
    });
  if (reason.startsWith(qualityPrefix))
    return t('qualité : {{issues}}', {
      issues: reason.slice(qualityPrefix.length).split('; ').map(reasonInLanguage).join(separator),
    });
  const exact = exactReasons[reason];
  if (exact) return t(exact);
  for (const [pattern, say] of reasonPatterns) {
    const match = pattern.exec(reason);
    if (match) return say(...match.slice(1));
  }
  return reason;
}

/**
 * What a list's or a figure's filter is called on its page, for the refusal of a value that came from
 * the address (`?wilaya=99`, `?mois=2026-13`): the API names the filter (`filter.wilayaCode`, `wilayaCode`).
 */
const filterLabels: Record<string, string> = {
  wilayaCode: msg('Wilaya'),
  period: msg('Mois facturé'),
  month: msg('Mois'),
  contractorId: msg('Contractant'),
  technicianId: msg('Technicien'),
};

/** The name of the field `field` the API refused, as its page calls it when it is a filter; the API's name otherwise. */
export function fieldLabel(field: string): string {
  const label = filterLabels[field.slice(field.lastIndexOf('.') + 1)];
  return label ? t(label) : field;
}

/** Why the API refused a value: `reasonCode` and `reasonParams` of a BAD_USER_INPUT or of one of its `problems`. */
interface CodedReason {
  readonly reasonCode?: unknown;
  readonly reasonParams?: unknown;
}

/**
 * A refused value's reason in the console's language, from its code and the values it names; the
 * sentence of BAD_USER_INPUT for a reason this console does not know (a server newer than it). The
 * server's English `reason` is never shown.
 */
export function reasonMessage({ reasonCode, reasonParams }: CodedReason): string {
  if (typeof reasonCode !== 'string' || !Object.hasOwn(reasonMessages, reasonCode)) return t(messages.BAD_USER_INPUT);
  const params = typeof reasonParams === 'object' && reasonParams !== null ? reasonParams : {};
  return t(reasonMessages[reasonCode as InputReason], { ...params });
}

/** One problem of a refused change: the input field it concerns (null when none) and what to say. */
export interface FieldProblem {
  readonly field: string | null;
  readonly message: string;
}

/**
 * The problems of a failed mutation, in words a user understands: a BAD_USER_INPUT names its field
 * (and each field when there are several) with its reason's code in words (`reasonMessage`); other
 * codes get the sentence of their code; an unexpected error gives its reference to quote. The server's
 * `message` and `reason` are English for its log readers and third parties; the message is shown
 * only when it gave no code (an answer from something else than Raccord).
 */
export function problemsOf(error: CombinedError): FieldProblem[] {
  if (error.networkError && error.graphQLErrors.length === 0)
    return [{ field: null, message: t('Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.') }];
  return error.graphQLErrors.flatMap((graphQLError) => {
    const extensions = graphQLError.extensions ?? {};
    const code = extensions['code'];
    const field = typeof extensions['field'] === 'string' ? extensions['field'] : null;
    if (code === 'BAD_USER_INPUT') {
      const problems = extensions['problems'] as ({ field: string } & CodedReason)[] | undefined;
      if (problems) return problems.map((problem) => ({ field: problem.field, message: reasonMessage(problem) }));
      return [{ field, message: reasonMessage(extensions) }];
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
