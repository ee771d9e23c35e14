import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  DependencyUnavailableError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  ValidationError,
  httpStatusOf,
} from '../../functions/core/shared/errors';
import { RateLimitedError } from '../../functions/core/shared/rate-limiter';
import { toGraphQLError } from '../../graphql/errors';
import { domainProblem } from '../../functions/handlers/http';

const errors = [
  new ValidationError('bad'),
  new UnauthenticatedError(),
  new ForbiddenError(),
  new NotFoundError('Credential', 'c-1'),
  new ConflictError('VERSION_CONFLICT', 'stale'),
  new RateLimitedError(7),
  new DependencyUnavailableError('KMS_UNAVAILABLE', 'later'),
];

describe('the HTTP status of a domain error', () => {
  it('answers refusals, missing sign-ins and throttling as 403, 401 and 429 on the public web', () => {
    const statuses = errors.map((error) => domainProblem(error).statusCode);

    expect(statuses).toEqual([400, 401, 403, 404, 409, 429, 503]);
  });

  it('gives GraphQL the same status for every category', () => {
    const graphql = errors.map(
      (error) => (toGraphQLError(error).extensions.http as { status: number }).status,
    );

    expect(graphql).toEqual(errors.map((error) => httpStatusOf(error.category)));
  });

  it('keeps the stable code in the problem body and tells a throttled client when to retry', () => {
    const response = domainProblem(new RateLimitedError(7));

    expect(JSON.parse(response.body!)).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: 'Too many requests; slow down and try again shortly.',
      },
    });
    expect(response.headers?.['retry-after']).toBe('7');
  });
});
