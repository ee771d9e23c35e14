import type { Clock } from '../shared/runtime';
import {
  attemptLeaseSeconds,
  maxLoggedAttempts,
  retryDelaysSeconds,
  type Delivery,
  type DeliveryAttempt,
  type DeliveryStatus,
} from './model';
import {
  WebhookDeliveryFailed,
  type DeliveryQueue,
  type DeliveryRepository,
  type MailSender,
  type WebhookSender,
  type WebhookSubscriptionRepository,
} from './ports';

export interface DeliveryAttemptsDeps {
  readonly deliveries: DeliveryRepository;
  readonly subscriptions: WebhookSubscriptionRepository;
  readonly mail: MailSender;
  readonly webhooks: WebhookSender;
  readonly queue: DeliveryQueue;
  readonly clock: Clock;
}

/** What one attempt came to. */
type Outcome = Omit<DeliveryAttempt, 'at'> & { readonly final?: boolean };

const seconds = (at: Date, count: number) => new Date(at.getTime() + count * 1_000).toISOString();

/**
 * Sends deliveries from the outbox, one attempt at a time. An attempt first takes a lease on the
 * delivery (a versioned write), so two workers handed the same id never both send it; a
 * delivery is marked delivered after its receiver accepted it, or rescheduled with exponential
 * back-off (`retryDelaysSeconds`), and dead-lettered after the last retry.
 */
export class DeliveryAttempts {
  constructor(private readonly deps: DeliveryAttemptsDeps) {}

  /** Attempts one delivery if it is due; returns its status afterwards (null when unknown). */
  async attempt(id: string): Promise<DeliveryStatus | null> {
    const current = await this.deps.deliveries.get(id);
    if (!current) return null;
    const now = this.deps.clock.now();
    if (current.status !== 'PENDING' || Date.parse(current.nextAttemptAt) > now.getTime())
      return current.status;
    const leased: Delivery = {
      ...current,
      nextAttemptAt: seconds(now, attemptLeaseSeconds),
      version: current.version + 1,
    };
    if (!(await this.deps.deliveries.update(leased))) return 'PENDING';
    const outcome = await this.send(leased, now);
    const attempts = [...leased.attempts, { at: now.toISOString(), ...attemptOf(outcome) }].slice(
      -maxLoggedAttempts,
    );
    const failures = attempts.filter((attempt) => !attempt.ok).length;
    const delay = retryDelaysSeconds[failures - 1];
    const next: Delivery = outcome.ok
      ? { ...leased, status: 'DELIVERED', deliveredAt: now.toISOString() }
      : outcome.final || delay === undefined
        ? { ...leased, status: 'DEAD' }
        : { ...leased, nextAttemptAt: seconds(now, delay) };
    await this.deps.deliveries.update({ ...next, attempts, version: leased.version + 1 });
    return next.status;
  }

  /**
   * Hands every delivery due now to the queue (retries whose back-off ended, and any whose
   * first hand-over was lost); the schedule calls it. Returns how many were due.
   */
  async sweep(limit = 200): Promise<number> {
    const due = await this.deps.deliveries.due(this.deps.clock.now().toISOString(), limit);
    if (due.length > 0) await this.deps.queue.enqueue(due.map((delivery) => delivery.id));
    return due.length;
  }

  private async send(delivery: Delivery, now: Date): Promise<Outcome> {
    try {
      if (delivery.channel === 'EMAIL') {
        await this.deps.mail.send({
          to: delivery.to ?? '',
          subject: delivery.subject ?? '',
          text: delivery.text ?? '',
          html: delivery.html ?? '',
          messageId: delivery.messageId,
        });
        return { ok: true };
      }
      const subscription = await this.deps.subscriptions.get(delivery.subscriptionId ?? '');
      if (!subscription?.active)
        return { ok: false, error: 'The subscription was removed.', final: true };
      const { statusCode } = await this.deps.webhooks.send({
        url: subscription.url,
        secret: subscription.secret,
        messageId: delivery.messageId,
        timestamp: now,
        payload: delivery.payload ?? '{}',
      });
      return { ok: true, statusCode };
    } catch (error) {
      return {
        ok: false,
        error: (error instanceof Error ? error.message : String(error)).slice(0, 300),
        ...(error instanceof WebhookDeliveryFailed && error.statusCode !== undefined
          ? { statusCode: error.statusCode }
          : {}),
      };
    }
  }
}

function attemptOf(outcome: Outcome): Omit<DeliveryAttempt, 'at'> {
  return {
    ok: outcome.ok,
    ...(outcome.statusCode !== undefined ? { statusCode: outcome.statusCode } : {}),
    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
  };
}
