/**
 * Signing and verifying a message that is already a digest (KMS `MessageType: DIGEST`).
 * node:crypto always hashes what it signs, so the three schemes KMS offers over a digest are
 * assembled here from their definitions: PKCS #1 v1.5 and PSS encodings (RFC 8017) around raw
 * RSA, and ECDSA over P-256 (FIPS 186-5) in BigInt arithmetic. Speed does not matter here;
 * the RAW path, which Tessera uses, goes through node:crypto.
 */
import {
  constants,
  createHash,
  privateEncrypt,
  publicDecrypt,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

export type HashName = 'sha256' | 'sha384' | 'sha512';

export const digestLength: Readonly<Record<HashName, number>> = {
  sha256: 32,
  sha384: 48,
  sha512: 64,
};

/** DER of `DigestInfo` up to the digest itself (RFC 8017 §9.2, note 1). */
const digestInfoPrefix: Readonly<Record<HashName, Buffer>> = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
  sha512: Buffer.from('3051300d060960864801650304020305000440', 'hex'),
};

/** RSASSA-PKCS1-v1_5 over a digest: the private-key operation with type-1 padding. */
export function signPkcs1Digest(privateKey: KeyObject, hash: HashName, digest: Buffer): Buffer {
  const encoded = Buffer.concat([digestInfoPrefix[hash], digest]);
  return privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, encoded);
}

export function verifyPkcs1Digest(
  publicKey: KeyObject,
  hash: HashName,
  digest: Buffer,
  signature: Buffer,
): boolean {
  const expected = Buffer.concat([digestInfoPrefix[hash], digest]);
  let recovered: Buffer;
  try {
    recovered = publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
  return recovered.length === expected.length && timingSafeEqual(recovered, expected);
}

/** MGF1 mask generation (RFC 8017 §B.2.1). */
function mgf1(hash: HashName, seed: Buffer, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * digestLength[hash] < length; counter++) {
    const suffix = Buffer.alloc(4);
    suffix.writeUInt32BE(counter);
    blocks.push(createHash(hash).update(seed).update(suffix).digest());
  }
  return Buffer.concat(blocks).subarray(0, length);
}

function modulusBits(key: KeyObject): number {
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits === undefined) throw new Error('not an RSA key');
  return bits;
}

/**
 * RSASSA-PSS over a digest with MGF1 of the same hash and a salt as long as the digest, which is
 * what KMS uses (RFC 8017 §9.1.1 encoding, then the raw private-key operation).
 */
export function signPssDigest(privateKey: KeyObject, hash: HashName, digest: Buffer): Buffer {
  const emBits = modulusBits(privateKey) - 1;
  const emLength = Math.ceil(emBits / 8);
  const hashLength = digestLength[hash];
  const salt = randomBytes(hashLength);
  const h = createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest();
  const db = Buffer.concat([
    Buffer.alloc(emLength - 2 * hashLength - 2),
    Buffer.from([0x01]),
    salt,
  ]);
  const mask = mgf1(hash, h, db.length);
  for (let i = 0; i < db.length; i++) db[i]! ^= mask[i]!;
  db[0]! &= 0xff >> (8 * emLength - emBits);
  const encoded = Buffer.concat([db, h, Buffer.from([0xbc])]);
  // The moduli KMS offers are multiples of 8 bits, so the encoding is exactly modulus-sized.
  return privateEncrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, encoded);
}

export function verifyPssDigest(
  publicKey: KeyObject,
  hash: HashName,
  digest: Buffer,
  signature: Buffer,
): boolean {
  const emBits = modulusBits(publicKey) - 1;
  const emLength = Math.ceil(emBits / 8);
  const hashLength = digestLength[hash];
  if (signature.length !== Math.ceil((emBits + 1) / 8)) return false;
  let encoded: Buffer;
  try {
    encoded = publicDecrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, signature);
  } catch {
    return false;
  }
  encoded = encoded.subarray(encoded.length - emLength);
  if (encoded[emLength - 1] !== 0xbc) return false;
  const maskedDb = encoded.subarray(0, emLength - hashLength - 1);
  const h = encoded.subarray(emLength - hashLength - 1, emLength - 1);
  const topBits = 0xff >> (8 * emLength - emBits);
  if ((maskedDb[0]! & ~topBits) !== 0) return false;
  const mask = mgf1(hash, h, maskedDb.length);
  const db = Buffer.from(maskedDb.map((byte, i) => byte ^ mask[i]!));
  db[0]! &= topBits;
  const separator = emLength - 2 * hashLength - 2;
  if (!db.subarray(0, separator).every((byte) => byte === 0) || db[separator] !== 0x01) {
    return false;
  }
  const salt = db.subarray(db.length - hashLength);
  const expected = createHash(hash).update(Buffer.alloc(8)).update(digest).update(salt).digest();
  return timingSafeEqual(h, expected);
}

