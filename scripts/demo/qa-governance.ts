import type { Caller, GraphQLClient } from '../../infra/local/graphql-client';
import {
  designOf,
  operations,
  sampleReviewFields,
  type QaCallers,
  type ReviewRef,
} from '../../infra/local/portal-flows';

/**
 * The demo institution's workflow: the default steps, with the concept assessment reviewing
 * again after a material change and the board deciding by 3 of its 5 members.
 */
export async function useGovernedWorkflow(
  api: GraphQLClient,
  institutionId: string,
  admin: Caller,
  log: (message: string) => void,
): Promise<void> {
  log('QA workflow: concept re-reviews after material changes; the board decides 3 of 5');
  const { qaWorkflow } = await api.call<{
    qaWorkflow: { version: number; name: string; steps: Record<string, unknown>[] };
  }>(operations.workflow, { institutionId }, admin);
  const steps = qaWorkflow.steps.map((step) => ({
    ...step,
    ...(step.key === 'concept-assessment' ? { reReviewOnChange: true } : {}),
    ...(step.key === 'board-approval'
      ? { quorum: { members: 5, rule: 'N_OF_M', approvalsRequired: 3 } }
      : {}),
  }));
  await api.call(
    `mutation ($id: ID!, $v: Int!, $input: QaWorkflowInput!) {
      updateQaWorkflow(institutionId: $id, expectedVersion: $v, input: $input) { version }
    }`,
    { id: institutionId, v: qaWorkflow.version, input: { name: qaWorkflow.name, steps } },
    admin,
  );
}

/**
 * A review with a send-back: approved up to the advisory team, which sends the design back to
 * the concept assessment; the author sharpens the description and resubmits, and the review
 * runs again from there to the board's vote.
 */
export async function sendBackAndApprove(
  api: GraphQLClient,
  designId: string,
  callers: QaCallers,
  log: (message: string) => void,
): Promise<{ review: ReviewRef; decisions: number }> {
  const submit = async () => {
    const design = await designOf(api, designId, callers.admin);
    return (
      await api.call<{ submitForReview: ReviewRef }>(
        operations.submit,
        { id: designId, v: design.version, input: { fields: sampleReviewFields } },
        callers.admin,
      )
    ).submitForReview;
  };
  const decide = async (review: ReviewRef, input: Record<string, unknown>) => {
    const { key, role } = review.currentStep!.step;
    return (
      await api.call<{ decideReviewStep: ReviewRef }>(
        operations.decide,
        { reviewId: review.id, input: { stepKey: key, ...input } },
        await callers.reviewerFor(role),
      )
    ).decideReviewStep;
  };
  let review = await submit();
  let decisions = 0;
  while (review.currentStep?.step.key !== 'advisory-development') {
    review = await decide(review, { outcome: 'APPROVE', comment: 'Meets the framework.' });
    decisions += 1;
  }
  log('the advisory team sends the design back to the concept assessment');
  await decide(review, {
    outcome: 'REQUEST_CHANGES',
    returnToStepKey: 'concept-assessment',
    comment: 'The industry need has changed; revisit the concept.',
  });
  decisions += 1;
  const design = await designOf(api, designId, callers.admin);
  const { microCredential } = await api.call<{ microCredential: { description: string } }>(
    'query ($id: ID!) { microCredential(id: $id) { description } }',
    { id: designId },
    callers.admin,
  );
  await api.call(
    `mutation ($id: ID!, $v: Int!, $input: UpdateMicroCredentialInput!) {
      updateMicroCredential(id: $id, expectedVersion: $v, input: $input) { id }
    }`,
    {
      id: designId,
      v: design.version,
      input: { description: `${microCredential.description} Revised with the advisory team.` },
    },
    callers.admin,
  );
  review = await submit();
  while (review.status === 'IN_PROGRESS' && review.currentStep) {
    review = await decide(review, { outcome: 'APPROVE', comment: 'Meets the framework.' });
    decisions += 1;
  }
  return { review, decisions };
}

/** Adds to each review of the demo the number of rounds the author submitted (`rounds`). */
export async function addRounds(
  api: GraphQLClient,
  caller: Caller,
  reviews: { reviewId: string; rounds?: number }[],
): Promise<void> {
  for (const review of reviews) {
    const { review: read } = await api.call<{ review: { rounds: { round: number }[] } }>(
      'query ($id: ID!) { review(id: $id) { rounds { round } } }',
      { id: review.reviewId },
      caller,
    );
    review.rounds = read.rounds.length;
  }
}
