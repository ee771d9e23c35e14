import type { InstitutionRepository } from '../institutions/ports';
import type { DesignUnitOfWork } from '../qa/ports';
import { NotFoundError } from '../shared/errors';
import type { PublicUrls } from '../shared/public-urls';
import type { IdGenerator } from '../shared/runtime';
import {
  normaliseEmail,
  type CredentialRecord,
  type Reservation,
  type StatusEntry,
} from '../credential/credential';
import { shared, type IssuanceBatch } from './issuance-batch';
import { usesExtensionTerms } from '../credential/achievement-elements';
import type { IssueRequest } from './model';
import {
  achievement,
  addMonths,
  emailIdentity,
  issuerProfile,
  jwtClaims,
  openBadgeCredential,
  statusEntry,
} from '../credential/open-badge';
import type {
  ActiveSigningKey,
  CredentialSigner,
  EndorsementSource,
  JsonObject,
  QaEndorsementSource,
  SigningKey,
  VerifyIssuedProof,
} from './ports';

export interface CredentialMintingDeps {
  readonly institutions: Pick<InstitutionRepository, 'get'>;
  readonly snapshots: Pick<DesignUnitOfWork, 'getSnapshot'>;
  readonly activeKey: ActiveSigningKey;
  readonly signer: CredentialSigner;
  readonly verifyIssuedProof: VerifyIssuedProof;
  readonly urls: PublicUrls;
  readonly ids: IdGenerator;
  readonly endorsements?: EndorsementSource;
  /** The QA body's endorsement, embedded after the industry ones; none without it. */
  readonly qaEndorsement?: QaEndorsementSource;
}

type Institution = NonNullable<Awaited<ReturnType<InstitutionRepository['get']>>>;
type Snapshot = NonNullable<Awaited<ReturnType<DesignUnitOfWork['getSnapshot']>>>;

/** What a credential is built from, read once per batch of a bulk job. */
interface MintingInputs {
  readonly institution: Institution;
  readonly snapshot: Snapshot;
  readonly dataIntegrityKey: SigningKey;
  readonly jwtKey: SigningKey;
  readonly endorsements: readonly JsonObject[];
}

/**
 * Builds the Open Badges 3.0 credential a reservation describes and signs both its forms (a
 * Data Integrity proof and a VC-JWT) with the institution's keys in the key service.
 */
export class CredentialMinting {
  constructor(private readonly deps: CredentialMintingDeps) {}

  /** Builds the credential the reservation describes and signs both forms through KMS. */
  async buildAndSign(
    reservation: Reservation,
    request: IssueRequest,
    hash: string,
    batch: IssuanceBatch | undefined,
  ): Promise<CredentialRecord> {
    const inputs = await this.inputs(reservation, batch);
    const { institutionId, microCredentialId, designVersion } = reservation;
    const validFrom = reservation.issuedAt;
    const months = inputs.snapshot.content.validityMonths;
    const validUntil = months ? addMonths(validFrom, months) : undefined;
    // One entry, for revocation. A reservation made before suspension left the document also
    // holds a suspension position; it stays unused.
    const revocation = reservation.statusEntries.find((entry) => entry.purpose === 'revocation');
    if (!revocation)
      throw new Error(`Reservation ${reservation.credentialId} holds no revocation position`);
    const unsigned = this.unsigned(reservation, request, inputs, revocation, validUntil);
    const { credential, jwt } = await this.sign(unsigned, reservation, inputs);
    return {
      id: reservation.credentialId,
      institutionId,
      microCredentialId,
      designVersion,
      kind: request.kind ?? 'micro',
      achievementName: inputs.snapshot.content.name,
      recipient: {
        emailHash: hash,
        email: normaliseEmail(request.recipient.email),
        ...(request.recipient.name ? { name: request.recipient.name } : {}),
        ...(request.recipient.did ? { did: request.recipient.did } : {}),
      },
      status: 'ACTIVE',
      statusEntries: [revocation],
      issuedAt: reservation.issuedAt,
      validFrom,
      ...(validUntil ? { validUntil } : {}),
      credential,
      jwt,
      ...proofHashOf(this.deps.signer, credential),
      signingKeys: { dataIntegrity: inputs.dataIntegrityKey.keyId, jwt: inputs.jwtKey.keyId },
      visibility: 'PUBLIC',
      showName: false,
      idempotencyKey: reservation.key,
      parts: [...(request.parts ?? [])],
      flaggedParts: [],
      version: 1,
    };
  }

