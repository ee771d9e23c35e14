import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Role } from '../../functions/core/auth/principal';
import type { LocalUser } from './identity-directory';

/** Issuer and audience of locally minted tokens (AUTH_ISSUER / AUTH_AUDIENCE of the local run). */
export const localIssuer = 'urn:tessera:local-identity';
export const localAudience = 'tessera-local';
export const localJwksPath = '/local/identity/jwks.json';

export interface TokenClaims {
  readonly role: Role;
  /** Every role the token carries (`cognito:groups`); default: `role` alone. */
  readonly roles?: readonly Role[];
  readonly institutionId?: string;
  readonly partnerId?: string;
  readonly qaRoles?: readonly string[];
  /** An assessor's designs (`custom:assessedDesigns`); absent: all of the institution's. */
  readonly assessedDesigns?: readonly string[];
  readonly subject?: string;
  readonly email?: string;
  readonly name?: string;
  /** Lifetime in seconds (default 12 hours). */
  readonly expiresIn?: number;
}

/**
 * The local stand-in for Cognito: an RS256 key pair kept in a file, a JWKS, and tokens shaped
 * like Cognito ID tokens (`cognito:groups`, `custom:institutionId`, `custom:qaRoles`). Tokens
 * minted by `npm run token` and by the running platform share the file, so either can go first.
 */
export class LocalIdentityIssuer {
  private constructor(
    private readonly privateJwk: JWK,
    private readonly publicJwk: JWK,
  ) {}

  /** Loads the key from `keyFile`, creating it on first use; without a file the key is ephemeral. */
  static async open(keyFile?: string): Promise<LocalIdentityIssuer> {
    if (keyFile) {
      try {
        const stored = JSON.parse(readFileSync(keyFile, 'utf8')) as {
          privateJwk: JWK;
          publicJwk: JWK;
        };
        return new LocalIdentityIssuer(stored.privateJwk, stored.publicJwk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    if (keyFile) {
      mkdirSync(dirname(keyFile), { recursive: true });
      const temporary = `${keyFile}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
      renameSync(temporary, keyFile);
    }
    return new LocalIdentityIssuer(privateJwk, publicJwk);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** The token of a person the issuer keeps, carrying their roles as they are now. */
  async mintFor(user: LocalUser, expiresIn?: number): Promise<string> {
    return this.mint({
      role: user.roles[0] ?? 'learner',
      roles: user.roles,
      subject: user.userId,
      email: user.email,
      name: user.name ?? user.email,
      institutionId: user.institutionId,
      partnerId: user.partnerId,
      qaRoles: user.qaRoles,
      assessedDesigns: user.assessedDesigns,
      expiresIn,
    });
  }

  async mint(claims: TokenClaims): Promise<string> {
    const key = await importJWK(this.privateJwk, 'RS256');
    const subject = claims.subject ?? `local-${claims.role}-${randomUUID().slice(0, 8)}`;
    return new SignJWT({
      token_use: 'id',
      'cognito:groups': claims.roles ?? [claims.role],
      email: claims.email ?? `${subject}@example.test`,
      email_verified: true,
      name: claims.name ?? `Local ${claims.role}`,
      ...(claims.institutionId ? { 'custom:institutionId': claims.institutionId } : {}),
      ...(claims.partnerId ? { 'custom:partnerId': claims.partnerId } : {}),
      ...(claims.qaRoles?.length ? { 'custom:qaRoles': claims.qaRoles.join(',') } : {}),
      ...(claims.assessedDesigns?.length
        ? { 'custom:assessedDesigns': claims.assessedDesigns.join(',') }
        : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid })
      .setIssuer(localIssuer)
      .setAudience(localAudience)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${claims.expiresIn ?? 12 * 3600}s`)
      .sign(key);
  }
}
