import * as z from 'zod';
import { identifier, limits, requiredText, text } from '../shared/validation';

/** Kinds of information a QA step may require from the author. */
export const requiredFieldKinds = ['TEXT', 'URL'] as const;

export const requiredFieldSchema = z.strictObject({
  /** Stable key the author supplies a value under, e.g. `conceptForm`. */
  key: identifier(),
  label: requiredText(limits.name),
  kind: z.enum(requiredFieldKinds).default('TEXT'),
});
export type RequiredField = z.output<typeof requiredFieldSchema>;

/**
 * How a multi-member step is decided: MAJORITY (more than half of `members` approve), N_OF_M
 * (`approvalsRequired` of `members`) or UNANIMOUS (every member; any rejection rejects).
 */
export const quorumRules = ['MAJORITY', 'N_OF_M', 'UNANIMOUS'] as const;
export const quorumSchema = z.strictObject({
  members: z.int().min(2).max(50),
  rule: z.enum(quorumRules).default('MAJORITY'),
  approvalsRequired: z.int().min(1).max(50).optional(),
  /** One rejection rejects the design, whatever the others vote. */
  anyRejectionRejects: z.boolean().default(false),
});
export type Quorum = z.output<typeof quorumSchema>;

/** Design fields a step's condition may test (yes/no facts about the design). */
export const stepConditionFields = ['convertedFromExistingProgram'] as const;
export const stepConditionSchema = z.strictObject({
  designField: z.enum(stepConditionFields),
  equals: z.boolean().default(true),
});
export type StepCondition = z.output<typeof stepConditionSchema>;

export const qaStepSchema = z.strictObject({
  /** Stable key of the step within the workflow, e.g. `board-approval`. */
  key: identifier(),
  name: requiredText(limits.name),
  description: text(limits.description).optional(),
  /** The QA role that decides this step, e.g. `senior-management`. */
  role: identifier(),
  /** Days the deciders have once the step starts; absent means no due date. */
  dueWithinDays: z.int().min(1).max(365).optional(),
  /** Information that must be supplied before the step can be approved. */
  requiredFields: z.array(requiredFieldSchema).max(10).default([]),
  /** Decided by several members' votes instead of one reviewer. */
  quorum: quorumSchema.optional(),
  /** The step applies only to designs meeting this condition; others skip it. */
  appliesWhen: stepConditionSchema.optional(),
  /** Reviews the design again after a material change, even when sent back past it. */
  reReviewOnChange: z.boolean().optional(),
});
export type QaStep = z.output<typeof qaStepSchema>;

/** An institution's QA workflow, as data. Every change stores a new version. */
export const qaWorkflowSchema = z.object({
  institutionId: z.string(),
  workflowVersion: z.int().positive(),
  name: z.string(),
  steps: z.array(qaStepSchema),
  /** True for the built-in default an institution has not changed yet. */
  isDefault: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
});
export type QaWorkflow = z.output<typeof qaWorkflowSchema>;

export const reviewStatuses = [
  'IN_PROGRESS',
  'CHANGES_REQUESTED',
  'APPROVED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const decisionOutcomes = ['APPROVE', 'REQUEST_CHANGES', 'REJECT'] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

export const historyActions = [
  'SUBMITTED',
  'RESUBMITTED',
  'FIELDS_SUPPLIED',
  'APPROVED',
  'CHANGES_REQUESTED',
  'REJECTED',
  'VOTED',
  'WITHDRAWN',
] as const;
export type HistoryAction = (typeof historyActions)[number];

export const actorSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
});
export type Actor = z.output<typeof actorSchema>;

export const attachmentSchema = z.object({ name: z.string(), url: z.string() });
export type Attachment = z.output<typeof attachmentSchema>;

/** One member's vote on a quorum step. */
export const voteSchema = z.object({
  voter: actorSchema,
  outcome: z.enum(decisionOutcomes),
  at: z.iso.datetime(),
});
export type Vote = z.output<typeof voteSchema>;

/**
 * A QA review of one design version. It carries its own copy of the workflow's steps, so a
 * workflow edited mid-review never changes a review already under way.
 */
