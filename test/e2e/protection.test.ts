import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLimits } from '../../graphql/protection';
import { createGraphQLServer } from '../../graphql/server';
import type { GraphQLContext } from '../../graphql/context';
import { anonymous } from '../../functions/core/auth/principal';
import { loadConfig, type Config } from '../../functions/composition/config';
import { createContainer } from '../../functions/composition/container';
import { createApiHandler } from '../../functions/handlers/api-handler';
import { graphqlPostEvent } from '../bench/lambda-event';
import { graphqlFrom } from '../support/http-from';
import { startTestPlatform, type TestPlatform } from '../support/platform';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  headers: Headers;
}

/** `microCredential → currentReview → microCredential → …`, `levels` times. */
const nested = (levels: number): string =>
  levels === 0 ? 'id' : `id currentReview { id microCredential { ${nested(levels - 1)} } }`;

describe('protection of the GraphQL endpoint', () => {
  let t: TestPlatform;
  let endpoint: string;

  const post = async (
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ): Promise<Answer> => {
    const response = await fetch(endpoint, { method: 'POST', headers, body });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Answer['body']) : {},
      headers: response.headers,
    };
  };
  const query = (text: string, headers?: Record<string, string>) =>
    post(JSON.stringify({ query: text }), headers);
  const refusal = (answer: Answer) => ({
    status: answer.status,
    code: answer.body.errors?.[0]?.extensions?.code,
    errorCode: answer.body.errors?.[0]?.extensions?.errorCode,
  });

  beforeAll(async () => {
    // Real limits, small enough to reach in a test: bursts of a quarter of the per-minute rate.
    t = await startTestPlatform({ rateLimitsPerMinute: { anonymous: 120, user: 40, partner: 40 } });
    endpoint = `${t.platform.url}/graphql`;
  });
  afterAll(() => t.stop());

  it('refuses a query nested deeper than the depth limit with QUERY_TOO_DEEP', async () => {
    const deep = await query(`{ microCredential(id: "x") { ${nested(7)} } }`);

    expect(refusal(deep)).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      errorCode: 'QUERY_TOO_DEEP',
    });
    expect(deep.body.errors?.[0]?.message).toContain(`limit of ${requestLimits.depth}`);
  });

  it('refuses more aliases than the limit with TOO_MANY_ALIASES', async () => {
    const aliases = Array.from(
      { length: requestLimits.aliases + 1 },
      (_, index) => `a${index}: catalogue(first: 1) { nodes { id } }`,
    ).join(' ');

    expect(refusal(await query(`{ ${aliases} }`))).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      errorCode: 'TOO_MANY_ALIASES',
    });
  });

  it('refuses a query whose cost exceeds the limit with QUERY_TOO_COMPLEX, within the depth and alias limits', async () => {
    const page = `catalogue(first: 100) { nodes { ${nested(4)} } }`;
    const costly = Array.from({ length: 4 }, (_, index) => `p${index}: ${page}`).join(' ');

    expect(refusal(await query(`{ ${costly} }`))).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      errorCode: 'QUERY_TOO_COMPLEX',
    });
  });

  it('refuses a query document with more tokens than the limit with QUERY_TOO_LONG', async () => {
    const long = await query(`{ ${'__typename '.repeat(requestLimits.tokens + 1)} }`);

    expect(refusal(long)).toEqual({
      status: 400,
      code: 'GRAPHQL_PARSE_FAILED',
      errorCode: 'QUERY_TOO_LONG',
    });
  });

  it('refuses more directives than the limit with TOO_MANY_DIRECTIVES', async () => {
    const fields = '__typename @include(if: true) '.repeat(requestLimits.directives + 1);

    expect(refusal(await query(`{ ${fields} }`))).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      errorCode: 'TOO_MANY_DIRECTIVES',
    });
  });

  it('refuses a batch of operations in one request', async () => {
    const batch = await post(
      JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    );

    expect(batch.status).toBe(400);
    expect(JSON.stringify(batch.body)).toMatch(/batching/i);
  });

  it('refuses a request body over the size limit with REQUEST_TOO_LARGE before parsing it', async () => {
    const huge = JSON.stringify({
      query: '{ __typename }',
      variables: { padding: 'x'.repeat(requestLimits.bodyBytes) },
    });

    expect(refusal(await post(huge))).toEqual({
      status: 413,
      code: 'BAD_USER_INPUT',
      errorCode: 'REQUEST_TOO_LARGE',
    });
  });

  it('blocks a request a browser form could send (CSRF prevention)', async () => {
    const simple = await post(JSON.stringify({ query: '{ __typename }' }), {
      'content-type': 'text/plain',
    });
    const withPreflightHeader = await post(JSON.stringify({ query: '{ __typename }' }), {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
    });

    expect(simple.status).toBe(400);
    expect(JSON.stringify(simple.body)).toMatch(/Cross-Site Request Forgery/);
    expect(withPreflightHeader.status).toBe(200);
  });

  it('answers a subscription and badly encoded paths as client errors, not server errors', async () => {
    const subscription = await query('subscription { x }');
    const pages = await Promise.all(
      ['/issuers/%', '/credentials/%E0%A4%A', '/achievements/%ZZ/v1'].map(async (path) => {
        const response = await fetch(`${t.platform.url}${path}`, {
          headers: { accept: 'application/json' },
        });
        const body = (await response.json()) as { error?: { code?: string } };
        return { status: response.status, code: body.error?.code };
      }),
    );

    expect(refusal(subscription)).toEqual({
      status: 400,
      code: 'GRAPHQL_VALIDATION_FAILED',
      errorCode: 'OPERATION_NOT_SUPPORTED',
    });
    expect(pages).toEqual(pages.map(() => ({ status: 400, code: 'PATH_INVALID' })));
  });

  it('limits each client separately and answers TOO_MANY_REQUESTS with a retry time', async () => {
    const learner = await t.as('learner', { subject: 'limited-learner' });
    const other = await t.as('learner', { subject: 'other-learner' });
    const asLearner = (token: string) =>
      query('{ viewer { id } }', {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      });
    // All at once, so the bucket barely refills while they arrive.
    const answers = await Promise.all(Array.from({ length: 20 }, () => asLearner(learner.token!)));
    const otherClient = await asLearner(other.token!);
    const anonymous = await Promise.all(
      Array.from({ length: 60 }, () => query('{ catalogue(first: 1) { nodes { id } } }')),
    );
    const allowed = answers.filter((answer) => answer.status === 200);
    const refused = answers.filter((answer) => answer.status !== 200);

    // 40 a minute allows bursts of 10; the rest of the 20 is refused.
    expect(allowed.length).toBeGreaterThanOrEqual(10);
    expect(allowed.length).toBeLessThanOrEqual(12);
    expect(refused.map(refusal)).toEqual(
      refused.map(() => ({ status: 429, code: 'TOO_MANY_REQUESTS', errorCode: 'RATE_LIMITED' })),
    );
    expect(refused[0]!.body.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(otherClient.status).toBe(200);
    expect(anonymous.map(refusal)).toContainEqual({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      errorCode: 'RATE_LIMITED',
    });
  });

  it('counts requests with an invalid token against the source address, as anonymous ones', async () => {
    const forged = { authorization: 'Bearer not.a.token' };

    // 120 a minute allows bursts of 30 per address; the rest of the 60 is refused.
    const answers = await Promise.all(
      Array.from({ length: 60 }, () =>
        graphqlFrom('127.0.0.7', endpoint, '{ viewer { id } }', forged),
      ),
    );
    const codes = answers.map(
      (answer) =>
        `${answer.status} ${String((JSON.parse(answer.body) as Answer['body']).errors?.[0]?.extensions?.code)}`,
    );

    expect(codes).toContain('401 UNAUTHENTICATED');
    expect(codes).toContain('429 TOO_MANY_REQUESTS');
    expect(
      codes.filter((code) => code !== '401 UNAUTHENTICATED' && code !== '429 TOO_MANY_REQUESTS'),
    ).toEqual([]);
  });
});

