import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import {
  WebhookDeliveryFailed,
  type WebhookRequest,
  type WebhookSender,
} from '../../core/notifications/ports';
import { ValidationError, VerificationProblem } from '../../core/shared/errors';
import { pinnedLookup } from '../verification/document-fetcher';
import { publicAddresses, type VettedAddress } from '../verification/network-guard';

export interface WebhookNetworkOptions {
  /**
   * Loopback, private networks and plain http (local runs and tests, whose receivers live on
   * loopback). Deployed stages refuse them, as verification fetches do.
   */
  readonly allowPrivateNetworks: boolean;
  /** Per-request timeout, connection to last byte. @default 10000 */
  readonly timeoutMs?: number;
}

/**
 * The addresses a webhook URL may be posted to, with the guard of verification fetches: https
 * only, no credentials in the URL, and (outside local mode) no host that is or resolves to a
 * loopback, private, link-local or otherwise special address. `undefined` means "resolve as
 * usual" (local mode).
 */
async function vettedTarget(
  url: string,
  options: WebhookNetworkOptions,
): Promise<{ target: URL; addresses?: VettedAddress[] }> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw forbidden(`${url.slice(0, 200)} is not a URL.`);
  }
  const httpAllowed = options.allowPrivateNetworks && target.protocol === 'http:';
  if (target.protocol !== 'https:' && !httpAllowed) throw forbidden('Webhook URLs must use https.');
  if (target.username || target.password)
    throw forbidden('Webhook URLs may not carry credentials.');
  if (options.allowPrivateNetworks) return { target };
  try {
    return { target, addresses: await publicAddresses(target) };
  } catch (error) {
    if (error instanceof VerificationProblem)
      throw forbidden(
        error.message.replace(
          'documents on private networks are never fetched',
          'webhooks are never sent to private networks',
        ),
      );
    throw error;
  }
}

function forbidden(message: string): ValidationError {
  return new ValidationError(message, [{ path: 'input.url', message }], 'WEBHOOK_TARGET_FORBIDDEN');
}

/** The subscription-time check of a target URL (the same guard every delivery passes). */
export function webhookTargetCheck(options: WebhookNetworkOptions) {
  return async (url: string): Promise<void> => {
    await vettedTarget(url, options);
  };
}

/**
 * Posts webhook requests signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`, signed with the `standardwebhooks` library), each with a bounded timeout,
 * to the addresses the guard checked (not resolved again). Redirects are not followed: a
 * receiver that moved answers as failed, as the specification advises.
 */
export class HttpWebhookSender implements WebhookSender {
  constructor(private readonly options: WebhookNetworkOptions) {}

  async send(request: WebhookRequest): Promise<{ statusCode: number }> {
    let vetted: { target: URL; addresses?: VettedAddress[] };
    try {
      vetted = await vettedTarget(request.url, this.options);
    } catch (error) {
      throw new WebhookDeliveryFailed(error instanceof Error ? error.message : 'Refused target.');
    }
    const signature = new Webhook(request.secret).sign(
      request.messageId,
      request.timestamp,
      request.payload,
    );
    const headers = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(request.payload).toString(),
      'user-agent': 'Tessera-Webhooks/1',
      'webhook-id': request.messageId,
      'webhook-timestamp': Math.floor(request.timestamp.getTime() / 1000).toString(),
      'webhook-signature': signature,
    };
    const statusCode = await this.post(vetted, headers, request.payload);
    if (statusCode < 200 || statusCode >= 300)
      throw new WebhookDeliveryFailed(`The receiver answered ${statusCode}.`, statusCode);
    return { statusCode };
  }

  private post(
    { target, addresses }: { target: URL; addresses?: VettedAddress[] },
    headers: Record<string, string>,
    body: string,
  ): Promise<number> {
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? 10_000);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<number>((resolve, reject) => {
      const outgoing = send(
        target,
        {
          method: 'POST',
          headers,
          signal,
          ...(addresses ? { lookup: pinnedLookup(addresses) } : {}),
        },
        (response) => {
          // The body is not read: only the status counts, and a large one must not be held.
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      outgoing.on('error', () =>
        reject(
          new WebhookDeliveryFailed(
            signal.aborted
              ? 'The receiver did not answer in time.'
              : 'The receiver could not be reached.',
          ),
        ),
      );
      outgoing.end(body);
    });
  }
}
