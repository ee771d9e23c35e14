import { decodeProtectedHeader, jwtVerify } from 'jose';
import type { CheckHolderProof } from '../../core/wallets/ports';
import { didJwkOf, holderKeyOf, invalidHolderKey, jwkHolder, type HolderKey } from './holder-keys';

/** The `typ` OpenID4VCI 1.0 (Appendix F.1) requires of a `jwt` proof. */
const proofType = 'openid4vci-proof+jwt';

/** The key a proof names: a DID URL in `kid`, or the key itself in `jwk` (bound as did:jwk). */
function proofKey(header: ReturnType<typeof decodeProtectedHeader>): HolderKey {
  if (typeof header.kid === 'string' && header.jwk === undefined) return holderKeyOf(header.kid);
  if (header.jwk && header.kid === undefined) {
    const jwk = header.jwk as Record<string, unknown>;
    return jwkHolder(jwk, didJwkOf(jwk));
  }
  throw invalidHolderKey('The proof must name its key by exactly one of kid and jwk.');
}

/**
 * Checks an OpenID4VCI `jwt` proof of possession with `jose`: type, algorithm of the named key,
 * signature, audience (this credential issuer) and `iat` freshness. The nonce is returned for the
 * caller to spend.
 */
export const checkHolderProof: CheckHolderProof = async (jwt, expected) => {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch (error) {
    throw invalidHolderKey('The proof is not a JWT.', error);
  }
  if (header.typ !== proofType) throw invalidHolderKey(`The proof's typ must be ${proofType}.`);
  const holder = proofKey(header);
  if (typeof header.alg !== 'string' || !holder.algorithms.includes(header.alg))
    throw invalidHolderKey('The proof algorithm does not fit its key.');
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(jwt, holder.key, {
      typ: proofType,
      algorithms: [...holder.algorithms],
      audience: expected.audience,
      currentDate: new Date(expected.nowEpoch * 1000),
      maxTokenAge: expected.maxAgeSeconds,
      requiredClaims: ['iat', 'nonce'],
    }));
  } catch (error) {
    throw invalidHolderKey(
      'The proof failed: wrong signature, audience or age, or a claim is missing.',
      error,
    );
  }
  if (typeof payload.iat !== 'number' || payload.iat > expected.nowEpoch + expected.futureSeconds)
    throw invalidHolderKey('The proof is dated in the future.');
  if (typeof payload.nonce !== 'string' || payload.nonce.length > 200)
    throw invalidHolderKey('The proof carries no nonce.');
  return { holder: holder.did, nonce: payload.nonce };
};
