import { createHash, randomBytes } from 'node:crypto';
import { authorize, authorizeOrHide } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { ValidationError } from '../shared/errors';
import { pageRequest } from '../shared/paging';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import {
  subscribeInput,
  type Delivery,
  type WebhookOwnerKind,
  type WebhookSubscription,
} from './model';
import type {
  CheckWebhookTarget,
  DeliveryQueue,
  DeliveryRepository,
  WebhookSubscriptionRepository,
} from './ports';

export interface WebhookSubscriptionsDeps {
  readonly subscriptions: WebhookSubscriptionRepository;
  readonly deliveries: DeliveryRepository;
  readonly queue: DeliveryQueue;
  readonly checkTarget: CheckWebhookTarget;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** A subscription with its signing secret: returned only when the secret is made. */
export interface SubscriptionWithSecret {
  readonly subscription: WebhookSubscription;
  readonly secret: string;
}

/** Subscriptions an owner may hold at once. */
export const maxSubscriptionsPerOwner = 20;

/** A Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * Webhook subscriptions: issuer admins subscribe receivers to their institution's events,
 * partner admins to their partner's. Target URLs pass the address guard of verification
 * fetches, when subscribed and again at every delivery.
 */
export class WebhookSubscriptions {
  constructor(private readonly deps: WebhookSubscriptionsDeps) {}

  async subscribe(principal: Principal, input: unknown): Promise<SubscriptionWithSecret> {
    const request = parseInput(subscribeInput, input);
    const owner = ownerOf(request);
    authorize(principal, 'webhooks.manage', scopeOf(owner.kind, owner.id));
    await this.deps.checkTarget(request.url);
    const existing = await this.deps.subscriptions.listByOwner(owner.kind, owner.id);
    if (existing.filter((subscription) => subscription.active).length >= maxSubscriptionsPerOwner)
      throw new ValidationError(
        `At most ${maxSubscriptionsPerOwner} webhook subscriptions are allowed.`,
        [],
        'WEBHOOK_LIMIT_REACHED',
      );
    const now = this.deps.clock.now().toISOString();
    const secret = newSecret();
    const subscription: WebhookSubscription = {
      id: this.deps.ids.newId(),
      ownerKind: owner.kind,
      ownerId: owner.id,
      url: request.url,
      eventTypes: [...new Set(request.eventTypes)],
      ...(request.description ? { description: request.description } : {}),
      secret,
      active: true,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.deps.subscriptions.create(subscription);
    return { subscription, secret };
  }

  async unsubscribe(principal: Principal, id: string): Promise<WebhookSubscription> {
    const subscription = await this.owned(principal, id);
    if (!subscription.active) return subscription;
    return this.change(subscription, { active: false });
  }

  /** A new secret; the old one stops signing at once. */
  async rotateSecret(principal: Principal, id: string): Promise<SubscriptionWithSecret> {
    const subscription = await this.owned(principal, id);
    const secret = newSecret();
    return { subscription: await this.change(subscription, { secret }), secret };
  }

  async list(
    principal: Principal,
    owner: { institutionId?: string | null; partnerId?: string | null },
  ): Promise<WebhookSubscription[]> {
    const { kind, id } = ownerOf({
      institutionId: owner.institutionId ?? undefined,
      partnerId: owner.partnerId ?? undefined,
    });
    authorize(principal, 'webhooks.manage', scopeOf(kind, id));
    return this.deps.subscriptions.listByOwner(kind, id);
  }

  /** The subscription's delivery log, newest first. */
  async deliveries(
    principal: Principal,
    id: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Delivery>> {
    await this.owned(principal, id);
    return this.deps.deliveries.bySubscription(id, pageRequest(first, after));
  }

  /**
   * Sends a delivery again, as a new delivery with the same `webhook-id` (Standard Webhooks
   * keeps the id across resends so receivers can tell) and a fresh retry schedule.
   */
  async replay(principal: Principal, deliveryId: string): Promise<Delivery> {
    const original = await this.deps.deliveries.get(deliveryId);
    if (!original?.subscriptionId)
      throw new ValidationError('Unknown delivery.', [], 'DELIVERY_NOT_FOUND');
    const subscription = await this.owned(principal, original.subscriptionId);
    if (!subscription.active)
      throw new ValidationError('The subscription was removed.', [], 'WEBHOOK_INACTIVE');
    const now = this.deps.clock.now().toISOString();
    const replay: Delivery = {
      ...original,
      id: createHash('sha256')
        .update(`${original.id}|replay|${this.deps.ids.newId()}`)
        .digest('hex'),
      status: 'PENDING',
      nextAttemptAt: now,
      attempts: [],
      createdAt: now,
      deliveredAt: undefined,
      version: 1,
    };
    delete (replay as { deliveredAt?: string }).deliveredAt;
    await this.deps.deliveries.create(replay);
    await this.deps.queue.enqueue([replay.id]);
    return replay;
  }

  private async owned(principal: Principal, id: string): Promise<WebhookSubscription> {
    const subscription = await this.deps.subscriptions.get(id);
    const scope = subscription ? scopeOf(subscription.ownerKind, subscription.ownerId) : {};
    authorizeOrHide(principal, 'webhooks.manage', scope, 'WebhookSubscription', id);
    return subscription!;
  }

  private async change(
    subscription: WebhookSubscription,
    changes: Partial<Pick<WebhookSubscription, 'active' | 'secret'>>,
  ): Promise<WebhookSubscription> {
    const next = {
      ...subscription,
      ...changes,
      updatedAt: this.deps.clock.now().toISOString(),
      version: subscription.version + 1,
    };
    await this.deps.subscriptions.update(next);
    return next;
  }
}

function ownerOf(request: { institutionId?: string; partnerId?: string }): {
  kind: WebhookOwnerKind;
  id: string;
} {
  if (request.institutionId && !request.partnerId)
    return { kind: 'institution', id: request.institutionId };
  if (request.partnerId && !request.institutionId)
    return { kind: 'partner', id: request.partnerId };
  throw new ValidationError('Name either an institutionId or a partnerId.', [
    { path: 'input.institutionId', message: 'give exactly one of institutionId and partnerId' },
  ]);
}

function scopeOf(kind: WebhookOwnerKind, id: string) {
  return kind === 'institution' ? { institutionId: id } : { partnerId: id };
}
