import { Language } from '../../common/language.js';
import { notificationWordings, type NotificationMail } from './notification.mail.js';

/** What the SMS job of one notification carries: what its message says, read when the notification was made. */
export interface NotificationSms extends Omit<NotificationMail, 'to' | 'recipientName'> {
  /** The recipient's mobile number, in E.164. */
  readonly to: string;
}

/** Longest text of an SMS, in characters: two concatenated messages of 160 GSM characters hold 306. */
export const maxSmsLength = 300;

/** `text` cut to at most `length` characters (code points), with "…" where it was cut. */
function shortened(text: string, length: number): string {
  const characters = [...text];
  return characters.length <= length
    ? text
    : `${characters
        .slice(0, length - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * The SMS of a notification in its recipient's language, one line of at most `maxSmsLength` characters: "Raccord : ", the
 * mail's subject line (what happened, the record's label), the details after their heading, cut
 * short to fit, and the link to the record's page when `publicUrl` (the console's address) is known.
 */
export function renderNotificationSms(sms: NotificationSms, publicUrl: string | undefined): string {
  const language = sms.language ?? Language.FR;
  const wording = notificationWordings[language];
  const link = publicUrl ? ` ${new URL(sms.path, publicUrl).toString()}` : '';
  const lead = shortened(
    `Raccord${language === Language.FR ? ' :' : ':'} ${wording.kinds[sms.kind].subject(sms.subjectLabel, sms.subjectType)}`,
    maxSmsLength - [...link].length - 1,
  );
  const heading = wording.detailHeadings[sms.kind];
  const room = maxSmsLength - [...lead].length - [...link].length - [...` ${heading}`].length - 3;
  if (!heading || sms.details.length === 0 || room < 10) return `${lead}.${link}`;
  const details = sms.details.join(' ; ').replace(/\s+/g, ' ');
  return `${lead}. ${heading} ${shortened(details, room)}.${link}`;
}
