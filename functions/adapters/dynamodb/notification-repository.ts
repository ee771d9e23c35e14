import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  deliverySchema,
  preferencesSchema,
  reminderSchema,
  webhookSubscriptionSchema,
  type Delivery,
  type NotificationPreferences,
  type Reminder,
  type WebhookOwnerKind,
  type WebhookSubscription,
} from '../../core/notifications/model';
import type {
  DeliveryRepository,
  PreferenceRepository,
  ReminderRepository,
  WebhookSubscriptionRepository,
} from '../../core/notifications/ports';
import { ConflictError } from '../../core/shared/errors';
import type { DomainEvent } from '../../core/shared/events';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { partitionOf, primaryKey, storedKeys } from './entity';
import { isConditionFailure, translateDynamoError } from './errors';
import { eventItem } from './event-item';
import {
  deliveryEntity,
  notificationPreferencesEntity,
  reminderEntity,
  webhookSubscriptionEntity,
} from './keys';
import { parseItem, versionedPut, type DynamoTable } from './table';
import type { z } from 'zod';

/**
 * Items of a time-ordered index partition whose sort key (`<time>#<id>`) is at or before
 * `now`: what is due. `queryPage` reads prefixes and lower bounds only.
 */
async function dueItems<S extends z.ZodType>(
  table: DynamoTable,
  partition: string,
  now: string,
  limit: number,
  schema: S,
): Promise<z.output<S>[]> {
  try {
    const { Items = [] } = await table.documents.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':p': partition, ':now': `${now}#\uffff` },
        Limit: limit,
      }),
    );
    return Items.map((item) => parseItem(schema, item));
  } catch (error) {
    return translateDynamoError(error, partition);
  }
}

/** The outbox of deliveries (emails and webhook requests). */
export class DynamoDbDeliveryRepository implements DeliveryRepository {
  constructor(private readonly table: DynamoTable) {}

  async create(delivery: Delivery): Promise<'created' | 'exists'> {
    try {
      await this.table.documents.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...storedKeys(deliveryEntity, delivery), ...delivery },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      return translateDynamoError(error, `delivery ${delivery.id}`);
    }
  }

  get(id: string): Promise<Delivery | null> {
    return this.table.get(primaryKey(deliveryEntity.primary, { id }), deliverySchema, true);
  }

  async update(next: Delivery): Promise<boolean> {
    try {
      await this.table.documents.send(
        new PutCommand(
          versionedPut(
            this.table.tableName,
            { ...storedKeys(deliveryEntity, next), ...next },
            next.version - 1,
          ),
        ),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      return translateDynamoError(error, `delivery ${next.id}`);
    }
  }

  due(now: string, limit: number): Promise<Delivery[]> {
    return dueItems(this.table, deliveryEntity.indexes.due.pk(), now, limit, deliverySchema);
  }

  bySubscription(subscriptionId: string, page: PageRequest): Promise<Page<Delivery>> {
    return this.table.queryPage({
      ...partitionOf(deliveryEntity.indexes.bySubscription, { subscriptionId }),
      newestFirst: true,
      page,
      schema: deliverySchema,
    });
  }
}

export class DynamoDbWebhookSubscriptionRepository implements WebhookSubscriptionRepository {
  constructor(private readonly table: DynamoTable) {}

  create(subscription: WebhookSubscription): Promise<void> {
    return this.table.putNew({
      ...storedKeys(webhookSubscriptionEntity, subscription),
      ...subscription,
    });
  }

  get(id: string): Promise<WebhookSubscription | null> {
    return this.table.get(
      primaryKey(webhookSubscriptionEntity.primary, { id }),
      webhookSubscriptionSchema,
      true,
    );
  }

  update(next: WebhookSubscription): Promise<void> {
    return this.table.putVersioned(
      { ...storedKeys(webhookSubscriptionEntity, next), ...next },
      next.version - 1,
    );
  }

  listByOwner(ownerKind: WebhookOwnerKind, ownerId: string): Promise<WebhookSubscription[]> {
    return this.table.queryAll({
      ...partitionOf(webhookSubscriptionEntity.indexes.byOwner, { ownerKind, ownerId }),
      schema: webhookSubscriptionSchema,
    });
  }
}

export class DynamoDbPreferenceRepository implements PreferenceRepository {
  constructor(private readonly table: DynamoTable) {}

  get(emailHash: string): Promise<NotificationPreferences | null> {
    return this.table.get(
      primaryKey(notificationPreferencesEntity.primary, { emailHash }),
      preferencesSchema,
      true,
    );
  }

  async put(preferences: NotificationPreferences, expectedVersion: number | null): Promise<void> {
    const item = { ...storedKeys(notificationPreferencesEntity, preferences), ...preferences };
    if (expectedVersion === null) await this.table.putNew(item, 'VERSION_CONFLICT');
    else await this.table.putVersioned(item, expectedVersion);
  }
}

export class DynamoDbReminderRepository implements ReminderRepository {
  constructor(private readonly table: DynamoTable) {}

  async schedule(reminder: Reminder): Promise<void> {
    try {
      await this.table.putNew({ ...storedKeys(reminderEntity, reminder), ...reminder });
    } catch (error) {
      // Scheduled already (the stream delivered the event again): nothing changes.
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  due(now: string, limit: number): Promise<Reminder[]> {
    return dueItems(this.table, reminderEntity.indexes.due.pk(), now, limit, reminderSchema);
  }

  async remove(reminder: Reminder): Promise<void> {
    try {
      await this.table.documents.send(
        new DeleteCommand({
          TableName: this.table.tableName,
          Key: primaryKey(reminderEntity.primary, { id: reminder.id }),
        }),
      );
    } catch (error) {
      translateDynamoError(error, `reminder ${reminder.id}`);
    }
  }
}

/**
 * Records events the platform raises on its own (reminders), each at most once: an event whose
 * item exists already (the same reminder raised again) is left as it is.
 */
export function eventRecorder(table: DynamoTable) {
  return async (events: readonly DomainEvent[]): Promise<void> => {
    for (const event of events) {
      try {
        await table.putNew(eventItem(event));
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
  };
}
