import { createTransport } from 'nodemailer';
import { Language } from './language.js';

/** One e-mail, in plain text and HTML. */
export interface Mail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Sends e-mail through an SMTP server. */
export interface Mailer {
  /** Resolves once the SMTP server accepted the message; rejects when it refused it or could not be reached. */
  send(mail: Mail): Promise<void>;
}

/**
 * The mailer of `smtpUrl` (nodemailer's SMTP URL: `smtp://user:password@host:587`, or `smtps://` for
 * TLS from the start), sending from `from`; null when no URL is set (mail is off). A connection is
 * made per message (no pool): mail is sent by jobs, a few at a time, and nothing stays open to close.
 */
export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer | null {
  if (!options.smtpUrl) return null;
  const transport = createTransport(
    {
      url: options.smtpUrl,
      // A job waiting on a dead server holds a worker: fail fast, the queue retries.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    { from: options.from },
  );
  return {
    async send(mail) {
      await transport.sendMail(mail);
    },
  };
}

/** Text made safe inside HTML elements and attributes. */
export function escapedHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * An e-mail's HTML document in `language`: `lang` names it, and Arabic is laid out right to left
 * (`dir="rtl"`); `body` is its HTML, already escaped.
 */
export function mailHtml(language: Language, body: readonly string[]): string {
  const direction = language === Language.AR ? ' dir="rtl"' : '';
  return [`<!doctype html><html lang="${language.toLowerCase()}"${direction}><body>`, ...body, '</body></html>'].join(
    '\n',
  );
}
