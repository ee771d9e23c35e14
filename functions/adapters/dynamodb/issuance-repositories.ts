import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import {
  credentialRecordSchema,
  credentialStateSchema,
  reservationSchema,
  statusAuditEntrySchema,
  statusListSize,
  type CredentialRecord,
  type CredentialState,
  type Reservation,
  type StatusAuditEntry,
  type StatusEntry,
  type StatusPurpose,
} from '../../core/credential/credential';
import type {
  CredentialRepository,
  PublishedStatusList,
  RecentRecipient,
  StatusListRepository,
} from '../../core/issuance/ports';
import { statusPosition } from '../../core/credential/status-list';
import { issuerKeySchema, type IssuerKey } from '../../core/keys/issuer-key';
import type { KeyOwner, KeyRepository } from '../../core/keys/ports';
import { ConflictError } from '../../core/shared/errors';
import type { DomainEvent } from '../../core/shared/events';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { isConditionFailure, translateDynamoError } from './errors';
import { keys } from './keys';
import { eventPuts } from './event-item';
import { versionedPut, type DynamoTable, type TransactItem } from './table';

/**
 * How long a credential stays in its design's recently issued partition: far longer than an
 * index takes to list it (under a second in practice), so a stack defined at the moment it was
 * issued finds it there (see `recentRecipientsOfDesign`). DynamoDB's TTL removes it after.
 */
const recentlyIssuedSeconds = 2 * 24 * 60 * 60;

function recentRecipientItem(record: CredentialRecord) {
  return {
    ...keys.recentRecipient(record),
    entity: 'RecentRecipient',
    version: 1,
    credentialId: record.id,
    emailHash: record.recipient.emailHash,
    expiresAt: Math.floor(Date.parse(record.issuedAt) / 1000) + recentlyIssuedSeconds,
  };
}

const recentRecipientSchema = z.object({ credentialId: z.string(), emailHash: z.string() });

/**
 * The signed credential is stored as its JSON text: a DynamoDB map would not keep key order,
 * and the credential must be served exactly as issued, byte for byte.
 */
function credentialItem(record: CredentialRecord) {
  return {
    ...keys.credential(record.id),
    ...keys.credentialListing({ ...record, emailHash: record.recipient.emailHash }),
    entity: 'Credential',
    ...record,
    credential: JSON.stringify(record.credential),
  };
}

const recipientOnly = z.object({ recipient: z.object({ emailHash: z.string() }) });

const storedCredentialSchema = credentialRecordSchema.extend({
  credential: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
});

/** Every attribute of the record but the signed forms, which are most of its size. */
const stateAttributes = Object.keys(credentialStateSchema.shape);

export class DynamoDbCredentialRepository implements CredentialRepository {
  constructor(private readonly table: DynamoTable) {}

  async get(id: string): Promise<CredentialRecord | null> {
    return this.table.get(keys.credential(id), storedCredentialSchema, true);
  }

  async getState(id: string): Promise<CredentialState | null> {
    return this.table.get(keys.credential(id), credentialStateSchema, true, stateAttributes);
  }

  async getReservation(institutionId: string, key: string): Promise<Reservation | null> {
    return this.table.get(keys.reservation(institutionId, key), reservationSchema, true);
  }

  async reserve(reservation: Reservation): Promise<Reservation> {
    try {
      await this.table.putNew({
        ...keys.reservation(reservation.institutionId, reservation.key),
        entity: 'Reservation',
        ...reservation,
      });
      return reservation;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const existing = await this.getReservation(reservation.institutionId, reservation.key);
      if (!existing) throw error;
      return existing;
    }
  }

  async complete(
    record: CredentialRecord,
    events: readonly DomainEvent[],
  ): Promise<'stored' | 'exists'> {
    const TableName = this.table.tableName;
    const reservation = keys.reservation(record.institutionId, record.idempotencyKey);
    try {
      await this.table.transact(
        [
          {
            Put: {
              TableName,
              Item: credentialItem(record),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName,
              Key: reservation,
              UpdateExpression: 'SET #status = :complete, #version = #version + :one',
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
              ExpressionAttributeValues: {
                ':complete': 'COMPLETE',
                ':pending': 'PENDING',
                ':one': 1,
              },
            },
          },
          { Put: { TableName, Item: recentRecipientItem(record) } },
          ...eventPuts(TableName, events),
        ],
        'CREDENTIAL_EXISTS',
        `Credential ${record.id}`,
      );
      return 'stored';
    } catch (error) {
      if (error instanceof ConflictError && error.code === 'CREDENTIAL_EXISTS') return 'exists';
      throw error;
    }
  }

