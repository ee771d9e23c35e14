import * as z from 'zod';
import { authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import { contentDigest } from '../shared/digest';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import { pageRequest } from '../shared/paging';
import type { Clock, IdGenerator, Page, PageRequest } from '../shared/runtime';
import { identifier } from '../shared/validation';
import { depthOf } from '../verification/checks';
import { recipientInput } from '../credential/credential';
import type { IssuanceBatch, IssuanceService } from './issuance-service';

export const bulkJobStatuses = ['QUEUED', 'RUNNING', 'COMPLETED', 'COMPLETED_WITH_ERRORS'] as const;
export const bulkRowStatuses = ['PENDING', 'ISSUED', 'FAILED'] as const;

export const bulkJobSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  microCredentialId: z.string(),
  status: z.enum(bulkJobStatuses),
  total: z.int().min(0),
  processed: z.int().min(0),
  succeeded: z.int().min(0),
  failed: z.int().min(0),
  /** Worker passes over the job; a pass ends at its time budget and the next resumes. */
  passes: z.int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().optional(),
  createdBy: z.string(),
  version: z.int().positive(),
});
export type BulkJob = z.output<typeof bulkJobSchema>;

export const bulkRowSchema = z.object({
  jobId: z.string(),
  row: z.int().positive(),
  /** The recipient as given (may be invalid: then the row failed at intake). */
  recipient: z.record(z.string(), z.unknown()),
  status: z.enum(bulkRowStatuses),
  attempts: z.int().min(0),
  credentialId: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});
export type BulkRow = z.output<typeof bulkRowSchema>;

export const maxBulkRecipients = 10_000;

/**
 * Bounds on each row as given: a recipient is a flat object of a few strings, and a row that
 * fails validation is stored as given (to be reported), so it must fit an item and DynamoDB's
 * 32 levels of nesting. Checked for every row before anything is written.
 */
export const bulkRowLimits = { depth: 4, bytes: 4_096 } as const;

const startInput = z.strictObject({
  microCredentialId: identifier(),
  // Rows are validated one by one so a bad row is reported, not the whole cohort refused.
  recipients: z.array(z.unknown()).min(1, 'give at least one recipient').max(maxBulkRecipients),
  idempotencyKey: z
    .string()
    .trim()
    .min(8)
    .max(200)
    .regex(/^[A-Za-z0-9_.:-]+$/)
    .optional(),
});

export interface BulkJobRepository {
  /** Stores the job and its rows, then the event that starts processing; idempotent per job id. */
  create(job: BulkJob, rows: readonly BulkRow[], event: DomainEvent): Promise<'created' | 'exists'>;
  /** The job with its counters, read consistently. */
  get(id: string): Promise<BulkJob | null>;
  /** Rows in order; by status through an index, which can lag a moment behind the writes. */
  rows(jobId: string, page: PageRequest, status?: BulkRow['status']): Promise<Page<BulkRow>>;
  /** Records a row's outcome and adds it to the job's counters, once (the row must be PENDING). */
  finishRow(
    row: BulkRow,
    outcome: Pick<BulkRow, 'status' | 'credentialId' | 'errorCode' | 'errorMessage'>,
  ): Promise<boolean>;
  /** Counts a failed attempt of a row that stays pending (retryable failure). */
  countAttempt(row: BulkRow): Promise<void>;
  updateJob(job: BulkJob, expectedVersion: number, events: readonly DomainEvent[]): Promise<void>;
}

export interface BulkIssuanceDeps {
  readonly jobs: BulkJobRepository;
  readonly designs: MicroCredentialRepository;
  readonly issuance: IssuanceService;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Issuances in flight at once: bounded so KMS signing quotas are respected. */
  readonly concurrency?: number;
}

/** A retryable row gives up after this many failed attempts. */
const maxRowAttempts = 5;

/**
 * Cohort issuance: a job of thousands of rows processed asynchronously by the worker, with
 * progress the admin can query. Each row is issued through the idempotent single issuance, so a
 * resumed or redelivered job never issues a row twice; invalid rows are reported per row.
 */
export class BulkIssuanceService {
  constructor(private readonly deps: BulkIssuanceDeps) {}

