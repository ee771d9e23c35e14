import type { DomainEvent } from '../shared/events';
import type { WebhookOwnerKind, WebhookSubscription } from './model';

/**
 * Events no receiver is sent: the worker's own bookkeeping, which says nothing that happened
 * to an institution or a partner.
 */
const internalEventTypes: ReadonlySet<string> = new Set([
  'bulk_issuance.continue',
  'keys.rotation_requested',
  // A learner's import into their own backpack: the learner's business, no institution's.
  'backpack.imported',
]);

/**
 * Payload attributes never sent out: `emailHash` identifies a learner across institutions, and
 * the platform keeps it to itself (credentials carry a salted hash instead).
 */
const privateAttributes: ReadonlySet<string> = new Set(['emailHash']);

/** Whose webhooks an event goes to: its institution's, and the partner's it names. */
export function webhookOwnersOf(
  event: DomainEvent,
): { readonly kind: WebhookOwnerKind; readonly id: string }[] {
  if (internalEventTypes.has(event.type)) return [];
  const owners: { kind: WebhookOwnerKind; id: string }[] = [];
  if (event.institutionId) owners.push({ kind: 'institution', id: event.institutionId });
  const partnerId = event.data.partnerId;
  if (typeof partnerId === 'string') owners.push({ kind: 'partner', id: partnerId });
  else if (event.type === 'partner.created')
    owners.push({ kind: 'partner', id: event.aggregateId });
  return owners;
}

/** Whether a subscription takes this event (events before it was made are not sent). */
export function subscribedTo(subscription: WebhookSubscription, event: DomainEvent): boolean {
  if (!subscription.active) return false;
  if (event.occurredAt < subscription.createdAt) return false;
  return subscription.eventTypes.some(
    (type) =>
      type === '*' ||
      type === event.type ||
      (type.endsWith('.*') && event.type.startsWith(type.slice(0, -1))),
  );
}

/** The body of a webhook request: `type`, `timestamp` and `data`, as Standard Webhooks suggests. */
export function webhookPayload(event: DomainEvent) {
  const data = Object.fromEntries(
    Object.entries(event.data).filter(([name]) => !privateAttributes.has(name)),
  );
  return {
    type: event.type,
    timestamp: event.occurredAt,
    data: {
      eventId: event.id,
      institutionId: event.institutionId,
      aggregateType: event.aggregateType,
      aggregateId: event.aggregateId,
      actor: event.actor,
      ...data,
    },
  };
}
