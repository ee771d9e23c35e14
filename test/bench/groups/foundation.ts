import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ensureTable,
  localCredentials,
  localDynamoDbClient,
  localRegion,
  startDynamoDbLocal,
  type DynamoDbLocal,
} from '../../../infra/local/dynamodb';
import { GraphQLClient } from '../../../infra/local/graphql-client';
import { demoDesigns } from '../../../infra/local/demo-content';
import { startPlatform } from '../../../infra/local/platform';
import {
  benchInstitution,
  benchRateLimits,
  benchStageThrottle,
  publishBenchDesign,
  startBareGateway,
} from '../bench-platform';
import {
  buildColdStartProbe,
  measureColdStarts,
  type ColdStartProbeResult,
  type ColdStartResult,
} from '../cold-start';
import { bundleLambda } from '../lambda-bundle';
import { graphqlPostEvent } from '../lambda-event';
import * as load from '../load';
import { comparedFigure, figure, progress, type BenchGroup, type Figure } from '../report';
import { percentile } from '../stats';

/** The public catalogue, as the catalogue page asks for it: anonymous, so it reads DynamoDB. */
const catalogueQuery = `query Catalogue {
  catalogue(first: 20) {
    nodes { id name description institution { id name } }
    pageInfo { endCursor hasNextPage }
  }
}`;
const helloQuery = '{ hello }';

/**
 * Handlers between the bare one and the API, each doing more of what the API does for the same
 * catalogue request: where the API's cold start goes, and what no change to Tessera's own code
 * can take away.
 */
const floors = [
  {
    name: 'dynamodb-read-floor',
    key: 'dynamodbReadFloorMs',
    fixture: 'test/bench/fixtures/dynamodb-read-handler.ts',
    how: 'bare Apollo + one DynamoDB query through the document client, on a schema of only the fields the request asks for (test/bench/fixtures/dynamodb-read-handler.ts), the same catalogue request',
  },
  {
    name: 'schema-read-floor',
    key: 'schemaReadFloorMs',
    fixture: 'test/bench/fixtures/schema-read-handler.ts',
    how: "bare Apollo + Tessera's generated schema + one DynamoDB query through the document client (test/bench/fixtures/schema-read-handler.ts), the same catalogue request",
  },
] as const;

const coldStart = { runs: 7, warmupRuns: 1, nodeOptions: '--enable-source-maps' } as const;
const httpLoad = { requests: 2_000, concurrency: 20, warmup: 200 } as const;
const tableName = 'tessera-bench';

const entry = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/**
 * The foundation slice against the smallest Apollo Server Lambda: what Tessera's schema,
 * validation, AWS SDK and wiring add to the bundle, the cold start and each request.
 */
export const foundation: BenchGroup = {
  name: 'foundation',
  description: 'API bundle size, cold start and catalogue latency beside a bare Apollo handler',
  run: measureFoundation,
};

async function* measureFoundation(): AsyncGenerator<Figure> {
  const workDir = await mkdtemp(join(tmpdir(), 'tessera-bench-'));
  // Also removed when Ctrl-C ends the run through process.exit, which skips `finally`.
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true });
  process.once('exit', removeWorkDir);
  let dynamodb: DynamoDbLocal | undefined;
  try {
    progress(`bundling into ${workDir}`);
    const [api, bare, probe, ...floorBundles] = await Promise.all([
      bundleLambda(entry('functions/handlers/api.ts'), join(workDir, 'api')),
      bundleLambda(entry('test/bench/fixtures/bare-apollo-handler.ts'), join(workDir, 'bare')),
      buildColdStartProbe(workDir),
      ...floors.map((floor) => bundleLambda(entry(floor.fixture), join(workDir, floor.name))),
    ]);
    yield comparedFigure(
      'api-bundle-size',
      api.bytes,
      'bytes',
      { name: 'bare-apollo-bundle-size', value: bare.bytes },
      {
        awsSdk: 'bundled',
        totalBytes: api.totalBytes,
        baselineTotalBytes: bare.totalBytes,
        sourceMapBytes: api.sourceMapBytes,
        baselineSourceMapBytes: bare.sourceMapBytes,
      },
    );

    progress('starting DynamoDB Local');
    dynamodb = await startDynamoDbLocal();
    const client = localDynamoDbClient(dynamodb.endpoint);
    try {
      await ensureTable(client, tableName);
    } finally {
      client.destroy();
    }

    const endpoint = dynamodb.endpoint;
    await seedCatalogue(endpoint);

    progress(`cold starts: ${coldStart.runs} per bundle after ${coldStart.warmupRuns} warm-up`);
    const coldStarts = await measureColdStarts(
      probe,
      [
        {
          name: 'api',
          bundle: api.file,
          env: apiFunctionEnvironment(endpoint),
          event: graphqlPostEvent(catalogueQuery),
          check: expectData('catalogue'),
        },
        {
          name: 'bare',
          bundle: bare.file,
          env: {},
          event: graphqlPostEvent(helloQuery),
          check: expectData('hello'),
        },
        ...floors.map((floor, index) => ({
          name: floor.name,
          bundle: floorBundles[index]!.file,
          env: apiFunctionEnvironment(endpoint),
          event: graphqlPostEvent(catalogueQuery),
          check: expectData('catalogue'),
        })),
      ],
      coldStart,
    );
    yield* coldStartFigures(
      coldStarts.get('api')!,
      coldStarts.get('bare')!,
      floors.map((floor, index) => ({
        ...floor,
        result: coldStarts.get(floor.name)!,
        bytes: floorBundles[index]!.bytes,
      })),
    );

    yield* await httpFigures(dynamodb.endpoint);
  } finally {
    await dynamodb?.stop();
    process.removeListener('exit', removeWorkDir);
    removeWorkDir();
  }
}

