/**
 * Holders' keys from their DIDs: did:key (Ed25519 and P-256) and did:jwk. Both methods carry the
 * public key in the identifier itself, so nothing is fetched. Written here rather than taken from
 * a DID resolver package because the two methods are a few lines each and the runtime bundle
 * should not carry a resolver framework for them.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { decode as decodeBase58 } from 'base58-universal';
import { WalletProtocolError } from '../../core/wallets/model';

/** A holder's public key, the DID it belongs to, and the JOSE algorithms it may sign with. */
export interface HolderKey {
  readonly did: string;
  readonly key: KeyObject;
  readonly algorithms: readonly string[];
}

const ed25519Codec = [0xed, 0x01];
const p256Codec = [0x80, 0x24];
/** DER SubjectPublicKeyInfo prefixes for a raw Ed25519 key and a compressed P-256 point. */
const ed25519Spki = Buffer.from('302a300506032b6570032100', 'hex');
const p256CompressedSpki = Buffer.from(
  '3039301306072a8648ce3d020106082a8648ce3d030107032200',
  'hex',
);
const maxDidLength = 2_000;

export const invalidHolderKey = (message: string, cause?: unknown) =>
  new WalletProtocolError('BAD_USER_INPUT', 'PROOF_INVALID', 'invalid_proof', message, { cause });

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

/** The key of a did:key, from its multibase (base58btc) multicodec value. */
function didKeyHolder(did: string): HolderKey {
  const multibase = did.slice('did:key:'.length);
  if (!multibase.startsWith('z')) throw invalidHolderKey('The did:key is not base58btc.');
  let bytes: Uint8Array;
  try {
    bytes = decodeBase58(multibase.slice(1));
  } catch (error) {
    throw invalidHolderKey('The did:key is not base58btc.', error);
  }
  if (bytes.length === 34 && startsWith(bytes, ed25519Codec)) {
    const key = createPublicKey({
      key: Buffer.concat([ed25519Spki, bytes.subarray(2)]),
      format: 'der',
      type: 'spki',
    });
    return { did, key, algorithms: ['EdDSA', 'Ed25519'] };
  }
  if (bytes.length === 35 && startsWith(bytes, p256Codec)) {
    const key = createPublicKey({
      key: Buffer.concat([p256CompressedSpki, bytes.subarray(2)]),
      format: 'der',
      type: 'spki',
    });
    return { did, key, algorithms: ['ES256'] };
  }
  throw invalidHolderKey('Only Ed25519 and P-256 did:key identifiers are supported.');
}

/** The key of a JWK (public members only), with the algorithms its type allows. */
export function jwkHolder(jwk: Record<string, unknown>, did: string): HolderKey {
  const { kty, crv, x, y } = jwk;
  const isEd25519 = kty === 'OKP' && crv === 'Ed25519';
  const isP256 = kty === 'EC' && crv === 'P-256';
  if (!isEd25519 && !isP256) throw invalidHolderKey('Only Ed25519 and P-256 keys are supported.');
  if ('d' in jwk) throw invalidHolderKey('The key must be a public key.');
  try {
    const key = createPublicKey({
      key: { kty, crv, x, ...(isP256 ? { y } : {}) } as never,
      format: 'jwk',
    });
    return { did, key, algorithms: isEd25519 ? ['EdDSA', 'Ed25519'] : ['ES256'] };
  } catch (error) {
    throw invalidHolderKey('The key is malformed.', error);
  }
}

/** did:jwk: the JWK is the base64url JSON of the method-specific id. */
function didJwkHolder(did: string): HolderKey {
  let jwk: unknown;
  try {
    jwk = JSON.parse(Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8'));
  } catch (error) {
    throw invalidHolderKey('The did:jwk does not hold a JSON key.', error);
  }
  if (!jwk || typeof jwk !== 'object' || Array.isArray(jwk))
    throw invalidHolderKey('The did:jwk does not hold a JSON key.');
  return jwkHolder(jwk as Record<string, unknown>, did);
}

/** The holder's key named by a DID URL (`did:key:z…#z…`, `did:jwk:…#0`) or a bare DID. */
export function holderKeyOf(didUrl: string): HolderKey {
  if (didUrl.length > maxDidLength) throw invalidHolderKey('The key identifier is too long.');
  const did = didUrl.split('#')[0]!;
  if (did.startsWith('did:key:')) return didKeyHolder(did);
  if (did.startsWith('did:jwk:')) return didJwkHolder(did);
  throw invalidHolderKey('The holder key must be a did:key or a did:jwk.');
}

/** The did:jwk of a public JWK (its public members, in the order RFC 7638 lists them). */
export function didJwkOf(jwk: Record<string, unknown>): string {
  const members =
    jwk.kty === 'EC'
      ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
      : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  return `did:jwk:${Buffer.from(JSON.stringify(members), 'utf8').toString('base64url')}`;
}
