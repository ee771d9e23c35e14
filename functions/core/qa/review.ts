import { ConflictError } from '../shared/errors';
import {
  currentStep,
  type Vote,
  type Actor,
  type Attachment,
  type DecisionOutcome,
  type HistoryEntry,
  type QaStep,
  type QaWorkflow,
  type Review,
} from './model';
import { firstStepIndex, nextStepIndex, resumePoint, sendBackTarget, tally } from './routing';

const dayMs = 24 * 60 * 60 * 1000;

function dueAt(step: QaStep | undefined, startedAt: Date): string | undefined {
  return step?.dueWithinDays
    ? new Date(startedAt.getTime() + step.dueWithinDays * dayMs).toISOString()
    : undefined;
}

/** Required fields of the current step that have no value yet. */
export function missingFields(review: Review, step: QaStep = currentStep(review)): string[] {
  return step.requiredFields
    .filter((field) => !review.fields[field.key]?.trim())
    .map((field) => field.key);
}

/** True when the current step's due date has passed and the step is still waiting. */
export function isOverdue(review: Review, now: Date): boolean {
  return (
    review.status === 'IN_PROGRESS' &&
    review.currentStepDueAt !== undefined &&
    Date.parse(review.currentStepDueAt) < now.getTime()
  );
}

export interface Transition {
  readonly review: Review;
  readonly entry: HistoryEntry;
  /** The vote cast, when a quorum decides the step. */
  readonly vote?: Vote;
}

function entry(
  review: Review,
  at: Date,
  fields: Omit<
    HistoryEntry,
    'reviewId' | 'institutionId' | 'sequence' | 'round' | 'at' | 'attachments'
  > & { attachments?: Attachment[] },
): HistoryEntry {
  return {
    reviewId: review.id,
    institutionId: review.institutionId,
    sequence: review.historyCount + 1,
    round: review.round,
    at: at.toISOString(),
    attachments: [],
    ...fields,
  };
}

/** Opens a review of `designVersion` at the workflow's first step. */
export function openReview(args: {
  id: string;
  institutionId: string;
  microCredentialId: string;
  designVersion: number;
  designName: string;
  workflow: QaWorkflow;
  /** Steps whose condition the design does not meet (none by default). */
  skippedStepKeys?: string[];
  fields: Record<string, string>;
  contentDigest: string;
  actor: Actor;
  comment?: string;
  now: Date;
}): Transition {
  const now = args.now.toISOString();
  const skipped = args.skippedStepKeys ?? [];
  const route = { steps: args.workflow.steps, skippedStepKeys: skipped };
  const start = firstStepIndex({ ...route, carriedStepKeys: [] });
  const review: Review = {
    id: args.id,
    institutionId: args.institutionId,
    microCredentialId: args.microCredentialId,
    designVersion: args.designVersion,
    designName: args.designName,
    workflowVersion: args.workflow.workflowVersion,
    workflowName: args.workflow.name,
    steps: args.workflow.steps,
    status: 'IN_PROGRESS',
    currentStepIndex: start,
    currentStepStartedAt: now,
    currentStepDueAt: dueAt(args.workflow.steps[start], args.now),
    fields: args.fields,
    round: 1,
    historyCount: 0,
    contentDigest: args.contentDigest,
    submittedBy: args.actor,
    submittedAt: now,
    updatedAt: now,
    skippedStepKeys: skipped,
    carriedStepKeys: [],
    votes: [],
    version: 1,
  };
  const first = entry(review, args.now, {
    action: 'SUBMITTED',
    actor: args.actor,
    comment: args.comment,
    fieldKeys: Object.keys(args.fields),
    contentDigest: args.contentDigest,
  });
  return { review: { ...review, historyCount: 1 }, entry: first };
}

/**
 * Resumes a review paused for changes at the step it was sent back to, or earlier when a
 * material change needs steps marked `reReviewOnChange` to review it again.
 */
