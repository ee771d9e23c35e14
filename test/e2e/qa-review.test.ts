import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import {
  approveDesign,
  designOf,
  endorseDesign,
  operations,
  publishDesign,
  sampleReviewFields,
  type QaCallers,
  type ReviewRef,
} from '../../infra/local/portal-flows';
import { designInput } from '../support/builders';
import { AdjustableClock } from '../support/clock';
import { startTestPlatform, type TestPlatform } from '../support/platform';

interface ReviewView {
  id: string;
  status: string;
  round: number;
  version: number;
  designVersion: number;
  workflowVersion: number;
  currentStep: {
    step: { key: string; role: string };
    state: string;
    dueAt: string | null;
    overdue: boolean;
    missingFields: string[];
  } | null;
  steps: { index: number; state: string; step: { key: string } }[];
  history: {
    sequence: number;
    action: string;
    stepKey: string | null;
    role: string | null;
    actor: { id: string };
    comment: string | null;
    attachments: { name: string; url: string }[];
  }[];
}

describe('QA review of micro-credential designs', () => {
  const clock = new AdjustableClock();
  let t: TestPlatform;
  let institutionId: string;
  let qa: QaCallers;

  const createDesign = async (overrides: Record<string, unknown> = {}) => {
    const { createMicroCredential } = await t.api.call<{
      createMicroCredential: { id: string; version: number };
    }>(operations.createDesign, { input: designInput(institutionId, overrides) }, qa.admin);
    return createMicroCredential;
  };
  const submit = async (
    designId: string,
    caller: Caller = qa.admin,
    fields = sampleReviewFields,
  ) => {
    const design = await designOf(t.api, designId, qa.admin);
    return t.api
      .call<{ submitForReview: ReviewRef }>(
        operations.submit,
        { id: designId, v: design.version, input: { fields } },
        caller,
      )
      .then((data) => data.submitForReview);
  };
  const decide = (
    reviewId: string,
    stepKey: string,
    outcome: string,
    caller: Caller,
    extra: Record<string, unknown> = {},
  ) =>
    t.api.request<{ decideReviewStep: ReviewRef }>(
      operations.decide,
      { reviewId, input: { stepKey, outcome, ...extra } },
      caller,
    );
  const readReview = async (id: string) =>
    (await t.api.call<{ review: ReviewView }>(operations.review, { id }, qa.admin)).review;

  /** Publishing needs an industry endorsement first (the endorsement gate). */
  const endorseAndPublish = async (designId: string) => {
    const partner = await t.partnerFor(institutionId);
    await endorseDesign(t.api, designId, partner.apiKey);
    return publishDesign(t.api, designId, qa.admin);
  };

  beforeAll(async () => {
    t = await startTestPlatform({ clock });
    institutionId = await t.createInstitution();
    qa = await t.qaCallers(institutionId);
  });
  afterAll(() => t.stop());

  it('takes a design through every default step to approval, publication and the catalogue', async () => {
    const design = await createDesign({ name: 'Full lifecycle' });

    const { review, decisions } = await approveDesign(t.api, design.id, qa);
    const published = await endorseAndPublish(design.id);

    expect(decisions).toBe(5);
    expect(review.status).toBe('APPROVED');
    expect(published).toMatchObject({ status: 'PUBLISHED', publishedDesignVersion: 1 });
    const history = (await readReview(review.id)).history;
    expect(history.map((entry) => entry.action)).toEqual([
      'SUBMITTED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
    ]);
    expect(history.map((entry) => entry.role).slice(1)).toEqual([
      'curriculum-committee',
      'senior-management',
      'advisory-team',
      'senior-management',
      'board',
    ]);
    const { catalogue } = await t.api.call<{
      catalogue: { nodes: { id: string; name: string }[] };
    }>(
      `query ($institutionId: ID) { catalogue(institutionId: $institutionId) { nodes { id name } } }`,
      { institutionId },
    );
    expect(catalogue.nodes).toContainEqual({ id: design.id, name: 'Full lifecycle' });
    const events = await t.api.call<{
      domainEvents: { nodes: { type: string; aggregateId: string }[] };
    }>(
      `query ($id: ID!) { domainEvents(institutionId: $id, first: 100) { nodes { type aggregateId } } }`,
      { id: institutionId },
      qa.admin,
    );
    const types = events.domainEvents.nodes
      .filter((event) => event.aggregateId === review.id || event.aggregateId === design.id)
      .map((event) => event.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'qa.review.submitted',
        'qa.step.approved',
        'qa.review.approved',
        'design.published',
      ]),
    );
  });

  it('refuses decisions by the wrong role, institution, author or step with clear codes', async () => {
    const design = await createDesign({ name: 'Guarded' });
    const review = await submit(design.id);
    const otherInstitution = await t.createInstitution({ name: 'Elsewhere College' });
    const committee = await qa.reviewerFor('curriculum-committee');
    const authorAsReviewer = await t.as('qa-reviewer', {
      institutionId,
      qaRoles: ['curriculum-committee'],
      subject: `author-${institutionId}`,
    });

    const cases = {
      wrongRole: await decide(
        review.id,
        'concept-assessment',
        'APPROVE',
        await qa.reviewerFor('board'),
      ),
      otherInstitution: await decide(
        review.id,
        'concept-assessment',
        'APPROVE',
        await t.as('qa-reviewer', {
          institutionId: otherInstitution,
          qaRoles: ['curriculum-committee'],
        }),
      ),
      issuerAdmin: await decide(review.id, 'concept-assessment', 'APPROVE', qa.admin),
      author: await decide(review.id, 'concept-assessment', 'APPROVE', authorAsReviewer),
      anonymous: await decide(review.id, 'concept-assessment', 'APPROVE', {}),
      notCurrent: await decide(
        review.id,
        'board-approval',
        'APPROVE',
        await qa.reviewerFor('board'),
      ),
      unknownStep: await decide(review.id, 'no-such-step', 'APPROVE', committee),
    };

    const codes = Object.fromEntries(
      Object.entries(cases).map(([name, result]) => [
        name,
        `${result.errors?.[0]?.extensions?.code}/${result.errors?.[0]?.extensions?.errorCode}`,
      ]),
    );
    expect(codes).toEqual({
      wrongRole: 'FORBIDDEN/QA_ROLE_REQUIRED',
      otherInstitution: 'FORBIDDEN/FORBIDDEN',
      issuerAdmin: 'FORBIDDEN/FORBIDDEN',
      author: 'FORBIDDEN/SELF_REVIEW_FORBIDDEN',
      anonymous: 'UNAUTHENTICATED/UNAUTHENTICATED',
      notCurrent: 'CONFLICT/STEP_NOT_CURRENT',
      unknownStep: 'CONFLICT/STEP_NOT_CURRENT',
    });
    expect((await readReview(review.id)).history).toHaveLength(1);
  });

  it('refuses submission, publication and approval when their preconditions are missing', async () => {
    const design = await createDesign({ name: 'Preconditions' });
    const learner = await t.as('learner');

    const byLearner = await t.api.request(
      operations.submit,
      { id: design.id, v: design.version },
      learner,
    );
    const publishDraft = await t.api.request(
      operations.publish,
      { id: design.id, v: design.version },
      qa.admin,
    );
    const review = await submit(design.id, qa.admin, []);
    const missing = await decide(
      review.id,
      'concept-assessment',
      'APPROVE',
      await qa.reviewerFor('curriculum-committee'),
    );
    const view = await readReview(review.id);
    const supplied = await t.api.call<{ supplyReviewFields: { version: number } }>(
      operations.supplyFields,
      { reviewId: review.id, v: view.version, input: { fields: sampleReviewFields.slice(0, 2) } },
      qa.admin,
    );
    const approved = await decide(
      review.id,
      'concept-assessment',
      'APPROVE',
      await qa.reviewerFor('curriculum-committee'),
    );
    const submitAgain = await t.api.request(
      operations.submit,
      { id: design.id, v: (await designOf(t.api, design.id, qa.admin)).version },
      qa.admin,
    );

    expect(byLearner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(publishDraft.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'DESIGN_NOT_APPROVED',
    });
    expect(view.currentStep?.missingFields).toEqual(['conceptForm', 'industryNeed']);
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'REQUIRED_FIELDS_MISSING',
    });
    expect(supplied.supplyReviewFields.version).toBe(view.version + 1);
    expect(approved.data?.decideReviewStep.currentStep?.step.key).toBe(
      'senior-management-endorsement',
    );
    expect(submitAgain.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'DESIGN_NOT_SUBMITTABLE',
    });
  });

  it('shows reviewers their queue with due dates and flags overdue steps in the statistics', async () => {
    const institution = await t.createInstitution({ name: 'Queue College' });
    const callers = await t.qaCallers(institution);
    const { createMicroCredential: design } = await t.api.call<{
      createMicroCredential: { id: string; version: number };
    }>(operations.createDesign, { input: designInput(institution) }, callers.admin);
    const { submitForReview: review } = await t.api.call<{ submitForReview: ReviewRef }>(
      operations.submit,
      { id: design.id, v: design.version, input: { fields: sampleReviewFields } },
      callers.admin,
    );
    const committee = await callers.reviewerFor('curriculum-committee');
    const queueQuery = `{ reviewQueue { review { id designName } step { key } dueAt overdue } }`;

    const before = await t.api.call<{
      reviewQueue: {
        review: { id: string };
        step: { key: string };
        dueAt: string;
        overdue: boolean;
      }[];
    }>(queueQuery, {}, committee);
    const boardQueue = await t.api.call<{ reviewQueue: unknown[] }>(
      queueQuery,
      {},
      await callers.reviewerFor('board'),
    );
    clock.advanceDays(30);
    const after = await t.api.call<{ reviewQueue: { overdue: boolean }[] }>(
      queueQuery,
      {},
      committee,
    );
    const stats = await t.api.call<{ qaStatistics: { inProgress: number; overdue: number } }>(
      `query ($id: ID!) { qaStatistics(institutionId: $id) { inProgress overdue } }`,
      { id: institution },
      callers.admin,
    );
    await t.api.call(
      operations.decide,
      { reviewId: review.id, input: { stepKey: 'concept-assessment', outcome: 'APPROVE' } },
      committee,
    );
    const timed = await t.api.call<{
      qaStatistics: {
        overdue: number;
        stepTimes: { stepKey: string; decisions: number; medianHours: number }[];
      };
    }>(
      `query ($id: ID!) { qaStatistics(institutionId: $id) { overdue stepTimes { stepKey decisions medianHours } } }`,
      { id: institution },
      callers.admin,
    );

    expect(before.reviewQueue).toHaveLength(1);
    expect(before.reviewQueue[0]).toMatchObject({
      review: { id: review.id },
      step: { key: 'concept-assessment' },
      overdue: false,
    });
    expect(Date.parse(before.reviewQueue[0]!.dueAt) - Date.now()).toBeGreaterThan(
      27 * 24 * 3600 * 1000,
    );
    expect(boardQueue.reviewQueue).toEqual([]);
    expect(after.reviewQueue[0]?.overdue).toBe(true);
    expect(stats.qaStatistics).toEqual({ inProgress: 1, overdue: 1 });
    expect(timed.qaStatistics.overdue).toBe(0);
    expect(timed.qaStatistics.stepTimes).toEqual([
      {
        stepKey: 'concept-assessment',
        decisions: 1,
        medianHours: expect.closeTo(720, 0) as number,
      },
    ]);
  });

  it('keeps the published version public and issuable while an edited version is reviewed again', async () => {
    const design = await createDesign({ name: 'Version one' });
    await approveDesign(t.api, design.id, qa);
    await endorseAndPublish(design.id);
    const current = await designOf(t.api, design.id, qa.admin);

    await t.api.call(
      `mutation ($id: ID!, $v: Int!) { updateMicroCredential(id: $id, expectedVersion: $v, input: { name: "Version two" }) { id } }`,
      { id: design.id, v: current.version },
      qa.admin,
    );

    const staff = await designOf(t.api, design.id, qa.admin);
    const { microCredential: publicView } = await t.api.call<{
      microCredential: { name: string; status: string; designVersion: number };
    }>(`query ($id: ID!) { microCredential(id: $id) { name status designVersion } }`, {
      id: design.id,
    });
    expect(staff).toMatchObject({
      name: 'Version two',
      status: 'DRAFT',
      designVersion: 2,
      publishedDesignVersion: 1,
    });
    expect(publicView).toEqual({ name: 'Version one', status: 'PUBLISHED', designVersion: 1 });
    const { issueCredential } = await t.api.call<{
      issueCredential: { designVersion: number; achievementName: string };
    }>(
      `mutation ($id: ID!) { issueCredential(input: { microCredentialId: $id, recipient: { email: "v1@example.org" } }) { designVersion achievementName } }`,
      { id: design.id },
      qa.admin,
    );
    expect(issueCredential).toEqual({ designVersion: 1, achievementName: 'Version one' });
  });

  it('retires a design: out of the catalogue, still readable, no longer editable or issuable, its credentials untouched', async () => {
    const design = await createDesign({ name: 'To retire' });
    await approveDesign(t.api, design.id, qa);
    await endorseAndPublish(design.id);
    const current = await designOf(t.api, design.id, qa.admin);
    const issue = (email: string) =>
      t.api.request<{ issueCredential: { id: string } }>(
        `mutation ($id: ID!, $email: String!) { issueCredential(input: { microCredentialId: $id, recipient: { email: $email } }) { id } }`,
        { id: design.id, email },
        qa.admin,
      );
    const before = await issue('before-retirement@example.org');

    const { retireMicroCredential } = await t.api.call<{
      retireMicroCredential: { status: string };
    }>(
      `mutation ($id: ID!, $v: Int!) { retireMicroCredential(id: $id, expectedVersion: $v, reason: "Superseded by a new program") { status } }`,
      { id: design.id, v: current.version },
      qa.admin,
    );

    expect(retireMicroCredential.status).toBe('RETIRED');
    const { catalogue } = await t.api.call<{ catalogue: { nodes: { id: string }[] } }>(
      `query ($i: ID) { catalogue(institutionId: $i, first: 100) { nodes { id } } }`,
      { i: institutionId },
    );
    expect(catalogue.nodes.map((node) => node.id)).not.toContain(design.id);
    const { microCredential } = await t.api.call<{ microCredential: { status: string } }>(
      `query ($id: ID!) { microCredential(id: $id) { status } }`,
      { id: design.id },
    );
    expect(microCredential.status).toBe('RETIRED');
    const edit = await t.api.request(
      `mutation ($id: ID!, $v: Int!) { updateMicroCredential(id: $id, expectedVersion: $v, input: { name: "x" }) { id } }`,
      { id: design.id, v: current.version + 1 },
      qa.admin,
    );
    expect(edit.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'DESIGN_RETIRED',
    });
    const after = await issue('after-retirement@example.org');
    expect(after.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'DESIGN_NOT_ISSUABLE',
    });
    const { verifyCredential } = await t.api.call<{
      verifyCredential: { verified: boolean; status: string };
    }>(`query ($id: String!) { verifyCredential(input: { id: $id }) { verified status } }`, {
      id: before.data!.issueCredential.id,
    });
    expect(verifyCredential).toEqual({ verified: true, status: 'ACTIVE' });
  });
});