/** Published designs in the catalogue the figures read (a page of 20, as the catalogue shows). */
const catalogueDesigns = 20;

/**
 * Publishes {@link catalogueDesigns} designs through the API, as an institution would (QA,
 * a partner's endorsement, publication), so the catalogue figures read a full page.
 */
async function seedCatalogue(dynamodbEndpoint: string): Promise<void> {
  progress(`publishing ${catalogueDesigns} designs for the catalogue`);
  const platform = await startPlatform(httpPlatformOptions(dynamodbEndpoint));
  try {
    const institution = await benchInstitution(platform);
    for (let index = 0; index < catalogueDesigns; index += 1)
      await publishBenchDesign(institution, {
        ...demoDesigns[index % demoDesigns.length]!,
        name: `Catalogue design ${index + 1}`,
      });
    await platform.drain();
  } finally {
    await platform.stop();
  }
}

/** The in-process platform on the group's table, with the bench's raised client limits. */
function httpPlatformOptions(dynamodbEndpoint: string) {
  return {
    port: 0,
    dynamodbEndpoint,
    tableName,
    logLevel: 'ERROR' as const,
    rateLimitsPerMinute: benchRateLimits,
    stageThrottle: benchStageThrottle,
    clientThrottle: benchStageThrottle,
  };
}

/** What the CDK stack would set on the API function, pointed at the bench's DynamoDB Local. */
function apiFunctionEnvironment(dynamodbEndpoint: string): Record<string, string> {
  return {
    STAGE: 'dev',
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    TABLE_NAME: tableName,
    PUBLIC_BASE_URL: 'https://tessera.example',
    // Anonymous requests never fetch the key set; the URL only has to be valid.
    AUTH_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
    AUTH_ISSUER: 'https://issuer.tessera.example',
    DYNAMODB_ENDPOINT: dynamodbEndpoint,
    LOG_LEVEL: 'WARN',
    POWERTOOLS_SERVICE_NAME: 'tessera-api',
  };
}

/** A cold start counts only when the handler answered 200 with `field` and no errors. */
function expectData(field: string) {
  return (result: ColdStartProbeResult): string | undefined => {
    if (result.statusCode !== 200) return `HTTP ${result.statusCode}: ${result.body}`;
    const body = JSON.parse(result.body) as { data?: Record<string, unknown>; errors?: unknown };
    if (body.errors || body.data?.[field] === undefined) return `unexpected body ${result.body}`;
    return undefined;
  };
}

interface FloorColdStarts {
  readonly name: string;
  readonly key: string;
  readonly how: string;
  readonly result: ColdStartResult;
  readonly bytes: number;
}

