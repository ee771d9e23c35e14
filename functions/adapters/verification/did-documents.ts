/**
 * Reading DID methods and controller documents: did:key and did:jwk computed from the DID
 * itself, where a did:web or https document is fetched from, and the keys a document lists.
 */
import { decode as decodeBase58 } from 'base58-universal';
import { isJsonObject, type JsonObject } from '../../core/credential/document';
import { VerificationProblem } from '../../core/shared/errors';
import type { ResolvedMethod } from '../../core/verification/ports';

const ED25519_MULTICODEC = [0xed, 0x01];

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
export function documentUrl(id: string): string {
  if (id.startsWith('did:web:')) return didWebUrl(id);
  if (/^https?:\/\//.test(id)) return id.split('#')[0]!;
  throw new VerificationProblem(
    `${id.slice(0, 200)} has no document that could list its keys (only did:web and https do).`,
  );
}

/** A DID-relative reference (`#key-1`) as an absolute id. */
export function absolute(reference: string, documentId: string): string {
  return reference.startsWith('#') ? `${documentId}${reference}` : reference;
}

/** The verification method `methodId` in a controller document (or the document itself). */
export function findMethod(document: JsonObject, methodId: string): JsonObject | undefined {
  if (document.id === methodId) return document;
  const documentId = typeof document.id === 'string' ? document.id : '';
  const listed = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const candidates = [
    ...listed(document.verificationMethod),
    ...listed(document.assertionMethod),
  ].filter(isJsonObject);
  return candidates.find(
    (candidate) =>
      typeof candidate.id === 'string' && absolute(candidate.id, documentId) === methodId,
  );
}

/** Whether the document lists `methodId` under `assertionMethod` (by reference or embedded). */
export function listsAssertion(document: JsonObject, methodId: string): boolean {
  const documentId = typeof document.id === 'string' ? document.id : '';
  return (
    Array.isArray(document.assertionMethod) &&
    document.assertionMethod.some((entry) => {
      const id = typeof entry === 'string' ? entry : isJsonObject(entry) ? entry.id : undefined;
      return typeof id === 'string' && absolute(id, documentId) === methodId;
    })
  );
}

export function didKeyMethod(methodId: string): ResolvedMethod {
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
export function didJwkMethod(methodId: string): ResolvedMethod {
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
  if (!isJsonObject(jwk) || typeof jwk.kty !== 'string' || 'd' in jwk)
    throw new VerificationProblem('The did:jwk does not hold a public JWK.');
  return {
    id: `${did!}#0`,
    controller: did!,
    key: { kind: 'jwk', jwk },
    assertionMethod: jwk.use !== 'enc',
    source: 'did:jwk',
  };
}

export function keyOf(method: JsonObject): ResolvedMethod['key'] {
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
  if (isJsonObject(method.publicKeyJwk) && !('d' in method.publicKeyJwk))
    return { kind: 'jwk', jwk: method.publicKeyJwk };
  throw new VerificationProblem('The verification method has no supported public key.');
}
