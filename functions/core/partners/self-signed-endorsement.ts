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
  const id = credential.id;
  const validUntil = stringOf(credential.validUntil) ?? stringOf(credential.expirationDate);
  const problems = [
    ...idProblems(deps, id),
    ...(await verificationProblems(deps, credential)),
    ...statementProblems(deps, credential, partner, target),
    ...(validUntil === undefined || !Number.isNaN(Date.parse(validUntil))
      ? []
      : ['validUntil: not a date-time']),
  ];
  if (problems.length || typeof id !== 'string') {
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
    comment: commentOf(credential),
    ...(validUntil ? { expiresOn: new Date(validUntil).toISOString() } : {}),
  };
}

function idProblems(deps: SelfSignedDeps, id: unknown): string[] {
  if (typeof id !== 'string' || id.length === 0 || id.length > maxCredentialIdLength)
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
  credential: JsonObject,
  partner: Partner,
  target: Subjects,
): string[] {
  const types = Array.isArray(credential.type) ? credential.type : [credential.type];
  const subject = credential.credentialSubject as { id?: unknown } | undefined;
  const issuer = issuerOf(credential);
  const allowedIssuers = [partner.did, deps.urls.partnerDid(partner.id)].filter(Boolean);
  const earlier = target.subjectIds.length > 1 ? ' (or an earlier version of it)' : '';
  return [
    ...(types.includes('EndorsementCredential') ? [] : ['type: not an EndorsementCredential']),
    ...(typeof subject?.id === 'string' && target.subjectIds.includes(subject.id)
      ? []
      : [`credentialSubject.id: must be ${target.subjectId}${earlier}`]),
    ...(typeof issuer === 'string' && allowedIssuers.includes(issuer)
      ? []
      : ["issuer: not the partner's DID"]),
  ];
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The issuer id of a credential (`issuer` as a string or a Profile). */
export function issuerOf(credential: JsonObject): string | undefined {
  if (typeof credential.issuer === 'string') return credential.issuer;
  return stringOf((credential.issuer as { id?: unknown } | undefined)?.id);
}

/** The id of the credential's subject. */
export function subjectIdOf(credential: JsonObject): string | undefined {
  return stringOf((credential.credentialSubject as { id?: unknown } | undefined)?.id);
}

function commentOf(credential: JsonObject): string {
  const subject = credential.credentialSubject as { endorsementComment?: unknown } | undefined;
  return typeof subject?.endorsementComment === 'string' ? subject.endorsementComment : '';
}
