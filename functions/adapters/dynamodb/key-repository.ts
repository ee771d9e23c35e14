import { issuerKeySchema, type IssuerKey } from '../../core/keys/issuer-key';
import type { KeyOwner, KeyRepository } from '../../core/keys/ports';
import { ConflictError } from '../../core/shared/errors';
import type { DomainEvent } from '../../core/shared/events';
import { partitionOf, storedKeys } from './entity';
import { eventPuts } from './event-item';
import { keyRotationEntity, signingKeyEntity } from './keys';
import { versionedPut, type DynamoTable } from './table';

export class DynamoDbKeyRepository implements KeyRepository {
  constructor(private readonly table: DynamoTable) {}

  async list(owner: KeyOwner): Promise<IssuerKey[]> {
    const page = await this.table.queryPage({
      ...partitionOf(signingKeyEntity.primary, owner),
      page: { limit: 100 },
      schema: issuerKeySchema,
    });
    return [...page.items].sort(
      (a, b) => a.generation - b.generation || a.algorithm.localeCompare(b.algorithm),
    );
  }

  async addIfAbsent(key: IssuerKey): Promise<void> {
    try {
      await this.table.putNew({ ...storedKeys(signingKeyEntity, key), ...key });
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
            { ...storedKeys(signingKeyEntity, next), ...next },
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
              ...storedKeys(keyRotationEntity, { ...owner, generation }),
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