describe('the stage throttle of the local gateway', () => {
  let t: TestPlatform;
  // The stack's numbers would need hundreds of requests at once; the same bucket, smaller.
  const throttle = { rateLimit: 1, burstLimit: 5 };

  beforeAll(async () => {
    t = await startTestPlatform({ stageThrottle: throttle });
  });
  afterAll(() => t.stop());

  it('refuses requests beyond the stage limit, whoever sends them, as API Gateway does', async () => {
    const learners = await Promise.all(
      [1, 2, 3].map((index) => t.as('learner', { subject: `stage-learner-${index}` })),
    );
    const send = (index: number) =>
      index % 4 === 3
        ? fetch(`${t.platform.url}/`)
        : fetch(`${t.platform.url}/graphql`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(index % 4 === 0 ? {} : { authorization: `Bearer ${learners[index % 3]!.token}` }),
            },
            body: JSON.stringify({ query: '{ catalogue(first: 1) { nodes { id } } }' }),
          });
    // All at once, from anonymous callers, three learners and page requests together.
    const answers = await Promise.all(
      Array.from({ length: 12 }, async (_, index) => {
        const response = await send(index);
        return { status: response.status, body: await response.text() };
      }),
    );
    const refused = answers.filter((answer) => answer.status === 429);

    // Per-client limits are far above this; only the stage's bucket of 5 refuses.
    expect(answers.length - refused.length).toBeGreaterThanOrEqual(throttle.burstLimit);
    expect(answers.length - refused.length).toBeLessThanOrEqual(throttle.burstLimit + 1);
    expect(refused.map((answer) => answer.body)).toEqual(
      refused.map(() => '{"message":"Too Many Requests"}'),
    );
  });
});

