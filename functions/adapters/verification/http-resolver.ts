import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { decode as decodeBase58 } from 'base58-universal';
import { LRUCache } from 'lru-cache';
import type { JsonObject } from '../../core/issuance/ports';
import { verificationBudgetLimits, type VerificationBudget } from '../../core/verification/budget';
import type { RemoteResolver, ResolvedMethod } from '../../core/verification/ports';
import { VerificationProblem } from '../../core/shared/errors';
import { publicAddresses, type VettedAddress } from './network-guard';

export interface HttpResolverOptions {
  /** Per-fetch timeout, redirects and body included. @default 3000 */
  readonly timeoutMs?: number;
  /**
   * Largest document accepted. DID documents, key documents and status lists are a few kB;
   * 24 fetches of a request (its budget) hold at most 6 MB. @default 256 KB
   */
  readonly maxBytes?: number;
  /** How long fetched documents are reused. @default 5 minutes */
  readonly cacheTtlMs?: number;
  /**
   * Bytes of fetched documents kept for reuse, counted as their JSON text (kept as text and
   * parsed on each use, so the count is what the cache holds). @default 8 MB
   */
  readonly cacheMaxBytes?: number;
  /** Allow plain http (local runs and tests only; production fetches https only). */
  readonly allowHttp?: boolean;
  /**
   * Allow fetching from loopback and private networks (local runs and tests, whose issuers
   * live on loopback servers). Production refuses them: a verifier is reachable by anyone.
   * @default the value of `allowHttp`
   */
  readonly allowPrivateNetworks?: boolean;
  /** Redirects followed, each checked again. @default 3 */
  readonly maxRedirects?: number;
}

const ED25519_MULTICODEC = [0xed, 0x01];
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Resolves keys and documents of issuers elsewhere: did:key and did:jwk (computed, no
 * network), did:web and https URLs (fetched with a timeout, a size limit and a cache, failures
 * cached briefly so a dead issuer cannot slow every verification). Anyone can make the verifier
 * fetch a URL, so outside local runs it refuses hosts that are or resolve to private, loopback,
 * link-local or unique-local addresses, connects only to the addresses it checked, and follows
 * at most a few redirects, each checked again.
 */
export class HttpResolver implements RemoteResolver {
  private readonly documents: LRUCache<string, CachedDocument>;

  constructor(private readonly options: HttpResolverOptions = {}) {
    this.documents = new LRUCache({
      max: 1_000,
      maxSize: options.cacheMaxBytes ?? 8_000_000,
      sizeCalculation: sizeOfCached,
      ttl: options.cacheTtlMs ?? 300_000,
    });
  }

  /** What the document cache holds, by its own count (for tests and the bench). */
  cachedBytes(): number {
    let bytes = 0;
    for (const [url, entry] of this.documents.entries()) bytes += sizeOfCached(entry, url);
    return bytes;
  }

  async resolveMethod(
    methodId: string,
    controllerId: string,
    budget?: VerificationBudget,
  ): Promise<ResolvedMethod> {
    if (methodId.length > 2_048)
      throw new VerificationProblem('The verification method id is too long.');
    if (methodId.startsWith('did:key:')) return didKeyMethod(methodId);
    if (methodId.startsWith('did:jwk:')) return didJwkMethod(methodId);
    const [base] = methodId.split('#') as [string];
    const source = documentUrl(base);
    const document = await this.fetchJson(source, budget);
    const method = findMethod(document, methodId);
    if (!method)
      throw new VerificationProblem(`${methodId.slice(0, 200)} is not in its controller document.`);
    const key = keyOf(method);
    const revoked = typeof method.revoked === 'string' ? { revoked: method.revoked } : {};
    if (base.startsWith('did:web:')) {
      // A DID document speaks for its own DID only; whom its methods name as controller is moot.
      if (document.id !== base)
        throw new VerificationProblem(
          `The DID document of ${base.slice(0, 200)} names another DID.`,
        );
      return {
        id: methodId,
        controller: base,
        key,
        assertionMethod: listsAssertion(document, methodId),
        ...revoked,
        source,
      };
    }
    // An https key document may claim any controller: only the controller document that the
    // issuer's id dereferences to can make the key the issuer's, by listing it.
    const claimed = typeof method.controller === 'string' ? method.controller : undefined;
    if (claimed !== undefined && claimed !== controllerId)
      return { id: methodId, controller: claimed, key, assertionMethod: false, ...revoked, source };
    const controller =
      base === controllerId ? document : await this.fetchJson(documentUrl(controllerId), budget);
    if (controller.id !== controllerId) {
      throw new VerificationProblem(
        `The controller document of ${controllerId.slice(0, 200)} names another controller.`,
      );
    }
    if (!listsAssertion(controller, methodId)) {
      throw new VerificationProblem(
        `The issuer ${controllerId.slice(0, 200)} does not list ${methodId.slice(0, 200)} under assertionMethod in its controller document.`,
      );
    }
    return {
      id: methodId,
      controller: controllerId,
      key,
      assertionMethod: true,
      ...revoked,
      source,
    };
  }