  async start(principal: Principal, input: unknown): Promise<BulkJob> {
    const parsed = startInput.safeParse(input);
    if (!parsed.success) {
      throw new ValidationError(
        'Invalid input.',
        parsed.error.issues.map((issue) => ({
          path: ['input', ...issue.path.map(String)].join('.'),
          message: issue.message,
        })),
      );
    }
    const { microCredentialId, recipients, idempotencyKey } = parsed.data;
    const unstorable = recipients.flatMap((recipient, index) => {
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
    const rows: BulkRow[] = recipients.map((recipient, index) => {
      const valid = recipientInput.safeParse(recipient);
      const stored =
        typeof recipient === 'object' && recipient !== null && !Array.isArray(recipient)
          ? (recipient as Record<string, unknown>)
          : { value: recipient };
      return valid.success
        ? { jobId: id, row: index + 1, recipient: valid.data, status: 'PENDING', attempts: 0 }
        : {
            jobId: id,
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
    const outcome = await this.deps.jobs.create(
      job,
      rows,
      this.event('bulk_issuance.requested', job, actorOf(principal)),
    );
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
    if (job.status === 'COMPLETED' || job.status === 'COMPLETED_WITH_ERRORS') return job;
    const next = {
      ...job,
      updatedAt: this.deps.clock.now().toISOString(),
      version: job.version + 1,
    };
    await this.deps.jobs.updateJob(next, job.version, [
      this.event('bulk_issuance.continue', job, actorOf(principal)),
    ]);
    return next;
  }

  /**
   * One worker pass: issues pending rows until none remain or `deadline` (epoch ms) nears, then
   * either completes the job or asks for another pass. Safe to run twice at once or again.
   */
  async process(jobId: string, deadline: number): Promise<BulkJob> {
    let job = await this.requireJob(jobId);
    if (job.status === 'COMPLETED' || job.status === 'COMPLETED_WITH_ERRORS') return job;
    const concurrency = this.deps.concurrency ?? 8;
    const platform = { kind: 'platform', id: `bulk-job:${job.id}` };
    // Pages of pending rows feed one queue: a slot that finds the queue empty fetches the next
    // page while the other slots carry on with their rows, so no slot waits for the slowest
    // row of a page. The design, institution, keys and endorsements are read once per page,
    // and its status positions come in one block; each row still reserves and completes on
    // its own, so a row is never issued twice.
    let cursor: string | null | undefined;
    const queue: { row: BulkRow; batch: IssuanceBatch }[] = [];
    let fetching: Promise<void> | undefined;
    const fetchPage = () =>
      (fetching ??= this.deps.jobs
        .rows(job.id, { limit: 100, cursor }, 'PENDING')
        .then((page: Page<BulkRow>) => {
          cursor = page.nextCursor;
          const batch = this.deps.issuance.batch(page.items.length);
          for (const row of page.items) queue.push({ row, batch });
        })
        .finally(() => {
          fetching = undefined;
        }));
    const nextRow = async () => {
      for (;;) {
        const next = queue.shift();
        if (next) return next;
        if (cursor === null || Date.now() > deadline) return undefined;
        await fetchPage();
      }
    };
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let next = await nextRow(); next; next = await nextRow()) {
          if (Date.now() > deadline) return;
          await this.processRow(next.row, job.microCredentialId, platform, next.batch);
        }
      }),
    );

    // Done when every row is counted, read consistently with the job. Pending rows are found
    // through an index, which DynamoDB updates a moment after the write: right after intake
    // (or a row's retry) it may show none while rows are still pending, and that must not
    // complete the job. Another pass finds them.
    job = await this.requireJob(jobId);
    const now = this.deps.clock.now().toISOString();
    const done = job.processed >= job.total;
    const next: BulkJob = {
      ...job,
      status: done ? (job.failed > 0 ? 'COMPLETED_WITH_ERRORS' : 'COMPLETED') : 'RUNNING',
      passes: job.passes + 1,
      updatedAt: now,
      ...(done ? { completedAt: now } : {}),
      version: job.version + 1,
    };
    try {
      await this.deps.jobs.updateJob(next, job.version, [
        done
          ? this.event('bulk_issuance.completed', next, platform)
          : this.event('bulk_issuance.continue', next, platform),
      ]);
    } catch (error) {
      // Another pass updated the job meanwhile; it carries the job forward.
      if (!(error instanceof ConflictError)) throw error;
    }
    return next;
  }

  private async processRow(
    row: BulkRow,
    microCredentialId: string,
    actor: { kind: string; id: string },
    batch: IssuanceBatch,
  ) {
    try {
      const credential = await this.deps.issuance.issueFor(
        { microCredentialId, recipient: recipientInput.parse(row.recipient), actor },
        batch,
      );
      await this.deps.jobs.finishRow(row, { status: 'ISSUED', credentialId: credential.id });
    } catch (error) {
      const retryable = error instanceof DomainError ? error.retryable : true;
      if (retryable && row.attempts + 1 < maxRowAttempts) {
        await this.deps.jobs.countAttempt(row);
        return;
      }
      await this.deps.jobs.finishRow(row, {
        status: 'FAILED',
        errorCode: error instanceof DomainError ? error.code : 'INTERNAL',
        errorMessage:
          error instanceof DomainError ? error.message : 'The credential could not be issued.',
      });
    }
  }

  private async requireJob(id: string): Promise<BulkJob> {
    const job = await this.deps.jobs.get(id);
    if (!job) throw new NotFoundError('BulkIssuanceJob', id);
    return job;
  }

  private event(type: string, job: BulkJob, actor: { kind: string; id: string }): DomainEvent {
    return {
      id: this.deps.ids.newId(),
      type,
      institutionId: job.institutionId,
      aggregateType: 'BulkIssuanceJob',
      aggregateId: job.id,
      occurredAt: this.deps.clock.now().toISOString(),
      actor,
      data: { jobId: job.id, microCredentialId: job.microCredentialId, total: job.total },
    };
  }
}
