import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import {
  credentialRecordSchema,
  credentialStateSchema,
  reservationSchema,
  statusAuditEntrySchema,
  type CredentialRecord,
  type CredentialState,
  type Reservation,
  type StatusAuditEntry,
  type StatusEntry,
} from '../../core/credential/credential';
import type { CredentialRepository, RecentRecipient } from '../../core/issuance/ports';
import { ConflictError } from '../../core/shared/errors';
import type { DomainEvent } from '../../core/shared/events';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { partitionOf, primaryKey, storedKeys } from './entity';
import { translateDynamoError } from './errors';
import { eventPuts } from './event-item';
import {
  credentialAuditEntity,
  credentialEntity,
  recentRecipientEntity,
  reservationEntity,
  statusBitEntity,
} from './keys';
import { versionedPut, type DynamoTable, type TransactItem } from './table';
import { indexAttributes } from './table-design';

/**
 * How long a credential stays in its design's recently issued partition: far longer than an
 * index takes to list it (under a second in practice), so a stack defined at the moment it was
 * issued finds it there (see `recentRecipientsOfDesign`). DynamoDB's TTL removes it after.
 */
const recentlyIssuedSeconds = 2 * 24 * 60 * 60;

function recentRecipientItem(record: CredentialRecord) {
  return {
    ...storedKeys(recentRecipientEntity, record),
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
    ...storedKeys(credentialEntity, { ...record, emailHash: record.recipient.emailHash }),
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

const credentialKey = (id: string) => primaryKey(credentialEntity.primary, { id });

export class DynamoDbCredentialRepository implements CredentialRepository {
  constructor(private readonly table: DynamoTable) {}

  async get(id: string): Promise<CredentialRecord | null> {
    return this.table.get(credentialKey(id), storedCredentialSchema, true);
  }

  async getState(id: string): Promise<CredentialState | null> {
    return this.table.get(credentialKey(id), credentialStateSchema, true, stateAttributes);
  }

  async getReservation(institutionId: string, key: string): Promise<Reservation | null> {
    return this.table.get(
      primaryKey(reservationEntity.primary, { institutionId, key }),
      reservationSchema,
      true,
    );
  }

  async reserve(reservation: Reservation): Promise<Reservation> {
    try {
      await this.table.putNew({
        ...storedKeys(reservationEntity, reservation),
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
    const reservation = primaryKey(reservationEntity.primary, {
      institutionId: record.institutionId,
      key: record.idempotencyKey,
    });
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
            ...storedKeys(credentialAuditEntity, { ...change.audit, credentialId: next.id }),
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
      const bit = { ...entry, institutionId: next.institutionId };
      items.push(
        change.bit.set
          ? {
              Put: {
                TableName,
                Item: { ...storedKeys(statusBitEntity, bit), version: 1, credentialId: next.id },
              },
            }
          : { Delete: { TableName, Key: primaryKey(statusBitEntity.primary, bit) } },
      );
    }
    await this.table.transact(items, 'VERSION_CONFLICT', `Credential ${next.id}`);
  }

  async updateSharing(next: CredentialRecord, expectedVersion: number): Promise<void> {
    await this.table.putVersioned(credentialItem(next), expectedVersion);
  }

  async statusHistory(credentialId: string): Promise<StatusAuditEntry[]> {
    const page = await this.table.queryPage({
      ...partitionOf(credentialAuditEntity.primary, { credentialId }),
      page: { limit: 100 },
      schema: statusAuditEntrySchema,
    });
    return [...page.items];
  }

  async listByRecipient(emailHash: string, page: PageRequest): Promise<Page<CredentialRecord>> {
    return this.table.queryPage({
      ...partitionOf(credentialEntity.indexes.byRecipient, { emailHash }),
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
      ...partitionOf(credentialEntity.indexes.byInstitution, { institutionId }),
      newestFirst: true,
      page,
      schema: storedCredentialSchema,
    });
  }

  async recipientsOfDesign(microCredentialId: string, page: PageRequest): Promise<Page<string>> {
    const result = await this.table.queryPage({
      ...partitionOf(credentialEntity.indexes.byDesign, { microCredentialId }),
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
      ...partitionOf(recentRecipientEntity.primary, { microCredentialId }),
      sortKeyFrom: since,
      schema: recentRecipientSchema,
      consistent: true,
    });
  }

  async countByDesign(microCredentialId: string): Promise<number> {
    const byDesign = credentialEntity.indexes.byDesign;
    try {
      let count = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const result = await this.table.documents.send(
          new QueryCommand({
            TableName: this.table.tableName,
            IndexName: byDesign.index,
            KeyConditionExpression: '#p = :p',
            ExpressionAttributeNames: { '#p': indexAttributes(byDesign.index).partitionKey },
            ExpressionAttributeValues: { ':p': byDesign.pk({ microCredentialId }) },
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