export const reviewSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  microCredentialId: z.string(),
  designVersion: z.int().positive(),
  designName: z.string(),
  workflowVersion: z.int().positive(),
  workflowName: z.string(),
  steps: z.array(qaStepSchema).min(1),
  status: z.enum(reviewStatuses),
  currentStepIndex: z.int().min(0),
  currentStepStartedAt: z.iso.datetime(),
  currentStepDueAt: z.iso.datetime().optional(),
  /** Values the author supplied for the steps' required fields, by key. */
  fields: z.record(z.string(), z.string()),
  /** 1 at submission, +1 at each resubmission after changes were requested. */
  round: z.int().positive(),
  /** Number of history entries; the next entry's sequence is this + 1. */
  historyCount: z.int().min(0),
  /** SHA-256 of the design content under review (this round). */
  contentDigest: z.string(),
  submittedBy: actorSchema,
  submittedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().optional(),
  /** Steps that do not apply to this design (their condition does not hold). */
  skippedStepKeys: z.array(z.string()).default([]),
  /** Steps approved in an earlier round whose approval stands; the review passes them by. */
  carriedStepKeys: z.array(z.string()).default([]),
  /** Where the review resumes on resubmission (the step a reviewer sent it back to). */
  resumeStepIndex: z.int().min(0).optional(),
  /** Votes cast so far on the current step, when a quorum decides it. */
  votes: z.array(voteSchema).default([]),
  version: z.int().positive(),
});
export type Review = z.output<typeof reviewSchema>;

/** One append-only entry of a review's audit trail. */
export const historyEntrySchema = z.object({
  reviewId: z.string(),
  institutionId: z.string(),
  sequence: z.int().positive(),
  action: z.enum(historyActions),
  round: z.int().positive(),
  stepIndex: z.int().min(0).optional(),
  stepKey: z.string().optional(),
  stepName: z.string().optional(),
  role: z.string().optional(),
  actor: actorSchema,
  at: z.iso.datetime(),
  comment: z.string().optional(),
  attachments: z.array(attachmentSchema).default([]),
  /** When the decided step started and how long it took (decisions only). */
  stepStartedAt: z.iso.datetime().optional(),
  durationMs: z.int().min(0).optional(),
  fieldKeys: z.array(z.string()).optional(),
  contentDigest: z.string().optional(),
  /** A member's vote on a quorum step (VOTED entries, and the vote that decided). */
  vote: z.enum(decisionOutcomes).optional(),
  /** The step a send-back resumes at on resubmission. */
  resumeStepKey: z.string().optional(),
});
export type HistoryEntry = z.output<typeof historyEntrySchema>;

/** The step a review is waiting on (or paused at). */
export function currentStep(review: Review): QaStep {
  const step = review.steps[review.currentStepIndex];
  if (!step) throw new Error(`review ${review.id} has no step ${review.currentStepIndex}`);
  return step;
}

/** A step waiting on a reviewer, as shown in their queue. */
export interface QueueEntry {
  readonly review: Review;
  readonly step: QaStep;
  readonly dueAt: string | null;
  readonly overdue: boolean;
}

export interface QaStatistics {
  readonly institutionId: string;
  readonly inProgress: number;
  readonly changesRequested: number;
  readonly overdue: number;
  readonly approved: number;
  readonly rejected: number;
  readonly stepTimes: readonly {
    stepKey: string;
    stepName: string;
    decisions: number;
    medianHours: number;
    medianDays: number;
    p90Days: number;
    /** Reviews waiting on this step right now, and how many of them are past due. */
    waiting: number;
    overdue: number;
  }[];
}

/** Industry endorsements a design has, and how many its institution requires to publish it. */
export interface EndorsementCount {
  readonly required: number;
  readonly active: number;
}

/** The endorsement gate of a design as staff see it. */
export interface PublicationGateView {
  readonly requiredEndorsements: number;
  readonly activeEndorsements: number;
  readonly satisfied: boolean;
}

/** Rounds, votes, comments and due dates kept beside a review (QA governance). */
export * from './governance-model';
