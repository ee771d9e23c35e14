import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A bearer secret (pre-authorized code, access token, nonce, challenge): 256 random bits. */
export const newSecret = () => randomBytes(32).toString('base64url');

/** Secrets are stored by their SHA-256 only, so a read of the table yields nothing to replay. */
export const secretHash = (secret: string) =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** A numeric transaction code of `digits` digits, uniformly drawn. */
export const newTxCode = (digits: number) =>
  Array.from({ length: digits }, () => randomInt(10).toString()).join('');

/** Compares two hex digests in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
