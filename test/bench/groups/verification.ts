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
import {
  comparedFigure,
  figure,
  progress,
  targetFigure,
  type BenchGroup,
  type Figure,
} from '../report';
import { runInWorkerThread } from '../worker-thread';

const concurrency = benchSize('BENCH_VERIFY_CONCURRENCY', 50);
const sizes = {
  /** verifyCredential calls per input form, on the same credential (issue 9: 10,000 at 50). */
  verifications: benchSize('BENCH_VERIFICATIONS', 10_000),
  warmup: 200,
  /**
   * Distinct credentials issued here (issue 24: at least 1,000), each verified once by id and
   * once by JSON, by Tessera and by the DCC library.
   */
  uncached: benchSize('BENCH_UNCACHED_VERIFICATIONS', 1_000),
  /** Further distinct credentials verified first and not measured, by each verifier. */
  uncachedWarmup: benchSize('BENCH_UNCACHED_WARMUP', 50),
  /**
   * In flight for the pass that canonicalizes every credential: the pool has 2 threads, and
   * more requests would only wait for them (and be refused as busy past 5 s on a loaded machine).
   */
  canonicalizingConcurrency: benchSize('BENCH_CANONICALIZING_CONCURRENCY', 8),
} as const;

const verifyQuery = `query ($input: VerifyCredentialInput!) {
  verifyCredential(input: $input) { verified status checks { name status message } }
}`;

interface VerificationView {
  readonly verified: boolean;
  readonly status: string;
  readonly checks: { name: string; status: string; message: string }[];
}

/** What the production verifier memoises, printed with every repeat figure. */
const memoNote =
  'MEMO HITS: the same credential verified again and again. CachingProofVerifier memoises the hashData by SHA-256 of the exact document, so no request canonicalizes. By id, the signed JSON is read once per process (immutable) with its signature check memoised beside it, the record state read at most every 100 ms; issuer keys reused for 1 s, endorsement withdrawals 5 s, approved design snapshots for good. By JSON, the two status lists are read from DynamoDB on every request';
const uncachedByIdNote =
  'each credential verified once, first time this API process sees it (issued by the worker container): its record is read from DynamoDB, and the hashData stored with it at signing replaces canonicalization (one Ed25519 check); its embedded endorsement was verified before (memo)';
const uncachedByJsonNote =
  'each credential presented once as JSON, after the by-id pass: the API reads the record its id names (kept since the by-id pass) and, the JSON being byte-identical to the stored one, uses the stored hashData; status lists read from DynamoDB';
const reorderedNote =
  'the same credentials with their top-level JSON keys in another order: nothing stored or memoised matches, so each is canonicalized (RDFC-1.0) in the canonicalization pool (2 worker threads); the embedded endorsement, unchanged, is a memo hit';
const dccNote =
  'vc.verifyCredential with DataIntegrityProof + eddsa-rdfc-2022 in one worker thread of the bench process (jsonld.js as published), bundled contexts, DID document fetched once and memoised (offline loader), no status check, no HTTP; each distinct credential verified once, after warm-up on others';
const perCpuNote =
  'verifications per CPU-second of the whole bench process (all threads: for Tessera the API, its canonicalization pool and the bench HTTP client; DynamoDB Local, a separate JVM, not counted), i.e. throughput per core busy';

/**
 * Issues 5, 9 and 24: `verifyCredential` by id and by full JSON over HTTP at concurrency 50:
 * repeats of one credential (memo hits) beside a bare Apollo `{ hello }` behind the same
 * gateway, and 1,000 distinct credentials each verified once beside the DCC / Digital Bazaar
 * `vc` library verifying the same credentials.
 */
export const verification: BenchGroup = {
  name: 'verification',
  description: `verifyCredential: repeats at concurrency ${concurrency} beside bare Apollo; ${sizes.uncached} distinct credentials beside the DCC vc library`,
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
    const fresh = await uncachedCredentials(bench, sizes.uncached + sizes.uncachedWarmup);
    await bench.platform.drain();
    yield* repeatFigures(bench, bare, credential);
    yield* uncachedFigures(bench, fresh);
  } finally {
    await bare.stop();
    await bench.stop();
  }
}