describe('the per-client rule in front of the stage throttle', () => {
  let t: TestPlatform;
  const stage = { rateLimit: 1, burstLimit: 10 };
  const perClient = { rateLimit: 1, burstLimit: 4 };

  beforeAll(async () => {
    t = await startTestPlatform({ stageThrottle: stage, clientThrottle: perClient });
  });
  afterAll(() => t.stop());

  it('keeps one client bursting from exhausting the stage for an unrelated issuer admin', async () => {
    const institutionId = 'unrelated-institution';
    const admin = await t.as('issuer-admin', { institutionId, subject: 'unrelated-admin' });
    const endpoint = `${t.platform.url}/graphql`;

    // One client (one source address) sends three times the stage's burst at once.
    const burst = await Promise.all(
      Array.from({ length: 3 * stage.burstLimit }, () =>
        graphqlFrom('127.0.0.2', endpoint, '{ catalogue(first: 1) { nodes { id } } }'),
      ),
    );
    const unrelated = await Promise.all(
      Array.from({ length: 3 }, () =>
        graphqlFrom('127.0.0.3', endpoint, '{ viewer { id } }', {
          authorization: `Bearer ${admin.token}`,
        }),
      ),
    );
    const served = burst.filter((answer) => answer.status === 200).length;

    expect(served).toBeGreaterThanOrEqual(perClient.burstLimit);
    expect(served).toBeLessThanOrEqual(perClient.burstLimit + 1);
    expect(burst.filter((answer) => answer.status !== 200).map((answer) => answer.status)).toEqual(
      Array.from({ length: burst.length - served }, () => 429),
    );
    expect(unrelated.map((answer) => answer.status)).toEqual([200, 200, 200]);
  });
});

describe('the GraphQL server in production mode', () => {
  const server = createGraphQLServer({ hideSchema: true, log: { error: () => undefined } });
  const local = createGraphQLServer({ hideSchema: false, log: { error: () => undefined } });
  const contextValue = { principal: anonymous, requestId: 'test' } as unknown as GraphQLContext;
  const run = async (target: typeof server, text: string) => {
    const response = await target.executeOperation({ query: text }, { contextValue });
    return response.body.kind === 'single' ? response.body.singleResult : null;
  };

  it('refuses introspection in production and allows it locally', async () => {
    const introspection = '{ __schema { queryType { name } } }';

    const production = await run(server, introspection);
    const development = await run(local, introspection);

    expect(production?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(development?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('gives no field suggestions in production', async () => {
    const production = await run(server, '{ catalogu { nodes { id } } }');
    const development = await run(local, '{ catalogu { nodes { id } } }');

    expect(development?.errors?.[0]?.message).toMatch(/Did you mean "catalogue"/);
    expect(production?.errors?.[0]?.message).not.toMatch(/catalogue/);
  });
});

describe('schema discovery by stage', () => {
  /** The API handler of a stage, as it is deployed; the queries below reach no service. */
  const handlerOf = (stage: Config['STAGE'], discovery?: 'on' | 'off') =>
    createApiHandler(
      createContainer(
        loadConfig({
          STAGE: stage,
          TABLE_NAME: 'unused',
          PUBLIC_BASE_URL: 'https://tessera.example',
          AUTH_JWKS_URL: 'https://tessera.example/jwks.json',
          AUTH_ISSUER: 'https://tessera.example',
          LOG_LEVEL: 'SILENT',
          ...(discovery ? { GRAPHQL_SCHEMA_DISCOVERY: discovery } : {}),
        }),
      ),
    );
  const discoverable = async (handler: ReturnType<typeof handlerOf>) => {
    const ask = async (query: string) => {
      const response = await handler(graphqlPostEvent(query), {
        awsRequestId: 'test',
      } as Parameters<typeof handler>[1]);
      return JSON.parse(response.body!) as {
        data?: unknown;
        errors?: { message: string }[];
      };
    };
    const introspection = await ask('{ __schema { queryType { name } } }');
    const suggestion = await ask('{ catalogu { nodes { id } } }');
    return {
      introspection: introspection.data !== undefined && !introspection.errors,
      suggestions: /Did you mean/.test(suggestion.errors?.[0]?.message ?? ''),
    };
  };

  it('hides the schema in every deployed stage, and shows it locally or when configured', async () => {
    const hidden = { introspection: false, suggestions: false };
    const shown = { introspection: true, suggestions: true };

    expect(await discoverable(handlerOf('dev'))).toEqual(hidden);
    expect(await discoverable(handlerOf('prod'))).toEqual(hidden);
    expect(await discoverable(handlerOf('local'))).toEqual(shown);
    expect(await discoverable(handlerOf('test'))).toEqual(shown);
    expect(await discoverable(handlerOf('dev', 'on'))).toEqual(shown);
    expect(await discoverable(handlerOf('local', 'off'))).toEqual(hidden);
  });
});
