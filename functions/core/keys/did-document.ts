import type { OwnerKind } from '../shared/owners';
import type { PublicUrls } from '../shared/public-urls';
import { ed25519Multibase, ed25519RawFromSpki, publicJwk, type IssuerKey } from './issuer-key';

/**
 * The `did:web` DID document of an issuer: every key it ever had, as Multikey (Ed25519, for
 * Data Integrity) or JsonWebKey (RSA, for VC-JWT) verification methods. Active and retired
 * keys are assertion methods; revoked keys are listed with `revoked` and removed from
 * `assertionMethod`, so proofs made with them no longer verify.
 */
export function didDocument(
  urls: PublicUrls,
  owner: { ownerKind: OwnerKind; ownerId: string },
  keys: readonly IssuerKey[],
) {
  const did = urls.ownerDid(owner.ownerKind, owner.ownerId);
  const methods = keys.map((key) => {
    const id = `${did}#${key.keyId}`;
    const revoked = key.status === 'REVOKED' ? { revoked: key.revokedAt } : {};
    if (key.algorithm === 'Ed25519') {
      const raw = ed25519RawFromSpki(Buffer.from(key.publicKeySpki, 'base64'));
      return {
        id,
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: ed25519Multibase(raw),
        ...revoked,
      };
    }
    return {
      id,
      type: 'JsonWebKey',
      controller: did,
      publicKeyJwk: publicJwk(key, id),
      ...revoked,
    };
  });
  const usable = keys.filter((key) => key.status !== 'REVOKED').map((key) => `${did}#${key.keyId}`);
  return {
    '@context': [
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
      'https://w3id.org/security/jwk/v1',
    ],
    id: did,
    verificationMethod: methods,
    assertionMethod: usable,
  };
}

/** The issuer's JWKS: every key not revoked, `kid` = the verification method id. */
export function jwks(
  urls: PublicUrls,
  owner: { ownerKind: OwnerKind; ownerId: string },
  keys: readonly IssuerKey[],
) {
  return {
    keys: keys
      .filter((key) => key.status !== 'REVOKED')
      .map((key) =>
        publicJwk(key, urls.verificationMethod(owner.ownerKind, owner.ownerId, key.keyId)),
      ),
  };
}
