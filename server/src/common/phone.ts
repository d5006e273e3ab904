import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/**
 * A phone number as people write it in Algeria ("0550 12 34 56", "+213 550123456", "021 23 45 67"),
 * checked and normalised to E.164 ("+213550123456") with libphonenumber.
 */
export const algerianPhone = z
  .string()
  .trim()
  .max(30, { error: 'must be at most 30 characters' })
  .transform((value, context) => {
    const parsed = parsePhoneNumberFromString(value, 'DZ');
    if (!parsed || !parsed.isValid() || parsed.country !== 'DZ' || parsed.ext) {
      context.addIssue({
        code: 'custom',
        message: 'must be a valid Algerian phone number, such as 0550 12 34 56 or +213 550 12 34 56',
      });
      return z.NEVER;
    }
    return parsed.number;
  });
