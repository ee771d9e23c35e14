import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/** A message the local SMTP server received, with the parts a developer or a test reads. */
export interface ReceivedMail {
  readonly id: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly messageId: string;
  readonly text: string;
  readonly html: string;
  readonly receivedAt: string;
  readonly raw: string;
}

export interface LocalMailServer {
  /** `smtp://127.0.0.1:<port>`, for `SMTP_URL`. */
  readonly url: string;
  /** Where each message is written as an `.eml` file (under the data folder), if anywhere. */
  readonly folder: string | undefined;
  messages(): readonly ReceivedMail[];
  /** Refuses the next `count` messages with a temporary failure (451), as a server under trouble does. */
  failNext(count: number): void;
  close(): Promise<void>;
}

/** At most this many messages are kept in memory (the .eml folder keeps every one). */
const keptInMemory = 2_000;

/**
 * A real SMTP server on loopback (the `smtp-server` package) that accepts every message, keeps
 * it in memory for the local inbox page and the tests, and writes it as an `.eml` file any mail
 * program opens. Plain SMTP on loopback only: nothing leaves the machine.
 */
export async function startMailServer(options: { folder?: string } = {}): Promise<LocalMailServer> {
  const received: ReceivedMail[] = [];
  const folder = options.folder;
  if (folder) {
    mkdirSync(folder, { recursive: true });
    for (const name of readdirSync(folder)
      .filter((file) => file.endsWith('.eml'))
      .sort()
      .slice(-200))
      received.push(
        parseMail(name.replace(/\.eml$/, ''), readFileSync(join(folder, name), 'utf8'), [], ''),
      );
  }
  let failures = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    banner: 'Tessera local mail',
    size: 10 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failures > 0) {
          failures -= 1;
          const error = new Error('Local mail server refusing on request') as Error & {
            responseCode: number;
          };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const receivedAt = new Date().toISOString();
        const id = `${receivedAt.replace(/[:.]/g, '-')}-${received.length}`;
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((address) => address.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        received.push(parseMail(id, raw, to, from, receivedAt));
        if (received.length > keptInMemory) received.shift();
        if (folder) writeFileSync(join(folder, `${id}.eml`), raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    folder,
    messages: () => [...received],
    failNext: (count) => {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The headers and bodies of a message as nodemailer writes it (a single part, or
 * multipart/alternative with a text and an HTML part, quoted-printable or base64). Hand-written
 * because it reads only what the platform itself sends; a general MIME parser is not needed.
 */
export function parseMail(
  id: string,
  raw: string,
  to: readonly string[],
  from: string,
  receivedAt = '',
): ReceivedMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = headersOf(head);
  const body = rest.join('\r\n\r\n');
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary
    ? body.split(`--${boundary}`).slice(1, -1).map(partOf)
    : [
        {
          type: headers['content-type'] ?? 'text/plain',
          text: decodeBody(body, headers['content-transfer-encoding']),
        },
      ];
  return {
    id,
    from: from || (headers.from ?? ''),
    to: to.length > 0 ? to : (headers.to ?? '').split(',').map((address) => address.trim()),
    subject: decodeWords(headers.subject ?? ''),
    messageId: headers['message-id'] ?? '',
    text: parts.find((part) => part.type.startsWith('text/plain'))?.text ?? '',
    html: parts.find((part) => part.type.startsWith('text/html'))?.text ?? '',
    receivedAt,
    raw,
  };
}

function headersOf(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function partOf(part: string): { type: string; text: string } {
  const [head = '', ...rest] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
  const headers = headersOf(head);
  return {
    type: headers['content-type'] ?? 'text/plain',
    text: decodeBody(rest.join('\r\n\r\n'), headers['content-transfer-encoding']),
  };
}

function decodeBody(body: string, encoding = '7bit'): string {
  const trimmed = body.replace(/\r?\n$/, '');
  if (/base64/i.test(encoding)) return Buffer.from(trimmed, 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) return decodeQuotedPrintable(trimmed);
  return trimmed;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(
      /=\?([^?]+)\?([QB])\?([^?]*)\?=/gi,
      (_, _charset: string, kind: string, text: string) =>
        kind.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64').toString('utf8')
          : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}
