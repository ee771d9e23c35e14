import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { apiKeySchema, partnerSchema, type ApiKey, type Partner } from '../../core/partners/model';
import type { ApiKeyRepository, PartnerRepository } from '../../core/partners/ports';
import type { DomainEvent } from '../../core/shared/events';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { partitionOf, primaryKey, storedKeys } from './entity';
import { isConditionFailure, translateDynamoError } from './errors';
import { eventPuts } from './event-item';
import { apiKeyEntity, partnerEntity, partnerLinkEntity } from './keys';
import { versionedPut, type DynamoTable } from './table';

const partnerItem = (partner: Partner) => ({ ...storedKeys(partnerEntity, partner), ...partner });
const linkKey = (institutionId: string, partnerId: string) =>
  primaryKey(partnerLinkEntity.primary, { institutionId, partnerId });
const linkItem = (institutionId: string, partner: Partner) => ({
  ...storedKeys(partnerLinkEntity, {
    institutionId,
    partnerId: partner.id,
    name: partner.name,
  }),
  version: 1,
  partnerId: partner.id,
});

export class DynamoDbPartnerRepository implements PartnerRepository {
  constructor(private readonly table: DynamoTable) {}

  async create(partner: Partner, events: readonly DomainEvent[]): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Put: {
            TableName,
            Item: partnerItem(partner),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...partner.institutionIds.map((institutionId) => ({
          Put: { TableName, Item: linkItem(institutionId, partner) },
        })),
        ...eventPuts(TableName, events),
      ],
      'PARTNER_EXISTS',
      `Partner ${partner.id}`,
    );
  }

  /**
   * Replaces the profile, rewrites a link item for every institution (they carry the name the
   * list is sorted by), deletes the links of unlinked institutions, and records the events.
   */
  async update(
    partner: Partner,
    expectedVersion: number,
    events: readonly DomainEvent[] = [],
    unlinkedInstitutionIds: readonly string[] = [],
  ): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        { Put: versionedPut(TableName, partnerItem(partner), expectedVersion) },
        ...partner.institutionIds.map((institutionId) => ({
          Put: { TableName, Item: linkItem(institutionId, partner) },
        })),
        ...unlinkedInstitutionIds.map((institutionId) => ({
          Delete: { TableName, Key: linkKey(institutionId, partner.id) },
        })),
        ...eventPuts(TableName, events),
      ],
      'VERSION_CONFLICT',
      `Partner ${partner.id}`,
    );
  }

  async get(id: string): Promise<Partner | null> {
    return this.table.get(primaryKey(partnerEntity.primary, { id }), partnerSchema);
  }

  async listByInstitution(institutionId: string, page: PageRequest): Promise<Page<Partner>> {
    const links = await this.table.queryPage({
      ...partitionOf(partnerLinkEntity.indexes.byInstitution, { institutionId }),
      page,
      schema: z.object({ partnerId: z.string() }),
    });
    const partners = await Promise.all(links.items.map((link) => this.get(link.partnerId)));
    return {
      items: partners.filter((partner): partner is Partner => partner !== null),
      nextCursor: links.nextCursor,
    };
  }
}

const apiKeyKey = (keyId: string) => primaryKey(apiKeyEntity.primary, { keyId });

export class DynamoDbApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly table: DynamoTable) {}

  private item(key: ApiKey) {
    return { ...storedKeys(apiKeyEntity, key), ...key };
  }

  async add(key: ApiKey): Promise<void> {
    await this.table.putNew(this.item(key), 'API_KEY_EXISTS');
  }

  async get(keyId: string): Promise<ApiKey | null> {
    return this.table.get(apiKeyKey(keyId), apiKeySchema);
  }

  async listByPartner(partnerId: string): Promise<ApiKey[]> {
    const page = await this.table.queryPage({
      ...partitionOf(apiKeyEntity.indexes.byPartner, { partnerId }),
      newestFirst: true,
      page: { limit: 100 },
      schema: apiKeySchema,
    });
    return [...page.items];
  }

  async update(key: ApiKey, expectedVersion: number): Promise<void> {
    await this.table.putVersioned(this.item(key), expectedVersion);
  }

  async touch(keyId: string, at: string): Promise<void> {
    try {
      await this.table.documents.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: apiKeyKey(keyId),
          UpdateExpression: 'SET #lastUsedAt = :at',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(#lastUsedAt) OR #lastUsedAt < :at)',
          ExpressionAttributeNames: { '#lastUsedAt': 'lastUsedAt' },
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) translateDynamoError(error, 'API key');
    }
  }
}
