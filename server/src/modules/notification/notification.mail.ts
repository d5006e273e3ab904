import { isolated, Language } from '../../common/language.js';
import { escapedHtml, mailHtml, type Mail } from '../../common/mailer.js';
import { NotificationKind, NotificationSubject } from './notification.entity.js';

/** What the mail job of one notification carries: everything its message says, read when the notification was made. */
export interface NotificationMail {
  readonly notificationId: string;
  /** The recipient's address and name. */
  readonly to: string;
  readonly recipientName: string;
  /** The recipient's language (absent from the jobs queued before users had one: French). */
  readonly language?: Language;
  readonly kind: NotificationKind;
  readonly subjectType: NotificationSubject;
  readonly subjectLabel: string;
  readonly details: readonly string[];
  /** The console's page of the record, from its root ("/raccordements/12"). */
  readonly path: string;
}

/** What a notification says in one language; `label` is the record's label, as the message shows it. */
export interface NotificationWording {
  /** The subject line and the message's opening sentence of each kind (the SMS says the subject line). */
  readonly kinds: Record<
    NotificationKind,
    {
      subject: (label: string, subjectType: NotificationSubject) => string;
      lead: (label: string, subjectType: NotificationSubject) => string;
    }
  >;
  /** The heading of the list of details, by kind (none: the kind has no details). */
  readonly detailHeadings: Partial<Record<NotificationKind, string>>;
  readonly greeting: (name: string) => string;
  /** The link's words in HTML, and its line in plain text. */
  readonly seeInRaccord: string;
  readonly seeLink: (link: string) => string;
  readonly footer: string;
}

/** What a notification says, in each language: a language missing here does not compile, and a test reads each. */
export const notificationWordings: Record<Language, NotificationWording> = {
  FR: {
    kinds: {
      WORK_ASSIGNED: {
        subject: (label, subjectType) =>
          `Travaux attribués : ${subjectType === NotificationSubject.SITE ? 'site' : 'raccordement'} ${label}`,
        lead: (label, subjectType) =>
          subjectType === NotificationSubject.SITE
            ? `Le site ${label} est attribué à votre entreprise.`
            : `Le raccordement ${label} vous est attribué.`,
      },
      INSTALLATION_REJECTED: {
        subject: (label) => `Installation refusée : raccordement ${label}`,
        lead: (label) =>
          `L'installation du raccordement ${label} a été refusée à la réception. Levez les réserves ci-dessous, puis déclarez l'installation à nouveau.`,
      },
      REVISION_REQUESTED: {
        subject: (label) => `Facture à réviser : ${label}`,
        lead: (label) => `La facture ${label} vous est renvoyée pour révision.`,
      },
      INVOICE_APPROVED: {
        subject: (label) => `Facture approuvée : ${label}`,
        lead: (label) => `La facture ${label} a été approuvée.`,
      },
      PAYMENT_RECORDED: {
        subject: (label) => `Paiement enregistré : facture ${label}`,
        lead: (label) => `Un paiement a été enregistré sur la facture ${label}.`,
      },
      API_KEY_EXPIRING: {
        subject: (label) => `Clé d'API bientôt expirée : ${label}`,
        lead: (label) => `La clé d'API ${label} expire bientôt : remplacez-la avant son expiration.`,
      },
      WEBHOOK_DISABLED: {
        subject: (label) => `Webhook désactivé : ${label}`,
        lead: (label) =>
          `Le webhook ${label} a été désactivé : toutes ses livraisons ont échoué pendant plusieurs jours. Corrigez le récepteur, puis réactivez-le dans la page Webhooks ; les événements survenus entre-temps ne lui sont pas envoyés.`,
      },
    },
    detailHeadings: { INSTALLATION_REJECTED: 'Réserves :', REVISION_REQUESTED: 'Motif :' },
    greeting: (name) => `Bonjour ${name},`,
    seeInRaccord: 'Voir dans Raccord',
    seeLink: (link) => `Voir dans Raccord : ${link}`,
    footer:
      'Vous recevez ce message parce que Raccord vous en informe par e-mail ; choisissez les notifications reçues par e-mail dans la console (cloche en haut de page, « Recevoir aussi par e-mail »).',
  },
  EN: {
    kinds: {
      WORK_ASSIGNED: {
        subject: (label, subjectType) =>
          `Work assigned: ${subjectType === NotificationSubject.SITE ? 'site' : 'connection'} ${label}`,
        lead: (label, subjectType) =>
          subjectType === NotificationSubject.SITE
            ? `Site ${label} is assigned to your firm.`
            : `Connection ${label} is assigned to you.`,
      },
      INSTALLATION_REJECTED: {
        subject: (label) => `Installation rejected: connection ${label}`,
        lead: (label) =>
          `The installation of connection ${label} was rejected at acceptance. Clear the reserves below, then report the installation again.`,
      },
      REVISION_REQUESTED: {
        subject: (label) => `Invoice to revise: ${label}`,
        lead: (label) => `Invoice ${label} is sent back to you for revision.`,
      },
      INVOICE_APPROVED: {
        subject: (label) => `Invoice approved: ${label}`,
        lead: (label) => `Invoice ${label} was approved.`,
      },
      PAYMENT_RECORDED: {
        subject: (label) => `Payment recorded: invoice ${label}`,
        lead: (label) => `A payment was recorded on invoice ${label}.`,
      },
      API_KEY_EXPIRING: {
        subject: (label) => `API key expiring soon: ${label}`,
        lead: (label) => `API key ${label} expires soon: replace it before it does.`,
      },
      WEBHOOK_DISABLED: {
        subject: (label) => `Webhook disabled: ${label}`,
        lead: (label) =>
          `Webhook ${label} was disabled: all its deliveries failed for several days. Fix the receiver, then enable it again on the Webhooks page; the events of the meantime are not sent to it.`,
      },
    },
    detailHeadings: { INSTALLATION_REJECTED: 'Reserves:', REVISION_REQUESTED: 'Reason:' },
    greeting: (name) => `Hello ${name},`,
    seeInRaccord: 'See in Raccord',
    seeLink: (link) => `See in Raccord: ${link}`,
    footer:
      'You receive this message because Raccord tells you by e-mail; choose the notifications you receive by e-mail in the console (the bell at the top of the page, “Also receive by e-mail”).',
  },
  AR: {
    kinds: {
      WORK_ASSIGNED: {
        subject: (label, subjectType) =>
          `أشغال مسندة: ${subjectType === NotificationSubject.SITE ? 'الموقع' : 'التوصيل'} ${label}`,
        lead: (label, subjectType) =>
          subjectType === NotificationSubject.SITE
            ? `أُسند الموقع ${label} إلى مؤسستكم.`
            : `أُسند إليكم التوصيل ${label}.`,
      },
      INSTALLATION_REJECTED: {
        subject: (label) => `تركيب مرفوض: التوصيل ${label}`,
        lead: (label) => `رُفض تركيب التوصيل ${label} عند الاستلام. ارفعوا التحفظات أدناه، ثم صرّحوا بالتركيب من جديد.`,
      },
      REVISION_REQUESTED: {
        subject: (label) => `فاتورة للمراجعة: ${label}`,
        lead: (label) => `أُعيدت إليكم الفاتورة ${label} لمراجعتها.`,
      },
      INVOICE_APPROVED: {
        subject: (label) => `فاتورة مقبولة: ${label}`,
        lead: (label) => `تمت الموافقة على الفاتورة ${label}.`,
      },
      PAYMENT_RECORDED: {
        subject: (label) => `تسجيل دفعة: الفاتورة ${label}`,
        lead: (label) => `سُجّلت دفعة على الفاتورة ${label}.`,
      },
      API_KEY_EXPIRING: {
        subject: (label) => `مفتاح API يوشك أن ينتهي: ${label}`,
        lead: (label) => `ينتهي مفتاح API ‏${label} قريبًا: استبدلوه قبل انتهاء صلاحيته.`,
      },
      WEBHOOK_DISABLED: {
        subject: (label) => `تعطيل Webhook: ${label}`,
        lead: (label) =>
          `عُطّل الـ Webhook ‏${label}: فشلت كل عمليات التسليم إليه طوال عدة أيام. أصلحوا المستقبِل، ثم أعيدوا تفعيله في صفحة Webhooks؛ ولا تُرسل إليه الأحداث التي وقعت في الأثناء.`,
      },
    },
    detailHeadings: { INSTALLATION_REJECTED: 'التحفظات:', REVISION_REQUESTED: 'السبب:' },
    greeting: (name) => `مرحبًا ${name}،`,
    seeInRaccord: 'عرض في Raccord',
    seeLink: (link) => `عرض في Raccord: ${link}`,
    footer:
      'تصلكم هذه الرسالة لأن Raccord يُعلمكم بالبريد الإلكتروني؛ اختاروا الإشعارات التي تصلكم بالبريد في وحدة التحكم (الجرس أعلى الصفحة، «الاستلام أيضًا عبر البريد الإلكتروني»).',
  },
};

