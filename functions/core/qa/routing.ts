import type { DesignContent } from '../designs/model';
import { ConflictError } from '../shared/errors';
import type { DecisionOutcome, QaStep, Quorum, Review, Vote } from './model';

/**
 * Which steps a review visits, in what order, and how a quorum decides: pure rules over the
 * review's own copy of the workflow's steps.
 */

/** Keys of the steps whose condition the design does not meet. */
export function skippedSteps(steps: readonly QaStep[], content: DesignContent): string[] {
  return steps
    .filter((step) => {
      if (!step.appliesWhen) return false;
      const value = content[step.appliesWhen.designField] ?? false;
      return value !== step.appliesWhen.equals;
    })
    .map((step) => step.key);
}

/** The first step after `from` the review still has to decide; undefined when none is left. */
export function nextStepIndex(
  review: Pick<Review, 'steps' | 'skippedStepKeys' | 'carriedStepKeys'>,
  from: number,
): number | undefined {
  for (let index = from + 1; index < review.steps.length; index += 1) {
    const key = review.steps[index]!.key;
    if (!review.skippedStepKeys.includes(key) && !review.carriedStepKeys.includes(key)) {
      return index;
    }
  }
  return undefined;
}

/** The first step that applies; CONFLICT when the design meets no step's condition. */
export function firstStepIndex(
  review: Pick<Review, 'steps' | 'skippedStepKeys' | 'carriedStepKeys'>,
): number {
  const first = nextStepIndex(review, -1);
  if (first === undefined) {
    throw new ConflictError(
      'NO_APPLICABLE_STEP',
      'No step of the workflow applies to this design.',
    );
  }
  return first;
}

/**
 * The step a send-back resumes at: the named step, which must exist, apply to the design and
 * not lie after the current step.
 */
export function sendBackTarget(
  review: Review,
  outcome: DecisionOutcome,
  stepKey: string | undefined,
): number {
  if (stepKey === undefined) return review.currentStepIndex;
  if (outcome !== 'REQUEST_CHANGES') {
    throw new ConflictError(
      'SEND_BACK_NEEDS_REQUEST_CHANGES',
      'Only a request for changes can send the design back to a step.',
    );
  }
  const index = review.steps.findIndex((step) => step.key === stepKey);
  if (index < 0) {
    throw new ConflictError('UNKNOWN_STEP', `The review has no step ${stepKey}.`);
  }
  if (index > review.currentStepIndex) {
    throw new ConflictError(
      'SEND_BACK_FORWARD',
      `A design can only be sent back to the current or an earlier step, not to ${stepKey}.`,
    );
  }
  if (review.skippedStepKeys.includes(stepKey)) {
    throw new ConflictError(
      'STEP_NOT_APPLICABLE',
      `Step ${stepKey} does not apply to this design.`,
    );
  }
  return index;
}

/**
 * Where a resubmitted review resumes and which earlier approvals stand. Without a material
 * change it resumes at the step it was sent back to. After one, every earlier step marked
 * `reReviewOnChange` reviews it again: the review resumes at the first of them, and the steps
 * in between that are not so marked keep their approval (carried) and are passed by.
 */
export function resumePoint(
  review: Review,
  skipped: readonly string[],
  materialChange: boolean,
): { index: number; carried: string[] } {
  const target = review.resumeStepIndex ?? review.currentStepIndex;
  const applies = (step: QaStep) => !skipped.includes(step.key);
  const again = materialChange
    ? review.steps
        .map((step, index) => ({ step, index }))
        .filter(
          ({ step, index }) => index < target && step.reReviewOnChange === true && applies(step),
        )
    : [];
  const start = again[0]?.index ?? target;
  const carried = review.steps
    .slice(start, target)
    .filter((step) => applies(step) && !step.reReviewOnChange)
    .map((step) => step.key);
  return { index: start, carried };
}

/** Approvals a quorum needs under its rule. */
export function approvalsNeeded(quorum: Quorum): number {
  if (quorum.rule === 'UNANIMOUS') return quorum.members;
  if (quorum.rule === 'N_OF_M') return Math.min(quorum.approvalsRequired ?? 1, quorum.members);
  return Math.floor(quorum.members / 2) + 1;
}

/**
 * The step's outcome once the votes settle it, or null while they do not. Approved once enough
 * members approve; rejected at the first rejection when the rule says so; once approval can no
 * longer be reached, the most common other vote decides (a tie rejects).
 */
export function tally(quorum: Quorum, votes: readonly Vote[]): DecisionOutcome | null {
  const count = (outcome: DecisionOutcome) =>
    votes.filter((vote) => vote.outcome === outcome).length;
  const approvals = count('APPROVE');
  const rejections = count('REJECT');
  const needed = approvalsNeeded(quorum);
  if (approvals >= needed) return 'APPROVE';
  if (rejections > 0 && (quorum.anyRejectionRejects || quorum.rule === 'UNANIMOUS'))
    return 'REJECT';
  const outstanding = quorum.members - votes.length;
  if (approvals + outstanding >= needed) return null;
  return rejections >= count('REQUEST_CHANGES') ? 'REJECT' : 'REQUEST_CHANGES';
}
