import * as z from 'zod';
import { authorize, authorizeOrHide, isAllowed, requireSignedIn } from '../auth/policy';
import { hasRole, type Principal } from '../auth/principal';
import { pageRequest } from '../shared/paging';
import type { Clock, Page } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import { requireReview } from './lookups';
import {
  currentStep,
  reviewStatuses,
  type HistoryEntry,
  type QaStatistics,
  type QueueEntry,
  type Review,
} from './model';
import type { ReviewRepository } from './ports';
import { isOverdue } from './review';

export interface QaReportingDeps {
  readonly reviews: ReviewRepository;
  readonly clock: Clock;
}

const statisticsWindowDays = 365;

/**
 * What QA staff read: a review and its audit trail, an institution's reviews, a reviewer's
 * queue, and the statistics of the last year.
 */
export class QaReporting {
  constructor(private readonly deps: QaReportingDeps) {}

  /** Whether `principal` may read the institution's reviews (no error when not). */
  canReadReviews(principal: Principal, institutionId: string): boolean {
    return isAllowed(principal, 'qa.review.read', { institutionId });
  }

  async review(principal: Principal, reviewId: string): Promise<Review> {
    requireSignedIn(principal);
    const review = await requireReview(this.deps.reviews, reviewId);
    authorizeOrHide(
      principal,
      'qa.review.read',
      { institutionId: review.institutionId },
      'Review',
      reviewId,
    );
    return review;
  }

  /** A review's full, append-only audit trail, oldest first. */
  async history(principal: Principal, reviewId: string): Promise<HistoryEntry[]> {
    const review = await requireReview(this.deps.reviews, reviewId);
    authorize(principal, 'qa.review.read', { institutionId: review.institutionId });
    return this.deps.reviews.history(reviewId);
  }

  async reviews(
    principal: Principal,
    institutionId: string,
    args: { status?: unknown; first?: number | null; after?: string | null },
  ): Promise<Page<Review>> {
    authorize(principal, 'qa.review.read', { institutionId });
    const status = parseInput(z.enum(reviewStatuses).nullish(), args.status, 'status') ?? undefined;
    return this.deps.reviews.listByInstitution(
      institutionId,
      pageRequest(args.first, args.after),
      status,
    );
  }

  /** Steps waiting for the caller's QA roles in their institution, earliest due first. */
  async queue(principal: Principal): Promise<QueueEntry[]> {
    if (!hasRole(principal, 'qa-reviewer') || !principal.institutionId) {
      authorize(principal, 'qa.decide', { institutionId: '' });
      return [];
    }
    const institutionId = principal.institutionId;
    const now = this.deps.clock.now();
    const pages = await Promise.all(
      [...new Set(principal.qaRoles)].map((role) =>
        this.deps.reviews.queue(institutionId, role, { limit: 100 }),
      ),
    );
    return pages
      .flatMap((page) => page.items)
      .map((review) => ({
        review,
        step: currentStep(review),
        dueAt: review.currentStepDueAt ?? null,
        overdue: isOverdue(review, now),
      }))
      .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
  }

  /** Reviews in progress, overdue steps, outcomes and median time per step (last 365 days). */
  async statistics(principal: Principal, institutionId: string): Promise<QaStatistics> {
    authorize(principal, 'qa.review.read', { institutionId });
    const now = this.deps.clock.now();
    const [inProgress, changesRequested, approved, rejected] = await Promise.all([
      this.allReviews(institutionId, 'IN_PROGRESS'),
      this.allReviews(institutionId, 'CHANGES_REQUESTED'),
      this.allReviews(institutionId, 'APPROVED'),
      this.allReviews(institutionId, 'REJECTED'),
    ]);
    const since = new Date(now.getTime() - statisticsWindowDays * 24 * 3600 * 1000).toISOString();
    const decisions = await this.deps.reviews.decisionsSince(institutionId, since, 5_000);
    return {
      institutionId,
      inProgress: inProgress.length,
      changesRequested: changesRequested.length,
      overdue: inProgress.filter((review) => isOverdue(review, now)).length,
      approved: approved.length,
      rejected: rejected.length,
      stepTimes: stepTimes(decisions, inProgress, now),
    };
  }

  private async allReviews(institutionId: string, status: Review['status']): Promise<Review[]> {
    const reviews: Review[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Review> = await this.deps.reviews.listByInstitution(
        institutionId,
        { limit: 100, cursor },
        status,
      );
      reviews.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && reviews.length < 10_000);
    return reviews;
  }
}

/**
 * Per step: decisions, the median and 90th-percentile time the step waited for them, and the
 * reviews waiting on it now (and overdue).
 */
function stepTimes(
  decisions: readonly HistoryEntry[],
  waiting: readonly Review[],
  now: Date,
): QaStatistics['stepTimes'] {
  const byStep = new Map<string, { stepName: string; durations: number[] }>();
  const bucketOf = (stepKey: string, stepName: string) => {
    const bucket = byStep.get(stepKey) ?? { stepName, durations: [] };
    byStep.set(stepKey, bucket);
    return bucket;
  };
  for (const decision of decisions) {
    if (!decision.stepKey || decision.durationMs === undefined) continue;
    bucketOf(decision.stepKey, decision.stepName ?? decision.stepKey).durations.push(
      decision.durationMs,
    );
  }
  for (const review of waiting) bucketOf(currentStep(review).key, currentStep(review).name);
  const rounded = (ms: number, unit: number) => Math.round((ms / unit) * 100) / 100;
  return [...byStep.entries()].map(([stepKey, { stepName, durations }]) => {
    const here = waiting.filter((review) => currentStep(review).key === stepKey);
    return {
      stepKey,
      stepName,
      decisions: durations.length,
      medianHours: rounded(percentile(durations, 0.5), 3_600_000),
      medianDays: rounded(percentile(durations, 0.5), 86_400_000),
      p90Days: rounded(percentile(durations, 0.9), 86_400_000),
      waiting: here.length,
      overdue: here.filter((review) => isOverdue(review, now)).length,
    };
  });
}

/** The p-th percentile (0–1) by linear interpolation between closest ranks; 0 for no values. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const rank = (sorted.length - 1) * p;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}
