import { decode as decodeBase58 } from 'base58-universal';
import { LRUCache } from 'lru-cache';
import type { JsonObject } from '../../core/issuance/ports';
import type { RemoteResolver, ResolvedMethod } from '../../core/verification/ports';
import { VerificationProblem } from '../../core/verification/verification-service';

export interface HttpResolverOptions {
  /** Per-fetch timeout. @default 3000 */
  readonly timeoutMs?: number;
  /** Largest document accepted. @default 1 MB */
  readonly maxBytes?: number;
  /** How long fetched documents are reused. @default 5 minutes */
  readonly cacheTtlMs?: number;
  /** Allow plain http (local runs and tests only; production fetches https only). */
  readonly allowHttp?: boolean;
  readonly fetch?: typeof fetch;
}

const ED25519_MULTICODEC = [0xed, 0x01];

/**
 * Resolves keys and documents of issuers elsewhere: did:key (computed, no network), did:web
 * and https URLs (fetched with a timeout, a size limit and a cache, failures cached briefly so
 * a dead issuer cannot slow every verification).
 */
export class HttpResolver implements RemoteResolver {
  private readonly documents: LRUCache<
    string,
    { ok: true; document: JsonObject } | { ok: false; reason: string }
  >;

  constructor(private readonly options: HttpResolverOptions = {}) {
    this.documents = new LRUCache({ max: 1_000, ttl: options.cacheTtlMs ?? 300_000 });
  }

  async resolveMethod(methodId: string): Promise<ResolvedMethod> {
    if (methodId.length > 2_048)
      throw new VerificationProblem('The verification method id is too long.');
    if (methodId.startsWith('did:key:')) return didKeyMethod(methodId);
    const [base] = methodId.split('#');
    const documentUrl = base!.startsWith('did:web:') ? didWebUrl(base!) : base!;
    const document = await this.fetchJson(documentUrl);
    const controllerId = typeof document.id === 'string' ? document.id : base!;
    const methods = Array.isArray(document.verificationMethod)
      ? document.verificationMethod.filter(isObject)
      : [];
    const method =
      document.id === methodId ? document : methods.find((candidate) => candidate.id === methodId);
    if (!method)
      throw new VerificationProblem(`${methodId.slice(0, 200)} is not in its controller document.`);
    const controller = typeof method.controller === 'string' ? method.controller : controllerId;
    const assertion = Array.isArray(document.assertionMethod)
      ? document.assertionMethod.some(
          (entry) => entry === methodId || (isObject(entry) && entry.id === methodId),
        )
      : document.id === methodId; // a standalone key document asserts for its controller
    return {
      id: methodId,
      controller,
      key: keyOf(method),
      assertionMethod: assertion,
      ...(typeof method.revoked === 'string' ? { revoked: method.revoked } : {}),
      source: documentUrl,
    };
  }

  /** Status lists change: they are reused for a minute at most (keys for the full TTL). */
  async fetchCredential(url: string): Promise<JsonObject> {
    return this.fetchJson(url, 60_000);
  }

  private async fetchJson(url: string, ttl?: number): Promise<JsonObject> {
    const cached = this.documents.get(url);
    if (cached) {
      if (cached.ok) return cached.document;
      throw new VerificationProblem(cached.reason);
    }
    try {
      const document = await this.download(url);
      this.documents.set(url, { ok: true, document }, ttl ? { ttl } : undefined);
      return document;
    } catch (error) {
      const reason =
        error instanceof VerificationProblem
          ? error.message
          : `Could not fetch ${url.slice(0, 200)}.`;
      // Remember the failure briefly: verifications keep working quickly while a host is down.
      this.documents.set(url, { ok: false, reason }, { ttl: 30_000 });
      throw new VerificationProblem(reason);
    }
  }

  private async download(url: string): Promise<JsonObject> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new VerificationProblem(`${url.slice(0, 200)} is not a URL.`);
    }
    if (parsed.protocol !== 'https:' && !(this.options.allowHttp && parsed.protocol === 'http:')) {
      throw new VerificationProblem(`Only https documents are fetched (${url.slice(0, 200)}).`);
    }
    const response = await (this.options.fetch ?? fetch)(parsed, {
      headers: { accept: 'application/did+ld+json, application/ld+json, application/json' },
      redirect: 'follow',
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 3_000),
    }).catch(() => {
      throw new VerificationProblem(`${url.slice(0, 200)} did not answer in time.`);
    });
    if (!response.ok)
      throw new VerificationProblem(`${url.slice(0, 200)} answered ${response.status}.`);
    const limit = this.options.maxBytes ?? 1_000_000;
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > limit)
      throw new VerificationProblem(`${url.slice(0, 200)} is larger than ${limit} bytes.`);
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel();
        throw new VerificationProblem(`${url.slice(0, 200)} is larger than ${limit} bytes.`);
      }
      chunks.push(value);
    }
    let document: unknown;
    try {
      document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw new VerificationProblem(`${url.slice(0, 200)} is not JSON.`);
    }
    if (!isObject(document))
      throw new VerificationProblem(`${url.slice(0, 200)} is not a JSON object.`);
    return document;
  }
}

/** `did:web:example.com%3A8443:issuers:1` → `https://example.com:8443/issuers/1/did.json`. */
export function didWebUrl(did: string, scheme = 'https'): string {
  const [host, ...path] = did.slice('did:web:'.length).split(':');
  if (!host) throw new VerificationProblem('The did:web has no host.');
  const decodedHost = decodeURIComponent(host);
  const local = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(decodedHost);
  const base = `${local ? 'http' : scheme}://${decodedHost}`;
  return path.length
    ? `${base}/${path.map(decodeURIComponent).join('/')}/did.json`
    : `${base}/.well-known/did.json`;
}

function didKeyMethod(methodId: string): ResolvedMethod {
  const [did, fragment] = methodId.split('#');
  const multibase = did!.slice('did:key:'.length);
  if (!multibase.startsWith('z') || (fragment && fragment !== multibase)) {
    throw new VerificationProblem('The did:key verification method is malformed.');
  }
  let bytes: Uint8Array;
  try {
    bytes = decodeBase58(multibase.slice(1));
  } catch {
    throw new VerificationProblem('The did:key is not base58btc.');
  }
  if (
    bytes.length !== 34 ||
    bytes[0] !== ED25519_MULTICODEC[0] ||
    bytes[1] !== ED25519_MULTICODEC[1]
  ) {
    throw new VerificationProblem('Only Ed25519 did:key identifiers are supported.');
  }
  return {
    id: methodId,
    controller: did!,
    key: { kind: 'ed25519', raw: bytes.subarray(2) },
    assertionMethod: true,
    source: 'did:key',
  };
}

function keyOf(method: JsonObject): ResolvedMethod['key'] {
  if (typeof method.publicKeyMultibase === 'string' && method.publicKeyMultibase.startsWith('z')) {
    const bytes = decodeBase58(method.publicKeyMultibase.slice(1));
    const raw =
      bytes.length === 34 && bytes[0] === 0xed && bytes[1] === 0x01
        ? bytes.subarray(2)
        : bytes.length === 32
          ? bytes
          : null;
    if (!raw) throw new VerificationProblem('The key is not an Ed25519 Multikey.');
    return { kind: 'ed25519', raw };
  }
  if (isObject(method.publicKeyJwk)) return { kind: 'jwk', jwk: method.publicKeyJwk };
  throw new VerificationProblem('The verification method has no supported public key.');
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
