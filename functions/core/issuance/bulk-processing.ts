import { ConflictError, DomainError, NotFoundError } from '../shared/errors';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { bulkJobEvent } from './bulk-jobs';
import { BulkIssuanceCompleted, BulkIssuanceContinue } from './events';
import { recipientInput } from '../credential/credential';
import type { IssuanceBatch } from './issuance-batch';
import type { IssueCredential } from './issue-credential';
import { isFinished, type BulkJob, type BulkRow, type IssuanceActor } from './model';
import type { BulkJobPasses, BulkJobRepository } from './ports';

export interface BulkJobProcessorDeps {
  readonly jobs: BulkJobRepository;
  readonly issuing: Pick<IssueCredential, 'issueFor' | 'batch'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Issuances in flight at once: bounded so KMS signing quotas are respected. */
  readonly concurrency?: number;
}

/** A retryable row gives up after this many failed attempts. */
const maxRowAttempts = 5;

/** A pending row and the batch of the page it came in. */
interface QueuedRow {
  readonly row: BulkRow;
  readonly batch: IssuanceBatch;
}

/**
 * The worker's side of cohort issuance. Each row is issued through the idempotent single
 * issuance, so a resumed or redelivered job never issues a row twice; invalid rows are reported
 * per row.
 */
export class BulkJobProcessor implements BulkJobPasses {
  constructor(private readonly deps: BulkJobProcessorDeps) {}

  /**
   * One worker pass: issues pending rows until none remain or `deadline` (epoch ms) nears, then
   * either completes the job or asks for another pass. Safe to run twice at once or again.
   */
  async process(jobId: string, deadline: number): Promise<BulkJob> {
    let job = await this.requireJob(jobId);
    if (isFinished(job)) return job;
    const platform = { kind: 'platform', id: `bulk-job:${job.id}` };
    await this.issuePending(job, platform, deadline);

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
    const type = done ? BulkIssuanceCompleted : BulkIssuanceContinue;
    try {
      await this.deps.jobs.updateJob(next, job.version, [
        bulkJobEvent(this.deps, type, next, platform),
      ]);
    } catch (error) {
      // Another pass updated the job meanwhile; it carries the job forward.
      if (!(error instanceof ConflictError)) throw error;
    }
    return next;
  }

  /**
   * Pages of pending rows feed one queue: a slot that finds the queue empty fetches the next
   * page while the other slots carry on with their rows, so no slot waits for the slowest row
   * of a page. The design, institution, keys and endorsements are read once per page, and its
   * status positions come in one block; each row still reserves and completes on its own, so a
   * row is never issued twice.
   */
  private async issuePending(job: BulkJob, actor: IssuanceActor, deadline: number) {
    let cursor: string | null | undefined;
    const queue: QueuedRow[] = [];
    let fetching: Promise<void> | undefined;
    const fetchPage = () =>
      (fetching ??= this.deps.jobs
        .rows(job.id, { limit: 100, cursor }, 'PENDING')
        .then((page: Page<BulkRow>) => {
          cursor = page.nextCursor;
          const batch = this.deps.issuing.batch(page.items.length);
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
      Array.from({ length: this.deps.concurrency ?? 8 }, async () => {
        for (let next = await nextRow(); next; next = await nextRow()) {
          if (Date.now() > deadline) return;
          await this.processRow(next.row, job.microCredentialId, actor, next.batch);
        }
      }),
    );
  }

  private async processRow(
    row: BulkRow,
    microCredentialId: string,
    actor: IssuanceActor,
    batch: IssuanceBatch,
  ) {
    try {
      const credential = await this.deps.issuing.issueFor(
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
}
