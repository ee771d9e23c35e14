import type * as Jose from 'jose';
import * as z from 'zod';
import type { Authenticator, RequestCredentials } from '../../core/auth/ports';
import { anonymous, roles, type Principal, type Role } from '../../core/auth/principal';
import { DependencyUnavailableError, UnauthenticatedError } from '../../core/shared/errors';
import { confusableEmail } from '../../core/shared/email';

export interface JwtAuthenticatorOptions {
  readonly jwksUrl: string;
  readonly issuer: string;
  /** Accepted audiences (Cognito app client ids); unchecked when empty. */
  readonly audiences?: readonly string[];
  /** Verifies partner API keys; without it an API key is refused. */
  readonly apiKeys?: Pick<Authenticator, 'authenticate'>;
}

/**
 * Claims of a Cognito ID token (and of the local dev issuer, which mints the same shape).
 * Custom attributes arrive as strings; `qaRoles` is comma separated.
 */
const claimsSchema = z.object({
  sub: z.string().min(1).max(200),
  email: z.string().max(254).optional(),
  email_verified: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  name: z.string().max(200).optional(),
  'cognito:groups': z.array(z.string()).default([]),
  'custom:institutionId': z.string().max(100).optional(),
  'custom:qaRoles': z.string().max(1_000).optional(),
  'custom:assessedDesigns': z.string().max(2_048).optional(),
  'custom:partnerId': z.string().max(100).optional(),
});

const bearerPattern = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/** Verifies bearer JWTs against the identity provider's JWKS (Cognito, or the local issuer). */
export class JwtAuthenticator implements Authenticator {
  private readonly jwksUrl: URL;
  private verifier?: Promise<{ jose: typeof Jose; keys: Jose.JWTVerifyGetKey }>;

  constructor(private readonly options: JwtAuthenticatorOptions) {
    // Checked at cold start, though jose itself loads with the first token.
    this.jwksUrl = new URL(options.jwksUrl);
  }

  /** jose and the remote key set, made on the first bearer token (anonymous calls need neither). */
  private loadVerifier() {
    this.verifier ??= import('jose').then((jose) => ({
      jose,
      // jose caches the key set and refetches at most every 30 s when an unknown kid appears.
      keys: jose.createRemoteJWKSet(this.jwksUrl, {
        timeoutDuration: 3_000,
        cooldownDuration: 30_000,
        cacheMaxAge: 10 * 60_000,
      }),
    }));
    return this.verifier;
  }

  async authenticate(credentials: RequestCredentials): Promise<Principal> {
    if (credentials.authorization) return this.verifyBearer(credentials.authorization);
    if (credentials.apiKey) {
      if (!this.options.apiKeys) throw new UnauthenticatedError('The API key is not valid.');
      return this.options.apiKeys.authenticate(credentials);
    }
    return anonymous;
  }

  private async verifyBearer(header: string): Promise<Principal> {
    const match = bearerPattern.exec(header.trim());
    if (!match?.[1])
      throw new UnauthenticatedError('The Authorization header must be "Bearer <token>".');
    const { jose, keys } = await this.loadVerifier();
    let payload: unknown;
    try {
      ({ payload } = await jose.jwtVerify(match[1], keys, {
        issuer: this.options.issuer,
        audience: this.options.audiences?.length ? [...this.options.audiences] : undefined,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (error instanceof jose.errors.JWKSTimeout || isFetchFailure(error)) {
        throw new DependencyUnavailableError(
          'IDENTITY_UNAVAILABLE',
          'The identity provider could not be reached; try again shortly.',
          { cause: error },
        );
      }
      throw new UnauthenticatedError('The token is invalid or has expired.', { cause: error });
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new UnauthenticatedError('The token lacks required claims.');
    const groups = claims.data['cognito:groups'];
    const qaRoles = commaSeparated(claims.data['custom:qaRoles']);
    const assessedDesigns = commaSeparated(claims.data['custom:assessedDesigns']);
    return {
      kind: 'user',
      userId: claims.data.sub,
      // An address that could pass for another is no address to match credentials by.
      ...(claims.data.email !== undefined && confusableEmail(claims.data.email) === null
        ? {
            email: claims.data.email,
            emailVerified:
              claims.data.email_verified === true || claims.data.email_verified === 'true',
          }
        : { emailVerified: false }),
      name: claims.data.name,
      roles: groups.filter((group): group is Role => (roles as readonly string[]).includes(group)),
      institutionId: claims.data['custom:institutionId'] || undefined,
      partnerId: claims.data['custom:partnerId'] || undefined,
      qaRoles,
      ...(assessedDesigns.length ? { assessedDesigns } : {}),
    };
  }
}

/** A custom attribute holding a list: Cognito attributes are strings. */
function commaSeparated(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

function isFetchFailure(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed/i.test(error.message);
}
