/**
 * Key resolution: the key a proof names, bound to the credential's issuer. An issuer
 * registered here is verified only with its keys in the key store; elsewhere a did:key,
 * did:jwk or did:web method must be the issuer's own DID, and an https method must be listed
 * by the issuer's controller document (checked by the remote resolver).
 */
import { createHash } from 'node:crypto';
import type { JsonObject } from '../credential/document';
import { ed25519RawFromSpki, publicJwk } from '../keys/model';
import { VerificationProblem } from '../shared/errors';
import type { PublicUrls } from '../shared/public-urls';
import { type VerificationBudget } from './model';
import type {
  KeyOwner,
  PlatformKey,
  PlatformKeys,
  RemoteResolver,
  ResolvedKey,
  ResolvedMethod,
} from './ports';

export interface KeyResolutionDeps {
  readonly platformKeys: PlatformKeys;
  readonly remote: RemoteResolver;
  readonly urls: PublicUrls;
}

export class IssuerKeyResolver {
  constructor(private readonly deps: KeyResolutionDeps) {}

  /** The key `methodId` names, bound to `issuerId`, or a VerificationProblem. */
  async method(
    methodId: string,
    issuerId: string | undefined,
    budget: VerificationBudget,
  ): Promise<ResolvedMethod> {
    if (!issuerId) throw new VerificationProblem('The credential names no issuer to hold the key.');
    const hash = methodId.indexOf('#');
    const controller = hash === -1 ? methodId : methodId.slice(0, hash);
    const fragment = hash === -1 ? '' : methodId.slice(hash + 1);
    const shown = methodId.slice(0, 200);
    const own = this.deps.urls.parseOwnDid(issuerId);
    if (own) {
      if (controller !== issuerId || !fragment) {
        throw new VerificationProblem(
          `The issuer ${issuerId} is registered here: only its keys held by this platform verify its credentials, not ${shown}.`,
        );
      }
      return this.platformMethod(own, methodId, fragment);
    }
    if (
      this.deps.urls.parseOwnDid(controller) ||
      (/^did:/.test(methodId) && controller !== issuerId)
    )
      throw new VerificationProblem(
        `The key ${shown} belongs to ${controller.slice(0, 200)}, not to the issuer ${issuerId}.`,
      );
    if (!/^(did:(key|jwk|web):|https?:\/\/)/.test(methodId))
      throw new VerificationProblem(
        'Only did:key, did:jwk, did:web and https verification methods are supported.',
      );
    return this.deps.remote.resolveMethod(methodId, issuerId, budget);
  }

  /**
   * The issuer's published key that a JWT header's embedded `jwk` is (by RFC 7638 thumbprint):
   * a did:jwk or did:key issuer's own key, or one its did:web / https document publishes. A key
   * that only the JWT vouches for is refused, and so is any for an issuer registered here.
   */
  async embeddedKey(
    jwk: JsonObject,
    issuerId: string | undefined,
    budget: VerificationBudget,
  ): Promise<ResolvedMethod> {
    if (!issuerId) throw new VerificationProblem('The credential names no issuer to hold the key.');
    if (this.deps.urls.parseOwnDid(issuerId)) {
      throw new VerificationProblem(
        `The issuer ${issuerId} is registered here: a key embedded in the JWT never verifies its credentials.`,
      );
    }
    const thumbprint = jwkThumbprint(jwk);
    if (!thumbprint)
      throw new VerificationProblem('The embedded JWK is not a supported public key.');
    const published = await this.deps.remote.publishedKeys(issuerId, budget);
    const match = published.find((method) => jwkThumbprint(jwkOf(method.key)) === thumbprint);
    if (!match) {
      throw new VerificationProblem(
        'The JWT carries its own key, and it is not one the issuer publishes: nothing ties it to the issuer.',
      );
    }
    return match;
  }

  private async platformMethod(
    owner: KeyOwner,
    methodId: string,
    keyId: string,
  ): Promise<ResolvedMethod> {
    const key = (await this.deps.platformKeys(owner, keyId)).find(
      (candidate) => candidate.keyId === keyId,
    );
    if (!key) throw new VerificationProblem(`The key ${methodId} is not one of the issuer's keys.`);
    return {
      id: methodId,
      controller: methodId.slice(0, methodId.indexOf('#')),
      key: resolvedKeyOf(key, methodId),
      assertionMethod: key.status !== 'REVOKED',
      ...(key.status === 'REVOKED' ? { revoked: key.revokedAt ?? 'revoked' } : {}),
      source: 'platform',
    };
  }
}

/** A key of the store as a verifier uses it: raw Ed25519, or the public JWK of an RSA key. */
function resolvedKeyOf(key: PlatformKey, methodId: string): ResolvedKey {
  return key.algorithm === 'Ed25519'
    ? { kind: 'ed25519', raw: ed25519RawFromSpki(Buffer.from(key.publicKeySpki, 'base64')) }
    : { kind: 'jwk', jwk: publicJwk(key, methodId) };
}

/** A `kid` as a verification method id: absolute as given, a bare fragment of the issuer's. */
export function methodIdOfKid(kid: string, issuerId: string | undefined): string {
  return kid.includes('#') || /^(did:|https?:\/\/)/.test(kid) || !issuerId
    ? kid
    : `${issuerId}#${kid}`;
}

export function jwkOf(key: ResolvedKey): JsonObject {
  return key.kind === 'jwk'
    ? key.jwk
    : { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.raw).toString('base64url') };
}

/** The RFC 7638 thumbprint of a public JWK (its required members, in order), or null. */
export function jwkThumbprint(jwk: JsonObject): string | null {
  const members =
    jwk.kty === 'RSA'
      ? ['e', 'kty', 'n']
      : jwk.kty === 'EC'
        ? ['crv', 'kty', 'x', 'y']
        : jwk.kty === 'OKP'
          ? ['crv', 'kty', 'x']
          : null;
  if (!members || members.some((member) => typeof jwk[member] !== 'string')) return null;
  const canonical = JSON.stringify(
    Object.fromEntries(members.map((member) => [member, jwk[member]])),
  );
  return createHash('sha256').update(canonical).digest('base64url');
}
