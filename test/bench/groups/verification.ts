import type { GraphQLClient } from '../../../infra/local/graphql-client';
import { countDynamoDbCalls } from '../../support/faults';
import {
  benchSize,
  issueMutation,
  learners,
  runBulkJob,
  startBareGateway,
  startBenchPlatform,
  type BenchPlatform,
} from '../bench-platform';
import type { DccBaselineInput } from '../dcc-baseline';
import * as load from '../load';
import { comparedFigure, figure, progress, type BenchGroup, type Figure } from '../report';
import { runInWorkerThread } from '../worker-thread';

const concurrency = benchSize('BENCH_VERIFY_CONCURRENCY', 50);
const sizes = {
  /** verifyCredential calls per input form, on the same credential (issue 9: 10,000 at 50). */
  verifications: benchSize('BENCH_VERIFICATIONS', 10_000),
  warmup: 200,
  /** Distinct credentials verified once each per form, none of them in the proof cache. */
  uncached: benchSize('BENCH_UNCACHED_VERIFICATIONS', 100),
  /** Verifications of the same credential by the DCC / Digital Bazaar `vc` library. */
  dcc: benchSize('BENCH_DCC_VERIFICATIONS', 1_000),
  dccWarmup: 20,
} as const;

const verifyQuery = `query ($input: VerifyCredentialInput!) {
  verifyCredential(input: $input) { verified status checks { name status message } }
}`;

interface VerificationView {
  readonly verified: boolean;
  readonly status: string;
  readonly checks: { name: string; status: string; message: string }[];
}

/** What the production verifier memoises, printed with every figure so no one misreads them. */
const cachedNote =
  'CachingProofVerifier memoises the canonicalized hashData by SHA-256 of the exact document (and fills it at signing), so the same credential verified again skips RDF canonicalization. By id, a credential issued here has its signed JSON read once per process (immutable) with its signature check memoised beside it, its record state (status, visibility, flagged parts) read at most every 100 ms and again after any write of this process; issuer keys and endorsement withdrawals are reused for at most 5 s, approved design snapshots for good. By JSON, the two status lists are read from DynamoDB on every request (and the record state for the stacked-parts check, shared the same way)';
const uncachedNote =
  'each credential verified once, issued by the worker container (whose proof cache the API container does not share): the credential is canonicalized; its embedded endorsement is in the cache';
const dccNote =
  'vc.verifyCredential with DataIntegrityProof + eddsa-rdfc-2022 in a worker thread of the bench process (jsonld.js as published), bundled contexts, DID document fetched once and memoised, no status check, no HTTP';

/**
 * Issues 5 and 9: `verifyCredential` by id and by full JSON over HTTP at concurrency 50, beside
 * the same credential verified by the DCC / Digital Bazaar `vc` library in a worker thread, and
 * beside the bare Apollo handler at the same concurrency (the HTTP + GraphQL floor).
 */
export const verification: BenchGroup = {
  name: 'verification',
  description: `verifyCredential by id and by JSON at concurrency ${concurrency} beside the DCC vc library`,
  run: measureVerification,
};

async function* measureVerification(): AsyncGenerator<Figure> {
  const bench = await startBenchPlatform('tessera-bench-verification');
  const bare = await startBareGateway();
  try {
    const { issueCredential: credential } = await bench.api.call<{
      issueCredential: { id: string; url: string; json: Record<string, unknown> };
    }>(
      issueMutation,
      {
        input: {
          microCredentialId: bench.microCredentialId,
          recipient: { email: 'bench-verify@example.org', name: 'Bench Verifier' },
        },
      },
      bench.admin,
    );
    const fresh = await uncachedCredentials(bench, sizes.uncached * 2);
    await bench.platform.drain();
    const dynamodb = bench.platform.container.clients.dynamodb;

    progress(`DCC vc library: ${sizes.dcc} verifications of the credential at ${concurrency}`);
    const dcc = await runInWorkerThread<DccBaselineInput, load.LoadResult>(
      new URL('../dcc-baseline.ts', import.meta.url),
      'measureDccVerification',
      { credential: credential.json, requests: sizes.dcc, concurrency, warmup: sizes.dccWarmup },
    );
    warnErrors('DCC vc', dcc);

    progress(`bare Apollo hello: ${sizes.verifications} requests at ${concurrency}`);
    const floor = await load.run(() => bare.client.call('{ hello }'), {
      requests: sizes.verifications,
      concurrency,
      warmup: sizes.warmup,
    });
    warnErrors('bare hello', floor);

    const forms = [
      { form: 'by-id', input: () => ({ id: credential.id }), note: cachedNote },
      { form: 'by-json', input: () => ({ credential: credential.json }), note: cachedNote },
    ];
    for (const { form, input, note } of forms) {
      progress(`verifyCredential ${form}: ${sizes.verifications} requests at ${concurrency}`);
      let result!: load.LoadResult;
      const calls = await countDynamoDbCalls(dynamodb, async () => {
        result = await load.run(verifyOver(bench.api, input), {
          requests: sizes.verifications,
          concurrency,
          warmup: sizes.warmup,
        });
      });
      const storageCalls = calls / (sizes.verifications + sizes.warmup);
      warnErrors(form, result);
      yield* verificationFigures(`verify-${form}`, result, dcc, floor, {
        cache: note,
        storageCalls,
      });
    }

    const [byIdFresh, byJsonFresh] = [fresh.slice(0, sizes.uncached), fresh.slice(sizes.uncached)];
    for (const [form, credentials, input] of [
      ['by-id', byIdFresh, (item: FreshCredential) => ({ id: item.id })],
      ['by-json', byJsonFresh, (item: FreshCredential) => ({ credential: item.json })],
    ] as const) {
      progress(`verifyCredential ${form}, uncached: ${credentials.length} distinct credentials`);
      let next = 0;
      const result = await load.run(
        verifyOver(bench.api, () => input(credentials[next++ % credentials.length]!)),
        { requests: credentials.length, concurrency },
      );
      warnErrors(`${form} uncached`, result);
      yield* verificationFigures(`verify-${form}-uncached`, result, dcc, floor, {
        cache: uncachedNote,
      });
    }
    yield figure('dcc-vc-errors', dcc.errors, 'verifications', {
      verifications: sizes.dcc,
      how: dccNote,
    });
    yield figure('bare-hello-http-c50-errors', floor.errors, 'requests', {
      requests: sizes.verifications,
      concurrency,
    });
  } finally {
    await bare.stop();
    await bench.stop();
  }
}

