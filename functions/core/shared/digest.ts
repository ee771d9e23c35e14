import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * SHA-256 (hex) of a JSON value in RFC 8785 canonical form: the same content always has the
 * same digest, whatever the key order. Reviews record the digest of the content they decided.
 */
export function contentDigest(value: unknown): string {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new Error('value cannot be canonicalized');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
