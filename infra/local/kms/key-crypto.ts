/**
 * The asymmetric key material behind the endpoint: which key specs it can create, which signing
 * algorithms each spec allows, and signing/verifying in exactly the formats AWS KMS returns
 * (Ed25519: raw 64 bytes; ECDSA: DER `Ecdsa-Sig-Value`; RSA: the raw modulus-sized integer).
 */
import {
  constants,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import {
  digestLength,
  signEcdsaP256Digest,
  signPkcs1Digest,
  signPssDigest,
  verifyEcdsaP256Digest,
  verifyPkcs1Digest,
  verifyPssDigest,
  type HashName,
} from './prehashed';
import { KmsError, validationError } from './protocol';

/** Every KeySpec the KMS API knows; anything else is a ValidationException. */
export const awsKeySpecs = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'ECC_NIST_EDWARDS25519',
  'SYMMETRIC_DEFAULT',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
  'SM2',
  'ML_DSA_44',
  'ML_DSA_65',
  'ML_DSA_87',
  'ML_KEM_512',
  'ML_KEM_768',
  'ML_KEM_1024',
] as const;

/** Every SigningAlgorithmSpec the KMS API knows. */
export const awsSigningAlgorithms = [
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'ECDSA_SHA_256',
  'ECDSA_SHA_384',
  'ECDSA_SHA_512',
  'SM2DSA',
  'ML_DSA_SHAKE_256',
  'ED25519_SHA_512',
  'ED25519_PH_SHA_512',
] as const;

export type AwsKeySpec = (typeof awsKeySpecs)[number];
export type SigningAlgorithm = (typeof awsSigningAlgorithms)[number];

/** The key specs this endpoint creates: the ones Tessera can use, and their close relatives. */
export const supportedKeySpecs = [
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_EDWARDS25519',
] as const satisfies readonly AwsKeySpec[];

export type KeySpec = (typeof supportedKeySpecs)[number];

const rsaAlgorithms = [
  'RSASSA_PKCS1_V1_5_SHA_256',
  'RSASSA_PKCS1_V1_5_SHA_384',
  'RSASSA_PKCS1_V1_5_SHA_512',
  'RSASSA_PSS_SHA_256',
  'RSASSA_PSS_SHA_384',
  'RSASSA_PSS_SHA_512',
] as const satisfies readonly SigningAlgorithm[];

/** `SigningAlgorithms` of a SIGN_VERIFY key, in the order DescribeKey lists them. */
export const signingAlgorithmsFor: Readonly<Record<KeySpec, readonly SigningAlgorithm[]>> = {
  RSA_2048: rsaAlgorithms,
  RSA_3072: rsaAlgorithms,
  RSA_4096: rsaAlgorithms,
  ECC_NIST_P256: ['ECDSA_SHA_256'],
  ECC_NIST_EDWARDS25519: ['ED25519_SHA_512', 'ED25519_PH_SHA_512'],
};

/**
 * Key usages AWS accepts per key spec. Only SIGN_VERIFY is implemented; the others are listed so
 * that a valid-but-unimplemented request is told apart from one AWS itself would refuse.
 */
export const keyUsagesFor: Readonly<Record<KeySpec, readonly string[]>> = {
  RSA_2048: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  RSA_3072: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  RSA_4096: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'],
  ECC_NIST_P256: ['SIGN_VERIFY', 'KEY_AGREEMENT'],
  ECC_NIST_EDWARDS25519: ['SIGN_VERIFY'],
};

const generate = promisify(generateKeyPair);

/** Generates a key pair for `spec` and returns its private key as PKCS #8 PEM. */
export async function generatePrivateKey(spec: KeySpec): Promise<string> {
  const encoding = { format: 'pem', type: 'pkcs8' } as const;
  const publicKeyEncoding = { format: 'der', type: 'spki' } as const;
  switch (spec) {
    case 'ECC_NIST_EDWARDS25519':
      return (await generate('ed25519', { privateKeyEncoding: encoding, publicKeyEncoding }))
        .privateKey;
    case 'ECC_NIST_P256':
      return (
        await generate('ec', {
          namedCurve: 'P-256',
          privateKeyEncoding: encoding,
          publicKeyEncoding,
        })
      ).privateKey;
    case 'RSA_2048':
    case 'RSA_3072':
    case 'RSA_4096':
      return (
        await generate('rsa', {
          modulusLength: Number(spec.slice('RSA_'.length)),
          publicExponent: 0x10001,
          privateKeyEncoding: encoding,
          publicKeyEncoding,
        })
      ).privateKey;
  }
}

/** Parsed key material of one KMS key; private and public halves are kept as KeyObjects. */
export class KeyMaterial {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** DER SubjectPublicKeyInfo, exactly what GetPublicKey returns. */
  readonly publicKeySpki: Buffer;

  constructor(
    readonly spec: KeySpec,
    privateKeyPem: string,
  ) {
    this.privateKey = createPrivateKey(privateKeyPem);
    this.publicKey = createPublicKey(this.privateKey);
    this.publicKeySpki = this.publicKey.export({ format: 'der', type: 'spki' });
    const expectedType =
      spec === 'ECC_NIST_EDWARDS25519' ? 'ed25519' : spec.startsWith('RSA_') ? 'rsa' : 'ec';
    if (this.privateKey.asymmetricKeyType !== expectedType) {
      throw new Error(`stored key material is ${this.privateKey.asymmetricKeyType}, not ${spec}`);
    }
  }

