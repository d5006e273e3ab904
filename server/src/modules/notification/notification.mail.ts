import type { Mail } from '../../common/mailer.js';
import { NotificationKind, NotificationSubject } from './notification.entity.js';

/** What the mail job of one notification carries: everything its message says, read when the notification was made. */
export interface NotificationMail {
  readonly notificationId: string;
  /** The recipient's address and name. */
  readonly to: string;
  readonly recipientName: string;
  readonly kind: NotificationKind;
  readonly subjectType: NotificationSubject;
  readonly subjectLabel: string;
  readonly details: readonly string[];
  /** The console's page of the record, from its root ("/raccordements/12"). */
  readonly path: string;
}

/** The subject line and the message's opening sentence of each kind, in French, for the record named `label` (the SMS says the subject line). */
export const wordings: Record<
  NotificationKind,
  {
    subject: (label: string, subjectType: NotificationSubject) => string;
    lead: (label: string, subjectType: NotificationSubject) => string;
  }
> = {
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
};

/** The heading of the list of details, by kind (none: the kind has no details). */
export const detailHeadings: Partial<Record<NotificationKind, string>> = {
  INSTALLATION_REJECTED: 'Réserves :',
  REVISION_REQUESTED: 'Motif :',
};

/** Text made safe inside HTML elements and attributes. */
function escaped(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The French e-mail of a notification: subject, plain text and simple HTML, with a link to the
 * record's page in the console when `publicUrl` (the console's address) is known.
 */
export function renderNotificationMail(mail: NotificationMail, publicUrl: string | undefined): Omit<Mail, 'to'> {
  const wording = wordings[mail.kind];
  const lead = wording.lead(mail.subjectLabel, mail.subjectType);
  const heading = detailHeadings[mail.kind];
  const details = heading && mail.details.length > 0 ? mail.details : [];
  const link = publicUrl ? new URL(mail.path, publicUrl).toString() : null;
  const footer =
    'Vous recevez ce message parce que Raccord vous en informe par e-mail ; choisissez les notifications reçues par e-mail dans la console (cloche en haut de page, « Recevoir aussi par e-mail »).';
  const text = [
    `Bonjour ${mail.recipientName},`,
    '',
    lead,
    ...(details.length > 0 ? ['', heading!, ...details.map((detail) => `- ${detail}`)] : []),
    ...(link ? ['', `Voir dans Raccord : ${link}`] : []),
    '',
    '-- ',
    footer,
  ].join('\n');
  const html = [
    '<!doctype html><html lang="fr"><body>',
    `<p>Bonjour ${escaped(mail.recipientName)},</p>`,
    `<p>${escaped(lead)}</p>`,
    ...(details.length > 0
      ? [`<p>${escaped(heading!)}</p><ul>${details.map((detail) => `<li>${escaped(detail)}</li>`).join('')}</ul>`]
      : []),
    ...(link ? [`<p><a href="${escaped(link)}">Voir dans Raccord</a></p>`] : []),
    `<p style="color:#666;font-size:small">${escaped(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: wording.subject(mail.subjectLabel, mail.subjectType), text, html };
}
