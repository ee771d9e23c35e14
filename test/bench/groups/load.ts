import { benchSize, startBenchPlatform } from '../bench-platform';
import { bulkConcurrency, bulkJobFigures, signingCeiling } from '../issuance-figures';
import { partitionLoads, recordWrites } from '../partition-load';
import { figure, progress, targetFigure, type BenchGroup, type Figure } from '../report';

const sizes = {
  /** Learners in the bulk job (issue 9: a 5,000-learner bulk issuance). */
  learners: benchSize('BENCH_LOAD_LEARNERS', 5_000),
  /** Credentials' worth of KMS signatures for the signing ceiling. */
  signings: benchSize('BENCH_LOAD_SIGNINGS', 2_000),
  /** Emulated KMS round trip for the signing-bound run (`KMS_LATENCY_MS` of the endpoint). */
  kmsLatencyMs: benchSize('BENCH_KMS_LATENCY_MS', 100),
  /** Learners in the bulk job with emulated KMS latency. */
  latencyLearners: benchSize('BENCH_LATENCY_LEARNERS', 400),
  /** Credentials' worth of signatures for the ceiling with emulated latency. */
  latencySignings: benchSize('BENCH_LATENCY_SIGNINGS', 200),
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
    const dynamodb = bench.platform.worker.clients.dynamodb;
    const recording = recordWrites(dynamodb);
    let figures: Figure[];
    try {
      figures = await bulkJobFigures(bench, {
        prefix: 'load-bulk',
        count: sizes.learners,
        baseline: { name: 'kms-signing-ceiling', value: ceiling.rps },
        baselineHow:
          'the same two KMS signatures per credential at the same concurrency, nothing else',
      });
      await bench.platform.drain();
    } finally {
      recording.stop();
    }
    yield* figures;
    yield* hotPartitionFigures(
      await partitionLoads(
        dynamodb,
        bench.platform.config.TABLE_NAME,
        recording.writes,
        sizes.learners,
        credentialRate,
      ),
    );
  } finally {
    await bench.stop();
  }
  yield* measureSigningBound();
}

/** Credentials/s for one institution and one design the table must take (AWS KMS's Sign quota). */
const credentialRate = 1_000;

/**
 * Issue 24: the write units per second the busiest partition key of the table and of each
 * index would take at 1,000 credentials/s of one institution and one design, from the writes
 * the bulk job (and the stream processing after it) actually made.
 */
function* hotPartitionFigures(loads: Awaited<ReturnType<typeof partitionLoads>>) {
  yield figure(
    'write-units-per-credential',
    loads.reduce((sum, load) => sum + load.totalWcuPerCredential, 0),
    'WCU',
    {
      ...Object.fromEntries(loads.map((load) => [load.target, load.totalWcuPerCredential])),
      how: 'every write of the bulk job and the stream processing after it, table and indexes, divided by the credentials issued (the capacity model of docs/performance.md prices these)',
    },
  );
  for (const load of loads) {
    yield figure(`hot-partition-${load.target}-wcu-per-credential`, load.wcuPerCredential, 'WCU', {
      busiestPartitionKey: load.busiestKey,
      writesPerJob: load.writes,
    });
    yield targetFigure(
      `target-hot-partition-${load.target}`,
      load.projectedWcuPerSecond / 1_000,
      {
        atMost: 1,
        label: `issue 24: projected WCU/s on the busiest partition of ${load.target === 'table' ? 'the table' : `index ${load.target}`} at ${credentialRate} credentials/s (one institution, one design) ÷ 1,000 WCU/s per partition`,
      },
      {
        projectedWcuPerSecond: load.projectedWcuPerSecond,
        busiestPartitionKey: load.busiestKey,
        how: 'every write of the bulk job recorded at the SDK; ceil(item size / 1 KB) per write, doubled in a transaction; one write per index whose keys the item sets (projection ALL: the whole item); scaled from the job to 1,000 credentials/s',
      },
    );
  }
}

/**
 * With the KMS round trip AWS has (emulated by the endpoint on a timer, no CPU), issuance is
 * bound by signing: the bulk job beside the ceiling of the same signatures at the same row
 * concurrency (issue 24: at least 0.9 of it).
 */
async function* measureSigningBound(): AsyncGenerator<Figure> {
  const previous = process.env.KMS_LATENCY_MS;
  process.env.KMS_LATENCY_MS = String(sizes.kmsLatencyMs);
  progress(`signing-bound run: KMS_LATENCY_MS=${sizes.kmsLatencyMs}`);
  let bench;
  try {
    bench = await startBenchPlatform('tessera-bench-load-latency');
  } finally {
    if (previous === undefined) delete process.env.KMS_LATENCY_MS;
    else process.env.KMS_LATENCY_MS = previous;
  }
  try {
    const ceiling = await signingCeiling(bench, sizes.latencySignings);
    yield figure('kms-latency-signing-ceiling', ceiling.rps, 'credentials/s', {
      kmsLatencyMs: sizes.kmsLatencyMs,
      requests: sizes.latencySignings,
      concurrency: bulkConcurrency,
      errors: ceiling.errors,
      how: 'KmsSigner.sign Ed25519 + RS256 per credential at the bulk row concurrency, each KMS call answered after KMS_LATENCY_MS on a timer',
    });
    const figures = await bulkJobFigures(bench, {
      prefix: 'kms-latency-bulk',
      count: sizes.latencyLearners,
      baseline: { name: 'kms-latency-signing-ceiling', value: ceiling.rps },
      baselineHow: `the same two KMS signatures per credential at the same concurrency, KMS_LATENCY_MS=${sizes.kmsLatencyMs}`,
    });
    yield* figures;
    const bulk = figures.find((item) => item.name === 'kms-latency-bulk-throughput')!;
    yield targetFigure(
      'target-bulk-vs-signing-ceiling-kms-latency',
      bulk.value / ceiling.rps,
      {
        atLeast: 0.9,
        label: `issue 24: bulk issuance ÷ the signing-bound ceiling (row concurrency ÷ signing time), KMS latency ${sizes.kmsLatencyMs} ms emulated`,
      },
      { bulkPerSecond: bulk.value, ceilingPerSecond: ceiling.rps },
    );
  } finally {
    await bench.stop();
  }
}
