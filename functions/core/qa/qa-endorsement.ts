import type { JsonObject } from '../credential/document';
import { qaEndorsementCredential } from '../credential/qa-endorsement';
import { isApprovedSnapshot } from '../designs/model';
import type { InstitutionRepository } from '../institutions/ports';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock } from '../shared/runtime';
import type { DesignUnitOfWork, QaEndorsementRepository, SignAsInstitution } from './ports';

export interface QaEndorsementDeps {
  readonly snapshots: Pick<DesignUnitOfWork, 'getSnapshot'>;
  readonly institutions: Pick<InstitutionRepository, 'get'>;
  readonly endorsements: QaEndorsementRepository;
  readonly sign: SignAsInstitution;
  readonly urls: PublicUrls;
  readonly clock: Clock;
}

const designIdPattern = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The QA body's signed statement about each approved design version (an OB 3.0
 * EndorsementCredential, see core/credential/qa-endorsement.ts). It is signed once, when the
 * review approves the version (the worker reacts to `qa.review.approved`), or at the latest
 * when the first credential of that version is issued, and never changes afterwards.
 */
export class QaEndorsements {
  constructor(private readonly deps: QaEndorsementDeps) {}

  /** The signed QA endorsement of a version, as stored; null when none was signed. */
  async find(microCredentialId: string, designVersion: number): Promise<JsonObject | null> {
    if (!designIdPattern.test(microCredentialId) || !Number.isSafeInteger(designVersion))
      return null;
    return this.deps.endorsements.get(microCredentialId, designVersion);
  }

  /**
   * The signed QA endorsement of an approved version, signing and storing it the first time;
   * null for a version that is not QA-approved (nothing to state).
   */
  async ensure(microCredentialId: string, designVersion: number): Promise<JsonObject | null> {
    const stored = await this.find(microCredentialId, designVersion);
    if (stored) return stored;
    const snapshot = await this.deps.snapshots.getSnapshot(microCredentialId, designVersion);
    if (!snapshot?.qualityAssurance || !isApprovedSnapshot(snapshot.status)) return null;
    const institution = await this.deps.institutions.get(snapshot.institutionId);
    if (!institution) return null;
    const unsigned = qaEndorsementCredential({
      urls: this.deps.urls,
      institution,
      microCredentialId,
      designVersion,
      designName: snapshot.content.name,
      contentDigest: snapshot.contentDigest,
      qualityAssurance: snapshot.qualityAssurance,
    });
    // The proof's `created` is when it is made (the key in use then); the claim says when
    // the review approved.
    const signed = await this.deps.sign(
      institution.id,
      unsigned,
      this.deps.clock.now().toISOString(),
    );
    return this.deps.endorsements.add(microCredentialId, designVersion, signed);
  }
}
