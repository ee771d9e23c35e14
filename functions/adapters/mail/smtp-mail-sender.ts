import { createTransport, type Transporter } from 'nodemailer';
import type { EmailMessage } from '../../core/notifications/model';
import type { MailSender } from '../../core/notifications/ports';

/**
 * Sends mail over SMTP with nodemailer (the local platform's SMTP server, or any relay), with
 * bounded connection, greeting and socket timeouts so a dead server fails the attempt quickly
 * and the delivery is retried on its schedule.
 */
export class SmtpMailSender implements MailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    const url = new URL(smtpUrl);
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port || 25),
      secure: url.protocol === 'smtps:',
      ...(url.username
        ? {
            auth: {
              user: decodeURIComponent(url.username),
              pass: decodeURIComponent(url.password),
            },
          }
        : {}),
      // The local server speaks plain SMTP on loopback; a relay elsewhere is reached over TLS.
      ignoreTLS: url.hostname === '127.0.0.1' || url.hostname === 'localhost',
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
  }

  async send(message: EmailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
    });
  }
}