  async changeStatus(change: {
    next: CredentialRecord;
    expectedVersion: number;
    bit: { entry: StatusEntry; set: boolean } | null;
    audit: StatusAuditEntry;
    events: readonly DomainEvent[];
  }): Promise<void> {
    const TableName = this.table.tableName;
    const { next } = change;
    const items: TransactItem[] = [
      { Put: versionedPut(TableName, credentialItem(next), change.expectedVersion) },
      {
        Put: {
          TableName,
          Item: {
            ...keys.credentialAudit(next.id, change.audit.sequence),
            entity: 'CredentialStatusAudit',
            version: 1,
            ...change.audit,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...eventPuts(TableName, change.events),
    ];
    if (change.bit) {
      const { entry } = change.bit;
      const key = keys.statusBit(next.institutionId, entry.purpose, entry.listNumber, entry.index);
      items.push(
        change.bit.set
          ? {
              Put: {
                TableName,
                Item: { ...key, entity: 'StatusBit', version: 1, credentialId: next.id },
              },
            }
          : { Delete: { TableName, Key: key } },
      );
    }
    await this.table.transact(items, 'VERSION_CONFLICT', `Credential ${next.id}`);
  }

  async updateSharing(next: CredentialRecord, expectedVersion: number): Promise<void> {
    await this.table.putVersioned(credentialItem(next), expectedVersion);
  }

  async statusHistory(credentialId: string): Promise<StatusAuditEntry[]> {
    const page = await this.table.queryPage({
      partitionValue: keys.credential(credentialId).pk,
      sortKeyPrefix: keys.credentialAuditPrefix(),
      page: { limit: 100 },
      schema: statusAuditEntrySchema,
    });
    return [...page.items];
  }

  async listByRecipient(emailHash: string, page: PageRequest): Promise<Page<CredentialRecord>> {
    return this.table.queryPage({
      index: 'gsi1',
      partitionValue: keys.credentialsOfRecipient(emailHash),
      newestFirst: true,
      page,
      schema: storedCredentialSchema,
    });
  }

  async listByInstitution(
    institutionId: string,
    page: PageRequest,
  ): Promise<Page<CredentialRecord>> {
    return this.table.queryPage({
      index: 'gsi2',
      partitionValue: keys.credentialsOfInstitution(institutionId),
      newestFirst: true,
      page,
      schema: storedCredentialSchema,
    });
  }

  async recipientsOfDesign(microCredentialId: string, page: PageRequest): Promise<Page<string>> {
    const result = await this.table.queryPage({
      index: 'gsi3',
      partitionValue: keys.credentialsOfDesign(microCredentialId),
      page,
      // The learner's hash only: not the signed credential and JWT every item carries.
      attributes: ['recipient'],
      schema: recipientOnly,
    });
    return {
      items: result.items.map((item) => item.recipient.emailHash),
      nextCursor: result.nextCursor,
    };
  }

  async recentRecipientsOfDesign(
    microCredentialId: string,
    since: string,
  ): Promise<RecentRecipient[]> {
    return this.table.queryAll({
      partitionValue: keys.recentRecipientsOfDesign(microCredentialId),
      sortKeyFrom: since,
      schema: recentRecipientSchema,
      consistent: true,
    });
  }

  async countByDesign(microCredentialId: string): Promise<number> {
    try {
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const result = await this.table.documents.send(
          new QueryCommand({
            TableName: this.table.tableName,
            IndexName: 'gsi3',
            KeyConditionExpression: 'gsi3pk = :p',
            ExpressionAttributeValues: { ':p': keys.credentialsOfDesign(microCredentialId) },
            Select: 'COUNT',
            ExclusiveStartKey: start,
          }),
        );
        count += result.Count ?? 0;
        start = result.LastEvaluatedKey;
      } while (start);
      return count;
    } catch (error) {
      return translateDynamoError(error, 'credential count');
    }
  }
}

const publishedListSchema = z.object({
  institutionId: z.string(),
  purpose: z.enum(['revocation', 'suspension']),
  listNumber: z.int().positive(),
  /** Stored as JSON text, served exactly as signed. */
  credential: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
  publishedAt: z.iso.datetime(),
});
const allocationSchema = z.object({ counter: z.int().min(0) });

export class DynamoDbStatusListRepository implements StatusListRepository {
  constructor(private readonly table: DynamoTable) {}

  /** An atomic counter per institution and purpose; the position comes from statusPosition. */
  async allocate(institutionId: string, purpose: StatusPurpose): Promise<StatusEntry> {
    const [entry] = await this.allocateBlock(institutionId, purpose, 1);
    return entry!;
  }

  /**
   * Moves the counter on by `count` in one atomic write: the block is the `count` counter
   * values up to the new one, so concurrent allocations never share a position.
   */
  async allocateBlock(
    institutionId: string,
    purpose: StatusPurpose,
    count: number,
  ): Promise<StatusEntry[]> {
    if (!Number.isInteger(count) || count < 1 || count > 1_000)
      throw new RangeError(`cannot allocate ${count} status positions at once`);
    try {
      const { Attributes } = await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.statusAllocation(institutionId, purpose),
          UpdateExpression:
            'ADD #counter :count SET #entity = :entity, #version = if_not_exists(#version, :one)',
          ExpressionAttributeNames: {
            '#counter': 'counter',
            '#entity': 'entity',
            '#version': 'version',
          },
          ExpressionAttributeValues: { ':count': count, ':one': 1, ':entity': 'StatusAllocation' },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const last = Number(Attributes?.counter);
      return Array.from({ length: count }, (_, index) =>
        statusPosition(institutionId, purpose, last - count + 1 + index),
      );
    } catch (error) {
      return translateDynamoError(error, 'status list allocation');
    }
  }

  async exists(
    institutionId: string,
    purpose: StatusPurpose,
    listNumber: number,
  ): Promise<boolean> {
    const allocation = await this.table.get(
      keys.statusAllocation(institutionId, purpose),
      allocationSchema,
    );
    return (allocation?.counter ?? 0) > (listNumber - 1) * statusListSize;
  }

  /** Indices of the set bits, read from the bit items' sort keys (a keys-only query). */
  async setPositions(
    institutionId: string,
    purpose: StatusPurpose,
    listNumber: number,
  ): Promise<number[]> {
    try {
      const indices: number[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const result = await this.table.documents.send(
          new QueryCommand({
            TableName: this.table.tableName,
            KeyConditionExpression: 'pk = :p AND begins_with(sk, :bit)',
            ExpressionAttributeValues: {
              ':p': keys.statusList(institutionId, purpose, listNumber),
              ':bit': keys.statusBitPrefix(),
            },
            ProjectionExpression: 'sk',
            ExclusiveStartKey: start,
          }),
        );
        for (const item of result.Items ?? []) {
          indices.push(Number(String(item.sk).slice(keys.statusBitPrefix().length)));
        }
        start = result.LastEvaluatedKey;
      } while (start);
      return indices;
    } catch (error) {
      return translateDynamoError(error, 'status list');
    }
  }

  async getPublished(
    institutionId: string,
    purpose: StatusPurpose,
    listNumber: number,
  ): Promise<PublishedStatusList | null> {
    return this.table.get(
      keys.publishedStatusList(institutionId, purpose, listNumber),
      publishedListSchema,
      true,
    );
  }

  async putPublished(list: PublishedStatusList): Promise<void> {
    try {
      await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.publishedStatusList(list.institutionId, list.purpose, list.listNumber),
          UpdateExpression:
            'SET #entity = :entity, #version = :one, institutionId = :i, purpose = :p, listNumber = :n, credential = :c, publishedAt = :at',
          // A slower publisher must not overwrite a newer list.
          ConditionExpression: 'attribute_not_exists(publishedAt) OR publishedAt <= :at',
          ExpressionAttributeNames: { '#entity': 'entity', '#version': 'version' },
          ExpressionAttributeValues: {
            ':entity': 'PublishedStatusList',
            ':one': 1,
            ':i': list.institutionId,
            ':p': list.purpose,
            ':n': list.listNumber,
            ':c': JSON.stringify(list.credential),
            ':at': list.publishedAt,
          },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return;
      translateDynamoError(error, 'status list');
    }
  }
}

export class DynamoDbKeyRepository implements KeyRepository {
  constructor(private readonly table: DynamoTable) {}

  async list(owner: KeyOwner): Promise<IssuerKey[]> {
    const page = await this.table.queryPage({
      partitionValue: keys.ownerPartition(owner.ownerKind, owner.ownerId),
      sortKeyPrefix: keys.signingKeyPrefix(),
      page: { limit: 100 },
      schema: issuerKeySchema,
    });
    return [...page.items].sort(
      (a, b) => a.generation - b.generation || a.algorithm.localeCompare(b.algorithm),
    );
  }

  async addIfAbsent(key: IssuerKey): Promise<void> {
    try {
      await this.table.putNew({
        ...keys.signingKey(key.ownerKind, key.ownerId, key.keyId),
        entity: 'SigningKey',
        ...key,
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  async update(
    changes: readonly { next: IssuerKey; expectedVersion: number }[],
    events: readonly DomainEvent[],
  ): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        ...changes.map(({ next, expectedVersion }) => ({
          Put: versionedPut(
            TableName,
            {
              ...keys.signingKey(next.ownerKind, next.ownerId, next.keyId),
              entity: 'SigningKey',
              ...next,
            },
            expectedVersion,
          ),
        })),
        ...eventPuts(TableName, events),
      ],
      'VERSION_CONFLICT',
      'Signing keys',
    );
  }

  async requestRotation(owner: KeyOwner, generation: number, event: DomainEvent): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Put: {
            TableName,
            Item: {
              ...keys.keyRotation(owner.ownerKind, owner.ownerId, generation),
              entity: 'KeyRotation',
              version: 1,
              generation,
              requestedAt: event.occurredAt,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...eventPuts(TableName, [event]),
      ],
      'ROTATION_IN_PROGRESS',
      'Key rotation',
    );
  }
}
