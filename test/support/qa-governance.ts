import type { Caller, GraphQLResponse } from '../../infra/local/graphql-client';
import { designOf, operations, sampleReviewFields } from '../../infra/local/portal-flows';
import { designInput } from './builders';
import type { TestPlatform } from './platform';

export interface GovernedReview {
  id: string;
  status: string;
  round: number;
  version: number;
  slaState: string;
  currentStep: {
    step: { key: string };
    state: string;
    slaState: string;
    approvalsNeeded: number | null;
    votes: { voter: { id: string }; outcome: string }[];
  } | null;
  steps: { state: string; step: { key: string; reReviewOnChange: boolean } }[];
  history: {
    action: string;
    stepKey: string | null;
    vote: string | null;
    resumeStepKey: string | null;
  }[];
  rounds: { round: number; contentDigest: string }[];
  comments: {
    id: string;
    parentId: string | null;
    stepKey: string;
    body: string;
    mentions: string[];
    author: { id: string };
  }[];
}

export const governanceOperations = {
  review: `query ($id: ID!) {
    review(id: $id) {
      id status round version slaState
      currentStep { step { key } state slaState approvalsNeeded votes { voter { id } outcome } }
      steps { state step { key reReviewOnChange } }
      history { action stepKey vote resumeStepKey }
      rounds { round contentDigest }
      comments { id parentId stepKey body mentions author { id } }
    }
  }`,
  updateWorkflow: `mutation ($id: ID!, $v: Int!, $input: QaWorkflowInput!) {
    updateQaWorkflow(institutionId: $id, expectedVersion: $v, input: $input) { version }
  }`,
  updateDesign: `mutation ($id: ID!, $v: Int!, $input: UpdateMicroCredentialInput!) {
    updateMicroCredential(id: $id, expectedVersion: $v, input: $input) { id version }
  }`,
  withdraw: `mutation ($id: ID!, $v: Int!, $input: WithdrawReviewInput) {
    withdrawFromReview(microCredentialId: $id, expectedVersion: $v, input: $input) { id status }
  }`,
  comment: `mutation ($reviewId: ID!, $input: ReviewCommentInput!) {
    commentOnReview(reviewId: $reviewId, input: $input) { id parentId stepKey mentions }
  }`,
  roundDiff: `query ($id: ID!, $from: Int!, $to: Int!) {
    reviewRoundDiff(reviewId: $id, fromRound: $from, toRound: $to) {
      fromRound toRound contentChanged changes { path before after }
    }
  }`,
} as const;

/** The `extensions.code/errorCode` pair of a refused request, for compact assertions. */
export function refusal(result: GraphQLResponse<unknown>): string {
  const error = result.errors?.[0];
  return `${String(error?.extensions?.code)}/${String(error?.extensions?.errorCode)}`;
}

/** GraphQL helpers for one institution's QA governance flows. */
export function governanceFlows(t: TestPlatform, institutionId: string, admin: Caller) {
  const flows = {
    async useWorkflow(steps: Record<string, unknown>[], name = 'Governed approval') {
      const { qaWorkflow } = await t.api.call<{ qaWorkflow: { version: number } }>(
        operations.workflow,
        { institutionId },
        admin,
      );
      await t.api.call(
        governanceOperations.updateWorkflow,
        { id: institutionId, v: qaWorkflow.version, input: { name, steps } },
        admin,
      );
    },
    async createDesign(overrides: Record<string, unknown> = {}) {
      const { createMicroCredential } = await t.api.call<{
        createMicroCredential: { id: string };
      }>(operations.createDesign, { input: designInput(institutionId, overrides) }, admin);
      return createMicroCredential.id;
    },
    async submit(designId: string): Promise<string> {
      const design = await designOf(t.api, designId, admin);
      const { submitForReview } = await t.api.call<{ submitForReview: { id: string } }>(
        operations.submit,
        { id: designId, v: design.version, input: { fields: sampleReviewFields } },
        admin,
      );
      return submitForReview.id;
    },
    decide(reviewId: string, stepKey: string, outcome: string, caller: Caller, extra = {}) {
      return t.api.request<{ decideReviewStep: { status: string } }>(
        operations.decide,
        { reviewId, input: { stepKey, outcome, ...extra } },
        caller,
      );
    },
    async approve(reviewId: string, stepKey: string, caller: Caller) {
      const result = await flows.decide(reviewId, stepKey, 'APPROVE', caller);
      if (result.errors) throw new Error(`approve ${stepKey}: ${refusal(result)}`);
    },
    async read(reviewId: string, caller: Caller = admin): Promise<GovernedReview> {
      return (
        await t.api.call<{ review: GovernedReview }>(
          governanceOperations.review,
          { id: reviewId },
          caller,
        )
      ).review;
    },
    async edit(designId: string, input: Record<string, unknown>) {
      const design = await designOf(t.api, designId, admin);
      await t.api.call(
        governanceOperations.updateDesign,
        { id: designId, v: design.version, input },
        admin,
      );
    },
    /** A QA reviewer holding `role`, a distinct person per `member`. */
    member(role: string, member: number | string = 1) {
      return t.as('qa-reviewer', {
        institutionId,
        qaRoles: [role],
        subject: `${role}-member-${member}-${institutionId}`,
      });
    },
  };
  return flows;
}
