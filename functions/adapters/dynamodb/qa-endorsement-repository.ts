import * as z from 'zod';
import type { QaEndorsementRepository } from '../../core/qa/ports';
import { ConflictError } from '../../core/shared/errors';
import { primaryKey, storedKeys } from './entity';
import { qaEndorsementEntity } from './keys';
import type { DynamoTable } from './table';

/** Stored as JSON text, served exactly as signed. */
const storedSchema = z.object({
  credential: z.string().transform((text) => JSON.parse(text) as Record<string, unknown>),
});

export class DynamoDbQaEndorsementRepository implements QaEndorsementRepository {
  constructor(private readonly table: DynamoTable) {}

  async get(
    microCredentialId: string,
    designVersion: number,
  ): Promise<Record<string, unknown> | null> {
    const stored = await this.table.get(
      primaryKey(qaEndorsementEntity.primary, { microCredentialId, designVersion }),
      storedSchema,
      true,
    );
    return stored?.credential ?? null;
  }

  async add(
    microCredentialId: string,
    designVersion: number,
    credential: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    try {
      await this.table.putNew({
        ...storedKeys(qaEndorsementEntity, { microCredentialId, designVersion }),
        version: 1,
        credential: JSON.stringify(credential),
      });
      return credential;
    } catch (error) {
      // Signed at the same moment elsewhere (the worker and a first issuance): first one wins.
      const stored =
        error instanceof ConflictError ? await this.get(microCredentialId, designVersion) : null;
      if (stored) return stored;
      throw error;
    }
  }
}
