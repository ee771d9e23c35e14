import type { ReceivedMail } from '../../infra/local/mail-server';
import type { RunningPlatform } from '../../infra/local/platform';

/**
 * Waits until the platform's local SMTP server holds a message matching `match` (the stream
 * worker and the delivery queue drained between looks); fails after `attempts` looks.
 */
export async function mailFor(
  platform: RunningPlatform,
  match: (mail: ReceivedMail) => boolean,
  attempts = 40,
): Promise<ReceivedMail> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await platform.drain();
    await platform.notifications.drain();
    const found = platform.mail.messages().find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('no such mail arrived');
}

/** Messages to `address` whose subject includes `subject`. */
export function mailsTo(platform: RunningPlatform, address: string, subject = ''): ReceivedMail[] {
  return platform.mail
    .messages()
    .filter((mail) => mail.to.includes(address) && mail.subject.includes(subject));
}

/** Every http(s) link in a text. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((match) => match[0]);
}
