import {
  microCredentialSchema,
  type DesignStatus,
  type MicroCredential,
} from '../../core/designs/micro-credential';
import type { MicroCredentialRepository } from '../../core/designs/ports';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { partitionOf, primaryKey, storedKeys } from './entity';
import { designEntity, publishedDesignEntity } from './keys';
import type { DynamoTable } from './table';

/** The stored item of a design's working version (shared with the lifecycle transactions). */
export function designItem(design: MicroCredential) {
  return { ...storedKeys(designEntity, design), ...design };
}

export class DynamoDbMicroCredentialRepository implements MicroCredentialRepository {
  constructor(private readonly table: DynamoTable) {}

  async create(design: MicroCredential): Promise<void> {
    await this.table.putNew(designItem(design), 'MICRO_CREDENTIAL_EXISTS');
  }

  async update(design: MicroCredential, expectedVersion: number): Promise<void> {
    await this.table.putVersioned(designItem(design), expectedVersion);
  }

  async get(id: string): Promise<MicroCredential | null> {
    return this.table.get(primaryKey(designEntity.primary, { id }), microCredentialSchema);
  }

  async getPublished(id: string, consistent = false): Promise<MicroCredential | null> {
    return this.table.get(
      primaryKey(publishedDesignEntity.primary, { id }),
      microCredentialSchema,
      consistent,
    );
  }

  async listByInstitution(
    institutionId: string,
    page: PageRequest,
    status?: DesignStatus,
  ): Promise<Page<MicroCredential>> {
    return status
      ? this.table.queryPage({
          ...partitionOf(designEntity.indexes.byStatus, { institutionId, status }),
          newestFirst: true,
          page,
          schema: microCredentialSchema,
        })
      : this.table.queryPage({
          ...partitionOf(designEntity.indexes.byInstitution, { institutionId }),
          newestFirst: true,
          page,
          schema: microCredentialSchema,
        });
  }

  async listPublished(page: PageRequest, institutionId?: string): Promise<Page<MicroCredential>> {
    return institutionId
      ? this.table.queryPage({
          ...partitionOf(publishedDesignEntity.indexes.catalogueOfInstitution, { institutionId }),
          newestFirst: true,
          page,
          schema: microCredentialSchema,
        })
      : this.table.queryPage({
          ...partitionOf(publishedDesignEntity.indexes.catalogue, {}),
          newestFirst: true,
          page,
          schema: microCredentialSchema,
        });
  }
}
