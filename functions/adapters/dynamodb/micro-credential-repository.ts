import {
  microCredentialSchema,
  type DesignStatus,
  type MicroCredential,
} from '../../core/designs/model';
import type { MicroCredentialRepository } from '../../core/designs/ports';
import type { Page, PageRequest } from '../../core/shared/runtime';
import { keys } from './keys';
import type { DynamoTable } from './table';

const entity = 'MicroCredential';

/** The stored item of a design's working version (shared with the lifecycle transactions). */
export function designItem(design: MicroCredential) {
  return { ...keys.design(design.id), ...keys.designListing(design), entity, ...design };
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
    return this.table.get(keys.design(id), microCredentialSchema);
  }

  async getPublished(id: string, consistent = false): Promise<MicroCredential | null> {
    return this.table.get(keys.publishedDesign(id), microCredentialSchema, consistent);
  }

  async listByInstitution(
    institutionId: string,
    page: PageRequest,
    status?: DesignStatus,
  ): Promise<Page<MicroCredential>> {
    return status
      ? this.table.queryPage({
          index: 'gsi2',
          partitionValue: keys.designsOfInstitutionByStatus(institutionId, status),
          newestFirst: true,
          page,
          schema: microCredentialSchema,
        })
      : this.table.queryPage({
          index: 'gsi1',
          partitionValue: keys.designsOfInstitution(institutionId),
          newestFirst: true,
          page,
          schema: microCredentialSchema,
        });
  }

  async listPublished(page: PageRequest, institutionId?: string): Promise<Page<MicroCredential>> {
    return institutionId
      ? this.table.queryPage({
          index: 'gsi2',
          partitionValue: keys.catalogueOfInstitution(institutionId),
          newestFirst: true,
          page,
          schema: microCredentialSchema,
        })
      : this.table.queryPage({
          index: 'gsi1',
          partitionValue: keys.catalogue(),
          newestFirst: true,
          page,
          schema: microCredentialSchema,
        });
  }
}
