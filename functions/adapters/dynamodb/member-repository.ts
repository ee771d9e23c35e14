import { memberSchema, type Member } from '../../core/people/model';
import type { MemberRepository } from '../../core/people/ports';
import type { DomainEvent } from '../../core/shared/events';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { partitionOf, primaryKey, storedKeys } from './entity';
import { eventPuts } from './event-item';
import { memberEntity } from './keys';
import { versionedPut, type DynamoTable } from './table';

const memberItem = (member: Member) => ({ ...storedKeys(memberEntity, member), ...member });

export class DynamoDbMemberRepository implements MemberRepository {
  constructor(private readonly table: DynamoTable) {}

  async create(member: Member, events: readonly DomainEvent[]): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Put: {
            TableName,
            Item: memberItem(member),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...eventPuts(TableName, events),
      ],
      'ALREADY_A_MEMBER',
      `Member ${member.id}`,
    );
  }

  async update(
    member: Member,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        { Put: versionedPut(TableName, memberItem(member), expectedVersion) },
        ...eventPuts(TableName, events),
      ],
      'VERSION_CONFLICT',
      `Member ${member.id}`,
    );
  }

  async get(id: string): Promise<Member | null> {
    return this.table.get(primaryKey(memberEntity.primary, { id }), memberSchema);
  }

  async listForInstitution(institutionId: string, page: PageRequest): Promise<Page<Member>> {
    return this.table.queryPage({
      ...partitionOf(memberEntity.indexes.byInstitution, { institutionId }),
      page,
      schema: memberSchema,
    });
  }

  async listForPartner(partnerId: string, page: PageRequest): Promise<Page<Member>> {
    return this.table.queryPage({
      ...partitionOf(memberEntity.indexes.byPartner, { partnerId }),
      page,
      schema: memberSchema,
    });
  }
}
