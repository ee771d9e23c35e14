import DataLoader from 'dataloader';
import type { Institution } from '../functions/core/institutions/model';
import { NotFoundError } from '../functions/core/shared/errors';
import type { InstitutionService } from '../functions/core/institutions/institution-service';

/**
 * Per-request loaders: a page of 20 designs (or credentials) of one institution reads the
 * institution once, not 20 times. They live for one request, so nothing stale outlives it.
 */
export function createLoaders(services: {
  readonly institutions: Pick<InstitutionService, 'find'>;
}) {
  const institutions = new DataLoader<string, Institution | null>((ids) =>
    Promise.all(ids.map((id) => services.institutions.find(id))),
  );
  return {
    /** The institution, or NOT_FOUND (as `InstitutionService.get`). */
    async institution(id: string): Promise<Institution> {
      const institution = await institutions.load(id);
      if (!institution) throw new NotFoundError('Institution', id);
      return institution;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
