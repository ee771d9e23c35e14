import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import {
  importedCredentialSchema,
  shareLinkSchema,
  type ImportedCredential,
  type ShareLink,
} from '../../core/sharing/model';
import type { BackpackRepository, ShareLinkRepository } from '../../core/sharing/ports';
import type { DomainEvent } from '../../core/shared/events';
import { translateDynamoError } from './errors';
import { eventPuts } from './event-item';
import { partitionOf, primaryKey, storedKeys } from './entity';
import { importedCredentialEntity, shareLinkEntity } from './keys';
import type { DynamoTable } from './table';

export class DynamoDbShareLinkRepository implements ShareLinkRepository {
  constructor(private readonly table: DynamoTable) {}

  async add(link: ShareLink): Promise<void> {
    await this.table.putNew({ ...storedKeys(shareLinkEntity, link), ...link });
  }

  async list(credentialId: string): Promise<ShareLink[]> {
    const page = await this.table.queryPage({
      ...partitionOf(shareLinkEntity.primary, { credentialId }),
      page: { limit: 100 },
      schema: shareLinkSchema,
    });
    return [...page.items];
  }

  async revoke(link: ShareLink, revokedAt: string): Promise<void> {
    await this.table.putVersioned(
      {
        ...storedKeys(shareLinkEntity, link),
        ...link,
        revokedAt,
        version: link.version + 1,
      },
      link.version,
    );
  }
}

/** Imported credentials are kept as JSON text, exactly as the learner presented them. */
const storedImportSchema = importedCredentialSchema.extend({
  credential: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
});

const importedKey = (ownerId: string, id: string) =>
  primaryKey(importedCredentialEntity.primary, { ownerId, id });

export class DynamoDbBackpackRepository implements BackpackRepository {
  constructor(private readonly table: DynamoTable) {}

  async add(item: ImportedCredential, events: readonly DomainEvent[]): Promise<void> {
    const TableName = this.table.tableName;
    await this.table.transact(
      [
        {
          Put: {
            TableName,
            Item: {
              ...storedKeys(importedCredentialEntity, item),
              ...item,
              credential: JSON.stringify(item.credential),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...eventPuts(TableName, events),
      ],
      'IMPORT_EXISTS',
      `Imported credential ${item.id}`,
    );
  }

  async listByEmailHash(emailHash: string): Promise<ImportedCredential[]> {
    return this.table.queryAll({
      ...partitionOf(importedCredentialEntity.indexes.byEmail, { ownerEmailHash: emailHash }),
      schema: storedImportSchema,
    });
  }

  async get(ownerId: string, id: string): Promise<ImportedCredential | null> {
    return this.table.get(importedKey(ownerId, id), storedImportSchema, true);
  }

  async list(ownerId: string): Promise<ImportedCredential[]> {
    const items = await this.table.queryAll({
      ...partitionOf(importedCredentialEntity.primary, { ownerId }),
      schema: storedImportSchema,
    });
    return items.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  }

  async remove(ownerId: string, id: string): Promise<void> {
    try {
      await this.table.documents.send(
        new DeleteCommand({
          TableName: this.table.tableName,
          Key: importedKey(ownerId, id),
        }),
      );
    } catch (error) {
      translateDynamoError(error, 'backpack');
    }
  }
}
