/**
 * Proof checks: the `issuer-key` and `proof` rows of a verification. A Data Integrity proof
 * (`eddsa-rdfc-2022`) or a VC-JWT, its key resolved and bound to the issuer, its signature
 * checked, and for a JWT its claims held against the credential.
 */
import { isJsonObject, type CredentialView, type JsonObject } from '../credential/document';
import { DomainError, VerificationProblem } from '../shared/errors';
import type { IssuerKeyResolver } from './key-resolution';
import { jwkOf, jwkThumbprint, methodIdOfKid } from './key-resolution';
import { type Check, type Presented, type VerificationBudget } from './model';
import type { ProofVerifier, ResolvedMethod } from './ports';
import { describeFailure, row } from './step';

/** Whether `proof`, found in `credential`, was made by the Ed25519 key `publicKeyRaw`. */
export type SignatureCheck = (
  credential: JsonObject,
  proof: JsonObject,
  publicKeyRaw: Uint8Array,
  budget: VerificationBudget,
) => Promise<boolean>;

/** The signature check of a proof verifier (`caches.ts` remembers it for immutable documents). */
export function signatureCheckOf(proofs: ProofVerifier): SignatureCheck {
  return (credential, proof, publicKeyRaw, budget) =>
    proofs.verifyDataIntegrity({ ...credential, proof }, publicKeyRaw, budget);
}

/** The rows of the proof step, and whether the proof holds (signature and key). */
export interface ProofOutcome {
  readonly checks: readonly Check[];
  readonly holds: boolean;
}

const JWT_ALGORITHMS = ['RS256', 'ES256', 'EdDSA', 'PS256'];
const NO_KEY_NO_PROOF = 'Without the issuer key the signature cannot be checked.';

export interface ProofCheckDeps {
  readonly keys: IssuerKeyResolver;
  readonly proofs: ProofVerifier;
  readonly signatures: SignatureCheck;
}

export class ProofChecks {
  constructor(private readonly deps: ProofCheckDeps) {}

  /** The proof step: a proof that cannot be checked fails, unless checking is unavailable. */
  async check(
    view: CredentialView,
    presented: Presented,
    budget: VerificationBudget,
  ): Promise<ProofOutcome> {
    try {
      if (presented.format === 'VC-JWT') return await this.jwt(presented.jwt, view, budget);
      const signer = await this.dataIntegritySigner(view, budget);
      if ('checks' in signer) return signer;
      return await guarded(signer.key, () => this.signature(view, signer, budget));
    } catch (error) {
      return unavailableOr(error, []);
    }
  }

  /**
   * Whether an `eddsa-rdfc-2022` proof by a key of the issuer holds (a status list's). A
   * signature that cannot be checked throws, for the caller to explain.
   */
  async dataIntegrityHolds(view: CredentialView, budget: VerificationBudget): Promise<boolean> {
    const signer = await this.dataIntegritySigner(view, budget);
    if ('checks' in signer) return false;
    return (await this.signature(view, signer, budget)).holds;
  }

  /** The Data Integrity proof and its key, or the rows that say why there is none. */
  private async dataIntegritySigner(
    view: CredentialView,
    budget: VerificationBudget,
  ): Promise<ProofOutcome | Signer> {
    const proof = view.proofs.find(
      (candidate) =>
        candidate.type === 'DataIntegrityProof' && candidate.cryptosuite === 'eddsa-rdfc-2022',
    );
    if (!proof) {
      const message = hasProof(view)
        ? 'Only eddsa-rdfc-2022 Data Integrity proofs are supported.'
        : 'The credential has no proof.';
      return failed(
        row('proof', 'FAIL', message),
        row('issuer-key', 'SKIP', 'No supported proof to take a key from.'),
      );
    }
    const methodId = proof.verificationMethod;
    if (proof.proofPurpose !== 'assertionMethod' || methodId === undefined) {
      return failed(
        row('proof', 'FAIL', 'The proof is not an assertion by a verification method.'),
        row('issuer-key', 'SKIP', 'No verification method.'),
      );
    }
    let method: ResolvedMethod;
    try {
      method = await this.deps.keys.method(methodId, view.issuer.id, budget);
    } catch (error) {
      const fallback = `The key ${methodId.slice(0, 200)} could not be resolved`;
      return failed(
        row('issuer-key', 'FAIL', describeFailure(error, fallback)),
        row('proof', 'FAIL', NO_KEY_NO_PROOF),
      );
    }
    const key = keyCheck(method, view.issuer.id);
    if (method.key.kind !== 'ed25519')
      return failed(key, row('proof', 'FAIL', 'The verification method is not an Ed25519 key.'));
    return { proof: proof.raw, key, raw: method.key.raw };
  }

