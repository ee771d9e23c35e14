import { authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import { contentDigest } from '../shared/digest';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import { depthOf } from '../shared/objects';
import { pageRequest } from '../shared/paging';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { recipientInput } from '../credential/credential';
import {
  bulkRowLimits,
  isFinished,
  startBulkInput,
  type BulkJob,
  type BulkRow,
  type IssuanceActor,
} from './model';
import { BulkIssuanceContinue, BulkIssuanceRequested, type BulkIssuanceCompleted } from './events';
import type { BulkJobRepository } from './ports';

export interface BulkJobsDeps {
  readonly jobs: BulkJobRepository;
  readonly designs: Pick<MicroCredentialRepository, 'get' | 'getPublished'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * Cohort issuance as the admin sees it: a job of thousands of rows, started here and processed
 * asynchronously by the worker ({@link BulkJobProcessor}), with progress and failures to query.
 */
export class BulkJobs {
  constructor(private readonly deps: BulkJobsDeps) {}

  async start(principal: Principal, input: unknown): Promise<BulkJob> {
    const { microCredentialId, recipients, idempotencyKey } = parseStart(input);
    const design = await this.deps.designs.get(microCredentialId);
    if (!design) throw new NotFoundError('MicroCredential', microCredentialId);
    authorize(principal, 'credential.issue', { institutionId: design.institutionId });
    const published = await this.deps.designs.getPublished(microCredentialId);
    if (!published || published.status !== 'PUBLISHED') {
      throw new ConflictError(
        'DESIGN_NOT_ISSUABLE',
        'Only a published, not retired micro-credential can be issued.',
      );
    }
    const now = this.deps.clock.now().toISOString();
    const id = idempotencyKey
      ? `bulk-${contentDigest({ institutionId: design.institutionId, idempotencyKey }).slice(0, 32)}`
      : this.deps.ids.newId();
    const rows = intakeRows(id, recipients);
    const failedAtIntake = rows.filter((row) => row.status === 'FAILED').length;
    const job: BulkJob = {
      id,
      institutionId: design.institutionId,
      microCredentialId,
      status: failedAtIntake === rows.length ? 'COMPLETED_WITH_ERRORS' : 'QUEUED',
      total: rows.length,
      processed: failedAtIntake,
      succeeded: 0,
      failed: failedAtIntake,
      passes: 0,
      createdAt: now,
      updatedAt: now,
      createdBy: actorOf(principal).id,
      version: 1,
    };
    const requested = bulkJobEvent(this.deps, BulkIssuanceRequested, job, actorOf(principal));
    const outcome = await this.deps.jobs.create(job, rows, requested);
    if (outcome === 'exists') return this.requireJob(id);
    return job;
  }

  async get(principal: Principal, id: string): Promise<BulkJob> {
    const job = await this.requireJob(id);
    authorize(principal, 'credential.issue', { institutionId: job.institutionId });
    return job;
  }

  async failures(
    principal: Principal,
    id: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<BulkRow>> {
    const job = await this.get(principal, id);
    return this.deps.jobs.rows(job.id, pageRequest(first, after), 'FAILED');
  }

  /** Re-queues an unfinished job (e.g. after an outage); a finished job is returned as is. */
  async resume(principal: Principal, id: string): Promise<BulkJob> {
    const job = await this.get(principal, id);
    if (isFinished(job)) return job;
    const next = {
      ...job,
      updatedAt: this.deps.clock.now().toISOString(),
      version: job.version + 1,
    };
    await this.deps.jobs.updateJob(next, job.version, [
      bulkJobEvent(this.deps, BulkIssuanceContinue, job, actorOf(principal)),
    ]);
    return next;
  }

  private async requireJob(id: string): Promise<BulkJob> {
    const job = await this.deps.jobs.get(id);
    if (!job) throw new NotFoundError('BulkIssuanceJob', id);
    return job;
  }
}

/** The request, with every row checked to be storable before anything is written. */
function parseStart(input: unknown) {
  const parsed = startBulkInput.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      'Invalid input.',
      parsed.error.issues.map((issue) => ({
        path: ['input', ...issue.path.map(String)].join('.'),
        message: issue.message,
      })),
    );
  }
  const unstorable = parsed.data.recipients.flatMap((recipient, index) => {
    const problem =
      depthOf(recipient, bulkRowLimits.depth) > bulkRowLimits.depth
        ? `nests deeper than ${bulkRowLimits.depth} levels`
        : (JSON.stringify(recipient)?.length ?? 0) > bulkRowLimits.bytes
          ? `is larger than ${bulkRowLimits.bytes} bytes`
          : null;
    return problem ? [{ path: `input.recipients.${index}`, message: problem }] : [];
  });
  if (unstorable.length > 0)
    throw new ValidationError(
      `${unstorable.length} recipient rows are too deep or too large to record; nothing was started.`,
      unstorable.slice(0, 20),
      'RECIPIENT_ROW_TOO_LARGE',
    );
  return parsed.data;
}

/** The job's rows: valid ones pending, invalid ones failed at intake with their problems. */
function intakeRows(jobId: string, recipients: readonly unknown[]): BulkRow[] {
  return recipients.map((recipient, index) => {
    const valid = recipientInput.safeParse(recipient);
    const stored =
      typeof recipient === 'object' && recipient !== null && !Array.isArray(recipient)
        ? (recipient as Record<string, unknown>)
        : { value: recipient };
    return valid.success
      ? { jobId, row: index + 1, recipient: valid.data, status: 'PENDING', attempts: 0 }
      : {
          jobId,
          row: index + 1,
          recipient: stored,
          status: 'FAILED',
          attempts: 0,
          errorCode: 'VALIDATION_FAILED',
          errorMessage: valid.error.issues
            .map((issue) => `${issue.path.join('.') || 'recipient'}: ${issue.message}`)
            .join('; '),
        };
  });
}

/** An event about a bulk job (requested, continue, completed): they share one payload. */
export function bulkJobEvent(
  { ids, clock }: { ids: IdGenerator; clock: Clock },
  definition:
    typeof BulkIssuanceRequested | typeof BulkIssuanceContinue | typeof BulkIssuanceCompleted,
  job: BulkJob,
  actor: IssuanceActor,
): DomainEvent {
  return definition.create(
    { jobId: job.id, microCredentialId: job.microCredentialId, total: job.total },
    {
      id: ids.newId(),
      institutionId: job.institutionId,
      aggregateId: job.id,
      occurredAt: clock.now().toISOString(),
      actor,
    },
  );
}
