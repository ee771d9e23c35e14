import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  DependencyUnavailableError,
  ValidationError,
} from '../../functions/core/shared/errors';
import { anonymous } from '../../functions/core/auth/principal';
import type { GraphQLContext } from '../../graphql/context';
import { formatError, internalErrorMessage } from '../../graphql/errors';
import { createGraphQLServer } from '../../graphql/server';

const formatted = { message: 'raw', path: ['field'] };
const inResolver = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ['field'] });

describe('GraphQL error mapping', () => {
  it('maps a domain error to its category and stable code when a resolver throws it', () => {
    const result = formatError(
      formatted,
      inResolver(new ConflictError('VERSION_CONFLICT', 'stale')),
    );

    expect(result).toMatchObject({
      message: 'stale',
      extensions: { code: 'CONFLICT', errorCode: 'VERSION_CONFLICT' },
    });
  });

  it('lists the offending fields when validation fails', () => {
    const error = new ValidationError('bad', [{ path: 'input.name', message: 'is required' }]);

    expect(formatError(formatted, inResolver(error)).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      errorCode: 'VALIDATION_FAILED',
      fields: [{ path: 'input.name', message: 'is required' }],
    });
  });

  it('marks dependency outages as retryable SERVICE_UNAVAILABLE', () => {
    const result = formatError(
      formatted,
      inResolver(new DependencyUnavailableError('KEY_SERVICE_UNAVAILABLE', 'busy')),
    );

    expect(result.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  });

  it('replaces an unknown error with a generic message when it is not a domain error', () => {
    const secret = new Error('connect ECONNREFUSED 10.0.0.7:8000 table tessera-prod');

    const result = formatError(
      { ...formatted, extensions: { stacktrace: ['at x'] } },
      inResolver(secret),
    );

    expect(result).toEqual({
      message: internalErrorMessage,
      path: ['field'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

describe('an unexpected error through the server', () => {
  it('answers a generic message with the request id, logs the details, and leaks nothing', async () => {
    const logged: Record<string, unknown>[] = [];
    const server = createGraphQLServer({
      hideSchema: true,
      log: { error: (_message, details) => logged.push(details) },
    });
    const contextValue = {
      principal: anonymous,
      requestId: 'req-1234',
      services: {
        institutions: {
          find: () => Promise.reject(new Error('ResourceNotFoundException: table tessera-prod')),
        },
      },
    } as unknown as GraphQLContext;

    const response = await server.executeOperation(
      { query: '{ institution(id: "abc") { id } }' },
      { contextValue },
    );
    const result = response.body.kind === 'single' ? response.body.singleResult : null;

    expect(result?.errors).toEqual([
      {
        message: internalErrorMessage,
        path: ['institution'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1234' },
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('tessera-prod');
    expect(logged).toEqual([expect.objectContaining({ requestId: 'req-1234' })]);
  });
});
