/** What QA governance keeps beside a review: its rounds, votes, discussion and due date. */
import { defineEntity, padded } from '../entity';

interface OfReview {
  readonly reviewId: string;
}

/** What the author submitted in one round of a review (for round diffs). */
export const reviewRoundEntity = defineEntity({
  name: 'ReviewRound',
  primary: {
    pk: ({ reviewId }: OfReview) => `REVIEW#${reviewId}`,
    sk: ({ round }: { readonly round: number }) => `ROUND#${padded(round)}`,
    skPrefix: 'ROUND#',
  },
  indexes: {},
});

/**
 * A quorum member's vote: one item per round, step and member, created only if absent, so a
 * member can never vote twice on the same step in the same round.
 */
export const reviewVoteEntity = defineEntity({
  name: 'ReviewVote',
  primary: {
    pk: ({ reviewId }: OfReview) => `REVIEW#${reviewId}`,
    sk: (vote: { readonly round: number; readonly stepKey: string; readonly voterId: string }) =>
      `VOTE#${padded(vote.round)}#${vote.stepKey}#${vote.voterId}`,
    skPrefix: 'VOTE#',
  },
  indexes: {},
});

/** A comment on a step of a review, in the order written. */
export const reviewCommentEntity = defineEntity({
  name: 'ReviewComment',
  primary: {
    pk: ({ reviewId }: OfReview) => `REVIEW#${reviewId}`,
    sk: ({ at, id }: { readonly at: string; readonly id: string }) => `COMMENT#${at}#${id}`,
    skPrefix: 'COMMENT#',
  },
  indexes: {},
});

/**
 * The due date of a review's waiting step, present only while a step with a due date waits:
 * every institution's due steps in one index, earliest first, for reminder sweeps.
 */
export const dueStepEntity = defineEntity({
  name: 'ReviewDueStep',
  primary: {
    pk: ({ reviewId }: OfReview) => `REVIEW#${reviewId}`,
    sk: () => 'DUE',
  },
  indexes: {
    byDueDate: {
      index: 'gsi1',
      pk: () => 'QA_DUE',
      sk: (due: OfReview & { readonly dueAt: string }) => `${due.dueAt}#${due.reviewId}`,
    },
  },
});