  async publishedKeys(issuerId: string, budget?: VerificationBudget): Promise<ResolvedMethod[]> {
    if (issuerId.length > 2_048) throw new VerificationProblem('The issuer id is too long.');
    if (issuerId.startsWith('did:key:'))
      return [didKeyMethod(`${issuerId}#${issuerId.slice('did:key:'.length)}`)];
    if (issuerId.startsWith('did:jwk:')) return [didJwkMethod(`${issuerId}#0`)];
    const source = documentUrl(issuerId);
    const document = await this.fetchJson(source, budget);
    if (document.id === undefined && Array.isArray(document.keys) && /^https?:/.test(issuerId)) {
      // A JWK Set served at the issuer's own id: its signing keys are the issuer's.
      return document.keys
        .filter(isObject)
        .filter((jwk) => jwk.use !== 'enc' && !('d' in jwk))
        .map((jwk, index) => ({
          id: typeof jwk.kid === 'string' ? jwk.kid : `${issuerId}#${index}`,
          controller: issuerId,
          key: { kind: 'jwk', jwk },
          assertionMethod: true,
          source,
        }));
    }
    if (document.id !== issuerId) {
      throw new VerificationProblem(
        `The document of ${issuerId.slice(0, 200)} names another controller.`,
      );
    }
    const entries = Array.isArray(document.assertionMethod) ? document.assertionMethod : [];
    return entries.flatMap((entry): ResolvedMethod[] => {
      const id = typeof entry === 'string' ? absolute(entry, issuerId) : undefined;
      const method = id ? findMethod(document, id) : isObject(entry) ? entry : undefined;
      if (!method || typeof method.id !== 'string') return [];
      try {
        return [
          {
            id: absolute(method.id, issuerId),
            controller: issuerId,
            key: keyOf(method),
            assertionMethod: true,
            ...(typeof method.revoked === 'string' ? { revoked: method.revoked } : {}),
            source,
          },
        ];
      } catch {
        return []; // a key type this verifier does not read cannot be the embedded one anyway
      }
    });
  }

  /** Status lists change: they are reused for a minute at most (keys for the full TTL). */
  async fetchCredential(url: string, budget?: VerificationBudget): Promise<JsonObject> {
    return this.fetchJson(url, budget, 60_000);
  }

  /** Downloads in flight, by URL: verifications needing one document at once share one fetch. */
  private readonly inFlight = new Map<string, Promise<string>>();

  /**
   * The document at `url`: from the cache, from a download already in flight, or fetched, which
   * takes one fetch from `budget` (refused when none is left). Each caller gets its own parse.
   */
  private async fetchJson(
    url: string,
    budget?: VerificationBudget,
    ttl?: number,
  ): Promise<JsonObject> {
    const cached = this.documents.get(url);
    if (cached) {
      if (cached.ok) return JSON.parse(cached.text) as JsonObject;
      throw new VerificationProblem(cached.reason);
    }
    let pending = this.inFlight.get(url);
    if (!pending) {
      if (budget) {
        if (budget.fetches <= 0)
          throw new VerificationProblem(
            `This verification has used the ${verificationBudgetLimits.fetches} fetches of documents elsewhere it may make; ${url.slice(0, 200)} was not fetched.`,
          );
        budget.fetches -= 1;
      }
      pending = this.fetchAndRemember(url, ttl).finally(() => this.inFlight.delete(url));
      this.inFlight.set(url, pending);
    }
    return JSON.parse(await pending) as JsonObject;
  }

