import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserPrincipal } from '../../functions/core/auth/principal';
import { currentStep } from '../../functions/core/qa/model';
import { sampleReviewFields } from '../../infra/local/portal-flows';
import { designInput } from '../support/builders';
import { AdjustableClock } from '../support/clock';
import { startTestServices, type QaPrincipals, type TestServices } from '../support/services';

/** The rejection of `promise`, to assert its code and category as a transport would map them. */
async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; category?: string };
  }
  throw new Error('expected the call to be refused');
}

/** What a call settled as: its value, or the category and code it was refused with. */
async function outcome<T>(promise: Promise<T>) {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: error as { code?: string; category?: string } };
  }
}

describe('QA review of micro-credential designs', () => {
  let t: TestServices;
  let institutionId: string;
  let qa: QaPrincipals;

  const createDesign = async (overrides: Record<string, unknown> = {}) =>
    t.services.microCredentials.create(qa.admin, designInput(institutionId, overrides));
  const designOf = (designId: string) => t.services.microCredentials.get(qa.admin, designId);
  const submit = async (designId: string, fields = sampleReviewFields) => {
    const design = await designOf(designId);
    return t.services.qa.lifecycle.submit(qa.admin, designId, design.version, { fields });
  };
  const decide = (
    reviewId: string,
    stepKey: string,
    outcome: string,
    reviewer: UserPrincipal,
    extra: Record<string, unknown> = {},
  ) => t.services.qa.lifecycle.decide(reviewer, reviewId, { stepKey, outcome, ...extra });
  const historyOf = (reviewId: string) => t.services.qa.reporting.history(qa.admin, reviewId);

  beforeAll(async () => {
    t = await startTestServices();
    institutionId = await t.createInstitution();
    qa = t.qaPrincipals(institutionId);
  });
  afterAll(() => t.stop());

  it('pauses for changes and resumes at the same step when the author resubmits', async () => {
    const design = await createDesign({ name: 'Needs changes' });
    const review = await submit(design.id);
    await decide(
      review.id,
      'concept-assessment',
      'APPROVE',
      qa.reviewerFor('curriculum-committee'),
    );

    const sentBack = await decide(
      review.id,
      'senior-management-endorsement',
      'REQUEST_CHANGES',
      qa.reviewerFor('senior-management'),
      {
        comment: 'Clarify the assessment.',
        attachments: [{ name: 'Notes', url: 'https://docs.example.edu/notes.pdf' }],
      },
    );
    const whilePaused = await refusal(
      decide(
        review.id,
        'senior-management-endorsement',
        'APPROVE',
        qa.reviewerFor('senior-management'),
      ),
    );
    const current = await designOf(design.id);
    await t.services.microCredentials.update(qa.admin, design.id, current.version, {
      assessmentType: 'Portfolio and observed demonstration',
    });
    const resumed = await submit(design.id);

    expect(sentBack.status).toBe('CHANGES_REQUESTED');
    expect(current.status).toBe('CHANGES_REQUESTED');
    expect(whilePaused).toMatchObject({
      category: 'CONFLICT',
      code: 'REVIEW_AWAITING_CHANGES',
    });
    expect(resumed).toMatchObject({ id: review.id, status: 'IN_PROGRESS', round: 2 });
    expect(currentStep(resumed).key).toBe('senior-management-endorsement');
    const trail = await historyOf(review.id);
    expect(trail.map((entry) => entry.action)).toEqual([
      'SUBMITTED',
      'APPROVED',
      'CHANGES_REQUESTED',
      'RESUBMITTED',
    ]);
    expect(trail[2]).toMatchObject({
      comment: 'Clarify the assessment.',
      attachments: [{ name: 'Notes', url: 'https://docs.example.edu/notes.pdf' }],
    });
  });

  it('ends the review on rejection and lets an edit start a new version', async () => {
    const design = await createDesign({ name: 'Rejected idea' });
    const review = await submit(design.id);

    const rejected = await decide(
      review.id,
      'concept-assessment',
      'REJECT',
      qa.reviewerFor('curriculum-committee'),
      { comment: 'No industry need.' },
    );
    const afterEnd = await refusal(
      decide(review.id, 'concept-assessment', 'APPROVE', qa.reviewerFor('curriculum-committee')),
    );
    const current = await designOf(design.id);
    const edited = await t.services.microCredentials.update(qa.admin, design.id, current.version, {
      name: 'Rejected idea, reworked',
    });
    const second = await submit(design.id);

    expect(rejected.status).toBe('REJECTED');
    expect(current.status).toBe('REJECTED');
    expect(afterEnd).toMatchObject({ category: 'CONFLICT', code: 'REVIEW_CLOSED' });
    expect({ status: edited.status, designVersion: edited.designVersion }).toEqual({
      status: 'DRAFT',
      designVersion: 2,
    });
    expect(second.id).not.toBe(review.id);
    expect((await t.services.qa.reporting.review(qa.admin, second.id)).designVersion).toBe(2);
  });

  it('stores exactly one decision when many reviewers decide the same step at once', async () => {
    const design = await createDesign({ name: 'Contested' });
    const review = await submit(design.id);
    const reviewers = Array.from({ length: 8 }, (_, index) =>
      t.as('qa-reviewer', {
        institutionId,
        qaRoles: ['curriculum-committee'],
        subject: `committee-member-${index}`,
      }),
    );

    const results = await Promise.all(
      reviewers.map((reviewer, index) =>
        outcome(
          decide(
            review.id,
            'concept-assessment',
            index % 2 ? 'APPROVE' : 'REQUEST_CHANGES',
            reviewer,
          ),
        ),
      ),
    );

    const winners = results.filter((result) => result.value);
    const losers = results.filter((result) => result.error?.category === 'CONFLICT');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(7);
    const trail = await t.services.qa.reporting.review(qa.admin, review.id);
    expect(await historyOf(review.id)).toHaveLength(2);
    expect(trail.version).toBe(2);
  });

  it('keeps a review on the workflow it started with when the workflow is edited mid-review', async () => {
    const institution = await t.createInstitution({ name: 'Workflow College' });
    const principals = t.qaPrincipals(institution);
    const first = await t.services.microCredentials.create(
      principals.admin,
      designInput(institution),
    );
    const second = await t.services.microCredentials.create(
      principals.admin,
      designInput(institution, { name: 'Second' }),
    );
    const underWay = await t.services.qa.lifecycle.submit(
      principals.admin,
      first.id,
      first.version,
      { fields: sampleReviewFields },
    );

    const updated = await t.services.qa.workflows.updateWorkflow(principals.admin, institution, 1, {
      name: 'Fast track',
      steps: [
        {
          key: 'committee',
          name: 'Committee review',
          role: 'curriculum-committee',
          dueWithinDays: 14,
        },
        { key: 'board', name: 'Board approval', role: 'board' },
      ],
    });
    const fresh = await t.services.qa.lifecycle.submit(
      principals.admin,
      second.id,
      second.version,
      undefined,
    );
    const staleEdit = await refusal(
      t.services.qa.workflows.updateWorkflow(principals.admin, institution, 1, {
        name: 'Lost',
        steps: [{ key: 'x', name: 'X', role: 'board' }],
      }),
    );

    expect({
      version: updated.workflowVersion,
      isDefault: updated.isDefault,
      steps: updated.steps.map((step) => ({ key: step.key })),
    }).toEqual({
      version: 2,
      isDefault: false,
      steps: [{ key: 'committee' }, { key: 'board' }],
    });
    const oldReview = await t.services.qa.reporting.review(principals.admin, underWay.id);
    const newReview = await t.services.qa.reporting.review(principals.admin, fresh.id);
    expect(oldReview.workflowVersion).toBe(1);
    expect(oldReview.steps).toHaveLength(5);
    expect(newReview.workflowVersion).toBe(2);
    expect(newReview.steps.map((step) => step.key)).toEqual(['committee', 'board']);
    expect(staleEdit.category).toBe('CONFLICT');
  });
});

