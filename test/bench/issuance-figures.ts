import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { KmsSigner } from '../../functions/adapters/kms/kms-signer';
import type { Container } from '../../functions/composition/container';
import {
  IssuanceProbe,
  learners,
  runBulkJob,
  totals,
  type BenchPlatform,
  type IssuanceSample,
} from './bench-platform';
import { cpuTimeMs } from './cpu';
import * as load from './load';
import { comparedFigure, figure, progress, type Figure } from './report';
import { percentile } from './stats';

/** Rows the bulk service issues at once (BulkIssuanceService's default). */
export const bulkConcurrency = 8;

/**
 * Runs one bulk issuance job of `count` learners through GraphQL and the worker and reports
 * its throughput (beside `baseline`, measured in the same run), errors, per-credential latency
 * and where the issuance time went.
 */
export async function bulkJobFigures(
  bench: BenchPlatform,
  options: {
    readonly prefix: string;
    readonly count: number;
    readonly baseline: { readonly name: string; readonly value: number };
    readonly baselineHow: string;
  },
): Promise<Figure[]> {
  const { prefix, count } = options;
  const probe = new IssuanceProbe(bench.platform.worker);
  await bench.platform.drain();
  probe.take();
  const timingsBefore = { ...bench.platform.worker.proofTimings };
  const cancelledBefore = bench.platform.transactionConflicts.cancelled();
  const cpuBefore = { node: cpuTimeMs(), dynamodb: cpuTimeMs(bench.platform.dynamodbPid) };
  progress(`${prefix}: a bulk job of ${count} learners, processed by the worker`);
  const { job, wallMs, submitMs } = await runBulkJob(bench, learners(prefix, count), {
    onProgress: (seen) => progress(`${prefix}: ${seen.processed} of ${seen.total} rows done`),
  });
  const cpu = cpuFigure(prefix, job.succeeded, wallMs, cpuBefore, {
    node: cpuTimeMs(),
    dynamodb: cpuTimeMs(bench.platform.dynamodbPid),
  });
  const samples = probe.take();
  const transactionsCancelled = bench.platform.transactionConflicts.cancelled() - cancelledBefore;
  const errors = job.total - job.succeeded;
  if (errors > 0) progress(`${prefix}: ${errors} rows not issued: ${JSON.stringify(job)}`);
  const sum = totals(samples);
  const latencies = samples.map((sample) => sample.totalMs);
  const latencyContext = {
    samples: samples.length,
    rowConcurrency: bulkConcurrency,
    clock: 'issueFor in the worker, per credential',
  };
  return [
    comparedFigure(
      `${prefix}-throughput`,
      job.succeeded / (wallMs / 1000),
      'credentials/s',
      options.baseline,
      {
        learners: count,
        status: job.status,
        succeeded: job.succeeded,
        errors,
        wallMs,
        submitMs,
        rowConcurrency: bulkConcurrency,
        // Transactions cancelled for a collision (as DynamoDB cancels them) and sent again.
        transactionsCancelled,
        measuredFrom: 'startBulkIssuance sent to the job completedAt',
        baselineHow: options.baselineHow,
      },
    ),
    figure(`${prefix}-errors`, errors, 'rows', { learners: count, status: job.status }),
    figure(`${prefix}-credential-p50`, percentile(latencies, 50), 'ms', latencyContext),
    figure(`${prefix}-credential-p99`, percentile(latencies, 99), 'ms', latencyContext),
    ...issuanceSplit(prefix, samples, timingsBefore, bench.platform.worker, {
      // How full the bulk service kept its row slots; the rest is paging, row bookkeeping and
      // waiting for the slowest row of each page of 100.
      rowSlotUtilisation: sum.totalMs / (bulkConcurrency * wallMs),
    }),
    ...(cpu ? [cpu] : []),
  ];
}

interface CpuReading {
  readonly node: number | undefined;
  readonly dynamodb: number | undefined;
}

/**
 * CPU time per credential of the job: this Node process (the bench client, the API, the
 * worker and the KMS endpoint all run in it) and the DynamoDB Local process, beside the cores
 * the machine has. Both busy together near the core count: the job was bound by this machine's
 * CPU, not by signing or by waiting.
 */
function cpuFigure(
  prefix: string,
  credentials: number,
  wallMs: number,
  before: CpuReading,
  after: CpuReading,
): Figure | undefined {
  if (credentials === 0) return undefined;
  const used = (key: keyof CpuReading) =>
    before[key] === undefined || after[key] === undefined ? 0 : after[key] - before[key];
  const nodeMs = used('node');
  const dynamodbLocalMs = used('dynamodb');
  return figure(`${prefix}-cpu-ms`, (nodeMs + dynamodbLocalMs) / credentials, 'ms/credential', {
    nodeMsPerCredential: nodeMs / credentials,
    dynamodbLocalMsPerCredential: dynamodbLocalMs / credentials,
    coresBusy: (nodeMs + dynamodbLocalMs) / wallMs,
    cores: availableParallelism(),
    how: 'user + system CPU time during the job: this Node process (bench client, API, worker, KMS endpoint) and DynamoDB Local (/proc), per credential issued',
  });
}

