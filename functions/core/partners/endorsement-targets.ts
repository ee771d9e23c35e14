import type { MicroCredentialRepository } from '../designs/ports';
import type { InstitutionRepository } from '../institutions/ports';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { PublicUrls } from '../shared/public-urls';
import type { Endorsement } from './model';

/** What a partner endorses, as the signed credential names it. */
export interface EndorsementTarget {
  readonly kind: Endorsement['target']['kind'];
  readonly id: string;
  readonly institutionId: string;
  readonly name: string;
  /** The subject a credential signed now names. */
  readonly subjectId: string;
  /** Subjects a self-signed credential may name. */
  readonly subjectIds: readonly string[];
}

export interface EndorsementTargetsDeps {
  readonly designs: Pick<MicroCredentialRepository, 'get'>;
  readonly institutions: Pick<InstitutionRepository, 'get'>;
  readonly urls: Pick<PublicUrls, 'achievement' | 'issuerDid'>;
}

/** A design to endorse: any version of it so far, signed about the version read now. */
export async function designTarget(
  deps: EndorsementTargetsDeps,
  microCredentialId: string,
): Promise<EndorsementTarget> {
  const design = await deps.designs.get(microCredentialId);
  if (!design) throw new NotFoundError('MicroCredential', microCredentialId);
  if (design.status === 'RETIRED')
    throw new ConflictError('DESIGN_RETIRED', 'A retired design cannot be endorsed.');
  return {
    kind: 'MICRO_CREDENTIAL',
    id: design.id,
    institutionId: design.institutionId,
    name: design.content.name,
    // The version the partner reads now; other versions get their own credential at issuance.
    subjectId: deps.urls.achievement(design.id, design.designVersion),
    subjectIds: Array.from({ length: design.designVersion }, (_, index) =>
      deps.urls.achievement(design.id, index + 1),
    ),
  };
}

/** An institution to endorse, named by its DID. */
export async function institutionTarget(
  deps: EndorsementTargetsDeps,
  institutionId: string,
): Promise<EndorsementTarget> {
  const institution = await deps.institutions.get(institutionId);
  if (!institution) throw new NotFoundError('Institution', institutionId);
  return {
    kind: 'INSTITUTION',
    id: institution.id,
    institutionId: institution.id,
    name: institution.name,
    subjectId: deps.urls.issuerDid(institution.id),
    subjectIds: [deps.urls.issuerDid(institution.id)],
  };
}
