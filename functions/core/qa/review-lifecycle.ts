import * as z from 'zod';
import { authorize } from '../auth/policy';
import type { Principal, UserPrincipal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import { checkElementsForReview, type DesignVersion, type MicroCredential } from '../designs/model';
import { contentDigest } from '../shared/digest';
import { ConflictError, ForbiddenError } from '../shared/errors';
import type { Clock, IdGenerator } from '../shared/runtime';
import { httpUrl, identifier, limits, parseInput, requiredText, text } from '../shared/validation';
import { actorFrom, assertDesignVersion, requireDesign, requireReview } from './lookups';
import { currentStep, decisionOutcomes, type Actor, type HistoryEntry, type Review } from './model';
import type {
  DesignChange,
  DesignUnitOfWork,
  QaWorkflowRepository,
  ReviewRepository,
} from './ports';
import { ReviewFieldsSupplied, ReviewResubmitted, ReviewSubmitted } from './events';
import { decisionEventOf, EventOrigins } from './qa-events';
import { decide, openReview, resubmit, supplyFields, type Transition } from './review';
import { currentWorkflow } from './workflow';

const fieldsInput = z
  .array(z.strictObject({ key: identifier(), value: requiredText(limits.url) }))
  .max(20)
  .default([]);

const submitInput = z.strictObject({
  fields: fieldsInput,
  comment: text(limits.description).optional(),
});

const supplyFieldsInput = z.strictObject({
  fields: fieldsInput.pipe(z.array(z.any()).min(1, 'give at least one field')),
  comment: text(limits.description).optional(),
});

const decisionInput = z.strictObject({
  stepKey: identifier(),
  outcome: z.enum(decisionOutcomes),
  comment: text(limits.description).optional(),
  attachments: z
    .array(z.strictObject({ name: requiredText(limits.name), url: httpUrl() }))
    .max(10)
    .default([]),
});

function fieldMap(fields: readonly { key: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.key, field.value]));
}

export interface ReviewLifecycleDeps {
  readonly designs: MicroCredentialRepository;
  readonly workflows: QaWorkflowRepository;
  readonly reviews: ReviewRepository;
  readonly unitOfWork: DesignUnitOfWork;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** What the author submits in one round. */
interface Round {
  readonly fields: Record<string, string>;
  readonly contentDigest: string;
  readonly actor: Actor;
  readonly comment?: string;
  readonly now: Date;
}

/**
 * A design's review from submission to its outcome: submitting (and resubmitting after
 * changes), supplying required fields, and deciding steps by the right QA role. Every
 * transition is one atomic write with its audit entry and domain event.
 */
export class ReviewLifecycle {
  private readonly origins: EventOrigins;

  constructor(private readonly deps: ReviewLifecycleDeps) {
    this.origins = new EventOrigins(deps);
  }

  /**
   * Submits the design's working version for review, or resubmits it after changes were
   * requested (the review resumes at the step that asked for them).
   */
  async submit(
    principal: Principal,
    microCredentialId: string,
    expectedVersion: number,
    input: unknown,
  ): Promise<Review> {
    const design = await requireDesign(this.deps.designs, microCredentialId);
    authorize(principal, 'qa.submit', { institutionId: design.institutionId });
    const { fields, comment } = parseInput(submitInput, input ?? {});
    assertDesignVersion(design, expectedVersion);
    checkElementsForReview(design.content);
    const now = this.deps.clock.now();
    const round: Round = {
      fields: fieldMap(fields),
      contentDigest: contentDigest(design.content),
      actor: actorFrom(principal),
      comment,
      now,
    };
    const { transition, expectedReviewVersion } = await this.openOrResume(design, round);
    const { review, entry } = transition;
    await this.deps.unitOfWork.commit({
      design: {
        next: {
          ...design,
          status: 'IN_REVIEW',
          currentReviewId: review.id,
          updatedAt: now.toISOString(),
          version: design.version + 1,
        },
        expectedVersion: design.version,
      },
      snapshots: [submittedSnapshot(design, review, round)],
      review: { next: review, expectedVersion: expectedReviewVersion },
      history: entry,
      events: [
        (expectedReviewVersion === null ? ReviewSubmitted : ReviewResubmitted).create(
          {
            microCredentialId: review.microCredentialId,
            designVersion: review.designVersion,
            round: review.round,
            stepKey: currentStep(review).key,
          },
          this.origins.of(principal, review),
        ),
      ],
    });
    return review;
  }

  /** Adds required-field values to an open review (e.g. the full proposal, later on). */
  async supplyFields(
    principal: Principal,
    reviewId: string,
    expectedVersion: number,
    input: unknown,
  ): Promise<Review> {
    const review = await requireReview(this.deps.reviews, reviewId);
    authorize(principal, 'qa.submit', { institutionId: review.institutionId });
    const { fields, comment } = parseInput(supplyFieldsInput, input);
    if (review.version !== expectedVersion) {
      throw new ConflictError(
        'VERSION_CONFLICT',
        `Review ${reviewId} is at version ${review.version}, not ${expectedVersion}.`,
      );
    }
    const transition = supplyFields(review, {
      fields: fieldMap(fields as { key: string; value: string }[]),
      actor: actorFrom(principal),
      comment,
      now: this.deps.clock.now(),
    });
    await this.deps.unitOfWork.commit({
      review: { next: transition.review, expectedVersion: review.version },
      history: transition.entry,
      events: [
        ReviewFieldsSupplied.create(
          {
            microCredentialId: review.microCredentialId,
            fieldKeys: transition.entry.fieldKeys ?? [],
          },
          this.origins.of(principal, transition.review),
        ),
      ],
    });
    return transition.review;
  }

