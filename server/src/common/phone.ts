import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import { z } from 'zod';

/** An Algerian phone number parsed with libphonenumber, or null when `value` is none. */
function parsedAlgerian(value: string): PhoneNumber | null {
  const parsed = parsePhoneNumberFromString(value, 'DZ');
  return parsed && parsed.isValid() && parsed.country === 'DZ' && !parsed.ext ? parsed : null;
}

/** A phone number as people write it, checked by `accepts` and normalised to E.164, or refused with `message`. */
const phoneNumber = (accepts: (parsed: PhoneNumber) => boolean, message: string) =>
  z
    .string()
    .trim()
    .max(30, { error: 'must be at most 30 characters' })
    .transform((value, context) => {
      const parsed = parsedAlgerian(value);
      if (!parsed || !accepts(parsed)) {
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return parsed.number;
    });

/**
 * A phone number as people write it in Algeria ("0550 12 34 56", "+213 550123456", "021 23 45 67"),
 * checked and normalised to E.164 ("+213550123456") with libphonenumber.
 */
export const algerianPhone = phoneNumber(
  () => true,
  'must be a valid Algerian phone number, such as 0550 12 34 56 or +213 550 12 34 56',
);

/** An Algerian mobile number (05, 06 or 07…), which can receive SMS, normalised to E.164 like `algerianPhone`. */
export const algerianMobile = phoneNumber(
  (parsed) => parsed.getType() === 'MOBILE',
  'must be a valid Algerian mobile number, such as 0550 12 34 56 or +213 550 12 34 56',
);
