/**
 * Caches as decorators: each wraps a port and is the same port, so the verification steps
 * neither know nor care what is reused. How long each read may be reused is said beside it;
 * reads that can change are forgotten past a write of this process (`writes`, see ReadCache).
 */
import type { CredentialState } from '../credential/credential';
import type { JsonObject } from '../credential/document';
import { ReadCache } from '../shared/read-cache';
import { issuerKeyTtlMs, verificationCacheTtlMs, verificationStateTtlMs } from './model';
import type {
  ApprovalLookup,
  DesignApproval,
  PlatformKey,
  PlatformKeys,
  StoredCredential,
  StoredCredentials,
  WithdrawalLookup,
} from './ports';
import type { SignatureCheck } from './proof-checks';

/** What the caches need of the process: how many writes it made to storage so far. */
export interface VerificationCacheOptions {
  /** Writes this process made to storage so far (`DynamoTable.writes`). */
  readonly writes?: () => number;
  /** Milliseconds on a monotonic clock; `performance.now` by default (tests pass their own). */
  readonly now?: () => number;
}

/**
 * Objects frozen here (cached credentials and everything in them): they cannot change, so a
 * check of one is a pure function of it.
 */
export class FrozenDocuments {
  private readonly frozen = new WeakSet<object>();

  has(value: object): boolean {
    return this.frozen.has(value);
  }

  /** Freezes a value shared between requests, and notes each object in it. */
  settle(value: unknown): void {
    if (value === null || typeof value !== 'object' || this.frozen.has(value)) return;
    Object.freeze(value);
    this.frozen.add(value);
    for (const child of Object.values(value)) this.settle(child);
  }
}

/**
 * Issuer keys by owner, for `issuerKeyTtlMs` (1 s): revocation and rotation show within it.
 * A key id missing from the cached keys (perhaps made by a rotation since) reads them again,
 * once per key id and cache period, so a made-up key id costs no read on every request and
 * does not evict the keys other requests share.
 */
export function cachingPlatformKeys(
  inner: PlatformKeys,
  options: VerificationCacheOptions = {},
): PlatformKeys {
  const cache = new ReadCache<readonly PlatformKey[]>({
    ...freshFor(issuerKeyTtlMs, options),
    max: 1_000,
    maxBytes: 4_000_000,
  });
  return async (owner, wanted) => {
    const key = `${owner.ownerKind}:${owner.ownerId}`;
    const keys = await cache.get(key, () => inner(owner));
    if (wanted === undefined || keys.some((candidate) => candidate.keyId === wanted)) return keys;
    return cache.get(`${key}#${wanted}`, () => inner(owner, wanted));
  };
}

/** Endorsement withdrawals by credential id and issuer, for `verificationCacheTtlMs`. */
export function cachingWithdrawals(
  inner: WithdrawalLookup,
  options: VerificationCacheOptions = {},
): WithdrawalLookup {
  const cache = new ReadCache<boolean>({
    ...freshFor(verificationCacheTtlMs, options),
    max: 5_000,
    maxBytes: 1_000_000,
  });
  return (credentialId, issuerId) =>
    cache.get(`${issuerId ?? ''}\u0000${credentialId}`, () => inner(credentialId, issuerId));
}

/** Approvals never change (a new version is a new snapshot): kept for good, refusals not. */
export function cachingApprovals(inner: ApprovalLookup): ApprovalLookup {
  const cache = new ReadCache<DesignApproval | null>({
    ttlMs: Infinity,
    max: 1_000,
    maxBytes: 16_000_000,
    keep: (approval) => approval !== null,
  });
  return (microCredentialId, designVersion) =>
    cache.get(`${designVersion}:${microCredentialId}`, () =>
      inner(microCredentialId, designVersion),
    );
}

/**
 * Credentials issued here. The signed JSON is immutable once issued: after the first read it is
 * kept (frozen) and only the record's state is read again. Reads of a state are shared by the
 * requests for the same id that arrive within `verificationStateTtlMs` of the read starting:
 * the state a request sees is at most that old, and never older than a write of this process.
 */
export class CachingStoredCredentials implements StoredCredentials {
  private readonly issued = new ReadCache<JsonObject>({
    ttlMs: Infinity,
    max: 1_000,
    maxBytes: 32_000_000,
  });
  private readonly states: ReadCache<CredentialState | null>;

  constructor(
    private readonly inner: StoredCredentials,
    private readonly frozen: FrozenDocuments,
    options: VerificationCacheOptions = {},
  ) {
    this.states = new ReadCache({
      ...freshFor(verificationStateTtlMs, options),
      max: 10_000,
      maxBytes: 8_000_000,
    });
  }

  async get(id: string): Promise<StoredCredential | null> {
    const cached = this.issued.cached(id);
    if (cached) {
      const state = await this.getState(id);
      return state ? { state, credential: await cached } : null;
    }
    const stored = await this.inner.get(id);
    if (!stored) return null;
    this.frozen.settle(stored.credential);
    this.issued.set(id, stored.credential);
    return stored;
  }

  getState(id: string): Promise<CredentialState | null> {
    return this.states.get(id, () => this.inner.getState(id));
  }
}

/**
 * Signature checks of frozen documents, by public key: a pure function of the two, kept with
 * the document (a credential presented as JSON is a new object and never found here).
 */
export function rememberingSignatures(
  inner: SignatureCheck,
  frozen: FrozenDocuments,
): SignatureCheck {
  const checks = new WeakMap<object, Map<string, Promise<boolean>>>();
  return (credential, proof, publicKeyRaw, budget) => {
    // `proof` is found in the credential itself, so the credential and the key decide the result.
    if (!frozen.has(credential) || !frozen.has(proof))
      return inner(credential, proof, publicKeyRaw, budget);
    let byKey = checks.get(credential);
    if (!byKey) {
      byKey = new Map();
      checks.set(credential, byKey);
    }
    const keyId = Buffer.from(publicKeyRaw).toString('base64');
    let result = byKey.get(keyId);
    if (!result) {
      result = inner(credential, proof, publicKeyRaw, budget);
      const remembered = byKey;
      result.catch(() => remembered.delete(keyId));
      byKey.set(keyId, result);
    }
    return result;
  };
}

function freshFor(ttlMs: number, options: VerificationCacheOptions) {
  return {
    ttlMs,
    ...(options.writes ? { writes: options.writes } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
}