  /**
   * Decides the current step of a review. Only a QA reviewer of the institution holding the
   * step's role may decide, and not on a design they submitted themselves. Concurrent
   * decisions on one step: exactly one is stored, the others get CONFLICT.
   */
  async decide(principal: Principal, reviewId: string, input: unknown): Promise<Review> {
    const review = await requireReview(this.deps.reviews, reviewId);
    authorize(principal, 'qa.decide', { institutionId: review.institutionId });
    const decision = parseInput(decisionInput, input);
    assertMayDecide(principal as UserPrincipal, review, decision.stepKey);
    const now = this.deps.clock.now();
    const { review: next, entry } = decide(review, {
      ...decision,
      actor: actorFrom(principal),
      now,
    });
    const change = await this.designEffects(review, next, entry, now);
    await this.deps.unitOfWork.commit({
      ...change,
      review: { next, expectedVersion: review.version },
      history: entry,
      events: [
        decisionEventOf(next, entry).create(
          {
            microCredentialId: next.microCredentialId,
            stepKey: currentStep(review).key,
            outcome: decision.outcome,
            designVersion: next.designVersion,
            ...(next.status === 'IN_PROGRESS' ? { nextStepKey: currentStep(next).key } : {}),
          },
          this.origins.of(principal, next),
        ),
      ],
    });
    return next;
  }

  /** Opens a review of a draft, or resumes the one that asked for changes. */
  private async openOrResume(
    design: MicroCredential,
    round: Round,
  ): Promise<{ transition: Transition; expectedReviewVersion: number | null }> {
    if (design.status === 'DRAFT') {
      const workflow = await currentWorkflow(this.deps.workflows, design.institutionId);
      const transition = openReview({
        ...round,
        id: this.deps.ids.newId(),
        institutionId: design.institutionId,
        microCredentialId: design.id,
        designVersion: design.designVersion,
        designName: design.content.name,
        workflow,
      });
      return { transition, expectedReviewVersion: null };
    }
    if (design.status === 'CHANGES_REQUESTED' && design.currentReviewId) {
      const review = await requireReview(this.deps.reviews, design.currentReviewId);
      return { transition: resubmit(review, round), expectedReviewVersion: review.version };
    }
    throw new ConflictError(
      'DESIGN_NOT_SUBMITTABLE',
      `A design in status ${design.status} cannot be submitted; only drafts and designs with changes requested can.`,
    );
  }

  /** What a decision changes on the design and its snapshot. */
  private async designEffects(
    before: Review,
    after: Review,
    entry: HistoryEntry,
    now: Date,
  ): Promise<Pick<DesignChange, 'design' | 'snapshots'>> {
    if (after.status === 'IN_PROGRESS') return {};
    const status = after.status;
    const design = await requireDesign(this.deps.designs, before.microCredentialId);
    const snapshot = await this.deps.unitOfWork.getSnapshot(design.id, before.designVersion);
    const history = await this.deps.reviews.history(before.id);
    const approvals = [...history, entry].filter(
      (item) => item.action === 'APPROVED' && item.round <= after.round && item.stepKey,
    );
    const timestamp = now.toISOString();
    return {
      design: {
        next: { ...design, status, updatedAt: timestamp, version: design.version + 1 },
        expectedVersion: design.version,
      },
      snapshots: snapshot
        ? [
            {
              ...snapshot,
              status,
              version: snapshot.version + 1,
              ...(status === 'APPROVED'
                ? {
                    qualityAssurance: {
                      reviewId: after.id,
                      workflowName: after.workflowName,
                      workflowVersion: after.workflowVersion,
                      approvedAt: timestamp,
                      steps: latestApprovalPerStep(approvals),
                    },
                  }
                : {}),
            },
          ]
        : [],
    };
  }
}

/** The design version as submitted this round (its snapshot's version counts rounds). */
function submittedSnapshot(design: MicroCredential, review: Review, round: Round): DesignVersion {
  return {
    microCredentialId: design.id,
    institutionId: design.institutionId,
    designVersion: design.designVersion,
    content: design.content,
    contentDigest: round.contentDigest,
    status: 'IN_REVIEW',
    reviewId: review.id,
    submittedAt: round.now.toISOString(),
    version: review.round,
  };
}

/** Only a holder of the step's QA role decides it, and never on their own submission. */
function assertMayDecide(reviewer: UserPrincipal, review: Review, stepKey: string): void {
  const step = review.steps.find((candidate) => candidate.key === stepKey);
  if (step && !reviewer.qaRoles.includes(step.role)) {
    throw new ForbiddenError(
      `Deciding step ${step.key} needs the QA role ${step.role}.`,
      'QA_ROLE_REQUIRED',
    );
  }
  if (review.submittedBy.id === reviewer.userId) {
    throw new ForbiddenError(
      'Authors cannot decide reviews of their own submissions.',
      'SELF_REVIEW_FORBIDDEN',
    );
  }
}

function latestApprovalPerStep(approvals: HistoryEntry[]) {
  const byStep = new Map<string, HistoryEntry>();
  for (const approval of approvals) byStep.set(approval.stepKey!, approval);
  return [...byStep.values()]
    .sort((a, b) => (a.stepIndex ?? 0) - (b.stepIndex ?? 0))
    .map((approval) => ({
      key: approval.stepKey!,
      name: approval.stepName ?? approval.stepKey!,
      role: approval.role ?? '',
      decidedAt: approval.at,
    }));
}
