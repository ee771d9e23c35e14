import type { Review as ReviewModel } from '../../functions/core/qa/model';
import { isOverdue, missingFields } from '../../functions/core/qa/review';
import type { ReviewStepView } from '../views';
import type {
  DomainEventResolvers,
  MutationResolvers,
  QaWorkflowResolvers,
  QueryResolvers,
  ReviewHistoryEntryResolvers,
  ReviewResolvers,
  ReviewStepResolvers,
  MicroCredentialResolvers,
} from '../generated/resolvers-types';
import { toConnection } from './connection';

function stepState(review: ReviewModel, index: number) {
  const key = review.steps[index]?.key ?? '';
  if (review.skippedStepKeys.includes(key)) return 'SKIPPED' as const;
  if (index < review.currentStepIndex || review.carriedStepKeys.includes(key))
    return 'APPROVED' as const;
  if (index > review.currentStepIndex) return 'PENDING' as const;
  if (review.status === 'APPROVED') return 'APPROVED' as const;
  if (review.status === 'REJECTED') return 'REJECTED' as const;
  return 'CURRENT' as const;
}

const stepViews = (review: ReviewModel): ReviewStepView[] =>
  review.steps.map((step, index) => ({ review, index, step }));

export const qaQueries: Pick<
  QueryResolvers,
  'qaWorkflow' | 'review' | 'reviews' | 'reviewQueue' | 'qaStatistics' | 'domainEvents'
> = {
  qaWorkflow: (_parent, { institutionId }, { principal, services }) =>
    services.qa.workflows.workflow(principal, institutionId),
  review: (_parent, { id }, { principal, services }) => services.qa.reporting.review(principal, id),
  reviews: async (_parent, { institutionId, ...args }, { principal, services }) =>
    toConnection(await services.qa.reporting.reviews(principal, institutionId, args)),
  reviewQueue: (_parent, _args, { principal, services }) => services.qa.reporting.queue(principal),
  qaStatistics: (_parent, { institutionId }, { principal, services }) =>
    services.qa.reporting.statistics(principal, institutionId),
  domainEvents: async (_parent, { institutionId, first, after }, { principal, services }) =>
    toConnection(await services.events.list(principal, institutionId, first, after)),
};

export const qaMutations: Pick<
  MutationResolvers,
  | 'updateQaWorkflow'
  | 'submitForReview'
  | 'supplyReviewFields'
  | 'decideReviewStep'
  | 'publishMicroCredential'
  | 'retireMicroCredential'
> = {
  updateQaWorkflow: (_parent, { institutionId, expectedVersion, input }, { principal, services }) =>
    services.qa.workflows.updateWorkflow(principal, institutionId, expectedVersion, input),
  submitForReview: (
    _parent,
    { microCredentialId, expectedVersion, input },
    { principal, services },
  ) => services.qa.lifecycle.submit(principal, microCredentialId, expectedVersion, input),
  supplyReviewFields: (_parent, { reviewId, expectedVersion, input }, { principal, services }) =>
    services.qa.lifecycle.supplyFields(principal, reviewId, expectedVersion, input),
  decideReviewStep: (_parent, { reviewId, input }, { principal, services }) =>
    services.qa.lifecycle.decide(principal, reviewId, input),
  publishMicroCredential: (_parent, { id, expectedVersion }, { principal, services }) =>
    services.qa.publication.publish(principal, id, expectedVersion),
  retireMicroCredential: (_parent, { id, expectedVersion, reason }, { principal, services }) =>
    services.qa.publication.retire(principal, id, expectedVersion, reason),
};

export const QaWorkflow: QaWorkflowResolvers = {
  version: (workflow) => workflow.workflowVersion,
};

export const Review: ReviewResolvers = {
  microCredential: (review, _args, { principal, services }) =>
    services.microCredentials.get(principal, review.microCredentialId),
  steps: (review) => stepViews(review),
  currentStep: (review) =>
    review.status === 'APPROVED' || review.status === 'REJECTED' || review.status === 'WITHDRAWN'
      ? null
      : (stepViews(review)[review.currentStepIndex] ?? null),
  fields: (review) => Object.entries(review.fields).map(([key, value]) => ({ key, value })),
  history: (review, _args, { principal, services }) =>
    services.qa.reporting.history(principal, review.id),
};

export const ReviewStep: ReviewStepResolvers = {
  state: ({ review, index }) => stepState(review, index),
  startedAt: ({ review, index }) =>
    index === review.currentStepIndex ? review.currentStepStartedAt : null,
  dueAt: ({ review, index }) =>
    index === review.currentStepIndex ? (review.currentStepDueAt ?? null) : null,
  overdue: ({ review, index }) =>
    index === review.currentStepIndex && isOverdue(review, new Date()),
  missingFields: ({ review, step }) => missingFields(review, step),
};

export const ReviewHistoryEntry: ReviewHistoryEntryResolvers = {
  hoursOnStep: (entry) =>
    entry.durationMs === undefined ? null : Math.round((entry.durationMs / 3_600_000) * 100) / 100,
};

export const DomainEvent: DomainEventResolvers = {
  actorKind: (event) => event.actor.kind,
  actorId: (event) => event.actor.id,
  data: (event) => JSON.stringify(event.data),
};

export const microCredentialReview: Pick<MicroCredentialResolvers, 'currentReview'> = {
  currentReview: async (design, _args, { principal, services }) =>
    design.currentReviewId && services.qa.reporting.canReadReviews(principal, design.institutionId)
      ? services.qa.reporting.review(principal, design.currentReviewId)
      : null,
};
