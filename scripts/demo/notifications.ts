/**
 * The demo as a partner portal's receiver: an HTTP server on loopback in this process,
 * subscribed through GraphQL to every event of the demo institution, that checks each delivery's
 * Standard Webhooks signature with the `standardwebhooks` library; and the local mail server's
 * count of the emails this run caused.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { Caller, GraphQLClient } from '../../infra/local/graphql-client';

export interface NotificationsSummary {
  emails: number;
  webhooks: { delivered: number; verified: boolean };
}

/** How long the demo waits at most for the worker to finish sending (deliveries are async). */
const settleTimeoutMs = 20_000;
const pollMs = 500;
/** A request body larger than this is refused (payloads are small JSON events). */
const maxBodyBytes = 1_000_000;

const subscribeMutation = `mutation ($input: SubscribeWebhookInput!) {
  subscribeWebhook(input: $input) { secret subscription { id } }
}`;
const unsubscribeMutation = `mutation ($id: ID!) { unsubscribeWebhook(id: $id) { id } }`;

/** Ids of the messages the local mail server holds; null when the platform has no local inbox. */
async function mailIds(baseUrl: string): Promise<Set<string> | null> {
  try {
    const response = await fetch(`${baseUrl}/local/mail.json`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) return null;
    const messages = (await response.json()) as { id: string }[];
    return new Set(messages.map((message) => message.id));
  } catch {
    return null;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) request.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Starts the receiver and subscribes it (call before issuing, so the run's events reach it);
 * `finish` waits, bounded, for deliveries and emails to stop arriving, unsubscribes the
 * receiver (its port dies with the demo), and returns the counts.
 */
export async function subscribeDemoReceiver(
  api: GraphQLClient,
  baseUrl: string,
  institutionId: string,
  issuerAdmin: Caller,
  log: (message: string) => void,
): Promise<{ finish: () => Promise<NotificationsSummary> }> {
  const mailBefore = (await mailIds(baseUrl)) ?? new Set<string>();
  const verifiedIds = new Set<string>();
  let failures = 0;
  let secret = '';
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => {
        new Webhook(secret).verify(body, request.headers as Record<string, string>);
        verifiedIds.add(String(request.headers['webhook-id']));
        response.writeHead(204).end();
      })
      .catch(() => {
        failures += 1;
        response.writeHead(400).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tessera-events`;
  const { subscribeWebhook } = await api.call<{
    subscribeWebhook: { secret: string; subscription: { id: string } };
  }>(
    subscribeMutation,
    {
      input: { institutionId, url, eventTypes: ['*'], description: 'npm run demo receiver' },
    },
    issuerAdmin,
  );
  secret = subscribeWebhook.secret;
  log(`webhook receiver ${url} subscribed to the institution's events`);

  return {
    async finish() {
      let emails = 0;
      let last = '';
      for (const deadline = Date.now() + settleTimeoutMs; Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        const mail = await mailIds(baseUrl);
        emails = mail ? [...mail].filter((id) => !mailBefore.has(id)).length : 0;
        const now = `${emails}/${verifiedIds.size}/${failures}`;
        if (verifiedIds.size + failures > 0 && now === last) break;
        last = now;
      }
      await api.call(unsubscribeMutation, { id: subscribeWebhook.subscription.id }, issuerAdmin);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const delivered = verifiedIds.size + failures;
      log(
        `notifications: ${emails} emails, ${delivered} webhook deliveries (${failures} unverified)`,
      );
      return { emails, webhooks: { delivered, verified: delivered > 0 && failures === 0 } };
    },
  };
}
