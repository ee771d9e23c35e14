import { readCredential, stringField, type CredentialView } from '../credential/document';
import type { JsonObject } from '../issuance/ports';
import { ConflictError, ValidationError } from '../shared/errors';
import type { PublicUrls } from '../shared/public-urls';
import { maxCredentialIdLength, type Partner } from './model';
import type { EndorsementRepository, VerifyEndorsementCredential } from './ports';

/** What a signed EndorsementCredential determines of the stored endorsement. */
export interface SignedEndorsement {
  readonly credential: JsonObject;
  readonly comment: string;
  readonly expiresOn?: string;
}

export interface SelfSignedDeps {
  readonly verify: VerifyEndorsementCredential;
  readonly endorsements: Pick<EndorsementRepository, 'findByCredentialId'>;
  readonly urls: Pick<PublicUrls, 'base' | 'partnerDid'>;
}

/** The subjects a self-signed credential may name. */
interface Subjects {
  readonly subjectId: string;
  readonly subjectIds: readonly string[];
}

export const duplicateEndorsement = () =>
  new ConflictError(
    'ENDORSEMENT_DUPLICATE',
    'An endorsement with this credential id was already submitted; sign a new credential (with a new id) instead.',
  );

/**
 * Verifies a partner-signed EndorsementCredential before accepting it, and reads what the
 * stored record keeps of it (comment, expiry). A credential id is accepted once.
 */
export async function acceptSelfSigned(
  deps: SelfSignedDeps,
  credential: JsonObject,
  partner: Partner,
  target: Subjects,
): Promise<SignedEndorsement> {
  const view = readCredential(credential)!;
  const { id } = view;
  const { validUntil } = view.validity;
  const problems = [
    ...idProblems(deps, id),
    ...(await verificationProblems(deps, credential)),
    ...statementProblems(deps, view, partner, target),
    ...(validUntil === undefined || !Number.isNaN(Date.parse(validUntil))
      ? []
      : ['validUntil: not a date-time']),
  ];
  if (problems.length || id === undefined) {
    throw new ValidationError(
      `The endorsement credential was not accepted: ${problems.join('; ')}.`,
      [{ path: 'input.credential', message: problems.join('; ') }],
      'ENDORSEMENT_INVALID',
    );
  }
  // Checked again in the transaction that stores it; this one answers early and clearly.
  if (await deps.endorsements.findByCredentialId(id)) throw duplicateEndorsement();
  return {
    credential,
    comment: stringField(view.subject, 'endorsementComment') ?? '',
    ...(validUntil ? { expiresOn: new Date(validUntil).toISOString() } : {}),
  };
}

function idProblems(deps: SelfSignedDeps, id: string | undefined): string[] {
  if (id === undefined || id.length === 0 || id.length > maxCredentialIdLength)
    return [`id: required, at most ${maxCredentialIdLength} characters`];
  if (id.startsWith(`${deps.urls.base}/`))
    return ['id: must not be one of the URLs this platform mints'];
  return [];
}

async function verificationProblems(
  deps: SelfSignedDeps,
  credential: JsonObject,
): Promise<string[]> {
  const result = await deps.verify(credential);
  if (result.verified) return [];
  return (
    result.checks
      // A withdrawn credential was submitted before: answered as a duplicate afterwards.
      .filter((check) => check.status === 'FAIL' && check.name !== 'withdrawal')
      .map((check) => `${check.name}: ${check.message}`)
  );
}

/** What the credential says: an EndorsementCredential by the partner about the target. */
function statementProblems(
  deps: SelfSignedDeps,
  credential: CredentialView,
  partner: Partner,
  target: Subjects,
): string[] {
  // An EndorsementCredential endorses one subject: `credentialSubject` is an object, not a list.
  const subjectId =
    credential.raw.credentialSubject === credential.subject ? credential.subjectId : undefined;
  const issuer = credential.issuer.id;
  const allowedIssuers = [partner.did, deps.urls.partnerDid(partner.id)].filter(Boolean);
  const earlier = target.subjectIds.length > 1 ? ' (or an earlier version of it)' : '';
  return [
    ...(credential.types.includes('EndorsementCredential')
      ? []
      : ['type: not an EndorsementCredential']),
    ...(subjectId !== undefined && target.subjectIds.includes(subjectId)
      ? []
      : [`credentialSubject.id: must be ${target.subjectId}${earlier}`]),
    ...(issuer !== undefined && allowedIssuers.includes(issuer)
      ? []
      : ["issuer: not the partner's DID"]),
  ];
}
