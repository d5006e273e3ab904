import { registerEnumType } from 'type-graphql';

/**
 * Every reason a BAD_USER_INPUT gives for a refused value, by code, with its English: the code travels
 * in `extensions.reasonCode` (and in each of `problems`), the values it names in `extensions.reasonParams`,
 * the English, filled in, in `extensions.reason`. `{{name}}` marks a value of `reasonParams`. A client
 * shows the code in its own words (the console in French and English); the English is for the others.
 * The schema publishes the list as the `InputReason` enum, each value described by its English.
 */
export const inputReasonTexts = {
  REQUIRED: 'is required',
  NOT_EMPTY: 'must not be empty',
  LETTERS_OR_DIGITS: 'must contain letters or digits',
  MAX_CHARACTERS: 'must be at most {{max}} characters',
  MIN_CHARACTERS: 'must be at least {{min}} characters',
  MAX_BYTES: 'must be at most {{max}} bytes',
  MIN_VALUE: 'must be at least {{min}}',
  MAX_VALUE: 'must be at most {{max}}',
  MORE_THAN_ZERO: 'must be more than 0',
  VALUE_RANGE: 'must be from {{min}} to {{max}}',
  PAGE_SIZE_RANGE: 'must be from 1 to {{max}} (got {{value}})',
  DISTANCE_RANGE: 'must be from 0 to 100000 metres',
  NO_FORMULA: 'must not start with =, +, - or @',
  NO_CONTROL_CHARACTERS: 'must not contain control characters',
  NO_CONTROL_OR_DIRECTION_CHARACTERS: 'must not contain control characters or direction overrides',
  VALID_UNICODE: 'must be valid Unicode text',
  NO_REPLACEMENT_CHARACTER: 'must not contain the replacement character � (was the file saved as UTF-8?)',
  EMAIL: 'must be an email address',
  PHONE: 'must be a valid Algerian phone number, such as 0550 12 34 56 or +213 550 12 34 56',
  MOBILE_PHONE: 'must be a valid Algerian mobile number, such as 0550 12 34 56 or +213 550 12 34 56',
  RECORD_ID: 'must be an id such as "42"',
  UUID: 'must be a UUID such as "3f2a5c1e-8b4d-4f6a-9c2e-1d7b8a9e0f12"',
  CHANGE_LOG_POSITION: 'must be a position of the change log such as "42"',
  CHANGE_LOG_POSITION_PAST_END: "position {{position}} is past the log's end ({{head}})",
  PAGE_CURSOR: 'must be a cursor returned by this list (pageInfo.endCursor or an edge cursor)',
  VERSION_NUMBER: 'must be a version number from 1',
  IDEMPOTENCY_KEY: 'must be 1 to 100 letters, digits, ".", "_", ":" or "-" (a UUID fits)',
  WILAYA_CODE: 'must be two digits, such as "01"',
  WILAYA_CODE_LEADING_ZERO: 'must be two digits with a leading zero, such as "01"',
  WILAYA_CODE_RANGE: 'must be the code of a wilaya, "{{first}}" to "{{last}}"',
  WILAYA_NOT_LOADED: 'must be the code of a wilaya: none is loaded',
  COMMUNE_ID: 'must be the id of a commune',
  COMMUNE_IN_OTHER_WILAYA: 'must be a commune of wilaya {{wilaya}}: it is in wilaya {{communeWilaya}}',
  AT_LEAST_ONE_STATUS: 'must name at least one status',
  STATUS_AMONG_STATUSES: 'must be one of statuses when both are given',
  AFTER_APPOINTMENT_FROM: 'must be after appointmentFrom',
  CALENDAR_DATE: 'must be a date as YYYY-MM-DD',
  DATE_TIME: 'must be a date and time',
  DATE_TIME_ISO: 'must be a date and time in ISO 8601, e.g. 2026-11-02T08:30:00Z',
  MONTH: 'must be a month YYYY-MM',
  MONTH_WINDOW_ONLY: 'goes with window MONTH only',
  YEAR_RANGE: 'must be from 2000 to 2100',
  NOT_BEFORE_2000: 'must not be before 2000',
  IN_THE_FUTURE: 'must be in the future',
  NOT_IN_THE_FUTURE: 'must not be in the future',
  WITHIN_A_YEAR: 'must be a date and time from now to a year ahead',
  AFTER_ORDER: 'must be after the order was taken',
  NOT_BEFORE_ORDER: 'must not be before the order was taken',
  NOT_BEFORE_APPOINTMENT_DAY: "must not be before the appointment's day ({{appointmentDay}}, Algiers)",
  PHOTO_BEFORE_ORDER: 'must not be before the order was taken: the photo cannot show this work',
  NOT_BEFORE_PLANNED_START: 'must not be before plannedStart',
  PAYMENT_AFTER_TODAY: 'must not be after today ({{today}}, Algiers)',
  PAYMENT_BEFORE_ISSUE: "must not be before the invoice's date of issue ({{issuedOn}})",
  EFFECTIVE_AFTER_TODAY: 'must be after today: a version in force is never changed',
  HOLIDAY_AFTER_TODAY: 'must be after today: clocks already counted never change',
  HOLIDAY_PAST_STAYS: 'is a holiday today or past, which stays: clocks already counted never change',
  STEP_TARGET_TWICE: 'gives step {{step}} a second target for the same place',
  STEP_NATIONAL_TARGET: 'must give step {{step}} a national target (no wilayaCode)',
  INVOICE_STEP_NATIONAL_ONLY: 'must be left out: the step of an invoice has a national target only',
  DECIMAL_DEGREES: 'must be a decimal number such as "36.7538"',
  DECIMAL_NUMBER: 'must be a decimal number such as "-21.5"',
  DISTANCE_METRES: 'must be a distance in metres from 0, such as "12.5"',
  WITHIN_ALGERIA: 'must be within Algeria',
  LATITUDE_IN_ALGERIA: 'must be within Algeria (18.9 to 37.2)',
  LONGITUDE_IN_ALGERIA: 'must be within Algeria (−8.7 to 12.0)',
  BOTH_COORDINATES: 'give both coordinates or neither',
  WITH_LATITUDE: 'must be given with latitude, or neither',
  WITH_POSITION_ONLY: 'goes with a position only',
  AMOUNT_DZD: 'must be an amount in DZD such as "1234.56" (dot, at most two decimals)',
  AMOUNT_DA: 'must be an amount in DA such as "4500.00"',
  QUANTITY: 'must be a quantity such as "42.5" (dot, at most three decimals)',
  WHOLE_QUANTITY: 'must be a whole number for an item priced per {{unit}}',
  CREDIT_OVER_REMAINING: 'must be at most the quantity invoiced and not yet credited ({{remaining}})',
  PAYMENT_METHOD: 'must be BANK_TRANSFER, CCP_TRANSFER or CHEQUE',
  INVOICE_STATUS: 'must be an invoice status',
  NIF: 'must be 15 digits (20 for a branch)',
  NIS: 'must be 15 digits',
  RC_NUMBER: 'must be an RC number: at least 6 digits and one letter, such as 16/00-0123456 B 15 or 02 B 0018083',
  REGISTRATION_NUMBER: 'must be 3–40 digits, letters and separators (/ . - space), at least 3 of them digits',
  RIB: 'must be a RIB of 20 digits whose last two are its key (97 − (branch‖account × 100 mod 97))',
  FISCAL_REGIME: 'must be AUTO_ENTREPRENEUR exactly when the legal form is AUTO_ENTREPRENEUR',
  CARD_NUMBER_REQUIRED: 'is required for an auto-entrepreneur',
  RC_NUMBER_NOT_FOR_AUTO_ENTREPRENEUR: 'must be empty for an auto-entrepreneur, who has a card number instead',
  RC_NUMBER_REQUIRED: 'is required unless the legal form is AUTO_ENTREPRENEUR',
  CONTACT_LIST: 'must be a list of contacts',
  WILAYA_CODE_LIST: 'must be a list of wilaya codes',
  AT_LEAST_ONE_WILAYA: 'must name at least one wilaya',
  TOO_MANY_WILAYAS: 'names too many wilayas',
  DOT_MANAGER_WITHOUT_WILAYA: 'a DOT manager covers at least one wilaya',
  WILAYAS_ONLY_FOR_DOT_MANAGER: 'only a DOT manager covers wilayas',
  FIRM_ONLY_FOR_FIRM_ROLES: 'is required for a CONTRACTOR or TECHNICIAN user, and only for one',
  FIRM_ADMIN_ONLY_CONTRACTOR: 'only a CONTRACTOR user can be its firm’s admin',
  SITE_CODE: 'must be 2–40 letters (A–Z), digits, "-" or "_", starting with a letter or digit',
  ORDER_REFERENCE: "must be 3–40 letters (A–Z), digits, '/', '-' or '_'",
  ONT_SERIAL: 'must be 4–40 letters, digits or "-", as printed on the ONT',
  PRICE_SCHEDULE_CODE: 'must be 2–20 capitals, digits or "-"',
  API_KEY_SCOPE: 'is not a scope an API key can hold',
  AT_LEAST_ONE_SCOPE: 'must name at least one scope',
  AT_LEAST_ONE_RESERVE: 'must name at least one reserve',
  AT_LEAST_ONE_LINE: 'must name at least one line',
  AT_LEAST_ONE_WORK_LINE: 'must hold at least one line of work',
  AT_LEAST_ONE_ITEM: 'must hold at least one item',
  AT_LEAST_ONE_EVENT_TYPE: 'must name at least one event type',
  AT_LEAST_ONE_NOTIFICATION: 'must name at least one notification',
  AT_LEAST_ONE_CREDITED_LINE: 'must credit at least one line',
  AT_MOST_ITEMS: 'must hold at most {{max}} {{items}}',
  AT_MOST_NAMED: 'must name at most {{max}} {{items}}',
  EACH_LINE_ONCE: 'must name each line once',
  EACH_PHOTO_ONCE: 'must name each photo once',
  NAMED_TWICE: 'code {{code}} appears twice',
  ITEM_TWICE: 'item {{code}} appears twice',
  LINE_NOT_REJECTED: 'line {{line}} was not rejected',
  REJECTED_LINES_MISSING: 'must give the quantity now claimed for each rejected line (missing: {{lines}})',
  PHOTO_ATTACHED: 'is attached to a report or a failure already',
  ONE_UPLOAD_FILE: 'an upload carries one file, in the field "file"',
  FAILURE_DETAIL_REQUIRED: 'is required when failureReason is OTHER',
  SIGNATURE_REASON_NOT_NEEDED: 'the customer signed (a SIGNATURE photo is attached): leave the reason out',
  SMS_NEEDS_MOBILE: 'needs a mobile number to send the SMS to',
  MOBILE_NEEDED_FOR_SMS: 'is needed while notifications are received by SMS: turn those off first',
  NOTIFICATION_KINDS: 'must be kinds of notification',
  IDS_OR_ALL: 'give either ids or all: true, not both',
  WEBHOOK_EVENT_TYPE: 'must be INVOICE_CHANGED, CUSTOMER_SUBSCRIPTION_CHANGED or SITE_CHANGED',
  HTTPS_URL: 'must be an https:// URL',
  PUBLIC_ADDRESS: 'must be on the public Internet, not a local or private address',
  NO_URL_CREDENTIALS: 'must not hold a user name or password',
  FIRM_ENDPOINT_OWN_EVENTS: "a firm's endpoint receives its own events only",
  NO_COMMUNE: 'no commune with id {{id}}',
  NO_WILAYA: 'no wilaya with code {{code}}',
  NO_SITE: 'no site with code {{code}}',
  NO_TAX_CODE: 'no tax code {{code}}',
  NO_PRICE_SCHEDULE: 'no price schedule is in force on {{day}}',
  NO_PRICED_ITEM: 'no item {{code}} in the price schedule in force on {{day}}',
  SITE_CLOSED_TO_WORK: 'site {{site}} is {{status}}: it takes no more work',
  SITE_IN_OTHER_WILAYA: 'site {{site}} is in wilaya {{siteWilaya}}, the customer in wilaya {{customerWilaya}}',
  CSV_INVALID: 'the file is not valid CSV: {{detail}}',
  CSV_NO_ROWS: 'the file has no rows',
  CSV_ROW_TOO_LONG:
    'the row has more values than the header has columns: a value holding "{{separator}}" must be in double quotes',
  CSV_ROW_INVALID: 'the row is not valid CSV: {{detail}}',
  CSV_TOO_MANY_ROWS: 'the file has more than {{max}} rows; an import takes at most {{max}}',
  CSV_COLUMNS_TWICE: 'columns named twice: {{columns}}',
  CSV_MISSING_COLUMNS: 'missing columns: {{columns}}',
  CSV_UNKNOWN_COLUMNS: 'unknown columns: {{columns}} (the columns are {{expected}})',
  CSV_DUPLICATE_KEY: '{{value}} is already on line {{line}}',
  NOT_NULL: 'Expected non-nullable type "{{type}}" not to be null.',
  FIELD_NOT_PROVIDED: 'Field "{{name}}" of required type "{{type}}" was not provided.',
  UNKNOWN_FIELD: 'Field "{{name}}" is not defined by type "{{type}}".',
  NOT_AN_ENUM_VALUE: 'Value {{value}} does not exist in "{{type}}" enum.',
  NOT_AN_INT: 'Int cannot represent non-integer value: {{value}}',
  NOT_A_STRING: 'String cannot represent a non string value: {{value}}',
  WRONG_TYPE: 'Invalid input: expected {{expected}}, received {{received}}',
  NOT_AN_OPTION: 'Invalid option: expected one of {{options}}',
  RESET_LINK_INVALID: 'is not a password reset link: ask for a new one',
  RESET_LINK_EXPIRED: 'is a password reset link that has expired: ask for a new one',
  RESET_LINK_USED: 'is a password reset link already used: ask for a new one',
  INVALID: 'is not valid',
} as const satisfies Record<string, string>;

