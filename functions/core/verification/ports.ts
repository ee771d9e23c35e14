/**
 * What verification needs from the rest of the platform and from elsewhere. Each port is as
 * narrow as its one use; the composition root wires them, and `caches.ts` wraps the ones whose
 * reads may be reused.
 */
import type { CredentialState } from '../credential/credential';
import type { JsonObject } from '../credential/document';
import type { OwnerKind } from '../shared/owners';
import type { VerificationBudget } from './model';

/** A public key a verification method resolves to. */
export type ResolvedKey =
  | { readonly kind: 'ed25519'; readonly raw: Uint8Array }
  | { readonly kind: 'jwk'; readonly jwk: JsonObject };

/** What a verification method id resolved to, and what its controller says of it. */
export interface ResolvedMethod {
  readonly id: string;
  /**
   * The controller whose own document confirms the method: the DID of a DID document that
   * lists it, or the controller a resolver confirmed. Never what a key document claims alone.
   */
  readonly controller: string;
  readonly key: ResolvedKey;
  /** The controller document lists it under `assertionMethod`. */
  readonly assertionMethod: boolean;
  /** When the controller marked it revoked, if it did. */
  readonly revoked?: string;
  /** Where it came from, for messages (`platform`, `did:key`, a URL). */
  readonly source: string;
}

/**
 * Resolves keys and fetches documents of issuers outside the platform (did:key, did:jwk,
 * did:web, https URLs). Fetches have a short timeout, a size limit and a cache bounded in
 * bytes, refuse private network addresses, and each takes one from the request's budget (a
 * cached document takes none); a failure is an error the verifier reports as a check, never a
 * server error.
 */
export interface RemoteResolver {
  /**
   * Resolves `methodId` as a key of `controllerId` (the credential's issuer). A did:key or
   * did:jwk is its own controller; a did:web method is confirmed by its DID document; an
   * https method only by the controller document `controllerId` dereferences to, which must
   * list it under `assertionMethod`. What a key document says of its own controller is not
   * enough.
   */
  resolveMethod(
    methodId: string,
    controllerId: string,
    budget?: VerificationBudget,
  ): Promise<ResolvedMethod>;
  /**
   * The keys `issuerId` publishes for issuing: a did:key or did:jwk's own key, the
   * `assertionMethod` keys of a did:web or https controller document, or a JWK Set served at
   * the issuer's https id. Used to recognise a key embedded in a JWT header.
   */
  publishedKeys(issuerId: string, budget?: VerificationBudget): Promise<ResolvedMethod[]>;
  /** A status list credential published elsewhere. */
  fetchCredential(url: string, budget?: VerificationBudget): Promise<JsonObject>;
}

/** Cryptographic checks (canonicalization, signatures, JWS). */
export interface ProofVerifier {
  /**
   * Verifies an `eddsa-rdfc-2022` proof with an Ed25519 key; false on any mismatch. The
   * canonicalization it needs is charged to `budget` and refused (a VerificationProblem) when it
   * would overrun it, or the memory allowed.
   */
  verifyDataIntegrity(
    document: JsonObject,
    publicKeyRaw: Uint8Array,
    budget?: VerificationBudget,
  ): Promise<boolean>;
  /** Verifies a compact JWS with a JWK; returns the payload, or null when the signature fails. */
  verifyJws(jws: string, jwk: JsonObject): Promise<JsonObject | null>;
  /** The protected header and payload of a compact JWS, unverified (to find its key). */
  decodeJws(jws: string): { header: JsonObject; payload: JsonObject } | null;
}

/** An owner of signing keys registered here. */
export interface KeyOwner {
  readonly ownerKind: OwnerKind;
  readonly ownerId: string;
}

/** A signing key held here, as the key store publishes it (its public part only). */
export interface PlatformKey {
  /** The fragment of its verification method, e.g. `g1-ed25519`. */
  readonly keyId: string;
  readonly algorithm: 'Ed25519' | 'RS256';
  /** DER SubjectPublicKeyInfo, base64. */
  readonly publicKeySpki: string;
  readonly status: 'ACTIVE' | 'RETIRED' | 'REVOKED';
  readonly revokedAt?: string;
}

/**
 * The keys an owner registered here holds. `wanted` is the key id the caller looks for: a
 * cache in front of the store reads again when its copy lacks it (a rotation since).
 */
export type PlatformKeys = (owner: KeyOwner, wanted?: string) => Promise<readonly PlatformKey[]>;

/** A credential issued here, as stored: what can change beside the signed JSON, which cannot. */
export interface StoredCredential {
  readonly state: CredentialState;
  readonly credential: JsonObject;
}

/** The credentials issued here, by id. */
export interface StoredCredentials {
  /** The record and its signed JSON. */
  get(id: string): Promise<StoredCredential | null>;
  /** The record only (status, visibility, flagged parts). */
  getState(id: string): Promise<CredentialState | null>;
}

/** The QA approval of one version of a design made here. */
export interface DesignApproval {
  readonly designVersion: number;
  readonly workflowName: string;
  readonly steps: number;
  readonly approvedAt: string;
}

/** The approval of a design version, or null when that version was never approved. */
export type ApprovalLookup = (
  microCredentialId: string,
  designVersion: number,
) => Promise<DesignApproval | null>;

/** A status list credential published here, or null when there is none. */
export type OwnStatusList = (
  institutionId: string,
  purpose: 'revocation' | 'suspension',
  listNumber: number,
) => Promise<JsonObject | null>;

/** Whether an endorsement was withdrawn (supplied by the endorsement capability). */
export type WithdrawalLookup = (credentialId: string, issuerId?: string) => Promise<boolean>;

/** Decides who may see a stored credential by id (supplied by the sharing capability). */
export type ShareAccess = (record: CredentialState, shareToken?: string) => Promise<boolean>;
