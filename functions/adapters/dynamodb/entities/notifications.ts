/** The notifications outbox, webhook subscriptions, message settings and reminders. */
import { defineEntity } from '../entity';

interface Id {
  readonly id: string;
}

/**
 * One delivery; pending ones are listed by when they are next due (one partition the schedule
 * reads), webhook deliveries by subscription (the delivery log).
 */
export const deliveryEntity = defineEntity({
  name: 'Delivery',
  primary: { pk: ({ id }: Id) => `DELIVERY#${id}`, sk: () => 'DELIVERY' },
  indexes: {
    due: {
      index: 'gsi1',
      pk: () => 'DELIVERIES#DUE',
      sk: ({ nextAttemptAt, id }: Id & { readonly nextAttemptAt: string }) =>
        `${nextAttemptAt}#${id}`,
      when: ({ status }: { readonly status: string }) => status === 'PENDING',
    },
    bySubscription: {
      index: 'gsi2',
      pk: ({ subscriptionId }: { readonly subscriptionId?: string }) =>
        `WEBHOOK#${subscriptionId}#DELIVERIES`,
      sk: ({ createdAt, id }: Id & { readonly createdAt: string }) => `${createdAt}#${id}`,
      when: ({ subscriptionId }: { readonly subscriptionId?: string }) =>
        subscriptionId !== undefined,
    },
  },
});

export const webhookSubscriptionEntity = defineEntity({
  name: 'WebhookSubscription',
  primary: { pk: ({ id }: Id) => `WEBHOOK#${id}`, sk: () => 'SUBSCRIPTION' },
  indexes: {
    byOwner: {
      index: 'gsi1',
      pk: ({ ownerKind, ownerId }: { readonly ownerKind: string; readonly ownerId: string }) =>
        `${ownerKind.toUpperCase()}#${ownerId}#WEBHOOKS`,
      sk: ({ createdAt, id }: Id & { readonly createdAt: string }) => `${createdAt}#${id}`,
    },
  },
});

export const notificationPreferencesEntity = defineEntity({
  name: 'NotificationPreferences',
  primary: {
    pk: ({ emailHash }: { readonly emailHash: string }) => `PERSON#${emailHash}`,
    sk: () => 'NOTIFICATION_PREFERENCES',
  },
  indexes: {},
});

export const reminderEntity = defineEntity({
  name: 'Reminder',
  primary: { pk: ({ id }: Id) => `REMINDER#${id}`, sk: () => 'REMINDER' },
  indexes: {
    due: {
      index: 'gsi1',
      pk: () => 'REMINDERS#DUE',
      sk: ({ remindAt, id }: Id & { readonly remindAt: string }) => `${remindAt}#${id}`,
    },
  },
});