  private async signature(
    view: CredentialView,
    { proof, key, raw }: Signer,
    budget: VerificationBudget,
  ): Promise<ProofOutcome> {
    const signatureOk = await this.deps.signatures(view.raw, proof, raw, budget);
    const signature = signatureOk
      ? row('proof', 'PASS', 'The eddsa-rdfc-2022 signature matches the credential.')
      : row(
          'proof',
          'FAIL',
          'The signature does not match: the credential was altered or signed by another key.',
        );
    return { checks: [key, signature], holds: signatureOk && key.status === 'PASS' };
  }

  /**
   * A VC-JWT (OB 3.0 §8.2.6): the key named by `kid` or embedded as `jwk`, bound to the
   * issuer; the signature; then the claims against the credential (§8.2.6.1).
   */
  private async jwt(
    jwt: string,
    view: CredentialView,
    budget: VerificationBudget,
  ): Promise<ProofOutcome> {
    const { header } = this.deps.proofs.decodeJws(jwt)!;
    if (typeof header.alg !== 'string' || !JWT_ALGORITHMS.includes(header.alg)) {
      return failed(
        row(
          'proof',
          'FAIL',
          `The JWT algorithm ${String(header.alg).slice(0, 20)} is not accepted.`,
        ),
        row('issuer-key', 'SKIP', 'No accepted algorithm.'),
      );
    }
    let method: ResolvedMethod | null;
    try {
      method = await this.jwtMethod(header, view.issuer.id, budget);
    } catch (error) {
      return failed(
        row('issuer-key', 'FAIL', describeFailure(error, 'The JWT key could not be resolved')),
        row('proof', 'FAIL', NO_KEY_NO_PROOF),
      );
    }
    if (!method) {
      return failed(
        row('issuer-key', 'FAIL', 'The JWT names no key (kid) and carries none (jwk).'),
        row('proof', 'FAIL', 'Without a key the signature cannot be checked.'),
      );
    }
    const key = keyCheck(method, view.issuer.id);
    return guarded(key, () => this.jwtSignature(jwt, header, method, key, view));
  }

  /** The JWT's signature by `method`, and its claims against the credential. */
  private async jwtSignature(
    jwt: string,
    header: JsonObject,
    method: ResolvedMethod,
    key: Check,
    view: CredentialView,
  ): Promise<ProofOutcome> {
    const payload = await this.deps.proofs.verifyJws(jwt, jwkOf(method.key));
    if (!payload) return failed(key, row('proof', 'FAIL', 'The JWT signature does not match.'));
    const mismatches = jwtClaimMismatches(payload, view);
    const claims =
      mismatches.length === 0
        ? row(
            'proof',
            'PASS',
            `The ${String(header.alg)} JWT signature matches, and its claims agree with the credential.`,
          )
        : row(
            'proof',
            'FAIL',
            `The JWT signature matches, but its claims do not agree with the credential: ${mismatches.join('; ')}.`,
          );
    return { checks: [key, claims], holds: mismatches.length === 0 && key.status === 'PASS' };
  }

  /** The key a JWT header names (`kid`) or carries (`jwk`), or null when it does neither. */
  private async jwtMethod(
    header: JsonObject,
    issuerId: string | undefined,
    budget: VerificationBudget,
  ): Promise<ResolvedMethod | null> {
    const embedded = isJsonObject(header.jwk) ? header.jwk : undefined;
    if (embedded && 'd' in embedded)
      throw new VerificationProblem('The JWT header carries a private key; it is refused.');
    if (typeof header.kid === 'string') {
      const methodId = methodIdOfKid(header.kid, issuerId);
      const method = await this.deps.keys.method(methodId, issuerId, budget);
      // Both given: the embedded key must be the one the kid names, or the header lies.
      if (embedded && jwkThumbprint(embedded) !== jwkThumbprint(jwkOf(method.key)))
        throw new VerificationProblem('The key embedded in the JWT is not the key its kid names.');
      return method;
    }
    return embedded ? this.deps.keys.embeddedKey(embedded, issuerId, budget) : null;
  }
}

