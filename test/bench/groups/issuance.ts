import { benchSize, IssuanceProbe, issueMutation, startBenchPlatform } from '../bench-platform';
import type { BenchPlatform } from '../bench-platform';
import { bulkJobFigures, issuanceSplit } from '../issuance-figures';
import * as load from '../load';
import { figure, progress, type BenchGroup, type Figure } from '../report';

const sizes = {
  /** Sequential `issueCredential` calls measured (after `singleWarmup`). */
  single: benchSize('BENCH_SINGLE_ISSUANCES', 200),
  singleWarmup: 10,
  /** Learners in this group's bulk job (the 5,000-learner job is the load group's). */
  bulk: benchSize('BENCH_BULK_ISSUANCES', 500),
} as const;

/**
 * Issue 4: credentials issued per second, one at a time over GraphQL and as a bulk job run by
 * the worker, and where an issuance's time goes (canonicalization, KMS signing, DynamoDB).
 */
export const issuance: BenchGroup = {
  name: 'issuance',
  description:
    'credentials issued per second (single and bulk) and the canonicalize/sign/store split',
  run: measureIssuance,
};

async function* measureIssuance(): AsyncGenerator<Figure> {
  const bench = await startBenchPlatform('tessera-bench-issuance');
  try {
    const single = await measureSingle(bench);
    yield* single.figures;
    yield* await bulkJobFigures(bench, {
      prefix: 'issuance-bulk',
      count: sizes.bulk,
      baseline: { name: 'issuance-single-throughput', value: single.rps },
      baselineHow: 'sequential issueCredential over HTTP, measured just before',
    });
  } finally {
    await bench.stop();
  }
}

/** Sequential issueCredential mutations over HTTP, each to a new learner. */
async function measureSingle(bench: BenchPlatform) {
  const probe = new IssuanceProbe(bench.platform.container);
  let learner = 0;
  const issueOne = async () => {
    learner += 1;
    await bench.api.call(
      issueMutation,
      {
        input: {
          microCredentialId: bench.microCredentialId,
          recipient: { email: `bench-single-${learner}@example.org`, name: 'Bench Learner' },
        },
      },
      bench.admin,
    );
  };
  progress(`single issuance: ${sizes.single} sequential issueCredential calls over HTTP`);
  await load.run(issueOne, { requests: sizes.singleWarmup, concurrency: 1 });
  probe.take();
  const timingsBefore = { ...bench.platform.container.proofTimings };
  const result = await load.run(issueOne, { requests: sizes.single, concurrency: 1 });
  if (result.errors > 0) progress(`single issuance: ${result.errors} errors: ${result.firstError}`);
  const context = {
    requests: sizes.single,
    concurrency: 1,
    warmup: sizes.singleWarmup,
    errors: result.errors,
    path: 'issueCredential over HTTP through the local gateway (API container)',
  };
  const figures: Figure[] = [
    figure('issuance-single-throughput', result.rps, 'credentials/s', context),
    figure('issuance-single-p50', result.p50, 'ms', context),
    figure('issuance-single-p99', result.p99, 'ms', context),
    figure('issuance-single-errors', result.errors, 'requests', { requests: sizes.single }),
    // httpMeanMs − issueMeanMs is what the request adds: HTTP, Apollo, auth, the response.
    ...issuanceSplit('issuance-single', probe.take(), timingsBefore, bench.platform.container, {
      httpMeanMs: result.mean,
    }),
  ];
  return { figures, rps: result.rps };
}
