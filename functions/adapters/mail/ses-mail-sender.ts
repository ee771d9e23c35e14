import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { EmailMessage } from '../../core/notifications/model';
import type { MailSender } from '../../core/notifications/ports';
import { clientOf, type ClientSource } from '../aws-clients';

/**
 * Sends mail through Amazon SES (v2 `SendEmail`, simple content: subject, text and HTML).
 * SES assigns its own Message-ID; the outbox record, not the header, keeps a message from
 * being sent twice.
 */
export class SesMailSender implements MailSender {
  private readonly client: () => Promise<SESv2Client>;

  constructor(
    source: ClientSource<SESv2Client>,
    private readonly from: string,
    private readonly configurationSet?: string,
  ) {
    this.client = clientOf(source);
  }

  async send(message: EmailMessage): Promise<void> {
    const { SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    const client = await this.client();
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to] },
        ...(this.configurationSet ? { ConfigurationSetName: this.configurationSet } : {}),
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: {
              Text: { Data: message.text, Charset: 'UTF-8' },
              Html: { Data: message.html, Charset: 'UTF-8' },
            },
          },
        },
      }),
    );
  }
}
