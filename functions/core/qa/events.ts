import * as z from 'zod';
import { decisionOutcomes } from './model';
import { defineEvent } from '../shared/domain-events';

/** Every review event names the design under review. */
const review = z.object({ microCredentialId: z.string() });
const submission = review.extend({
  designVersion: z.int().positive(),
  round: z.int().positive(),
  stepKey: z.string(),
});
const decision = review.extend({
  stepKey: z.string(),
  outcome: z.enum(decisionOutcomes),
  designVersion: z.int().positive(),
  /** Present while the review goes on: the step that decides next. */
  nextStepKey: z.string().optional(),
});

function reviewEvent<Name extends string, Data extends Record<string, unknown>>(
  name: Name,
  schema: z.ZodType<Data>,
) {
  return defineEvent({ name, version: 1, aggregateType: 'Review', schema });
}

export const ReviewSubmitted = reviewEvent('qa.review.submitted', submission);
export const ReviewResubmitted = reviewEvent('qa.review.resubmitted', submission);
export const ReviewFieldsSupplied = reviewEvent(
  'qa.review.fields_supplied',
  review.extend({ fieldKeys: z.array(z.string()) }),
);
export const ReviewApproved = reviewEvent('qa.review.approved', decision);
export const ReviewRejected = reviewEvent('qa.review.rejected', decision);
export const ReviewChangesRequested = reviewEvent('qa.review.changes_requested', decision);
export const StepApproved = reviewEvent('qa.step.approved', decision);
export const ReviewUpdated = reviewEvent('qa.review.updated', decision);

export const ReviewWithdrawn = reviewEvent(
  'qa.review.withdrawn',
  review.extend({ designVersion: z.int().positive(), round: z.int().positive() }),
);
/** A step became the one the review waits on: its deciders have work (and a due date). */
export const StepAssigned = reviewEvent(
  'qa.step.assigned',
  review.extend({
    stepKey: z.string(),
    role: z.string(),
    round: z.int().positive(),
    dueAt: z.iso.datetime().nullable(),
  }),
);
const comment = review.extend({
  stepKey: z.string(),
  commentId: z.string(),
  /** The comment replied to, for replies. */
  parentId: z.string().nullable(),
  authorId: z.string(),
});
/** Someone commented on a step: the design's reviewers and author may be told. */
export const ReviewCommented = reviewEvent('qa.review.commented', comment);
/** A comment mentioned people by email: each of them should be notified. */
export const ReviewMentioned = reviewEvent(
  'qa.review.mentioned',
  comment.extend({ mentions: z.array(z.string()).min(1) }),
);

export const qaEvents = [
  ReviewSubmitted,
  ReviewResubmitted,
  ReviewFieldsSupplied,
  ReviewApproved,
  ReviewRejected,
  ReviewChangesRequested,
  StepApproved,
  ReviewUpdated,
  ReviewWithdrawn,
  StepAssigned,
  ReviewCommented,
  ReviewMentioned,
] as const;