/** A reason's code: `extensions.reasonCode` of a BAD_USER_INPUT. */
export type InputReason = keyof typeof inputReasonTexts;

/** The values a reason names, by their name in its English (`{{name}}`). */
export type ReasonParams = Record<string, string>;

/** A reason's regular expression (its values captured by name) and how much of it is fixed text. */
const matchers = Object.entries(inputReasonTexts).map(([code, text]) => {
  const parts = text.split(/\{\{(\w+)\}\}/);
  const seen = new Set<string>();
  const source = parts
    .map((part, index) => {
      if (index % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const repeated = seen.has(part);
      seen.add(part);
      return repeated ? `\\k<${part}>` : `(?<${part}>[^]+?)`;
    })
    .join('');
  const fixed = parts.filter((_, index) => index % 2 === 0).join('').length;
  return { code: code as InputReason, pattern: new RegExp(`^${source}$`), fixed };
});

/**
 * The code of an English reason and the values it names: the reason of the list it reads as (the one
 * with the most fixed text when several fit), or INVALID for one the list lacks (zod's own words).
 */
export function inputReasonOf(reason: string): { reasonCode: InputReason; reasonParams: ReasonParams } {
  let best: { code: InputReason; params: ReasonParams; fixed: number } | null = null;
  for (const { code, pattern, fixed } of matchers) {
    const match = pattern.exec(reason);
    if (match && (!best || fixed > best.fixed)) best = { code, params: { ...match.groups }, fixed };
  }
  return best ? { reasonCode: best.code, reasonParams: best.params } : { reasonCode: 'INVALID', reasonParams: {} };
}

/** The reasons' codes, each its own value: the schema's `InputReason` enum. */
export const InputReason = Object.fromEntries(Object.keys(inputReasonTexts).map((code) => [code, code])) as {
  readonly [Code in InputReason]: Code;
};

registerEnumType(InputReason, {
  name: 'InputReason',
  description:
    'Why a value was refused: `extensions.reasonCode` of a BAD_USER_INPUT error (and `reasonCode` of each of its `problems`), ' +
    'and `reasonCode` of a row an import refused. `reason` says it in English with the values filled in; `reasonParams` gives those values by name ' +
    '(each `{{name}}` of the description), as strings, so that a client can say it in its own language. A code not listed here is never sent.',
  valuesConfig: Object.fromEntries(
    Object.entries(inputReasonTexts).map(([code, text]) => [
      code,
      { description: code === 'INVALID' ? 'Another problem, which `reason` says in English.' : `In English: ${text}` },
    ]),
  ) as Record<InputReason, { description: string }>,
});