/** The same credential verified again and again (memo hits), beside bare Apollo's `{ hello }`. */
async function* repeatFigures(
  bench: BenchPlatform,
  bare: Awaited<ReturnType<typeof startBareGateway>>,
  credential: { id: string; json: Record<string, unknown> },
): AsyncGenerator<Figure> {
  const dynamodb = bench.platform.container.clients.dynamodb;
  progress(`bare Apollo hello: ${sizes.verifications} requests at ${concurrency}`);
  const floor = await load.run(() => bare.client.call('{ hello }'), {
    requests: sizes.verifications,
    concurrency,
    warmup: sizes.warmup,
  });
  warnErrors('bare hello', floor);
  yield figure('bare-hello-http-c50-throughput', floor.rps, 'requests/s', {
    requests: sizes.verifications,
    concurrency,
    errors: floor.errors,
    p50: floor.p50,
    p99: floor.p99,
  });

  const forms = [
    { form: 'by-id', input: () => ({ id: credential.id }) },
    { form: 'by-json', input: () => ({ credential: credential.json }) },
  ];
  for (const { form, input } of forms) {
    progress(
      `verifyCredential ${form} (memo hits): ${sizes.verifications} requests at ${concurrency}`,
    );
    let result!: load.LoadResult;
    const calls = await countDynamoDbCalls(dynamodb, async () => {
      result = await load.run(verifyOver(bench.api, input), {
        requests: sizes.verifications,
        concurrency,
        warmup: sizes.warmup,
      });
    });
    warnErrors(form, result);
    const context = {
      requests: result.requests,
      concurrency,
      errors: result.errors,
      storageCalls: calls / (sizes.verifications + sizes.warmup),
      cache: memoNote,
    };
    yield comparedFigure(
      `verify-${form}-memo-throughput`,
      result.rps,
      'verifications/s',
      { name: 'bare-hello-http-c50-throughput', value: floor.rps },
      context,
    );
    yield figure(`verify-${form}-memo-p50`, result.p50, 'ms', { bareHelloP50: floor.p50 });
    yield figure(`verify-${form}-memo-p99`, result.p99, 'ms', { bareHelloP99: floor.p99 });
    yield figure(`verify-${form}-memo-errors`, result.errors, 'verifications', {
      requests: result.requests,
      ...(result.firstError ? { firstError: result.firstError } : {}),
    });
    if (form === 'by-id') {
      yield targetFigure(
        'target-verify-by-id-repeat-vs-bare-hello',
        result.rps / floor.rps,
        {
          atLeast: 0.85,
          label: `issue 24: verifyCredential by id (memo hits) ÷ bare Apollo { hello }, throughput at c=${concurrency}, same gateway`,
        },
        { verificationsPerSecond: result.rps, bareHelloPerSecond: floor.rps },
      );
    }
  }
}

/**
 * Distinct credentials, each verified once by id then once by JSON by Tessera, and once each
 * by the DCC library; then the same credentials reordered, which Tessera must canonicalize.
 */