  sign(algorithm: SigningAlgorithm, messageType: MessageType, message: Buffer): Buffer {
    const scheme = schemeOf(algorithm);
    if (messageType === 'RAW') return signRaw(scheme, this.privateKey, message);
    switch (scheme.kind) {
      case 'pkcs1':
        return signPkcs1Digest(this.privateKey, scheme.hash, message);
      case 'pss':
        return signPssDigest(this.privateKey, scheme.hash, message);
      case 'ecdsa':
        return signEcdsaP256Digest(this.privateKey, message);
      case 'ed25519':
      case 'ed25519ph':
        throw unsupportedEd25519ph();
    }
  }

  verify(
    algorithm: SigningAlgorithm,
    messageType: MessageType,
    message: Buffer,
    signature: Buffer,
  ): boolean {
    const scheme = schemeOf(algorithm);
    if (messageType === 'RAW') return verifyRaw(scheme, this.publicKey, message, signature);
    switch (scheme.kind) {
      case 'pkcs1':
        return verifyPkcs1Digest(this.publicKey, scheme.hash, message, signature);
      case 'pss':
        return verifyPssDigest(this.publicKey, scheme.hash, message, signature);
      case 'ecdsa':
        return verifyEcdsaP256Digest(this.publicKey, message, signature);
      case 'ed25519':
      case 'ed25519ph':
        throw unsupportedEd25519ph();
    }
  }
}

export const messageTypes = ['RAW', 'DIGEST', 'EXTERNAL_MU'] as const;
export type MessageType = 'RAW' | 'DIGEST';

type Scheme =
  | { readonly kind: 'pkcs1' | 'pss' | 'ecdsa'; readonly hash: HashName }
  | { readonly kind: 'ed25519' | 'ed25519ph'; readonly hash: 'sha512' };

function schemeOf(algorithm: SigningAlgorithm): Scheme {
  switch (algorithm) {
    case 'RSASSA_PKCS1_V1_5_SHA_256':
      return { kind: 'pkcs1', hash: 'sha256' };
    case 'RSASSA_PKCS1_V1_5_SHA_384':
      return { kind: 'pkcs1', hash: 'sha384' };
    case 'RSASSA_PKCS1_V1_5_SHA_512':
      return { kind: 'pkcs1', hash: 'sha512' };
    case 'RSASSA_PSS_SHA_256':
      return { kind: 'pss', hash: 'sha256' };
    case 'RSASSA_PSS_SHA_384':
      return { kind: 'pss', hash: 'sha384' };
    case 'RSASSA_PSS_SHA_512':
      return { kind: 'pss', hash: 'sha512' };
    case 'ECDSA_SHA_256':
      return { kind: 'ecdsa', hash: 'sha256' };
    case 'ED25519_SHA_512':
      return { kind: 'ed25519', hash: 'sha512' };
    case 'ED25519_PH_SHA_512':
      return { kind: 'ed25519ph', hash: 'sha512' };
    default:
      // Callers check the algorithm against the key spec first; this is a programming error.
      throw new Error(`no signing scheme for ${algorithm}`);
  }
}

/**
 * Checks MessageType against the algorithm the way KMS does: ED25519_SHA_512 signs only whole
 * messages, ED25519_PH_SHA_512 only digests, and a digest must be exactly the hash's length.
 */
export function checkMessageType(
  algorithm: SigningAlgorithm,
  messageType: (typeof messageTypes)[number],
  message: Buffer,
): MessageType {
  if (messageType === 'EXTERNAL_MU') {
    throw validationError(
      `Message type ${messageType} is incompatible with algorithm ${algorithm}.`,
    );
  }
  const scheme = schemeOf(algorithm);
  if (scheme.kind === 'ed25519' && messageType === 'DIGEST') {
    throw validationError(`Message type DIGEST is incompatible with algorithm ${algorithm}.`);
  }
  if (scheme.kind === 'ed25519ph' && messageType === 'RAW') {
    throw validationError(`Message type RAW is incompatible with algorithm ${algorithm}.`);
  }
  if (messageType === 'DIGEST' && message.length !== digestLength[scheme.hash]) {
    throw validationError(`Digest is invalid length for algorithm ${algorithm}.`);
  }
  if (scheme.kind === 'ed25519ph') throw unsupportedEd25519ph();
  return messageType;
}

/**
 * Ed25519ph (RFC 8032 §5.1 with a pre-hash) is not in the OpenSSL that Node 20 ships, so the
 * endpoint advertises ED25519_PH_SHA_512 like AWS does but declines to compute it.
 */
function unsupportedEd25519ph(): KmsError {
  return new KmsError(
    'UnsupportedOperationException',
    'The local KMS endpoint does not implement ED25519_PH_SHA_512; use ED25519_SHA_512.',
  );
}

function rawOptions(scheme: Scheme, key: KeyObject) {
  switch (scheme.kind) {
    case 'pkcs1':
      return { key, padding: constants.RSA_PKCS1_PADDING };
    case 'pss':
      // KMS uses MGF1 with the same hash and a salt as long as the digest.
      return {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
      };
    case 'ecdsa':
      return { key, dsaEncoding: 'der' as const };
    case 'ed25519':
    case 'ed25519ph':
      return { key };
  }
}

function signRaw(scheme: Scheme, key: KeyObject, message: Buffer): Buffer {
  // Ed25519 hashes internally (SHA-512 is part of the scheme), so node:crypto takes no digest.
  const hash = scheme.kind === 'ed25519' ? null : scheme.hash;
  return sign(hash, message, rawOptions(scheme, key));
}

function verifyRaw(scheme: Scheme, key: KeyObject, message: Buffer, signature: Buffer): boolean {
  const hash = scheme.kind === 'ed25519' ? null : scheme.hash;
  try {
    return verify(hash, message, rawOptions(scheme, key), signature);
  } catch {
    // OpenSSL rejects some malformed signatures (bad DER, wrong length) by throwing.
    return false;
  }
}
