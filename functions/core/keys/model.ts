import { ownerKinds, type OwnerKind } from '../shared/owners';
import type { PublicUrls } from '../shared/public-urls';
import { createPublicKey } from 'node:crypto';
import { encode as encodeBase58 } from 'base58-universal';
import * as z from 'zod';

export const keyAlgorithms = ['Ed25519', 'RS256'] as const;
export const keyStatuses = ['ACTIVE', 'RETIRED', 'REVOKED'] as const;
export type KeyStatus = (typeof keyStatuses)[number];

/**
 * A signing key of an issuer (an institution or a partner). The private key lives in KMS;
 * this record holds its reference, its public key and where it stands. Retired keys stay
 * published so credentials signed before a rotation still verify; revoked keys are published
 * as revoked and their signatures fail verification.
 */
export const issuerKeySchema = z.object({
  ownerId: z.string(),
  ownerKind: z.enum(ownerKinds),
  /** Short id, unique per owner; the fragment of the verification method, e.g. `g1-ed25519`. */
  keyId: z.string(),
  algorithm: z.enum(keyAlgorithms),
  keyRef: z.string(),
  /** DER SubjectPublicKeyInfo, base64. */
  publicKeySpki: z.string(),
  status: z.enum(keyStatuses),
  /** 1 for the keys made at creation, +1 per rotation. */
  generation: z.int().positive(),
  createdAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().optional(),
  revokedAt: z.iso.datetime().optional(),
  revocationReason: z.string().optional(),
  version: z.int().positive(),
});
export type IssuerKey = z.output<typeof issuerKeySchema>;

export function keyIdFor(generation: number, algorithm: IssuerKey['algorithm']): string {
  return `g${generation}-${algorithm.toLowerCase()}`;
}

/** Raw 32-byte Ed25519 public key from its DER SubjectPublicKeyInfo (12-byte prefix). */
export function ed25519RawFromSpki(spki: Uint8Array): Uint8Array {
  if (spki.length !== 44) throw new Error('not an Ed25519 SubjectPublicKeyInfo');
  return spki.subarray(12);
}

/** Multikey `publicKeyMultibase` of an Ed25519 key: base58btc of the 0xed01 multicodec + key. */
export function ed25519Multibase(raw: Uint8Array): string {
  return `z${encodeBase58(Uint8Array.from([0xed, 0x01, ...raw]))}`;
}

/** The public JWK of a key (OKP for Ed25519, RSA for RS256), with its kid and alg. */
export function publicJwk(
  key: Pick<IssuerKey, 'algorithm' | 'publicKeySpki'>,
  kid: string,
): Record<string, unknown> {
  const jwk = createPublicKey({
    key: Buffer.from(key.publicKeySpki, 'base64'),
    format: 'der',
    type: 'spki',
  }).export({ format: 'jwk' });
  return { ...jwk, kid, alg: key.algorithm === 'Ed25519' ? 'EdDSA' : 'RS256', use: 'sig' };
}

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
