import { describe, expect, it } from 'vitest';
import { passwordResetWordings, renderPasswordResetMail } from '../modules/auth/password-reset.mail.js';
import { NotificationKind, NotificationSubject } from '../modules/notification/notification.entity.js';
import { notificationWordings, renderNotificationMail } from '../modules/notification/notification.mail.js';
import { renderNotificationSms } from '../modules/notification/notification.sms.js';
import { Language, languages } from './language.js';

const arabicLetters = /[\u0600-\u06FF]/;
/** Words only French uses, that an English or Arabic mail left in French would show. */
const frenchWords = /\b(le|la|les|des|vous|votre|est|été|facture|raccordement|mot de passe)\b/i;

/** Every e-mail the platform sends, rendered in `language`: each notification kind, and a reset link. */
function everyMail(language: Language) {
  return [
    ...Object.values(NotificationKind).map((kind) =>
      renderNotificationMail(
        {
          notificationId: '1',
          to: 'someone@raccord.test',
          recipientName: 'Amina',
          language,
          kind,
          subjectType: kind === NotificationKind.WORK_ASSIGNED ? NotificationSubject.SITE : NotificationSubject.INVOICE,
          subjectLabel: 'FAC-2026-000042',
          details: ['Soudure à reprendre'],
          path: '/factures/1',
        },
        'https://raccord.example.dz',
      ),
    ),
    ...[true, false].map((byManager) =>
      renderPasswordResetMail({
        recipientName: 'Amina',
        language,
        link: 'https://raccord.example.dz/nouveau-mot-de-passe#token',
        minutes: 60,
        byManager,
      }),
    ),
  ];
}

describe('every e-mail', () => {
  it('has its words in each language: French, English and Arabic', () => {
    expect(languages).toEqual([Language.FR, Language.EN, Language.AR]);
    for (const wordings of [notificationWordings, passwordResetWordings])
      expect(Object.keys(wordings).sort()).toEqual([...languages].sort());
    for (const language of languages)
      for (const kind of Object.values(NotificationKind))
        expect(notificationWordings[language].kinds[kind], `${language} ${kind}`).toBeDefined();
  });

  it.each(languages)('reads in %s, laid out in its direction, names and codes isolated', (language) => {
    for (const mail of everyMail(language)) {
      const words = `${mail.subject}\n${mail.text}`;
      expect(mail.html).toContain(
        language === Language.AR ? '<html lang="ar" dir="rtl">' : `<html lang="${language.toLowerCase()}">`,
      );
      if (language === Language.AR) expect(words).toMatch(arabicLetters);
      else expect(words).not.toMatch(arabicLetters);
      if (language !== Language.FR) expect(words.replace('Soudure à reprendre', '')).not.toMatch(frenchWords);
      expect(mail.text).toContain('\u2068Amina\u2069');
    }
    const [first] = everyMail(language);
    expect(first!.subject).toContain('\u2068FAC-2026-000042\u2069');
  });

  it('and SMS speak the recipient’s language, labels as they are', () => {
    const sms = (language: Language) =>
      renderNotificationSms(
        {
          notificationId: '1',
          to: '+213550123456',
          language,
          kind: NotificationKind.INVOICE_APPROVED,
          subjectType: NotificationSubject.INVOICE,
          subjectLabel: 'FAC-2026-000042',
          details: [],
          path: '/factures/1',
        },
        undefined,
      );
    expect(sms(Language.FR)).toBe('Raccord : Facture approuvée : FAC-2026-000042.');
    expect(sms(Language.EN)).toBe('Raccord: Invoice approved: FAC-2026-000042.');
    expect(sms(Language.AR)).toBe('Raccord: فاتورة مقبولة: FAC-2026-000042.');
  });
});