/**
 * Where issuance time goes, per credential: canonicalization from the container's proof
 * timings (the counters KmsCredentialSigner keeps), KMS and DynamoDB from the probe's
 * per-issuance busy clocks, and the rest (building the document, hashing, zod, awaiting the
 * event loop). Then the share of issuance time spent outside KMS calls (issue 9).
 */
export function issuanceSplit(
  prefix: string,
  samples: readonly IssuanceSample[],
  timingsBefore: Container['proofTimings'],
  container: Container,
  extra: Record<string, unknown>,
): Figure[] {
  const count = samples.length;
  if (count === 0) throw new Error(`${prefix}: the probe saw no issuance`);
  const sum = totals(samples);
  const per = (ms: number) => ms / count;
  const canonicalizeMs = per(container.proofTimings.canonicalizeMs - timingsBefore.canonicalizeMs);
  const signMs = per(container.proofTimings.signMs - timingsBefore.signMs);
  const kmsMs = per(sum.kmsMs);
  const storageMs = per(sum.storageMs);
  const storageOutsideKmsMs = per(sum.storageOutsideKmsMs);
  const issueMs = per(sum.totalMs);
  // Storage that overlaps a KMS call is already in the KMS time. Canonicalization may also
  // overlap a storage call (a bulk row writes its reservation while it signs), so "other" is
  // what is left after both, and at least 0.
  const otherMs = Math.max(0, issueMs - kmsMs - storageOutsideKmsMs - canonicalizeMs);
  // Summed per command (calls overlapping within one issuance each count), per credential.
  const storageByCommandMs = Object.fromEntries(
    Object.entries(sum.storageByCommand)
      .sort(([, a], [, b]) => b - a)
      .map(([command, ms]) => [command.replace(/Command$/, ''), Math.round(100 * per(ms)) / 100]),
  );
  const context = { credentials: count, issueMeanMs: issueMs };
  const share = (ms: number) => (100 * ms) / issueMs;
  return [
    figure(`${prefix}-canonicalize-ms`, canonicalizeMs, 'ms/credential', {
      ...context,
      sharePercent: share(canonicalizeMs),
      what: 'RDFC-1.0 canonicalization + SHA-256 (hashData) of the eddsa-rdfc-2022 proof',
    }),
    figure(`${prefix}-sign-ms`, kmsMs, 'ms/credential', {
      ...context,
      sharePercent: share(kmsMs),
      kmsCalls: per(sum.kmsCalls),
      signCallsMs: signMs,
      what: 'KMS calls in flight (Ed25519 proof + RS256 VC-JWT), through the SDK to the local KMS endpoint',
    }),
    figure(`${prefix}-storage-ms`, storageMs, 'ms/credential', {
      ...context,
      sharePercent: share(storageMs),
      storageCalls: per(sum.storageCalls),
      outsideKmsMs: storageOutsideKmsMs,
      storageByCommandMs,
      what: 'DynamoDB calls in flight (reads, reservations, status allocation, the completing transaction)',
    }),
    figure(`${prefix}-other-ms`, otherMs, 'ms/credential', {
      ...context,
      sharePercent: share(otherMs),
      what: 'the rest of issueFor (building the document, verifying the fresh proof, zod, event-loop waits): issueFor less KMS, storage outside KMS and canonicalization',
    }),
    figure(`${prefix}-outside-kms-share`, (100 * (sum.totalMs - sum.kmsMs)) / sum.totalMs, '%', {
      ...context,
      ...extra,
      clock:
        'issueFor wall time without a KMS call in flight / issueFor wall time, summed over credentials',
    }),
  ];
}

/**
 * The signing ceiling: the two KMS signatures of one credential (Ed25519 over a 64-byte hash,
 * RS256 over a JWS digest) through the production KmsSigner and the same SDK client, with the
 * institution's keys, at the bulk service's concurrency: credentials/s if issuance were only
 * signing.
 */
export async function signingCeiling(bench: BenchPlatform, requests: number) {
  const { keys } = bench.platform.worker.services;
  const owner = { ownerKind: 'institution' as const, ownerId: bench.institutionId };
  const [ed25519, rs256] = await Promise.all([
    keys.activeKey(owner, 'Ed25519'),
    keys.activeKey(owner, 'RS256'),
  ]);
  const signer = new KmsSigner(bench.platform.worker.clients.kms);
  const hashData = randomBytes(64);
  const signingInput = randomBytes(1_500);
  progress(`KMS signing ceiling: ${requests} credentials' signatures at ${bulkConcurrency}`);
  const result = await load.run(
    async () => {
      await signer.sign(ed25519.keyRef, 'Ed25519', hashData);
      await signer.sign(rs256.keyRef, 'RS256', signingInput);
    },
    { requests, concurrency: bulkConcurrency, warmup: 50 },
  );
  if (result.errors > 0) progress(`KMS signing: ${result.errors} errors: ${result.firstError}`);
  return result;
}
