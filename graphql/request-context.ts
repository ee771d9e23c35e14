import type { Authenticator } from '../functions/core/auth/ports';
import type { Principal } from '../functions/core/auth/principal';
import { DomainError } from '../functions/core/shared/errors';
import type { PublicUrls } from '../functions/core/shared/public-urls';
import {
  addressKey,
  RateLimitedError,
  type RateLimit,
  type RateLimiter,
} from '../functions/core/shared/rate-limiter';
import type { GraphQLContext, Services } from './context';
import { toGraphQLError } from './errors';
import { createLoaders } from './loaders';

/** Per-client request limits, by kind of caller. */
export interface ClientLimits {
  readonly anonymous: RateLimit;
  readonly user: RateLimit;
  readonly partner: RateLimit;
}

export interface RequestContextDeps {
  readonly authenticator: Authenticator;
  readonly services: Services;
  readonly urls: PublicUrls;
  readonly limiter: RateLimiter;
  readonly limits: ClientLimits;
}

/** Which bucket a request draws from: the partner, the person, or the anonymous source IP. */
function clientOf(
  principal: Principal,
  sourceIp: string,
): { key: string; kind: keyof ClientLimits } {
  switch (principal.kind) {
    case 'partner':
      return { key: `partner:${principal.partnerId}`, kind: 'partner' };
    case 'user':
      return { key: `user:${principal.userId}`, kind: 'user' };
    default:
      return { key: `ip:${addressKey(sourceIp)}`, kind: 'anonymous' };
  }
}

/**
 * Builds the per-request context: authenticates the caller from the headers (API Gateway
 * lower-cases header names), then takes one request from the caller's rate limit. Bad
 * credentials stop the request with UNAUTHENTICATED (HTTP 401) instead of silently continuing
 * as anonymous, and count against the source address's anonymous limit; a caller over its
 * limit gets TOO_MANY_REQUESTS (HTTP 429).
 */
export async function createRequestContext(
  request: {
    readonly headers: Readonly<Record<string, string | undefined>>;
    readonly requestId: string;
    readonly sourceIp: string;
  },
  deps: RequestContextDeps,
): Promise<GraphQLContext> {
  try {
    const principal = await deps.authenticator.authenticate({
      authorization: request.headers.authorization,
      apiKey: request.headers['x-api-key'],
      sourceIp: request.sourceIp,
    });
    const client = clientOf(principal, request.sourceIp);
    deps.limiter.take(client.key, deps.limits[client.kind]);
    return {
      principal,
      services: deps.services,
      urls: deps.urls,
      requestId: request.requestId,
      loaders: createLoaders(deps.services),
    };
  } catch (error) {
    if (error instanceof DomainError && error.category === 'UNAUTHENTICATED') {
      // A refused token or key still counts against its source address, as an anonymous
      // request does: otherwise made-up tokens would be the one way past the per-client limit.
      const retryAfterSeconds = deps.limiter.tryTake(
        `ip:${addressKey(request.sourceIp)}`,
        deps.limits.anonymous,
      );
      if (retryAfterSeconds > 0) throw toGraphQLError(new RateLimitedError(retryAfterSeconds));
    }
    if (error instanceof DomainError) throw toGraphQLError(error);
    throw error;
  }
}