export function resubmit(
  review: Review,
  args: {
    /** Steps whose condition the design (as resubmitted) does not meet; default unchanged. */
    skippedStepKeys?: string[];
    fields: Record<string, string>;
    contentDigest: string;
    actor: Actor;
    comment?: string;
    now: Date;
  },
): Transition {
  if (review.status !== 'CHANGES_REQUESTED') {
    throw new ConflictError(
      'REVIEW_NOT_AWAITING_CHANGES',
      'Only a review with changes requested can be resubmitted.',
    );
  }
  const skipped = args.skippedStepKeys ?? review.skippedStepKeys;
  const resume = resumePoint(review, skipped, args.contentDigest !== review.contentDigest);
  const resumed: Review = {
    ...review,
    status: 'IN_PROGRESS',
    round: review.round + 1,
    fields: { ...review.fields, ...args.fields },
    contentDigest: args.contentDigest,
    currentStepIndex: resume.index,
    currentStepStartedAt: args.now.toISOString(),
    currentStepDueAt: dueAt(review.steps[resume.index], args.now),
    skippedStepKeys: skipped,
    carriedStepKeys: resume.carried,
    resumeStepIndex: undefined,
    votes: [],
    updatedAt: args.now.toISOString(),
  };
  const step = currentStep(resumed);
  const record = entry(resumed, args.now, {
    action: 'RESUBMITTED',
    actor: args.actor,
    comment: args.comment,
    stepIndex: resume.index,
    stepKey: step.key,
    stepName: step.name,
    fieldKeys: Object.keys(args.fields),
    contentDigest: args.contentDigest,
  });
  return {
    review: { ...resumed, historyCount: record.sequence, version: review.version + 1 },
    entry: record,
  };
}

/** Adds values for required fields while the review is open (e.g. the full proposal later on). */
export function supplyFields(
  review: Review,
  args: { fields: Record<string, string>; actor: Actor; comment?: string; now: Date },
): Transition {
  assertOpen(review);
  const updated: Review = {
    ...review,
    fields: { ...review.fields, ...args.fields },
    updatedAt: args.now.toISOString(),
  };
  const record = entry(updated, args.now, {
    action: 'FIELDS_SUPPLIED',
    actor: args.actor,
    comment: args.comment,
    fieldKeys: Object.keys(args.fields),
  });
  return {
    review: { ...updated, historyCount: record.sequence, version: review.version + 1 },
    entry: record,
  };
}

/** Refuses a change to a review that has ended (approved, rejected or withdrawn). */
export function assertOpen(review: Review): void {
  if (review.status !== 'IN_PROGRESS' && review.status !== 'CHANGES_REQUESTED') {
    throw new ConflictError('REVIEW_CLOSED', 'The review has ended.');
  }
}

/** Refuses a decision on a closed or paused review, on a step that is not current, and an
 * approval while the step's required fields are missing. */
function assertDecidable(review: Review, stepKey: string, outcome: DecisionOutcome): QaStep {
  if (review.status !== 'IN_PROGRESS') {
    throw new ConflictError(
      review.status === 'CHANGES_REQUESTED' ? 'REVIEW_AWAITING_CHANGES' : 'REVIEW_CLOSED',
      review.status === 'CHANGES_REQUESTED'
        ? 'The review is waiting for the author to resubmit.'
        : 'The review has ended.',
    );
  }
  const step = currentStep(review);
  if (step.key !== stepKey) {
    throw new ConflictError(
      'STEP_NOT_CURRENT',
      `Step ${stepKey} is not the current step (${step.key}).`,
    );
  }
  if (outcome === 'APPROVE') {
    const missing = missingFields(review, step);
    if (missing.length > 0) {
      throw new ConflictError(
        'REQUIRED_FIELDS_MISSING',
        `Step ${step.key} needs: ${missing.join(', ')}.`,
      );
    }
  }
  return step;
}