  private async fetchAndRemember(url: string, ttl?: number): Promise<string> {
    try {
      const document = await this.download(url);
      this.documents.set(url, { ok: true, text: document }, ttl ? { ttl } : undefined);
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

  private async download(url: string): Promise<string> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new VerificationProblem(`${url.slice(0, 200)} is not a URL.`);
    }
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? 3_000);
    const maxRedirects = this.options.maxRedirects ?? 3;
    for (let redirects = 0; ; redirects += 1) {
      const shown = target.href.slice(0, 200);
      const response = await this.send(target, signal);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.resume();
        if (redirects >= maxRedirects)
          throw new VerificationProblem(`${shown} redirects more than ${maxRedirects} times.`);
        try {
          target = new URL(location, target);
        } catch {
          throw new VerificationProblem(`${shown} redirects to something that is not a URL.`);
        }
        continue;
      }
      if ((response.statusCode ?? 0) < 200 || (response.statusCode ?? 0) >= 300) {
        response.resume();
        throw new VerificationProblem(`${shown} answered ${response.statusCode}.`);
      }
      return this.readJson(response, shown);
    }
  }

  /** One GET, to addresses checked first unless private networks are allowed. */
  private async send(target: URL, signal: AbortSignal): Promise<IncomingMessage> {
    const shown = target.href.slice(0, 200);
    const allowHttp = this.options.allowHttp ?? false;
    if (target.protocol !== 'https:' && !(allowHttp && target.protocol === 'http:'))
      throw new VerificationProblem(`Only https documents are fetched (${shown}).`);
    if (target.username || target.password)
      throw new VerificationProblem(`URLs with credentials are not fetched (${shown}).`);
    const addresses =
      (this.options.allowPrivateNetworks ?? allowHttp) ? undefined : await publicAddresses(target);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<IncomingMessage>((resolve, reject) => {
      const request = send(
        target,
        {
          method: 'GET',
          headers: {
            accept: 'application/did+ld+json, application/ld+json, application/json',
            'accept-encoding': 'identity',
          },
          signal,
          ...(addresses ? { lookup: pinnedLookup(addresses) } : {}),
        },
        resolve,
      );
      request.on('error', () =>
        reject(
          new VerificationProblem(
            signal.aborted ? `${shown} did not answer in time.` : `${shown} could not be reached.`,
          ),
        ),
      );
      request.end();
    });
  }

  /** The body of a JSON object document, as text (checked to parse as an object). */
  private async readJson(response: IncomingMessage, shown: string): Promise<string> {
    const limit = this.options.maxBytes ?? 256_000;
    const declared = Number(response.headers['content-length'] ?? 0);
    if (declared > limit) {
      response.destroy();
      throw new VerificationProblem(`${shown} is larger than ${limit} bytes.`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) {
          response.destroy();
          throw new VerificationProblem(`${shown} is larger than ${limit} bytes.`);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof VerificationProblem) throw error;
      throw new VerificationProblem(`${shown} did not answer in time.`);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      throw new VerificationProblem(`${shown} is not JSON.`);
    }
    if (!isObject(document)) throw new VerificationProblem(`${shown} is not a JSON object.`);
    return text;
  }
}

/** A fetched document as kept for reuse: its JSON text, or why it could not be had. */
type CachedDocument = { ok: true; text: string } | { ok: false; reason: string };

/** Bytes an entry holds in memory: its text (two bytes a character) and key, and some overhead. */
function sizeOfCached(entry: CachedDocument, url: string): number {
  return ((entry.ok ? entry.text.length : entry.reason.length) + url.length) * 2 + 64;
}

