import { approvalsNeeded } from '../../functions/core/qa/routing';
import type {
  MicroCredentialResolvers,
  MutationResolvers,
  QaStepResolvers,
  QueryResolvers,
  ReviewResolvers,
  ReviewStepResolvers,
} from '../generated/resolvers-types';

export const qaGovernanceQueries: Pick<QueryResolvers, 'reviewRoundDiff'> = {
  reviewRoundDiff: (_parent, { reviewId, fromRound, toRound }, { principal, services }) =>
    services.qa.governance.roundDiff(principal, reviewId, fromRound, toRound),
};

export const qaGovernanceMutations: Pick<
  MutationResolvers,
  'withdrawFromReview' | 'commentOnReview'
> = {
  withdrawFromReview: (
    _parent,
    { microCredentialId, expectedVersion, input },
    { principal, services },
  ) => services.qa.governance.withdraw(principal, microCredentialId, expectedVersion, input),
  commentOnReview: (_parent, { reviewId, input }, { principal, services }) =>
    services.qa.governance.comment(principal, reviewId, input),
};

export const QaStep: QaStepResolvers = {
  reReviewOnChange: (step) => step.reReviewOnChange ?? false,
};

export const reviewGovernance: Pick<ReviewResolvers, 'rounds' | 'comments' | 'slaState'> = {
  rounds: (review, _args, { principal, services }) =>
    services.qa.governance.rounds(principal, review),
  comments: (review, _args, { principal, services }) =>
    services.qa.governance.comments(principal, review),
  slaState: (review, _args, { services }) => services.qa.governance.slaOf(review),
};

export const reviewStepGovernance: Pick<
  ReviewStepResolvers,
  'slaState' | 'votes' | 'approvalsNeeded'
> = {
  slaState: ({ review, index }, _args, { services }) =>
    index === review.currentStepIndex ? services.qa.governance.slaOf(review) : 'NONE',
  votes: ({ review, index }) => (index === review.currentStepIndex ? review.votes : []),
  approvalsNeeded: ({ review, index, step }) => {
    if (!step.quorum || index !== review.currentStepIndex || review.status !== 'IN_PROGRESS') {
      return null;
    }
    const approvals = review.votes.filter((vote) => vote.outcome === 'APPROVE').length;
    return Math.max(0, approvalsNeeded(step.quorum) - approvals);
  },
};

export const microCredentialConversion: Pick<
  MicroCredentialResolvers,
  'convertedFromExistingProgram'
> = {
  convertedFromExistingProgram: (design) => design.content.convertedFromExistingProgram ?? false,
};
