import type { MicroCredential } from '../designs/model';
import type { EventOrigin } from '../shared/domain-events';
import { StepAssigned } from './events';
import type { ReviewRound, VoteRecord } from './governance-model';
import { currentStep, type Actor, type Review, type Vote } from './model';

/** What the author submitted this round, kept for round diffs. */
export function roundRecord(
  design: MicroCredential,
  review: Review,
  round: { contentDigest: string; actor: Actor; now: Date },
): ReviewRound {
  return {
    reviewId: review.id,
    institutionId: review.institutionId,
    round: review.round,
    content: design.content,
    contentDigest: round.contentDigest,
    fields: review.fields,
    submittedBy: round.actor,
    submittedAt: round.now.toISOString(),
  };
}

/** A quorum member's vote on the review's current step, as the store keeps it (once). */
export function voteRecord(review: Review, vote: Vote): VoteRecord {
  return {
    reviewId: review.id,
    institutionId: review.institutionId,
    round: review.round,
    stepKey: currentStep(review).key,
    voterId: vote.voter.id,
    outcome: vote.outcome,
    at: vote.at,
  };
}

/**
 * `qa.step.assigned` when a change leaves the review waiting on a step it was not waiting on
 * before (a new submission, a resubmission, or an approval moving it on).
 */
export function stepAssigned(before: Review | null, after: Review, origin: EventOrigin) {
  if (after.status !== 'IN_PROGRESS') return [];
  const moved =
    before === null ||
    before.status !== 'IN_PROGRESS' ||
    before.currentStepIndex !== after.currentStepIndex;
  if (!moved) return [];
  const step = currentStep(after);
  return [
    StepAssigned.create(
      {
        microCredentialId: after.microCredentialId,
        stepKey: step.key,
        role: step.role,
        round: after.round,
        dueAt: after.currentStepDueAt ?? null,
      },
      origin,
    ),
  ];
}