interface FreshCredential {
  readonly id: string;
  readonly json: Record<string, unknown>;
}

/**
 * `count` credentials issued by a bulk job (so by the worker's signer, whose proof cache the
 * API does not share), read back through the issuer's listing.
 */
async function uncachedCredentials(bench: BenchPlatform, count: number) {
  progress(`issuing ${count} credentials through the worker for the uncached figures`);
  const { job } = await runBulkJob(bench, learners('verification-fresh', count));
  if (job.succeeded !== count) throw new Error(`bulk job issued ${job.succeeded} of ${count}`);
  const credentials: FreshCredential[] = [];
  let after: string | null = null;
  do {
    const { issuedCredentials }: { issuedCredentials: CredentialPage } = await bench.api.call(
      `query ($institutionId: ID!, $after: String) {
        issuedCredentials(institutionId: $institutionId, first: 100, after: $after) {
          nodes { id recipientEmail json } pageInfo { endCursor hasNextPage }
        }
      }`,
      { institutionId: bench.institutionId, after },
      bench.admin,
    );
    for (const node of issuedCredentials.nodes) {
      if (node.recipientEmail?.startsWith('bench-verification-fresh-')) credentials.push(node);
    }
    after = issuedCredentials.pageInfo.hasNextPage ? issuedCredentials.pageInfo.endCursor : null;
  } while (after);
  if (credentials.length !== count) throw new Error(`listed ${credentials.length} of ${count}`);
  return credentials;
}

interface CredentialPage {
  readonly nodes: (FreshCredential & { recipientEmail: string | null })[];
  readonly pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** One verifyCredential over HTTP; anything but `verified: true` counts as an error. */
function verifyOver(api: GraphQLClient, input: () => Record<string, unknown>) {
  return async () => {
    const { verifyCredential: result } = await api.call<{ verifyCredential: VerificationView }>(
      verifyQuery,
      { input: input() },
    );
    if (!result.verified) {
      const failed = result.checks.filter((check) => check.status === 'FAIL');
      throw new Error(`not verified (${result.status}): ${JSON.stringify(failed)}`);
    }
  };
}

function verificationFigures(
  prefix: string,
  result: load.LoadResult,
  dcc: load.LoadResult,
  floor: load.LoadResult,
  extra: Record<string, unknown>,
): Figure[] {
  const context = {
    requests: result.requests,
    concurrency,
    errors: result.errors,
    baselineRequests: dcc.requests,
    ...extra,
  };
  // The bare Apollo handler at the same concurrency: what HTTP and GraphQL alone cost here.
  const withFloor = (value: number, floorValue: number) => ({
    bareApolloBaseline: floorValue,
    bareApolloRatio: value / floorValue,
    baselineHow: dccNote,
    ...context,
  });
  return [
    comparedFigure(
      `${prefix}-throughput`,
      result.rps,
      'verifications/s',
      { name: 'dcc-vc-throughput', value: dcc.rps },
      withFloor(result.rps, floor.rps),
    ),
    comparedFigure(
      `${prefix}-p50`,
      result.p50,
      'ms',
      { name: 'dcc-vc-p50', value: dcc.p50 },
      withFloor(result.p50, floor.p50),
    ),
    comparedFigure(
      `${prefix}-p99`,
      result.p99,
      'ms',
      { name: 'dcc-vc-p99', value: dcc.p99 },
      withFloor(result.p99, floor.p99),
    ),
    figure(`${prefix}-errors`, result.errors, 'verifications', {
      requests: result.requests,
      ...(result.firstError ? { firstError: result.firstError } : {}),
    }),
  ];
}

function warnErrors(name: string, result: load.LoadResult) {
  if (result.errors > 0) progress(`${name}: ${result.errors} errors, first: ${result.firstError}`);
}