/** Hands the socket only the addresses already checked, so DNS is not asked again. */
function pinnedLookup(addresses: readonly VettedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 'IPv6' ? 6 : options.family === 'IPv4' ? 4 : options.family;
    const usable = family ? addresses.filter((entry) => entry.family === family) : addresses;
    const chosen = usable.length > 0 ? usable : addresses;
    if (options.all)
      callback(
        null,
        chosen.map((entry) => ({ ...entry })),
      );
    else callback(null, chosen[0]!.address, chosen[0]!.family);
  };
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

/** Where the document of a did:web or an https id is fetched from. */
function documentUrl(id: string): string {
  if (id.startsWith('did:web:')) return didWebUrl(id);
  if (/^https?:\/\//.test(id)) return id.split('#')[0]!;
  throw new VerificationProblem(
    `${id.slice(0, 200)} has no document that could list its keys (only did:web and https do).`,
  );
}

/** A DID-relative reference (`#key-1`) as an absolute id. */
function absolute(reference: string, documentId: string): string {
  return reference.startsWith('#') ? `${documentId}${reference}` : reference;
}

/** The verification method `methodId` in a controller document (or the document itself). */
function findMethod(document: JsonObject, methodId: string): JsonObject | undefined {
  if (document.id === methodId) return document;
  const documentId = typeof document.id === 'string' ? document.id : '';
  const listed = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const candidates = [
    ...listed(document.verificationMethod),
    ...listed(document.assertionMethod),
  ].filter(isObject);
  return candidates.find(
    (candidate) =>
      typeof candidate.id === 'string' && absolute(candidate.id, documentId) === methodId,
  );
}

/** Whether the document lists `methodId` under `assertionMethod` (by reference or embedded). */
function listsAssertion(document: JsonObject, methodId: string): boolean {
  const documentId = typeof document.id === 'string' ? document.id : '';
  return (
    Array.isArray(document.assertionMethod) &&
    document.assertionMethod.some((entry) => {
      const id = typeof entry === 'string' ? entry : isObject(entry) ? entry.id : undefined;
      return typeof id === 'string' && absolute(id, documentId) === methodId;
    })
  );
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

/** A did:jwk (the DID is the base64url JSON of its public JWK; its one method is `#0`). */
function didJwkMethod(methodId: string): ResolvedMethod {
  const [did, fragment] = methodId.split('#');
  const encoded = did!.slice('did:jwk:'.length);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded) || (fragment !== undefined && fragment !== '0'))
    throw new VerificationProblem('The did:jwk verification method is malformed.');
  let jwk: unknown;
  try {
    jwk = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new VerificationProblem('The did:jwk does not hold a JSON key.');
  }
  if (!isObject(jwk) || typeof jwk.kty !== 'string' || 'd' in jwk)
    throw new VerificationProblem('The did:jwk does not hold a public JWK.');
  return {
    id: `${did!}#0`,
    controller: did!,
    key: { kind: 'jwk', jwk },
    assertionMethod: jwk.use !== 'enc',
    source: 'did:jwk',
  };
}

function keyOf(method: JsonObject): ResolvedMethod['key'] {
  if (typeof method.publicKeyMultibase === 'string' && method.publicKeyMultibase.startsWith('z')) {
    let bytes: Uint8Array;
    try {
      bytes = decodeBase58(method.publicKeyMultibase.slice(1));
    } catch {
      throw new VerificationProblem('The key is not base58btc.');
    }
    const raw =
      bytes.length === 34 && bytes[0] === 0xed && bytes[1] === 0x01
        ? bytes.subarray(2)
        : bytes.length === 32
          ? bytes
          : null;
    if (!raw) throw new VerificationProblem('The key is not an Ed25519 Multikey.');
    return { kind: 'ed25519', raw };
  }
  if (isObject(method.publicKeyJwk) && !('d' in method.publicKeyJwk))
    return { kind: 'jwk', jwk: method.publicKeyJwk };
  throw new VerificationProblem('The verification method has no supported public key.');
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
