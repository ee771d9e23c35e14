import { AsyncLocalStorage } from 'node:async_hooks';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { InitializeMiddleware } from '@smithy/types';
import type { Container } from '../../functions/composition/container';
import { demoDesigns, demoInstitution } from '../../infra/local/demo-content';
import { GraphQLClient, type Caller } from '../../infra/local/graphql-client';
import { createHttpGateway } from '../../infra/local/http-gateway';
import { startPlatform, type RunningPlatform } from '../../infra/local/platform';
import {
  approveDesign,
  createApiKey,
  createPartner,
  endorseDesign,
  operations,
  publishDesign,
  type QaCallers,
} from '../../infra/local/portal-flows';
import { handler as bareApolloHandler } from './fixtures/bare-apollo-handler';
import { progress } from './report';

/**
 * A benchmark size from the environment (`BENCH_VERIFICATIONS=2000 npm run bench`), so a
 * quick run can shrink what the issues ask for without editing code; `fallback` otherwise.
 */
export function benchSize(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/**
 * Per-client GraphQL rate limits for benchmark runs: the bench is one client driving the API
 * on purpose far faster than any person, so the limits (which would refuse it within a
 * second) are raised out of the way, as the end-to-end tests do. The limiter still runs.
 */
export const benchRateLimits = {
  anonymous: 1_000_000_000,
  user: 1_000_000_000,
  partner: 1_000_000_000,
} as const;

/** The gateway's stage throttle, raised as far for the same reason. */
export const benchStageThrottle = { rateLimit: 1_000_000_000, burstLimit: 1_000_000_000 } as const;

/** The platform with one institution and one published, endorsed micro-credential. */
export interface BenchPlatform {
  readonly platform: RunningPlatform;
  readonly api: GraphQLClient;
  /** The institution's issuer admin. */
  readonly admin: Caller;
  readonly institutionId: string;
  readonly microCredentialId: string;
  stop(): Promise<void>;
}

/** An institution ready to publish: its issuer admin, QA reviewers, and a partner's API key. */
export interface BenchInstitution {
  readonly api: GraphQLClient;
  readonly admin: Caller;
  readonly qa: QaCallers;
  readonly institutionId: string;
  /** A linked partner's API key, for the endorsements publication needs. */
  readonly apiKey: string;
}

/** Creates an institution and a linked partner over GraphQL, as a platform admin would. */
export async function benchInstitution(platform: RunningPlatform): Promise<BenchInstitution> {
  const api = new GraphQLClient(`${platform.url}/graphql`);
  const mint = (claims: Parameters<RunningPlatform['identity']['mint']>[0]) =>
    platform.identity.mint(claims).then((token) => ({ token }));
  const { createInstitution } = await api.call<{ createInstitution: { id: string } }>(
    'mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
    { input: demoInstitution },
    await mint({ role: 'platform-admin', subject: 'bench-admin' }),
  );
  const institutionId = createInstitution.id;
  const admin = await mint({ role: 'issuer-admin', institutionId, subject: 'bench-issuer-admin' });
  const qa: QaCallers = {
    admin,
    reviewerFor: (role) =>
      mint({
        role: 'qa-reviewer',
        institutionId,
        qaRoles: [role],
        subject: `bench-reviewer-${role}`,
      }),
  };
  const partnerId = await createPartner(api, institutionId, admin);
  const apiKey = await createApiKey(
    api,
    partnerId,
    await mint({ role: 'partner-admin', partnerId, subject: 'bench-partner-admin' }),
  );
  // The worker creates the institution's and the partner's keys from their events.
  await platform.drain();
  return { api, admin, qa, institutionId, apiKey };
}

/** Takes a design through QA, the partner's endorsement and publication; returns its id. */
export async function publishBenchDesign(
  institution: BenchInstitution,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const { api, admin, qa, institutionId, apiKey } = institution;
  const { createMicroCredential } = await api.call<{ createMicroCredential: { id: string } }>(
    operations.createDesign,
    { input: { ...demoDesigns[0]!, ...overrides, institutionId } },
    admin,
  );
  const id = createMicroCredential.id;
  await approveDesign(api, id, qa);
  await endorseDesign(api, id, apiKey);
  await publishDesign(api, id, admin);
  return id;
}

/**
 * Starts the whole local platform in memory (its own DynamoDB Local, KMS endpoint, worker) on
 * an ephemeral port and takes a design through QA, endorsement and publication over GraphQL,
 * as an institution would before issuing.
 */
export async function startBenchPlatform(tableName: string): Promise<BenchPlatform> {
  progress('starting the platform (in-memory DynamoDB Local, local KMS endpoint)');
  const platform = await startPlatform({
    port: 0,
    tableName,
    logLevel: 'ERROR',
    rateLimitsPerMinute: benchRateLimits,
    stageThrottle: benchStageThrottle,
    clientThrottle: benchStageThrottle,
  });
  try {
    const institution = await benchInstitution(platform);
    const microCredentialId = await publishBenchDesign(institution, { validityMonths: 24 });
    await platform.drain();
    return {
      platform,
      api: institution.api,
      admin: institution.admin,
      institutionId: institution.institutionId,
      microCredentialId,
      stop: () => platform.stop(),
    };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}

/** The bare Apollo handler behind the same local HTTP gateway the platform uses. */
export async function startBareGateway(): Promise<{
  client: GraphQLClient;
  stop(): Promise<void>;
}> {
  const gateway = createHttpGateway({
    api: bareApolloHandler,
    publicWeb: () => Promise.resolve({ statusCode: 404, body: '' }),
  });
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  const { port } = gateway.address() as AddressInfo;
  return {
    client: new GraphQLClient(`http://127.0.0.1:${port}/graphql`),
    stop: () =>
      new Promise<void>((resolve) => {
        gateway.closeAllConnections();
        gateway.close(() => resolve());
      }),
  };
}

export const issueMutation = `mutation ($input: IssueCredentialInput!) {
  issueCredential(input: $input) { id url json }
}`;

export interface BulkJobView {
  readonly id: string;
  readonly status: string;
  readonly total: number;
  readonly processed: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly createdAt: string;
  readonly completedAt: string | null;
  readonly failures: { nodes: { row: number; errorCode: string; errorMessage: string }[] };
}

const bulkJobFields =
  'id status total processed succeeded failed createdAt completedAt failures(first: 3) { nodes { row errorCode errorMessage } }';

/** `count` distinct learners, `bench-<prefix>-<n>@example.org`. */
export function learners(prefix: string, count: number) {
  return Array.from({ length: count }, (_, index) => ({
    email: `bench-${prefix}-${index + 1}@example.org`,
    name: `Bench Learner ${index + 1}`,
  }));
}

/**
 * Submits a bulk issuance job over GraphQL and polls it until the worker finishes it. Returns
 * the finished job, the wall time from just before the submission to the job's own
 * `completedAt` (the polling interval does not add to it), and how long the submission took.
 */
export async function runBulkJob(
  bench: BenchPlatform,
  recipients: readonly { email: string; name: string }[],
  options: { readonly timeoutMs?: number; readonly onProgress?: (job: BulkJobView) => void } = {},
): Promise<{ job: BulkJobView; wallMs: number; submitMs: number }> {
  const submittedAt = Date.now();
  const { startBulkIssuance } = await bench.api.call<{ startBulkIssuance: BulkJobView }>(
    `mutation ($input: BulkIssuanceInput!) { startBulkIssuance(input: $input) { ${bulkJobFields} } }`,
    { input: { microCredentialId: bench.microCredentialId, recipients } },
    bench.admin,
  );
  const submitMs = Date.now() - submittedAt;
  const deadline = submittedAt + (options.timeoutMs ?? 30 * 60_000);
  let job = startBulkIssuance;
  let lastReport = Date.now();
  while (job.status === 'QUEUED' || job.status === 'RUNNING') {
    if (Date.now() > deadline) throw new Error(`bulk job ${job.id} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    ({ bulkIssuanceJob: job } = await bench.api.call<{ bulkIssuanceJob: BulkJobView }>(
      `query ($id: ID!) { bulkIssuanceJob(id: $id) { ${bulkJobFields} } }`,
      { id: job.id },
      bench.admin,
    ));
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      options.onProgress?.(job);
    }
  }
  const completedAt = job.completedAt ? Date.parse(job.completedAt) : Date.now();
  return { job, wallMs: completedAt - submittedAt, submitMs };
}

/** Time one issuance spent with at least one call of a kind in flight (overlaps count once). */
interface BusyClock {
  inFlight: number;
  since: number;
  ms: number;
  calls: number;
  /** Summed duration per SDK command (overlapping calls each count here). */
  readonly byCommand: Record<string, number>;
  /** When calls were in flight: [start, end) in ms, merged where they overlap. */
  readonly busy: [number, number][];
}

interface IssuanceSpan {
  readonly kms: BusyClock;
  readonly storage: BusyClock;
}

/** One `issueFor` call as the probe saw it, in ms of wall time. */
export interface IssuanceSample {
  readonly totalMs: number;
  /** With a KMS call (Sign, GetPublicKey) in flight, through the SDK client. */
  readonly kmsMs: number;
  readonly kmsCalls: number;
  /** With a DynamoDB call in flight, through the SDK client. */
  readonly storageMs: number;
  /** With a DynamoDB call and no KMS call in flight (a bulk row writes while it signs). */
  readonly storageOutsideKmsMs: number;
  readonly storageCalls: number;
  readonly storageByCommand: Readonly<Record<string, number>>;
  readonly failed: boolean;
}

const spans = new AsyncLocalStorage<IssuanceSpan>();
const timedClients = new WeakSet<object>();
const busyClock = (): BusyClock => ({
  inFlight: 0,
  since: 0,
  ms: 0,
  calls: 0,
  byCommand: {},
  busy: [],
});

/** The time within `intervals` not covered by `cover` (both sorted, each non-overlapping). */
function uncovered(intervals: readonly [number, number][], cover: readonly [number, number][]) {
  let total = 0;
  for (const [start, end] of intervals) {
    let from = start;
    for (const [coverStart, coverEnd] of cover) {
      if (coverEnd <= from || coverStart >= end) continue;
      if (coverStart > from) total += coverStart - from;
      from = Math.max(from, coverEnd);
    }
    if (end > from) total += end - from;
  }
  return total;
}

function busyTimer<I extends object, O extends object>(
  pick: (span: IssuanceSpan) => BusyClock,
): InitializeMiddleware<I, O> {
  return (next, context) => async (args) => {
    const span = spans.getStore();
    if (!span) return next(args);
    const clock = pick(span);
    const started = performance.now();
    if (clock.inFlight === 0) clock.since = started;
    clock.inFlight += 1;
    clock.calls += 1;
    try {
      return await next(args);
    } finally {
      const ended = performance.now();
      clock.inFlight -= 1;
      if (clock.inFlight === 0) {
        clock.ms += ended - clock.since;
        clock.busy.push([clock.since, ended]);
      }
      const command = context.commandName ?? 'unknown';
      clock.byCommand[command] = (clock.byCommand[command] ?? 0) + (ended - started);
    }
  };
}

/**
 * Measures each issuance of a container from the outside: wraps its `issuing.issueFor` (every
 * path, single, bulk and stacking, goes through it) and times the KMS and DynamoDB calls made
 * within it by middleware on the SDK clients, attributed through AsyncLocalStorage, so calls
 * from other work running at the same time are not counted. Bench-only: production code is
 * not changed.
 */
export class IssuanceProbe {
  private samples: IssuanceSample[] = [];

  constructor(container: Container) {
    const { kms, dynamodb } = container.clients;
    // The platform hands the containers its clients themselves (Lambda makes KMS's lazily).
    if (typeof kms === 'function') throw new Error('IssuanceProbe needs the KMS client itself');
    if (!timedClients.has(kms)) {
      timedClients.add(kms);
      kms.middlewareStack.add(
        busyTimer((span) => span.kms),
        { step: 'initialize', name: 'benchKmsTimer' },
      );
    }
    if (!timedClients.has(dynamodb)) {
      timedClients.add(dynamodb);
      dynamodb.middlewareStack.add(
        busyTimer((span) => span.storage),
        { step: 'initialize', name: 'benchStorageTimer' },
      );
    }
    const issuance = container.services.issuing;
    const issueFor = issuance.issueFor.bind(issuance);
    issuance.issueFor = (request, batch) => {
      const span: IssuanceSpan = { kms: busyClock(), storage: busyClock() };
      const started = performance.now();
      const settle = (failed: boolean) =>
        this.samples.push({
          totalMs: performance.now() - started,
          kmsMs: span.kms.ms,
          kmsCalls: span.kms.calls,
          storageMs: span.storage.ms,
          storageOutsideKmsMs: uncovered(span.storage.busy, span.kms.busy),
          storageCalls: span.storage.calls,
          storageByCommand: span.storage.byCommand,
          failed,
        });
      return spans
        .run(span, () => issueFor(request, batch))
        .then(
          (record) => {
            settle(false);
            return record;
          },
          (error: unknown) => {
            settle(true);
            throw error;
          },
        );
    };
  }

  /** The samples since the last call, and starts afresh. */
  take(): IssuanceSample[] {
    const taken = this.samples;
    this.samples = [];
    return taken;
  }
}

/** Sums of a list of samples (per-command storage time summed too). */
export function totals(samples: readonly IssuanceSample[]) {
  const sum = {
    totalMs: 0,
    kmsMs: 0,
    kmsCalls: 0,
    storageMs: 0,
    storageOutsideKmsMs: 0,
    storageCalls: 0,
    storageByCommand: {} as Record<string, number>,
    failed: 0,
  };
  for (const sample of samples) {
    sum.totalMs += sample.totalMs;
    sum.kmsMs += sample.kmsMs;
    sum.kmsCalls += sample.kmsCalls;
    sum.storageMs += sample.storageMs;
    sum.storageOutsideKmsMs += sample.storageOutsideKmsMs;
    sum.storageCalls += sample.storageCalls;
    for (const [command, ms] of Object.entries(sample.storageByCommand)) {
      sum.storageByCommand[command] = (sum.storageByCommand[command] ?? 0) + ms;
    }
    if (sample.failed) sum.failed += 1;
  }
  return sum;
}
