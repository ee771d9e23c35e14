import { createHash } from 'node:crypto';
import type { JsonObject } from '../credential/document';
import { normaliseEmail } from '../shared/email';
import { isJsonObject, readCredential } from '../credential/document';

/**
 * Whether a credential's subject names `address`: its email identifiers (plain, or salted
 * SHA-256 `identityHash` values as OB 3.0 describes) are compared with the address.
 */
export function recipientMatch(
  credential: JsonObject,
  address: string,
): 'MATCH' | 'MISMATCH' | 'UNNAMED' {
  const subject = readCredential(credential)?.subject;
  const identities = (
    subject && Array.isArray(subject.identifier) ? subject.identifier : []
  ).filter(isJsonObject);
  const emails = identities.filter((identity) => identity.identityType === 'emailAddress');
  if (emails.length === 0) return 'UNNAMED';
  const candidates = [address, normaliseEmail(address)];
  const matches = emails.some((identity) => {
    if (identity.hashed === true && typeof identity.identityHash === 'string') {
      const [algorithm, digest] = identity.identityHash.split('$');
      if (algorithm !== 'sha256' || !digest) return false;
      const salt = typeof identity.salt === 'string' ? identity.salt : '';
      return candidates.some(
        (candidate) =>
          createHash('sha256')
            .update(candidate + salt)
            .digest('hex') === digest.toLowerCase(),
      );
    }
    return (
      typeof identity.identityHash === 'string' &&
      candidates.includes(identity.identityHash.toLowerCase())
    );
  });
  return matches ? 'MATCH' : 'MISMATCH';
}