async function* uncachedFigures(
  bench: BenchPlatform,
  fresh: readonly FreshCredential[],
): AsyncGenerator<Figure> {
  const warmups = fresh.slice(0, sizes.uncachedWarmup);
  const measured = fresh.slice(sizes.uncachedWarmup);
  progress(
    `DCC vc library: ${measured.length} distinct credentials, each once (after ${warmups.length} warm-up) at ${concurrency}`,
  );
  const dcc = await runInWorkerThread<DccBaselineInput, load.LoadResult>(
    new URL('../dcc-baseline.ts', import.meta.url),
    'measureDccVerification',
    {
      credentials: measured.map((item) => item.json),
      warmupCredentials: warmups.map((item) => item.json),
      requests: measured.length,
      concurrency,
    },
  );
  warnErrors('DCC vc', dcc);
  const dccPerCpu = perCpuSecond(dcc);
  yield figure('dcc-vc-uncached-throughput', dcc.rps, 'verifications/s', {
    perCpuSecond: dccPerCpu,
    cpuMsPerVerification: dcc.cpuMs / dcc.requests,
    requests: dcc.requests,
    errors: dcc.errors,
    how: dccNote,
  });

  // Warm-up: the API's code paths, connections and the embedded endorsement's verification.
  for (const form of ['by-id', 'by-json'] as const) {
    await load.run(verifyOver(bench.api, inputOf(form, warmups)), {
      requests: warmups.length,
      concurrency,
    });
  }
  const runs = [
    { form: 'by-id', note: uncachedByIdNote, input: inputOf('by-id', measured), target: true },
    {
      form: 'by-json',
      note: uncachedByJsonNote,
      input: inputOf('by-json', measured),
      target: true,
    },
    { form: 'by-json-reordered', note: reorderedNote, input: reorderedOf(measured), target: false },
  ];
  for (const { form, note, input, target } of runs) {
    const inFlight = target ? concurrency : sizes.canonicalizingConcurrency;
    progress(
      `verifyCredential ${form}, uncached: ${measured.length} distinct credentials, each once`,
    );
    const result = await load.run(verifyOver(bench.api, input), {
      requests: measured.length,
      concurrency: inFlight,
    });
    warnErrors(`${form} uncached`, result);
    const perCpu = perCpuSecond(result);
    const context = {
      requests: result.requests,
      concurrency: inFlight,
      errors: result.errors,
      p50: result.p50,
      p99: result.p99,
      perCpuSecond: perCpu,
      cpuMsPerVerification: result.cpuMs / result.requests,
      dccPerCpuSecond: dccPerCpu,
      cache: note,
      baselineHow: dccNote,
      perCpuHow: perCpuNote,
      ...(result.firstError ? { firstError: result.firstError } : {}),
    };
    yield comparedFigure(
      `verify-${form}-uncached-throughput`,
      result.rps,
      'verifications/s',
      { name: 'dcc-vc-uncached-throughput', value: dcc.rps },
      context,
    );
    yield figure(`verify-${form}-uncached-errors`, result.errors, 'verifications', {
      requests: result.requests,
    });
    const label = `issue 24: ${measured.length} distinct credentials verified ${form}, verifications per CPU-second ÷ the DCC vc library's on the same credentials`;
    if (target) {
      yield targetFigure(
        `target-verify-${form}-uncached-vs-dcc-per-core`,
        perCpu / dccPerCpu,
        {
          atLeast: 4,
          label,
        },
        { wallClockRatio: result.rps / dcc.rps },
      );
    } else {
      yield figure(`verify-${form}-uncached-vs-dcc-per-core`, perCpu / dccPerCpu, 'ratio', {
        what: `${label} (every credential canonicalized: the cost with nothing stored or memoised; no target)`,
        wallClockRatio: result.rps / dcc.rps,
      });
    }
  }
}

/** Successful verifications per CPU-second of the process during the measured phase. */
function perCpuSecond(result: load.LoadResult): number {
  return (result.requests - result.errors) / (result.cpuMs / 1000);
}

function inputOf(form: 'by-id' | 'by-json', credentials: readonly FreshCredential[]) {
  let next = 0;
  return () => {
    const item = credentials[next++ % credentials.length]!;
    return form === 'by-id' ? { id: item.id } : { credential: item.json };
  };
}

/** Each credential with its top-level keys reversed: the same RDF graph, other JSON text. */
function reorderedOf(credentials: readonly FreshCredential[]) {
  const reordered = credentials.map((item) =>
    Object.fromEntries(Object.entries(item.json).reverse()),
  );
  let next = 0;
  return () => ({ credential: reordered[next++ % reordered.length]! });
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

function warnErrors(name: string, result: load.LoadResult) {
  if (result.errors > 0) progress(`${name}: ${result.errors} errors, first: ${result.firstError}`);
}