/**
 * The e-mail of a notification in its recipient's language: subject, plain text and simple HTML (its
 * `lang`, right to left in Arabic), the record's label and the recipient's name isolated from the
 * sentence's direction, with a link to the record's page in the console when `publicUrl` (the
 * console's address) is known.
 */
export function renderNotificationMail(mail: NotificationMail, publicUrl: string | undefined): Omit<Mail, 'to'> {
  const language = mail.language ?? Language.FR;
  const wording = notificationWordings[language];
  const label = isolated(mail.subjectLabel);
  const lead = wording.kinds[mail.kind].lead(label, mail.subjectType);
  const heading = wording.detailHeadings[mail.kind];
  const details = heading && mail.details.length > 0 ? mail.details.map(isolated) : [];
  const link = publicUrl ? new URL(mail.path, publicUrl).toString() : null;
  const greeting = wording.greeting(isolated(mail.recipientName));
  const text = [
    greeting,
    '',
    lead,
    ...(details.length > 0 ? ['', heading!, ...details.map((detail) => `- ${detail}`)] : []),
    ...(link ? ['', wording.seeLink(link)] : []),
    '',
    '-- ',
    wording.footer,
  ].join('\n');
  const html = mailHtml(language, [
    `<p>${escapedHtml(greeting)}</p>`,
    `<p>${escapedHtml(lead)}</p>`,
    ...(details.length > 0
      ? [
          `<p>${escapedHtml(heading!)}</p><ul>${details.map((detail) => `<li>${escapedHtml(detail)}</li>`).join('')}</ul>`,
        ]
      : []),
    ...(link ? [`<p><a href="${escapedHtml(link)}">${escapedHtml(wording.seeInRaccord)}</a></p>`] : []),
    `<p style="color:#666;font-size:small">${escapedHtml(wording.footer)}</p>`,
  ]);
  return { subject: wording.kinds[mail.kind].subject(label, mail.subjectType), text, html };
}