  /** The unsigned OB 3.0 credential: the learner as subject, the approved achievement version. */
  private unsigned(
    reservation: Reservation,
    request: IssueRequest,
    { institution, snapshot, endorsements }: MintingInputs,
    revocation: StatusEntry,
    validUntil: string | undefined,
  ): JsonObject {
    const { institutionId, microCredentialId, designVersion } = reservation;
    const { urls } = this.deps;
    const recipient = request.recipient;
    const subject: JsonObject = {
      ...(recipient.did ? { id: recipient.did } : {}),
      type: ['AchievementSubject'],
      identifier: [
        emailIdentity(normaliseEmail(recipient.email), this.deps.ids.newId().replace(/-/g, '')),
      ],
      achievement: achievement({
        urls,
        institution,
        microCredentialId,
        designVersion,
        content: snapshot.content,
        qualityAssurance: snapshot.qualityAssurance,
        endorsements,
        relatedAchievements: request.relatedAchievements,
      }),
      ...(request.results?.length ? { result: request.results } : {}),
    };
    return openBadgeCredential({
      id: urls.credential(reservation.credentialId),
      issuer: issuerProfile(urls, institution),
      name: snapshot.content.name,
      description: snapshot.content.description,
      validFrom: reservation.issuedAt,
      validUntil,
      subject,
      evidence: request.evidence,
      credentialStatus: statusEntry(urls, institutionId, revocation),
      extraContexts: usesExtensionTerms(snapshot.content) ? [urls.extensionContext()] : [],
    });
  }

  /** The institution, approved snapshot, keys and endorsements, through the batch if any. */
  private async inputs(
    reservation: Reservation,
    batch: IssuanceBatch | undefined,
  ): Promise<MintingInputs> {
    const { institutionId, microCredentialId, designVersion } = reservation;
    const owner = { ownerKind: 'institution', ownerId: institutionId } as const;
    const { deps } = this;
    const [institution, snapshot, dataIntegrityKey, jwtKey, endorsements, qa] = await Promise.all([
      shared(batch, `institution:${institutionId}`, () => deps.institutions.get(institutionId)),
      shared(batch, `snapshot:${microCredentialId}:${designVersion}`, () =>
        deps.snapshots.getSnapshot(microCredentialId, designVersion),
      ),
      shared(batch, `key:${institutionId}:Ed25519`, () => deps.activeKey(owner, 'Ed25519')),
      shared(batch, `key:${institutionId}:RS256`, () => deps.activeKey(owner, 'RS256')),
      shared(batch, `endorsements:${microCredentialId}:v${designVersion}`, () =>
        deps.endorsements
          ? deps.endorsements(microCredentialId, designVersion)
          : Promise.resolve([]),
      ),
      shared(batch, `qa-endorsement:${microCredentialId}:v${designVersion}`, () =>
        deps.qaEndorsement
          ? deps.qaEndorsement(microCredentialId, designVersion)
          : Promise.resolve(null),
      ),
    ]);
    if (!institution) throw new NotFoundError('Institution', institutionId);
    if (!snapshot)
      throw new NotFoundError('DesignVersion', `${microCredentialId}/v${designVersion}`);
    return {
      institution,
      snapshot,
      dataIntegrityKey,
      jwtKey,
      // Last, so industry endorsements keep their places in the list.
      endorsements: qa ? [...endorsements, qa] : endorsements,
    };
  }

  /** Signs the Data Integrity proof, checks it, then signs the VC-JWT of the signed document. */
  private async sign(
    unsigned: JsonObject,
    reservation: Reservation,
    { dataIntegrityKey, jwtKey }: MintingInputs,
  ): Promise<{ credential: JsonObject; jwt: string }> {
    const { urls, signer } = this.deps;
    const { institutionId } = reservation;
    const verificationMethod = urls.verificationMethod(
      'institution',
      institutionId,
      dataIntegrityKey.keyId,
    );
    const credential = await signer.addDataIntegrityProof(
      unsigned,
      { keyRef: dataIntegrityKey.keyRef, verificationMethod },
      reservation.issuedAt,
    );
    // Stored only with a proof that verifies against the published public key.
    if (!(await this.deps.verifyIssuedProof(credential, dataIntegrityKey))) {
      throw new Error(
        `The proof of credential ${reservation.credentialId} did not verify after signing`,
      );
    }
    const jwt = await signer.signJwt(
      {
        alg: 'RS256',
        typ: 'JWT',
        kid: urls.verificationMethod('institution', institutionId, jwtKey.keyId),
      },
      jwtClaims(credential),
      jwtKey.keyRef,
    );
    return { credential, jwt };
  }
}

/** The proof's hashData the signer kept, as a field of the record (none if it kept none). */
function proofHashOf(signer: CredentialSigner, credential: JsonObject) {
  const proofHash = signer.proofHashOf?.(credential);
  return proofHash ? { proofHash } : {};
}
