import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message the test's SMTP server received: its envelope recipients and its decoded headers and text. */
export interface Received {
  readonly to: string[];
  /** Decoded, without the Unicode isolates around names and codes (`isolated`), as a person reads it. */
  readonly message: string;
  /** Decoded, isolates kept. */
  readonly exact: string;
}

/** Bytes written as =XX, in text, decoded as UTF-8. */
const hexDecoded = (text: string) =>
  text.replace(/(?:=[0-9A-F]{2})+/g, (run) =>
    Buffer.from(
      run
        .split('=')
        .slice(1)
        .map((hex) => parseInt(hex, 16)),
    ).toString('utf8'),
  );

/** A body part decoded by its Content-Transfer-Encoding (base64 or quoted-printable; else as it is). */
function decodedPart(part: string): string {
  const split = part.indexOf('\r\n\r\n');
  if (split < 0) return part;
  const head = part.slice(0, split);
  const body = part.slice(split + 4);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64')
    return `${head}\r\n\r\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
  if (encoding === 'quoted-printable') return `${head}\r\n\r\n${hexDecoded(body.replace(/=\r\n/g, ''))}`;
  return part;
}

/**
 * The message as a person reads it: its header unfolded with its encoded words (RFC 2047) decoded,
 * each part of its body decoded (base64, quoted-printable), so that the test reads the text.
 */
function decoded(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const header = raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_word, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : hexDecoded(text.replace(/_/g, ' ')),
    );
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(header)?.[1];
  const body = raw.slice(split + 4);
  const parts = boundary ? body.split(`--${boundary}`).map(decodedPart) : [decodedPart(`${header}\r\n\r\n${body}`)];
  return boundary ? `${header}\r\n\r\n${parts.join(`--${boundary}`)}` : parts[0]!;
}

/** A real SMTP server (npm smtp-server) on a free port of 127.0.0.1, keeping what it receives. */
export interface SmtpReceiver {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  readonly url: string;
  readonly mails: Received[];
  /** Recipients it refuses (451, try again later) before it accepts again. */
  refusals: number;
  /** How many it refused. */
  refused: number;
  close(): Promise<void>;
}

/** Starts an SMTP receiver: no TLS, no authentication needed. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const receiver = { mails: [] as Received[], refusals: 0, refused: 0 };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (receiver.refusals > 0) {
        receiver.refusals -= 1;
        receiver.refused += 1;
        callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const exact = decoded(Buffer.concat(chunks).toString('utf8'));
        receiver.mails.push({
          to: session.envelope.rcptTo.map((address) => address.address),
          message: exact.replace(/[\u2068\u2069]/g, ''),
          exact,
        });
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  const { port } = smtp.server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  });
}