function* coldStartFigures(
  api: ColdStartResult,
  bare: ColdStartResult,
  floors: readonly FloorColdStarts[],
): Generator<Figure> {
  for (const [name, result] of [
    ['api', api],
    ['bare', bare],
    ...floors.map((floor) => [floor.name, floor.result] as const),
  ] as const) {
    if (result.failures > 0)
      progress(`${name} cold starts failed ${result.failures} times: ${result.firstFailure}`);
    if (result.samples.length === 0) throw new Error(`no ${name} cold start succeeded`);
  }
  const context = {
    runs: api.samples.length,
    failures: api.failures,
    baselineRuns: bare.samples.length,
    baselineFailures: bare.failures,
    measuredFrom: 'before-import',
    nodeOptions: coldStart.nodeOptions,
  };
  const column = (result: ColdStartResult, key: keyof ColdStartResult['samples'][number]) =>
    result.samples.map((sample) => sample[key]);
  for (const p of [50, 90] as const) {
    const baseline = {
      name: `bare-apollo-cold-start-p${p}`,
      value: percentile(column(bare, 'coldStartMs'), p),
    };
    yield comparedFigure(
      `api-cold-start-p${p}`,
      percentile(column(api, 'coldStartMs'), p),
      'ms',
      baseline,
      {
        ...context,
        moduleLoadMs: percentile(column(api, 'moduleLoadMs'), p),
        firstRequestMs: percentile(column(api, 'firstRequestMs'), p),
        sinceProcessStartMs: percentile(column(api, 'sinceProcessStartMs'), p),
        baselineModuleLoadMs: percentile(column(bare, 'moduleLoadMs'), p),
        baselineFirstRequestMs: percentile(column(bare, 'firstRequestMs'), p),
        baselineSinceProcessStartMs: percentile(column(bare, 'sinceProcessStartMs'), p),
        ...Object.fromEntries(
          floors.map((floor) => [floor.key, percentile(column(floor.result, 'coldStartMs'), p)]),
        ),
      },
    );
    for (const floor of floors)
      yield comparedFigure(
        `${floor.name}-cold-start-p${p}`,
        percentile(column(floor.result, 'coldStartMs'), p),
        'ms',
        baseline,
        {
          ...context,
          runs: floor.result.samples.length,
          failures: floor.result.failures,
          bundleBytes: floor.bytes,
          moduleLoadMs: percentile(column(floor.result, 'moduleLoadMs'), p),
          firstRequestMs: percentile(column(floor.result, 'firstRequestMs'), p),
          how: floor.how,
        },
      );
  }
}

/**
 * The catalogue through the local HTTP gateway and the in-process platform (handlers from the
 * TypeScript sources), beside the bare handler behind the same gateway, in the same process.
 */
async function httpFigures(dynamodbEndpoint: string): Promise<Figure[]> {
  progress('starting the platform and the bare gateway');
  const platform = await startPlatform(httpPlatformOptions(dynamodbEndpoint));
  const bareGateway = await startBareGateway();
  try {
    const tessera = new GraphQLClient(`${platform.url}/graphql`);
    const bare = bareGateway.client;

    const { catalogue } = await tessera.call<{ catalogue: { nodes: unknown[] } }>(catalogueQuery);
    progress(`catalogue over HTTP: ${httpLoad.requests} requests at ${httpLoad.concurrency}`);
    const api = await load.run(() => tessera.call(catalogueQuery), httpLoad);
    progress(`bare hello over HTTP: ${httpLoad.requests} requests at ${httpLoad.concurrency}`);
    const baseline = await load.run(() => bare.call(helloQuery), httpLoad);
    for (const [name, result] of [
      ['catalogue', api],
      ['bare hello', baseline],
    ] as const) {
      if (result.errors > 0)
        progress(`${name}: ${result.errors} errors, first: ${result.firstError}`);
    }

    const context = {
      requests: httpLoad.requests,
      concurrency: httpLoad.concurrency,
      warmup: httpLoad.warmup,
      catalogueItems: catalogue.nodes.length,
      errors: api.errors,
      baselineErrors: baseline.errors,
    };
    return [
      comparedFigure(
        'catalogue-http-p50',
        api.p50,
        'ms',
        { name: 'bare-hello-http-p50', value: baseline.p50 },
        { ...context, meanMs: api.mean, baselineMeanMs: baseline.mean },
      ),
      comparedFigure(
        'catalogue-http-p99',
        api.p99,
        'ms',
        { name: 'bare-hello-http-p99', value: baseline.p99 },
        context,
      ),
      comparedFigure(
        'catalogue-http-throughput',
        api.rps,
        'requests/s',
        { name: 'bare-hello-http-throughput', value: baseline.rps },
        context,
      ),
      figure('catalogue-http-errors', api.errors, 'requests', { requests: httpLoad.requests }),
      figure('bare-hello-http-errors', baseline.errors, 'requests', {
        requests: httpLoad.requests,
      }),
    ];
  } finally {
    await bareGateway.stop();
    await platform.stop();
  }
}
