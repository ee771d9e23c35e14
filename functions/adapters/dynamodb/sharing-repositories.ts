import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import {
  importedCredentialSchema,
  shareLinkSchema,
  type BackpackRepository,
  type ImportedCredential,
  type ShareLink,
  type ShareLinkRepository,
} from '../../core/sharing/sharing-service';
import { translateDynamoError } from './errors';
import type { DynamoTable } from './table';

const shareLinkKey = (credentialId: string, linkId: string) => ({
  pk: `CREDENTIAL#${credentialId}`,
  sk: `SHARE#${linkId}`,
});
const backpackKey = (ownerId: string, id: string) => ({
  pk: `BACKPACK#${ownerId}`,
  sk: `ITEM#${id}`,
});

export class DynamoDbShareLinkRepository implements ShareLinkRepository {
  constructor(private readonly table: DynamoTable) {}

  async add(link: ShareLink): Promise<void> {
    await this.table.putNew({
      ...shareLinkKey(link.credentialId, link.linkId),
      entity: 'ShareLink',
      ...link,
    });
  }

  async list(credentialId: string): Promise<ShareLink[]> {
    const page = await this.table.queryPage({
      partitionValue: `CREDENTIAL#${credentialId}`,
      sortKeyPrefix: 'SHARE#',
      page: { limit: 100 },
      schema: shareLinkSchema,
    });
    return [...page.items];
  }

  async revoke(link: ShareLink, revokedAt: string): Promise<void> {
    await this.table.putVersioned(
      {
        ...shareLinkKey(link.credentialId, link.linkId),
        entity: 'ShareLink',
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

export class DynamoDbBackpackRepository implements BackpackRepository {
  constructor(private readonly table: DynamoTable) {}

  async add(item: ImportedCredential): Promise<void> {
    await this.table.putNew({
      ...backpackKey(item.ownerId, item.id),
      entity: 'ImportedCredential',
      ...item,
      credential: JSON.stringify(item.credential),
    });
  }

  async list(ownerId: string): Promise<ImportedCredential[]> {
    const page = await this.table.queryPage({
      partitionValue: `BACKPACK#${ownerId}`,
      sortKeyPrefix: 'ITEM#',
      page: { limit: 100 },
      schema: storedImportSchema,
    });
    return [...page.items].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  }

  async remove(ownerId: string, id: string): Promise<void> {
    try {
      await this.table.documents.send(
        new DeleteCommand({ TableName: this.table.tableName, Key: backpackKey(ownerId, id) }),
      );
    } catch (error) {
      translateDynamoError(error, 'backpack');
    }
  }
}
