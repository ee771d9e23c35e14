import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';

/** KMS signing algorithms that also sign a digest (all but pure Ed25519). */
export const digestAlgorithms = [
  'ECDSA_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
] as const;

/** KMS signing algorithms these tests check, each verified without KMS. */
export const checkedAlgorithms = ['ED25519_SHA_512', ...digestAlgorithms] as const;

export type DigestAlgorithm = (typeof digestAlgorithms)[number];
export type CheckedAlgorithm = (typeof checkedAlgorithms)[number];

/** Parses the DER SubjectPublicKeyInfo KMS returns; throws unless it is exactly that. */
export function publicKeyFromSpki(spki: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
}

const pss =
  (hash: string, saltLength: number) =>
  (key: KeyObject, message: Uint8Array, signature: Uint8Array) =>
    verify(hash, message, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength }, signature);

/**
 * Verifies a KMS signature over the whole `message` with node:crypto alone, in the format AWS
 * documents for each algorithm (Ed25519 raw, ECDSA DER, RSA raw; PSS salt as long as the hash).
 */
export const verifyIndependently: Readonly<
  Record<CheckedAlgorithm, (key: KeyObject, message: Uint8Array, signature: Uint8Array) => boolean>
> = {
  ED25519_SHA_512: (key, message, signature) => verify(null, message, key, signature),
  ECDSA_SHA_256: (key, message, signature) =>
    verify('sha256', message, { key, dsaEncoding: 'der' }, signature),
  RSASSA_PKCS1_V1_5_SHA_256: (key, message, signature) =>
    verify('RSA-SHA256', message, key, signature),
  RSASSA_PKCS1_V1_5_SHA_384: (key, message, signature) =>
    verify('RSA-SHA384', message, key, signature),
  RSASSA_PKCS1_V1_5_SHA_512: (key, message, signature) =>
    verify('RSA-SHA512', message, key, signature),
  RSASSA_PSS_SHA_256: pss('sha256', 32),
  RSASSA_PSS_SHA_384: pss('sha384', 48),
  RSASSA_PSS_SHA_512: pss('sha512', 64),
};

/** The hash each algorithm applies, for tests that send KMS a DIGEST. */
export const hashOf: Readonly<Record<DigestAlgorithm, string>> = {
  ECDSA_SHA_256: 'sha256',
  RSASSA_PKCS1_V1_5_SHA_256: 'sha256',
  RSASSA_PKCS1_V1_5_SHA_384: 'sha384',
  RSASSA_PKCS1_V1_5_SHA_512: 'sha512',
  RSASSA_PSS_SHA_256: 'sha256',
  RSASSA_PSS_SHA_384: 'sha384',
  RSASSA_PSS_SHA_512: 'sha512',
};
