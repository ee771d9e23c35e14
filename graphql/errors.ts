import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import {
  DomainError,
  httpStatusOf,
  ValidationError,
  type ErrorCategory,
} from '../functions/core/shared/errors';
import { RateLimitedError } from '../functions/core/shared/rate-limiter';
import { refusalCodes, tooManyTokens } from './protection';

/** The one place domain error categories become GraphQL `extensions.code`. */
const graphqlCodes: Record<ErrorCategory, string> = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** Apollo's own request errors (parse, validation, variable coercion): safe to show as they are. */
const apolloClientCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const internalErrorMessage =
  'Something went wrong on our side. It has been logged; quote the request id if you contact us.';

/** The extensions a client sees for a domain error: stable codes, never internals. */
export function domainExtensions(error: DomainError): Record<string, unknown> {
  return {
    code: graphqlCodes[error.category],
    errorCode: error.code,
    ...(error.retryable ? { retryable: true } : {}),
    ...(error instanceof RateLimitedError ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    ...(error instanceof ValidationError && error.fields.length > 0
      ? { fields: error.fields }
      : {}),
  };
}

/** A GraphQL error for a domain error raised outside a resolver (e.g. authentication). */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { ...domainExtensions(error), http: { status: httpStatusOf(error.category) } },
  });
}

/**
 * The error a resolver (or the context function) threw, under GraphQL's wrapping. Duck-typed:
 * Apollo loads graphql through require() while ESM code may load the other copy, so two
 * GraphQLError classes can coexist and `instanceof` would misjudge.
 */
function originalOf(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth += 1) {
    const next = (current as { originalError?: unknown } | null)?.originalError;
    if (!next) break;
    current = next;
  }
  return current;
}

/** True for errors a client caused or may see as they are; everything else is a bug. */
export function isExpectedError(error: unknown): boolean {
  const original = originalOf(error);
  if (original instanceof DomainError) return original.category !== 'INTERNAL';
  // Apollo puts its code on the wrapper (validation and parse errors wrap graphql's own error,
  // which has none), so every level of the chain is asked.
  let current = error;
  for (let depth = 0; depth < 6 && current; depth += 1) {
    const code = (current as { extensions?: { code?: unknown } }).extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')
      return apolloClientCodes.has(code) || Object.values(graphqlCodes).includes(code);
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}

/**
 * Apollo `formatError`: domain errors keep their message and stable codes; Apollo's own request
 * errors pass through; anything else becomes a generic INTERNAL_SERVER_ERROR so no stack trace,
 * SDK message or table name reaches a client (the plugin in server.ts logs the original).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = originalOf(error);
  if (original instanceof DomainError && original.category !== 'INTERNAL') {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: domainExtensions(original),
    };
  }
  if (isExpectedError(error)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    if (tooManyTokens.test(formatted.message)) extensions.errorCode = refusalCodes.tokens;
    return { ...formatted, extensions };
  }
  return {
    message: internalErrorMessage,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
