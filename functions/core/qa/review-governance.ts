import * as z from 'zod';
import { authorize } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { Clock, IdGenerator } from '../shared/runtime';
import { email, identifier, limits, parseInput, requiredText, text } from '../shared/validation';
import { ReviewCommented, ReviewMentioned, ReviewWithdrawn } from './events';
import {
  dueSoonDays,
  type DueStep,
  type ReviewComment,
  type ReviewRound,
  type RoundDiff,
  type SlaState,
} from './governance-model';
import { actorFrom, assertDesignVersion, requireDesign, requireReview } from './lookups';
import type { Review } from './model';
import type { DesignUnitOfWork, ReviewRepository } from './ports';
import { EventOrigins } from './qa-events';
import { assertOpen, withdraw } from './review';
import { diffRounds } from './round-diff';
import { slaState } from './sla';

/** Most comments one review's discussion holds. */
export const maxCommentsPerReview = 500;

const commentInput = z.strictObject({
  stepKey: identifier(),
  body: requiredText(limits.description),
  /** The comment answered; replies to a reply join the same thread. */
  parentId: identifier().optional(),
  /** People to notify, by email. */
  mentions: z.array(email()).max(10).default([]),
});

const withdrawInput = z.strictObject({ reason: text(limits.description).optional() });

export interface ReviewGovernanceDeps {
  readonly designs: MicroCredentialRepository;
  readonly reviews: ReviewRepository;
  readonly unitOfWork: DesignUnitOfWork;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * What surrounds the decisions of a review: the author withdrawing it, discussion on its
 * steps, comparing its rounds, and the due dates reminder sweeps look for.
 */
export class ReviewGovernance {
  private readonly origins: EventOrigins;

  constructor(private readonly deps: ReviewGovernanceDeps) {
    this.origins = new EventOrigins(deps);
  }

  /** The author withdraws a design under review: the review ends, the design is a draft again. */
  async withdraw(
    principal: Principal,
    microCredentialId: string,
    expectedVersion: number,
    input: unknown,
  ): Promise<Review> {
    const design = await requireDesign(this.deps.designs, microCredentialId);
    authorize(principal, 'qa.submit', { institutionId: design.institutionId });
    const { reason } = parseInput(withdrawInput, input ?? {});
    assertDesignVersion(design, expectedVersion);
    if (!design.currentReviewId || !['IN_REVIEW', 'CHANGES_REQUESTED'].includes(design.status)) {
      throw new ConflictError(
        'DESIGN_NOT_UNDER_REVIEW',
        `A design in status ${design.status} has no review to withdraw.`,
      );
    }
    const review = await requireReview(this.deps.reviews, design.currentReviewId);
    const now = this.deps.clock.now();
    const { review: next, entry } = withdraw(review, {
      actor: actorFrom(principal),
      comment: reason,
      now,
    });
    await this.deps.unitOfWork.commit({
      design: {
        next: {
          ...design,
          status: 'DRAFT',
          updatedAt: now.toISOString(),
          version: design.version + 1,
        },
        expectedVersion: design.version,
      },
      review: { next, expectedVersion: review.version },
      history: entry,
      events: [
        ReviewWithdrawn.create(
          { microCredentialId, designVersion: review.designVersion, round: review.round },
          this.origins.of(principal, next),
        ),
      ],
    });
    return next;
  }

  /**
   * Comments on a step without deciding it. The design's authors and reviewers may; mentions
   * are announced as an event for notifications to pick up.
   */
  async comment(principal: Principal, reviewId: string, input: unknown): Promise<ReviewComment> {
    const review = await requireReview(this.deps.reviews, reviewId);
    authorize(principal, 'qa.comment', { institutionId: review.institutionId });
    const { stepKey, body, parentId, mentions } = parseInput(commentInput, input);
    assertOpen(review);
    if (!review.steps.some((step) => step.key === stepKey)) {
      throw new ConflictError('UNKNOWN_STEP', `The review has no step ${stepKey}.`);
    }
    const existing = await this.deps.reviews.comments(reviewId, maxCommentsPerReview);
    if (existing.length >= maxCommentsPerReview) {
      throw new ConflictError(
        'COMMENT_LIMIT_REACHED',
        `A review holds at most ${maxCommentsPerReview} comments.`,
      );
    }
    const parent = parentId ? existing.find((candidate) => candidate.id === parentId) : undefined;
    if (parentId && !parent) throw new NotFoundError('ReviewComment', parentId);
    const comment: ReviewComment = {
      id: this.deps.ids.newId(),
      reviewId,
      institutionId: review.institutionId,
      stepKey: parent?.stepKey ?? stepKey,
      ...(parent ? { parentId: parent.parentId ?? parent.id } : {}),
      author: actorFrom(principal),
      body,
      mentions: [...new Set(mentions.map((address) => address.toLowerCase()))],
      round: review.round,
      at: this.deps.clock.now().toISOString(),
    };
    const data = {
      microCredentialId: review.microCredentialId,
      stepKey: comment.stepKey,
      commentId: comment.id,
      parentId: comment.parentId ?? null,
      authorId: comment.author.id,
    };
    await this.deps.unitOfWork.commit({
      comment,
      events: [
        ReviewCommented.create(data, this.origins.of(principal, review)),
        ...(comment.mentions.length > 0
          ? [
              ReviewMentioned.create(
                { ...data, mentions: comment.mentions },
                this.origins.of(principal, review),
              ),
            ]
          : []),
      ],
    });
    return comment;
  }

  /** A review's discussion, oldest first (the design's authors and reviewers, and platform admins). */
  async comments(principal: Principal, review: Review): Promise<ReviewComment[]> {
    authorize(principal, 'qa.review.read', { institutionId: review.institutionId });
    return this.deps.reviews.comments(review.id, maxCommentsPerReview);
  }

  /** What the author submitted in each round, oldest first. */
  async rounds(principal: Principal, review: Review): Promise<ReviewRound[]> {
    authorize(principal, 'qa.review.read', { institutionId: review.institutionId });
    return this.deps.reviews.rounds(review.id);
  }

  /** What changed between two submitted rounds, field by field. */
  async roundDiff(
    principal: Principal,
    reviewId: string,
    fromRound: number,
    toRound: number,
  ): Promise<RoundDiff> {
    const review = await requireReview(this.deps.reviews, reviewId);
    authorize(principal, 'qa.review.read', { institutionId: review.institutionId });
    const rounds = await this.deps.reviews.rounds(reviewId);
    const find = (round: number) => {
      const found = rounds.find((candidate) => candidate.round === round);
      if (!found) throw new NotFoundError('ReviewRound', `${reviewId} round ${round}`);
      return found;
    };
    return diffRounds(find(fromRound), find(toRound));
  }

  /** Where the review's waiting step stands against its due date now. */
  slaOf(review: Review): SlaState {
    return slaState(review, this.deps.clock.now());
  }

  /**
   * Waiting steps of every institution that are overdue at `now` or due within
   * {@link dueSoonDays} days, earliest first: what a reminder sweep tells the deciders about.
   */
  async findDueAndOverdueSteps(
    now: Date,
    limit = 1_000,
  ): Promise<{ overdue: DueStep[]; dueSoon: DueStep[] }> {
    const horizon = new Date(now.getTime() + dueSoonDays * 24 * 3_600_000).toISOString();
    const steps = await this.deps.reviews.dueBefore(horizon, Math.min(limit, 5_000));
    const overdue = steps.filter((step) => Date.parse(step.dueAt) < now.getTime());
    return { overdue, dueSoon: steps.filter((step) => !overdue.includes(step)) };
  }
}
