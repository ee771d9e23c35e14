import { isJsonObject, type JsonObject } from '../../core/credential/document';
import { VerificationProblem } from '../../core/shared/errors';
import type { VerificationBudget } from '../../core/verification/model';
import type { RemoteResolver, ResolvedMethod } from '../../core/verification/ports';
import {
  absolute,
  didJwkMethod,
  didKeyMethod,
  documentUrl,
  findMethod,
  keyOf,
  listsAssertion,
} from './did-documents';
import { DocumentFetcher, type DocumentFetcherOptions } from './document-fetcher';

export type HttpResolverOptions = DocumentFetcherOptions;

/**
 * Resolves keys and documents of issuers elsewhere: did:key and did:jwk (computed, no
 * network), did:web and https URLs (fetched with a timeout, a size limit and a cache, failures
 * cached briefly so a dead issuer cannot slow every verification). Anyone can make the verifier
 * fetch a URL, so outside local runs it refuses hosts that are or resolve to private, loopback,
 * link-local or unique-local addresses, connects only to the addresses it checked, and follows
 * at most a few redirects, each checked again.
 */
export class HttpResolver implements RemoteResolver {
  private readonly documents: DocumentFetcher;

  constructor(options: HttpResolverOptions = {}) {
    this.documents = new DocumentFetcher(options);
  }

  /** What the document cache holds, by its own count (for tests and the bench). */
  cachedBytes(): number {
    return this.documents.cachedBytes();
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
    const document = await this.documents.fetchJson(source, budget);
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
      base === controllerId
        ? document
        : await this.documents.fetchJson(documentUrl(controllerId), budget);
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
    const document = await this.documents.fetchJson(source, budget);
    if (document.id === undefined && Array.isArray(document.keys) && /^https?:/.test(issuerId)) {
      // A JWK Set served at the issuer's own id: its signing keys are the issuer's.
      return document.keys
        .filter(isJsonObject)
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
      const method = id ? findMethod(document, id) : isJsonObject(entry) ? entry : undefined;
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
    return this.documents.fetchJson(url, budget, 60_000);
  }
}
