/**
 * What every message template shares: the data a message is filled from, the escaping tag for
 * HTML, and the frame around each HTML body. Templates are code (not files read at run time) so
 * the Lambda bundle carries them and the type checker sees every field they use.
 */

export interface MessageData {
  /** The recipient's name, when known. */
  readonly name?: string;
  /** What the message is about: the achievement's or the design's name. */
  readonly title: string;
  readonly institution?: string;
  readonly partner?: string;
  /** A public URL of the platform (`PublicUrls`); messages link nowhere else. */
  readonly link?: string;
  readonly reason?: string;
  readonly feedback?: string;
  readonly step?: string;
  /** ISO date-time. */
  readonly dueAt?: string;
  readonly counts?: { readonly total: number; readonly succeeded: number; readonly failed: number };
  readonly failures?: readonly { readonly row: number; readonly message: string }[];
}

/** One message: its subject, its plain-text body and its HTML body. */
export interface Template {
  subject(data: MessageData): string;
  text(data: MessageData): string;
  html(data: MessageData): string;
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => escapes[char]!);
}

/** A tagged template that escapes every interpolated value (arrays are joined, unescaped twice never). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, part, index) => {
    if (index === 0) return part;
    const value = values[index - 1];
    const shown =
      value instanceof SafeHtml
        ? value.value
        : escapeHtml(typeof value === 'string' || typeof value === 'number' ? String(value) : '');
    return out + shown + part;
  }, '');
}

/** HTML already built with `html` (not escaped again). */
export class SafeHtml {
  constructor(readonly value: string) {}
}

export const safe = (value: string) => new SafeHtml(value);

/** The greeting line. */
export const hello = (data: MessageData) => (data.name ? `Hello ${data.name},` : 'Hello,');

/** A day as people read it, e.g. 2 December 2026 (UTC). */
export function day(iso: string | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The HTML document around a message body, with the link as a button when there is one. */
export function frame(data: MessageData, body: string, linkLabel = 'Open'): string {
  const button = data.link
    ? html`<p>
          <a
            href="${data.link}"
            style="display:inline-block;padding:8px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px"
            >${linkLabel}</a
          >
        </p>
        <p style="font-size:12px;color:#555">${data.link}</p>`
    : '';
  return `<!doctype html><html lang="en"><body style="font-family:sans-serif;line-height:1.5">${html`<p>${hello(data)}</p>`}${body}${button}<p style="font-size:12px;color:#555">Tessera micro-credentials</p></body></html>`;
}

/** The plain-text body: greeting, paragraphs, the link, and the sign-off. */
export function plain(data: MessageData, ...paragraphs: string[]): string {
  return [
    hello(data),
    ...paragraphs,
    ...(data.link ? [data.link] : []),
    '— Tessera micro-credentials',
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}

/** A template whose text and HTML bodies say the same paragraphs. */
export function simple(
  subject: (data: MessageData) => string,
  paragraphs: (data: MessageData) => string[],
  linkLabel?: string,
): Template {
  return {
    subject,
    text: (data) => plain(data, ...paragraphs(data)),
    html: (data) =>
      frame(
        data,
        paragraphs(data)
          .map((paragraph) => html`<p>${paragraph}</p>`)
          .join(''),
        linkLabel,
      ),
  };
}
