import { createHash } from 'node:crypto';
import { normaliseEmail } from '../shared/email';
import type { DomainEvent } from '../shared/events';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock } from '../shared/runtime';
import { mappingsFor, type Addressed, type MessageMapping } from './catalogue';
import { messageKinds, type Delivery, type MessageKind, type WebhookSubscription } from './model';
import type {
  DeliveryQueue,
  DeliveryRepository,
  NotificationDirectory,
  PreferenceRepository,
  WebhookSubscriptionRepository,
} from './ports';
import { templates } from './templates';
import { webhookPayload, subscribedTo, webhookOwnersOf } from './webhook-events';

export interface EventNotificationsDeps {
  readonly directory: NotificationDirectory;
  readonly deliveries: DeliveryRepository;
  readonly subscriptions: WebhookSubscriptionRepository;
  readonly preferences: PreferenceRepository;
  readonly queue: DeliveryQueue;
  readonly urls: PublicUrls;
  readonly clock: Clock;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/** SHA-256 of a normalised address: how preferences are keyed. */
export const emailKey = (address: string) => sha256(normaliseEmail(address));

/**
 * Turns a domain event into deliveries: an email per recipient of each message the event sends
 * (`catalogue.ts`), and a webhook request per subscription to it. Deliveries are only written
 * to the outbox here, each once (its id is derived from the event and the recipient), and
 * handed to the delivery queue: no receiver is contacted while the stream waits.
 */
export class EventNotifications {
  constructor(private readonly deps: EventNotificationsDeps) {}

  async handle(event: DomainEvent): Promise<void> {
    const created: string[] = [];
    for (const row of mappingsFor(event.type)) created.push(...(await this.emails(event, row)));
    created.push(...(await this.webhooks(event)));
    if (created.length > 0) await this.deps.queue.enqueue(created);
  }

  private async emails(event: DomainEvent, row: MessageMapping): Promise<string[]> {
    const addressed = await row.address(event, {
      directory: this.deps.directory,
      urls: this.deps.urls,
    });
    const created: string[] = [];
    // One message per address, even when a person is reached through several roles.
    const unique = new Map(addressed.map((entry) => [normaliseEmail(entry.to), entry]));
    for (const [address, entry] of unique) {
      if (!(await this.wants(address, row.kind))) continue;
      const delivery = this.email(event, row.kind, address, entry);
      if ((await this.deps.deliveries.create(delivery)) === 'created') created.push(delivery.id);
    }
    return created;
  }

  /** Whether the person takes messages of this kind (status messages cannot be turned off). */
  private async wants(address: string, kind: MessageKind): Promise<boolean> {
    if (!messageKinds[kind].optional) return true;
    const preferences = await this.deps.preferences.get(emailKey(address));
    return !preferences?.optedOut.includes(kind);
  }

  private email(event: DomainEvent, kind: MessageKind, to: string, entry: Addressed): Delivery {
    const id = sha256(`${event.id}|EMAIL|${kind}|${to}`);
    const template = templates[kind];
    const now = this.deps.clock.now().toISOString();
    return {
      id,
      channel: 'EMAIL',
      status: 'PENDING',
      eventId: event.id,
      eventType: event.type,
      institutionId: event.institutionId,
      messageId: `<${id}@${new URL(this.deps.urls.base).hostname}>`,
      kind,
      to,
      subject: template.subject(entry.data),
      text: template.text(entry.data),
      html: template.html(entry.data),
      nextAttemptAt: now,
      attempts: [],
      createdAt: now,
      version: 1,
    };
  }

  private async webhooks(event: DomainEvent): Promise<string[]> {
    const created: string[] = [];
    for (const owner of webhookOwnersOf(event)) {
      const subscriptions = await this.deps.subscriptions.listByOwner(owner.kind, owner.id);
      for (const subscription of subscriptions) {
        if (!subscribedTo(subscription, event)) continue;
        const delivery = this.webhook(event, subscription);
        if ((await this.deps.deliveries.create(delivery)) === 'created') created.push(delivery.id);
      }
    }
    return created;
  }

  private webhook(event: DomainEvent, subscription: WebhookSubscription): Delivery {
    const id = sha256(`${event.id}|WEBHOOK|${subscription.id}`);
    const now = this.deps.clock.now().toISOString();
    return {
      id,
      channel: 'WEBHOOK',
      status: 'PENDING',
      eventId: event.id,
      eventType: event.type,
      institutionId: event.institutionId,
      messageId: `msg_${id.slice(0, 32)}`,
      subscriptionId: subscription.id,
      payload: JSON.stringify(webhookPayload(event)),
      nextAttemptAt: now,
      attempts: [],
      createdAt: now,
      version: 1,
    };
  }
}
