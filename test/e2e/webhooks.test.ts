import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  HttpWebhookSender,
  webhookTargetCheck,
} from '../../functions/adapters/webhooks/http-webhook-sender';
import type { Caller } from '../../infra/local/graphql-client';
import { AdjustableClock } from '../support/clock';
import { startTestPlatform, type TestPlatform } from '../support/platform';

interface Received {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A receiver on loopback that records requests and answers `status()` to each. */
async function startReceiver(status: () => number) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: request.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Verifies a request as its receiver would when it arrived: the platform's clock runs ahead in
 * these tests (to reach retry times), so the receiver's clock is set to the request's time.
 */
function verifyAsReceived(secret: string, request: Received): unknown {
  vi.useFakeTimers({ now: Number(request.headers['webhook-timestamp']) * 1000, toFake: ['Date'] });
  try {
    return new Webhook(secret).verify(request.body, request.headers);
  } finally {
    vi.useRealTimers();
  }
}

const subscribe = `mutation ($input: SubscribeWebhookInput!) {
  subscribeWebhook(input: $input) { secret subscription { id url eventTypes active } }
}`;
const log = `query ($i: ID!) { webhookSubscriptions(institutionId: $i) {
  id deliveries { nodes { id messageId status eventType attempts { ok statusCode } } }
} }`;

describe('signed webhooks', () => {
  const clock = new AdjustableClock();
  let t: TestPlatform;
  let institutionId: string;
  let designId: string;
  let admin: Caller;

  const issue = (email: string) =>
    t.api.call(
      `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`,
      { input: { microCredentialId: designId, recipient: { email } } },
      admin,
    );
  const settle = async () => {
    await t.platform.drain();
    await t.platform.notifications.drain();
  };

  beforeAll(async () => {
    t = await startTestPlatform({ clock });
    ({ institutionId, designId } = await t.publishedDesign());
    admin = await t.as('issuer-admin', { institutionId });
  }, 180_000);
  afterAll(() => t.stop());

  it('posts events the receiver verifies with the standardwebhooks library', async () => {
    const receiver = await startReceiver(() => 204);
    const { subscribeWebhook } = await t.api.call<{
      subscribeWebhook: { secret: string; subscription: { id: string } };
    }>(
      subscribe,
      { input: { institutionId, url: receiver.url, eventTypes: ['credential.*'] } },
      admin,
    );

    await issue('hooked@example.org');
    await settle();

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    const payload = verifyAsReceived(subscribeWebhook.secret, request!) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(payload.type).toBe('credential.issued');
    expect(payload.data).not.toHaveProperty('emailHash');
    expect(request!.headers['webhook-id']).toMatch(/^msg_/);
    await receiver.close();
  });

  it('retries a failing receiver with back-off, logs each attempt, and replays a delivery', async () => {
    let answer = 500;
    const receiver = await startReceiver(() => answer);
    const { subscribeWebhook } = await t.api.call<{
      subscribeWebhook: { secret: string; subscription: { id: string } };
    }>(
      subscribe,
      { input: { institutionId, url: receiver.url, eventTypes: ['credential.issued'] } },
      admin,
    );

    await issue('flaky@example.org');
    await settle();
    answer = 200;
    clock.advanceDays(1);
    await t.platform.notifications.runSchedule();
    await settle();
    await t.platform.notifications.runSchedule();
    await settle();
    const { webhookSubscriptions } = await t.api.call<{
      webhookSubscriptions: {
        id: string;
        deliveries: {
          nodes: { id: string; messageId: string; status: string; attempts: { ok: boolean }[] }[];
        };
      }[];
    }>(log, { i: institutionId }, admin);
    const delivery = webhookSubscriptions.find((s) => s.id === subscribeWebhook.subscription.id)!
      .deliveries.nodes[0]!;
    const { replayWebhookDelivery } = await t.api.call<{ replayWebhookDelivery: { id: string } }>(
      `mutation ($id: ID!) { replayWebhookDelivery(id: $id) { id } }`,
      { id: delivery.id },
      admin,
    );
    await settle();

    expect(delivery.status).toBe('DELIVERED');
    expect(delivery.attempts.map((attempt) => attempt.ok)).toEqual([false, true]);
    expect(replayWebhookDelivery.id).not.toBe(delivery.id);
    expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([
      delivery.messageId,
      delivery.messageId,
      delivery.messageId,
    ]);
    for (const request of receiver.received)
      expect(() => verifyAsReceived(subscribeWebhook.secret, request)).not.toThrow();
    await receiver.close();
  });

  it('signs with the new secret only after the secret is rotated', async () => {
    const receiver = await startReceiver(() => 200);
    const { subscribeWebhook } = await t.api.call<{
      subscribeWebhook: { secret: string; subscription: { id: string } };
    }>(
      subscribe,
      { input: { institutionId, url: receiver.url, eventTypes: ['credential.issued'] } },
      admin,
    );
    const { rotateWebhookSecret } = await t.api.call<{ rotateWebhookSecret: { secret: string } }>(
      `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      { id: subscribeWebhook.subscription.id },
      admin,
    );

    await issue('rotated@example.org');
    await settle();

    const [request] = receiver.received;
    expect(() => verifyAsReceived(rotateWebhookSecret.secret, request!)).not.toThrow();
    expect(() => verifyAsReceived(subscribeWebhook.secret, request!)).toThrow();
    await receiver.close();
  });

  it('refuses a private or loopback target outside local mode', async () => {
    const check = webhookTargetCheck({ allowPrivateNetworks: false });

    await expect(check('https://10.0.0.8/hooks')).rejects.toMatchObject({
      code: 'WEBHOOK_TARGET_FORBIDDEN',
    });
    await expect(check('https://127.0.0.1/hooks')).rejects.toMatchObject({
      code: 'WEBHOOK_TARGET_FORBIDDEN',
    });
    await expect(check('http://93.184.215.14/hooks')).rejects.toMatchObject({
      code: 'WEBHOOK_TARGET_FORBIDDEN',
    });
    await expect(
      new HttpWebhookSender({ allowPrivateNetworks: false }).send({
        url: 'https://[::1]/hooks',
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        messageId: 'msg_x',
        timestamp: new Date(),
        payload: '{}',
      }),
    ).rejects.toThrow(/loopback/);
  });

  it("refuses a subscription to another institution's events", async () => {
    const other = await t.createInstitution();

    const result = await t.api.request(
      subscribe,
      { input: { institutionId: other, url: 'https://hooks.example.com/x', eventTypes: ['*'] } },
      admin,
    );

    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