/** A Data Integrity proof and the key that should have made it, with its `issuer-key` row. */
interface Signer {
  readonly proof: JsonObject;
  readonly key: Check;
  readonly raw: Uint8Array;
}

/** Whether the credential has any proof at all (of a kind supported or not). */
function hasProof({ raw }: CredentialView): boolean {
  return Array.isArray(raw.proof) ? raw.proof.length > 0 : Boolean(raw.proof);
}

function failed(...checks: Check[]): ProofOutcome {
  return { checks, holds: false };
}

/** Runs a signature check; one that cannot be made fails the proof, the key row kept. */
async function guarded(key: Check, check: () => Promise<ProofOutcome>): Promise<ProofOutcome> {
  try {
    return await check();
  } catch (error) {
    return unavailableOr(error, [key]);
  }
}

/**
 * A failed proof after `error`, below the rows already made. A verifier too busy to check the
 * proof now is a retryable refusal, not a failed proof: that error is thrown on.
 */
function unavailableOr(error: unknown, before: readonly Check[]): ProofOutcome {
  if (error instanceof DomainError && error.category === 'UNAVAILABLE') throw error;
  const message = describeFailure(error, 'The proof could not be checked');
  return failed(...before, row('proof', 'FAIL', message));
}

/** The `issuer-key` row of a resolved key: the issuer's, listed for issuing, not revoked. */
function keyCheck(method: ResolvedMethod, issuerId: string | undefined): Check {
  if (method.revoked)
    return row('issuer-key', 'FAIL', `The issuer revoked this key (${method.revoked}).`);
  if (!issuerId || method.controller !== issuerId) {
    return row(
      'issuer-key',
      'FAIL',
      `The key belongs to ${method.controller}, not to the issuer ${issuerId ?? '(none)'}.`,
    );
  }
  if (!method.assertionMethod)
    return row('issuer-key', 'FAIL', 'The issuer does not list this key for issuing credentials.');
  return row('issuer-key', 'PASS', `Key ${method.id} of the issuer (${method.source}).`);
}

/**
 * Where the claims of a VC-JWT disagree with its credential (OB 3.0 §8.2.6.1): `iss` is the
 * issuer id, `jti` the credential id, `nbf` its `validFrom` and `exp` its `validUntil` (to the
 * second). `sub` is the subject's id; OB 3.0 subjects may be identified by `identifier` alone,
 * and then no `sub` can match, so none may be given.
 */
function jwtClaimMismatches(payload: JsonObject, view: CredentialView): string[] {
  const mismatches: string[] = [];
  if (typeof payload.iss !== 'string' || payload.iss !== view.issuer.id)
    mismatches.push(payload.iss === undefined ? 'no iss' : 'iss is not the issuer id');
  if (typeof payload.jti !== 'string' || payload.jti !== view.raw.id)
    mismatches.push(payload.jti === undefined ? 'no jti' : 'jti is not the credential id');
  const subjectId = view.subjectId;
  if (subjectId !== undefined && payload.sub !== subjectId)
    mismatches.push(payload.sub === undefined ? 'no sub' : 'sub is not credentialSubject.id');
  if (subjectId === undefined && payload.sub !== undefined)
    mismatches.push('sub names a subject the credential does not');
  const seconds = (iso: string | undefined) =>
    iso === undefined ? undefined : Math.floor(Date.parse(iso) / 1000);
  const validFrom = seconds(view.validity.validFrom);
  if (payload.nbf === undefined) mismatches.push('no nbf');
  else if (payload.nbf !== validFrom) mismatches.push('nbf is not validFrom');
  const validUntil = seconds(view.validity.validUntil);
  if (validUntil !== undefined && payload.exp === undefined) mismatches.push('no exp');
  else if (payload.exp !== undefined && payload.exp !== validUntil)
    mismatches.push('exp is not validUntil');
  return mismatches;
}