// --- ECDSA over NIST P-256 -------------------------------------------------------------------

const p = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const n = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const a = p - 3n;
const generator: Point = {
  x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
};

/** An affine point; `null` is the point at infinity. */
type Point = { readonly x: bigint; readonly y: bigint } | null;

function mod(value: bigint, modulus: bigint): bigint {
  const r = value % modulus;
  return r < 0n ? r + modulus : r;
}

function invert(value: bigint, modulus: bigint): bigint {
  let [oldR, r] = [mod(value, modulus), modulus];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return mod(oldS, modulus);
}

function add(left: Point, right: Point): Point {
  if (left === null) return right;
  if (right === null) return left;
  let slope: bigint;
  if (left.x === right.x) {
    if (mod(left.y + right.y, p) === 0n) return null;
    slope = mod((3n * left.x * left.x + a) * invert(2n * left.y, p), p);
  } else {
    slope = mod((right.y - left.y) * invert(right.x - left.x, p), p);
  }
  const x = mod(slope * slope - left.x - right.x, p);
  return { x, y: mod(slope * (left.x - x) - left.y, p) };
}

function multiply(point: Point, scalar: bigint): Point {
  let result: Point = null;
  let addend = point;
  for (let k = scalar; k > 0n; k >>= 1n) {
    if (k & 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result;
}

function toBigInt(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

function jwkInteger(key: KeyObject, member: 'd' | 'x' | 'y'): bigint {
  const value = key.export({ format: 'jwk' })[member];
  if (typeof value !== 'string') throw new Error(`P-256 key has no ${member}`);
  return toBigInt(Buffer.from(value, 'base64url'));
}

/** DER `Ecdsa-Sig-Value`, the format KMS returns ECDSA signatures in. */
function encodeDerSignature(r: bigint, s: bigint): Buffer {
  const integer = (value: bigint) => {
    let bytes = Buffer.from(value.toString(16).padStart(64, '0'), 'hex');
    while (bytes.length > 1 && bytes[0] === 0 && bytes[1]! < 0x80) bytes = bytes.subarray(1);
    if (bytes[0]! >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
    return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
  };
  const body = Buffer.concat([integer(r), integer(s)]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
}

function decodeDerSignature(signature: Buffer): { r: bigint; s: bigint } | null {
  if (signature[0] !== 0x30 || signature[1] !== signature.length - 2) return null;
  const integers: bigint[] = [];
  let offset = 2;
  while (offset < signature.length && integers.length < 2) {
    const length = signature[offset + 1];
    if (signature[offset] !== 0x02 || length === undefined || length === 0) return null;
    const end = offset + 2 + length;
    // Negative integers (high bit set) are never valid halves of a signature.
    if (end > signature.length || signature[offset + 2]! >= 0x80) return null;
    integers.push(toBigInt(signature.subarray(offset + 2, end)));
    offset = end;
  }
  const [r, s] = integers;
  if (offset !== signature.length || r === undefined || s === undefined) return null;
  return { r, s };
}

/** ECDSA over a SHA-256 digest with a fresh random nonce, like KMS (not RFC 6979). */
export function signEcdsaP256Digest(privateKey: KeyObject, digest: Buffer): Buffer {
  const d = jwkInteger(privateKey, 'd');
  // A 256-bit digest needs no truncation for a 256-bit group order.
  const z = toBigInt(digest);
  for (;;) {
    const k = toBigInt(randomBytes(32));
    if (k === 0n || k >= n) continue;
    const point = multiply(generator, k);
    if (point === null) continue;
    const r = mod(point.x, n);
    const s = mod(invert(k, n) * (z + r * d), n);
    if (r !== 0n && s !== 0n) return encodeDerSignature(r, s);
  }
}

export function verifyEcdsaP256Digest(
  publicKey: KeyObject,
  digest: Buffer,
  signature: Buffer,
): boolean {
  const decoded = decodeDerSignature(signature);
  if (decoded === null) return false;
  const { r, s } = decoded;
  if (r <= 0n || r >= n || s <= 0n || s >= n) return false;
  const q: Point = { x: jwkInteger(publicKey, 'x'), y: jwkInteger(publicKey, 'y') };
  const w = invert(s, n);
  const point = add(multiply(generator, mod(toBigInt(digest) * w, n)), multiply(q, mod(r * w, n)));
  return point !== null && mod(point.x, n) === r;
}
