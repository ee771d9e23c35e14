import type { Authenticator } from '../functions/core/auth/ports';
import { DomainError } from '../functions/core/shared/errors';
import type { PublicUrls } from '../functions/core/shared/public-urls';
import type { GraphQLContext, Services } from './context';
import { toGraphQLError } from './errors';

export interface RequestContextDeps {
  readonly authenticator: Authenticator;
  readonly services: Services;
  readonly urls: PublicUrls;
}

/**
 * Builds the per-request context: authenticates the caller from the headers (API Gateway
 * lower-cases header names). Bad credentials stop the request with UNAUTHENTICATED (HTTP 401)
 * instead of silently continuing as anonymous.
 */
export async function createRequestContext(
  request: {
    readonly headers: Readonly<Record<string, string | undefined>>;
    readonly requestId: string;
  },
  deps: RequestContextDeps,
): Promise<GraphQLContext> {
  try {
    const principal = await deps.authenticator.authenticate({
      authorization: request.headers.authorization,
      apiKey: request.headers['x-api-key'],
    });
    return { principal, services: deps.services, urls: deps.urls, requestId: request.requestId };
  } catch (error) {
    if (error instanceof DomainError) throw toGraphQLError(error);
    throw error;
  }
}
