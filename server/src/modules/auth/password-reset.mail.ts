import { isolated, Language } from '../../common/language.js';
import { escapedHtml, mailHtml, type Mail } from '../../common/mailer.js';

/** What a reset link's e-mail says. */
export interface PasswordResetMail {
  readonly recipientName: string;
  readonly language: Language;
  /** The console's page that sets the new password, with the token. */
  readonly link: string;
  /** How long the link works, in minutes. */
  readonly minutes: number;
  /** Whether who manages the user's access sent it (else the user asked for it). */
  readonly byManager: boolean;
}

/** What the e-mail says in one language. */
export interface PasswordResetWording {
  readonly subject: string;
  readonly greeting: (name: string) => string;
  readonly lead: (byManager: boolean) => string;
  readonly action: string;
  readonly validity: (minutes: number) => string;
  readonly notYou: string;
}

/** The e-mail's words, in each language: a language missing here does not compile, and a test reads each. */
export const passwordResetWordings: Record<Language, PasswordResetWording> = {
  FR: {
    subject: 'Raccord : choisir un nouveau mot de passe',
    greeting: (name) => `Bonjour ${name},`,
    lead: (byManager) =>
      byManager
        ? 'L’administrateur de vos accès vous invite à choisir un nouveau mot de passe pour Raccord.'
        : 'Vous avez demandé à choisir un nouveau mot de passe pour Raccord.',
    action: 'Choisir un nouveau mot de passe',
    validity: (minutes) =>
      `Ce lien sert une seule fois, pendant ${minutes} minutes. Une fois le mot de passe changé, vos sessions ouvertes se ferment.`,
    notYou:
      'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas tant que personne n’ouvre ce lien.',
  },
  EN: {
    subject: 'Raccord: choose a new password',
    greeting: (name) => `Hello ${name},`,
    lead: (byManager) =>
      byManager
        ? 'The administrator of your access invites you to choose a new password for Raccord.'
        : 'You asked to choose a new password for Raccord.',
    action: 'Choose a new password',
    validity: (minutes) =>
      `This link works once, for ${minutes} minutes. Once the password is changed, your open sessions end.`,
    notYou:
      'If you asked for nothing, ignore this message: your password does not change unless someone opens this link.',
  },
  AR: {
    subject: 'Raccord: اختيار كلمة مرور جديدة',
    greeting: (name) => `مرحبًا ${name}،`,
    lead: (byManager) =>
      byManager
        ? 'يدعوكم مسؤول حساباتكم إلى اختيار كلمة مرور جديدة لـ Raccord.'
        : 'طلبتم اختيار كلمة مرور جديدة لـ Raccord.',
    action: 'اختيار كلمة مرور جديدة',
    validity: (minutes) =>
      `يصلح هذا الرابط مرة واحدة، لمدة ${minutes} دقيقة. عند تغيير كلمة المرور تُغلق جلساتكم المفتوحة.`,
    notYou: 'إن لم تطلبوا شيئًا فتجاهلوا هذه الرسالة: لا تتغير كلمة مروركم ما لم يفتح أحد هذا الرابط.',
  },
};

/** The e-mail of a reset link in its recipient's language: subject, plain text and HTML (its `lang`, right to left in Arabic). */
export function renderPasswordResetMail(mail: PasswordResetMail): Omit<Mail, 'to'> {
  const wording = passwordResetWordings[mail.language];
  const greeting = wording.greeting(isolated(mail.recipientName));
  const lead = wording.lead(mail.byManager);
  const validity = wording.validity(mail.minutes);
  // The link alone on its line, as it is: an isolate around it would be copied with it.
  const text = [greeting, '', lead, '', wording.action, mail.link, '', validity, '', wording.notYou].join('\n');
  const html = mailHtml(mail.language, [
    `<p>${escapedHtml(greeting)}</p>`,
    `<p>${escapedHtml(lead)}</p>`,
    `<p><a href="${escapedHtml(mail.link)}">${escapedHtml(wording.action)}</a></p>`,
    `<p>${escapedHtml(validity)}</p>`,
    `<p style="color:#666;font-size:small">${escapedHtml(wording.notYou)}</p>`,
  ]);
  return { subject: wording.subject, text, html };
}
