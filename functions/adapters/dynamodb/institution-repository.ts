import { institutionSchema, type Institution } from '../../core/institutions/institution';
import type { InstitutionRepository } from '../../core/institutions/ports';
import type { Page, PageRequest } from '../../core/shared/runtime';
import type { DomainEvent } from '../../core/shared/events';
import { partitionOf, primaryKey, storedKeys } from './entity';
import { eventPuts } from './event-item';
import { institutionEntity } from './keys';
import type { DynamoTable } from './table';

function toItem(institution: Institution) {
  return { ...storedKeys(institutionEntity, institution), ...institution };
}

export class DynamoDbInstitutionRepository implements InstitutionRepository {
  constructor(private readonly table: DynamoTable) {}

  async create(institution: Institution, events: readonly DomainEvent[]): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Put: {
            TableName,
            Item: toItem(institution),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...eventPuts(TableName, events),
      ],
      'INSTITUTION_EXISTS',
      `Institution ${institution.id}`,
    );
  }

  async update(institution: Institution, expectedVersion: number): Promise<void> {
    await this.table.putVersioned(toItem(institution), expectedVersion);
  }

  async get(id: string): Promise<Institution | null> {
    return this.table.get(primaryKey(institutionEntity.primary, { id }), institutionSchema);
  }

  async list(page: PageRequest): Promise<Page<Institution>> {
    return this.table.queryPage({
      ...partitionOf(institutionEntity.indexes.all, {}),
      page,
      schema: institutionSchema,
    });
  }
}
