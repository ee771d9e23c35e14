import { benchSize, startBenchPlatform } from '../bench-platform';
import { bulkConcurrency, bulkJobFigures, signingCeiling } from '../issuance-figures';
import { figure, type BenchGroup, type Figure } from '../report';

const sizes = {
  /** Learners in the bulk job (issue 9: a 5,000-learner bulk issuance). */
  learners: benchSize('BENCH_LOAD_LEARNERS', 5_000),
  /** Credentials' worth of KMS signatures for the signing ceiling. */
  signings: benchSize('BENCH_LOAD_SIGNINGS', 2_000),
} as const;

/**
 * Issue 9's bulk load: a cohort of 5,000 learners issued by one job, beside the signing
 * ceiling measured on the same keys in the same run, so "limited by signing throughput"
 * can be read off as the ratio.
 */
export const bulkLoad: BenchGroup = {
  name: 'load',
  description: `a ${sizes.learners}-learner bulk issuance beside the KMS signing ceiling`,
  run: measureLoad,
};

async function* measureLoad(): AsyncGenerator<Figure> {
  const bench = await startBenchPlatform('tessera-bench-load');
  try {
    const ceiling = await signingCeiling(bench, sizes.signings);
    yield figure('kms-signing-ceiling', ceiling.rps, 'credentials/s', {
      signaturesPerCredential: 2,
      requests: sizes.signings,
      concurrency: bulkConcurrency,
      errors: ceiling.errors,
      p50Ms: ceiling.p50,
      p99Ms: ceiling.p99,
      how: 'KmsSigner.sign Ed25519 + RS256 per credential on the institution keys, local KMS endpoint, nothing else',
    });
    yield* await bulkJobFigures(bench, {
      prefix: 'load-bulk',
      count: sizes.learners,
      baseline: { name: 'kms-signing-ceiling', value: ceiling.rps },
      baselineHow:
        'the same two KMS signatures per credential at the same concurrency, nothing else',
    });
  } finally {
    await bench.stop();
  }
}