describe('QA queues and statistics over time', () => {
  const clock = new AdjustableClock();
  let t: TestServices;

  beforeAll(async () => {
    t = await startTestServices({ clock });
  });
  afterAll(() => t.stop());

  it('shows reviewers their queue with due dates and flags overdue steps in the statistics', async () => {
    const institution = await t.createInstitution({ name: 'Queue College' });
    const principals = t.qaPrincipals(institution);
    const design = await t.services.microCredentials.create(
      principals.admin,
      designInput(institution),
    );
    const review = await t.services.qa.lifecycle.submit(
      principals.admin,
      design.id,
      design.version,
      { fields: sampleReviewFields },
    );
    const committee = principals.reviewerFor('curriculum-committee');

    const before = await t.services.qa.reporting.queue(committee);
    const boardQueue = await t.services.qa.reporting.queue(principals.reviewerFor('board'));
    clock.advanceDays(30);
    const after = await t.services.qa.reporting.queue(committee);
    const stats = await t.services.qa.reporting.statistics(principals.admin, institution);
    await t.services.qa.lifecycle.decide(committee, review.id, {
      stepKey: 'concept-assessment',
      outcome: 'APPROVE',
    });
    const timed = await t.services.qa.reporting.statistics(principals.admin, institution);

    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({
      review: { id: review.id },
      step: { key: 'concept-assessment' },
      overdue: false,
    });
    expect(Date.parse(before[0]!.dueAt!) - Date.now()).toBeGreaterThan(27 * 24 * 3600 * 1000);
    expect(boardQueue).toEqual([]);
    expect(after[0]?.overdue).toBe(true);
    expect({ inProgress: stats.inProgress, overdue: stats.overdue }).toEqual({
      inProgress: 1,
      overdue: 1,
    });
    expect(timed.overdue).toBe(0);
    expect(
      // Steps only waiting (no decision yet) are listed too, for their waiting and overdue counts.
      timed.stepTimes
        .filter((entry) => entry.decisions > 0)
        .map(({ stepKey, decisions, medianHours }) => ({
          stepKey,
          decisions,
          medianHours,
        })),
    ).toEqual([
      {
        stepKey: 'concept-assessment',
        decisions: 1,
        medianHours: expect.closeTo(720, 0) as number,
      },
    ]);
  });
});
