import type {
  MutationResolvers,
  QueryResolvers,
  WebhookDeliveryResolvers,
  WebhookSubscriptionResolvers,
} from '../generated/resolvers-types';
import { toConnection } from './connection';

export const notificationQueries: Pick<
  QueryResolvers,
  'notificationPreferences' | 'webhookSubscriptions'
> = {
  notificationPreferences: (_parent, _args, { principal, services }) =>
    services.notifications.preferences.get(principal),
  webhookSubscriptions: (_parent, owner, { principal, services }) =>
    services.notifications.webhooks.list(principal, owner),
};

export const notificationMutations: Pick<
  MutationResolvers,
  | 'setNotificationPreference'
  | 'subscribeWebhook'
  | 'unsubscribeWebhook'
  | 'rotateWebhookSecret'
  | 'replayWebhookDelivery'
> = {
  setNotificationPreference: (_parent, { input }, { principal, services }) =>
    services.notifications.preferences.set(principal, input),
  subscribeWebhook: (_parent, { input }, { principal, services }) =>
    services.notifications.webhooks.subscribe(principal, input),
  unsubscribeWebhook: (_parent, { id }, { principal, services }) =>
    services.notifications.webhooks.unsubscribe(principal, id),
  rotateWebhookSecret: (_parent, { id }, { principal, services }) =>
    services.notifications.webhooks.rotateSecret(principal, id),
  replayWebhookDelivery: (_parent, { id }, { principal, services }) =>
    services.notifications.webhooks.replay(principal, id),
};

export const WebhookSubscription: WebhookSubscriptionResolvers = {
  ownerKind: (subscription) => subscription.ownerKind.toUpperCase(),
  deliveries: async (subscription, { first, after }, { principal, services }) =>
    toConnection(
      await services.notifications.webhooks.deliveries(principal, subscription.id, first, after),
    ),
};

export const WebhookDelivery: WebhookDeliveryResolvers = {
  payload: (delivery) => delivery.payload ?? '',
  nextAttemptAt: (delivery) => (delivery.status === 'PENDING' ? delivery.nextAttemptAt : null),
};
