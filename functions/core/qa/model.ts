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

export const reviewStatuses = ['IN_PROGRESS', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED'] as const;
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