/** Where the review stands after `outcome` on its current step. */
function afterOutcome(
  review: Review,
  outcome: DecisionOutcome,
  at: Date,
  resumeAt: number,
): Review {
  const now = at.toISOString();
  switch (outcome) {
    case 'APPROVE': {
      const next = nextStepIndex(review, review.currentStepIndex);
      return next === undefined
        ? { ...review, status: 'APPROVED', completedAt: now, currentStepDueAt: undefined }
        : {
            ...review,
            currentStepIndex: next,
            currentStepStartedAt: now,
            currentStepDueAt: dueAt(review.steps[next], at),
            votes: [],
          };
    }
    case 'REQUEST_CHANGES':
      return {
        ...review,
        status: 'CHANGES_REQUESTED',
        currentStepDueAt: undefined,
        resumeStepIndex: resumeAt,
      };
    case 'REJECT':
      return { ...review, status: 'REJECTED', completedAt: now, currentStepDueAt: undefined };
  }
}

const decisionActions = {
  APPROVE: 'APPROVED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  REJECT: 'REJECTED',
} as const;

/**
 * Decides the current step. Approve moves to the next step (or approves the review after the
 * last); request changes pauses the review for the author; reject ends it. Refuses a decision
 * on a step that is not current, on a closed or paused review, and an approval while the
 * step's required fields are missing.
 */
export function decide(
  review: Review,
  args: {
    stepKey: string;
    outcome: DecisionOutcome;
    /** With REQUEST_CHANGES: the earlier step the review resumes at (default: this one). */
    returnToStepKey?: string;
    actor: Actor;
    comment?: string;
    attachments?: Attachment[];
    now: Date;
  },
): Transition {
  const step = assertDecidable(review, args.stepKey, args.outcome);
  const resumeAt = sendBackTarget(review, args.outcome, args.returnToStepKey);
  const vote = step.quorum ? castVote(review, args) : undefined;
  const votes = vote ? [...review.votes, vote] : review.votes;
  const outcome = step.quorum ? tally(step.quorum, votes) : args.outcome;
  const common = {
    actor: args.actor,
    comment: args.comment,
    attachments: args.attachments,
    stepIndex: review.currentStepIndex,
    stepKey: step.key,
    stepName: step.name,
    role: step.role,
    contentDigest: review.contentDigest,
    ...(vote ? { vote: vote.outcome } : {}),
  };
  const record =
    outcome === null
      ? entry(review, args.now, { action: 'VOTED', ...common })
      : entry(review, args.now, {
          action: decisionActions[outcome],
          ...common,
          stepStartedAt: review.currentStepStartedAt,
          durationMs: Math.max(0, args.now.getTime() - Date.parse(review.currentStepStartedAt)),
          ...(outcome === 'REQUEST_CHANGES'
            ? { resumeStepKey: review.steps[resumeAt]?.key ?? step.key }
            : {}),
        });
  const next =
    outcome === null
      ? { ...review, votes }
      : afterOutcome({ ...review, votes }, outcome, args.now, resumeAt);
  return {
    review: {
      ...next,
      updatedAt: args.now.toISOString(),
      historyCount: record.sequence,
      version: review.version + 1,
    },
    entry: record,
    vote,
  };
}

/** A quorum member's vote; each member votes once per step and round. */
function castVote(
  review: Review,
  args: { outcome: DecisionOutcome; actor: Actor; now: Date },
): Vote {
  if (review.votes.some((vote) => vote.voter.id === args.actor.id)) {
    throw new ConflictError('ALREADY_VOTED', 'You have already voted on this step.');
  }
  return { voter: args.actor, outcome: args.outcome, at: args.now.toISOString() };
}

/** The author withdraws the design from review; the review ends and the design is a draft again. */
export function withdraw(
  review: Review,
  args: { actor: Actor; comment?: string; now: Date },
): Transition {
  assertOpen(review);
  const now = args.now.toISOString();
  const record = entry(review, args.now, {
    action: 'WITHDRAWN',
    actor: args.actor,
    comment: args.comment,
    contentDigest: review.contentDigest,
  });
  return {
    review: {
      ...review,
      status: 'WITHDRAWN',
      completedAt: now,
      currentStepDueAt: undefined,
      updatedAt: now,
      historyCount: record.sequence,
      version: review.version + 1,
    },
    entry: record,
  };
}
