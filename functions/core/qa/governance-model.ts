import * as z from 'zod';
import { designContentSchema } from '../designs/model';

/** Who acted (the same shape as a review's actor; kept here so this module stands alone). */
const actorSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
});

/** What the author submitted in one round of a review, kept so rounds can be compared. */
export const reviewRoundSchema = z.object({
  reviewId: z.string(),
  institutionId: z.string(),
  round: z.int().positive(),
  content: designContentSchema,
  contentDigest: z.string(),
  /** Required-field values as they stood after this submission. */
  fields: z.record(z.string(), z.string()),
  submittedBy: actorSchema,
  submittedAt: z.iso.datetime(),
});
export type ReviewRound = z.output<typeof reviewRoundSchema>;

/** A remark on a step, without a decision; replies name the comment they answer. */
export const reviewCommentSchema = z.object({
  id: z.string(),
  reviewId: z.string(),
  institutionId: z.string(),
  stepKey: z.string(),
  /** The top-level comment this one replies to. */
  parentId: z.string().optional(),
  author: actorSchema,
  body: z.string(),
  /** Emails of the people the comment mentions (they are notified). */
  mentions: z.array(z.string()).default([]),
  round: z.int().positive(),
  at: z.iso.datetime(),
});
export type ReviewComment = z.output<typeof reviewCommentSchema>;

/** A quorum member's vote, stored once per round, step and member (the store refuses a second). */
export interface VoteRecord {
  readonly reviewId: string;
  readonly institutionId: string;
  readonly round: number;
  readonly stepKey: string;
  readonly voterId: string;
  /** A decision outcome (`decisionOutcomes` in the review model). */
  readonly outcome: 'APPROVE' | 'REQUEST_CHANGES' | 'REJECT';
  readonly at: string;
}

/** A step waiting on its deciders that has a due date (the reminder register). */
export const dueStepSchema = z.object({
  reviewId: z.string(),
  institutionId: z.string(),
  microCredentialId: z.string(),
  designName: z.string(),
  stepKey: z.string(),
  stepName: z.string(),
  role: z.string(),
  dueAt: z.iso.datetime(),
});
export type DueStep = z.output<typeof dueStepSchema>;

/** Where a waiting step stands against its due date. */
export const slaStates = ['NONE', 'ON_TRACK', 'DUE_SOON', 'OVERDUE'] as const;
export type SlaState = (typeof slaStates)[number];

/** A step due within this many days counts as due soon. */
export const dueSoonDays = 3;

/** A field of the submission that differs between two rounds. */
export interface FieldChange {
  /** Dotted path, e.g. `name`, `components.EDUCATIONAL.description`, `fields.fullProposal`. */
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface RoundDiff {
  readonly reviewId: string;
  readonly fromRound: number;
  readonly toRound: number;
  readonly contentChanged: boolean;
  readonly changes: readonly FieldChange[];
}
