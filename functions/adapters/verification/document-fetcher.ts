import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { LRUCache } from 'lru-cache';
import { isJsonObject, type JsonObject } from '../../core/credential/document';
import { VerificationProblem } from '../../core/shared/errors';
import { verificationBudgetLimits, type VerificationBudget } from '../../core/verification/model';
import { publicAddresses, type VettedAddress } from './network-guard';

/** How documents elsewhere are fetched and kept. */
export interface DocumentFetcherOptions {
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

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches JSON documents from elsewhere, with a timeout, a size limit and a cache bounded in
 * bytes; failures are cached briefly so a dead host cannot slow every verification. Anyone can
 * make the verifier fetch a URL, so outside local runs it refuses hosts that are or resolve to
 * private, loopback, link-local or unique-local addresses, connects only to the addresses it
 * checked, and follows at most a few redirects, each checked again.
 */
export class DocumentFetcher {
  private readonly documents: LRUCache<string, CachedDocument>;

  constructor(private readonly options: DocumentFetcherOptions = {}) {
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

  /** Downloads in flight, by URL: verifications needing one document at once share one fetch. */
  private readonly inFlight = new Map<string, Promise<string>>();

  /**
   * The document at `url`: from the cache, from a download already in flight, or fetched, which
   * takes one fetch from `budget` (refused when none is left). Each caller gets its own parse.
   */
  async fetchJson(url: string, budget?: VerificationBudget, ttl?: number): Promise<JsonObject> {
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
    if (!isJsonObject(document)) throw new VerificationProblem(`${shown} is not a JSON object.`);
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
export function pinnedLookup(addresses: readonly VettedAddress[]): LookupFunction {
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
