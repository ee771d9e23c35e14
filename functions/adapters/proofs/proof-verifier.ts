import { createHash } from 'node:crypto';
import type { JWK } from 'jose';
import { LRUCache } from 'lru-cache';
import type { JsonObject } from '../../core/issuance/ports';
import { freshBudget, type VerificationBudget } from '../../core/verification/model';
import type { ProofVerifier } from '../../core/verification/ports';
import type { CanonicalizationPool } from './canonicalization-pool';
import { hashData, verifyProof } from './eddsa-rdfc-2022';

/**
 * Signature checks for verification. Canonicalization is by far the costliest step, and a
 * function of the document alone, so its result (the 64-byte hashData) is memoised by the
 * SHA-256 of the exact document and proof configuration: the same credential verified again
 * skips it, a changed one never matches. Canonicalizing what a verifier presents runs in the
 * pool's worker threads, within the request's budget (`CanonicalizationPool`); without a pool
 * (tools that build the graph without one) it runs here, stopped by a signal that reaches only
 * rdf-canonize.
 */
export class CachingProofVerifier implements ProofVerifier {
  /** 64-byte digests by a 44-character key: 5,000 of them are about 1 MB. */
  private readonly hashes = new LRUCache<string, Buffer>({
    max: 5_000,
    maxSize: 1_000_000,
    sizeCalculation: (data, key) => data.length + key.length * 2 + 64,
  });

  /**
   * Primes the memo with the hashData stored beside a credential issued here, when `document`
   * names one (see {@link useStoredHashes}).
   */
  private storedHashes?: (document: JsonObject) => Promise<void>;

  constructor(private readonly pool?: CanonicalizationPool) {}

  /** Remembers the hashData computed while signing, so the first verification is cheap too. */
  remember(document: JsonObject, proofConfig: JsonObject, data: Buffer): void {
    this.hashes.set(cacheKey(document, proofConfig), data);
  }

  /**
   * Remembers the hashData stored with a credential issued here (`proofHash` of its record,
   * computed when it was signed). It is found again only for a document whose JSON is exactly
   * the stored one: any other document canonicalizes as before.
   */
  rememberSecured(credential: JsonObject, proofHash: string): void {
    const { proof } = credential;
    if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return;
    const { proofValue: _value, ...proofConfig } = proof as JsonObject;
    const data = Buffer.from(proofHash, 'base64');
    if (data.length === 64) this.remember(credential, proofConfig, data);
  }

  /** The hashData remembered for a document secured with a Data Integrity proof, if any. */
  rememberedHash(credential: JsonObject): Buffer | undefined {
    const { proof } = credential;
    if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return undefined;
    const { proofValue: _value, ...proofConfig } = proof as JsonObject;
    return this.hashes.get(cacheKey(credential, proofConfig));
  }

  /**
   * Before canonicalizing a document, `prime` may remember the hashData stored for it (the
   * composition reads the record a credential URL of this platform names).
   */
  useStoredHashes(prime: (document: JsonObject) => Promise<void>): void {
    this.storedHashes = prime;
  }

  verifyDataIntegrity(
    document: JsonObject,
    publicKeyRaw: Uint8Array,
    budget: VerificationBudget = freshBudget(),
  ): Promise<boolean> {
    return verifyProof(document, publicKeyRaw, async (doc, proofConfig) => {
      const key = cacheKey(doc, proofConfig);
      const cached = this.hashes.get(key);
      if (cached) return cached;
      if (this.storedHashes) {
        await this.storedHashes(doc);
        const stored = this.hashes.get(key);
        if (stored) return stored;
      }
      const data = this.pool
        ? await this.pool.hashData(doc, proofConfig, budget)
        : await hashData(doc, proofConfig, AbortSignal.timeout(budget.canonicalizationMs));
      this.hashes.set(key, data);
      return data;
    });
  }

  async verifyJws(jws: string, jwk: JsonObject): Promise<JsonObject | null> {
    // Loaded on first use, like the canonicalizer: not needed by a cold start's first request.
    const { compactVerify, decodeProtectedHeader, importJWK } = await import('jose');
    try {
      const header = decodeProtectedHeader(jws);
      const key = await importJWK(jwk as JWK, header.alg);
      const { payload } = await compactVerify(jws, key);
      const parsed: unknown = JSON.parse(new TextDecoder().decode(payload));
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as JsonObject)
        : null;
    } catch {
      return null;
    }
  }

  decodeJws(jws: string): { header: JsonObject; payload: JsonObject } | null {
    const parts = jws.split('.');
    if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) return null;
    try {
      const header: unknown = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8'));
      const payload: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
      const isObject = (value: unknown): value is JsonObject =>
        value !== null && typeof value === 'object' && !Array.isArray(value);
      return isObject(header) && isObject(payload) ? { header, payload } : null;
    } catch {
      return null;
    }
  }
}

function cacheKey(document: JsonObject, proofConfig: JsonObject): string {
  const { proof: _proof, ...unsecured } = document;
  return createHash('sha256')
    .update(JSON.stringify(unsecured))
    .update('\u0000')
    .update(JSON.stringify(proofConfig))
    .digest('base64');
}
