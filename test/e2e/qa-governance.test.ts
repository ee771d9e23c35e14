import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QaCallers } from '../../infra/local/portal-flows';
import { AdjustableClock } from '../support/clock';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import {
  governanceFlows,
  governanceOperations,
  refusal,
  type GovernedReview,
} from '../support/qa-governance';

const step = (key: string, role: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  role,
  ...extra,
});

const states = (review: GovernedReview) =>
  Object.fromEntries(review.steps.map((entry) => [entry.step.key, entry.state]));

describe('QA governance: send-backs, quorums, conditions, withdrawal, discussion, rounds, SLAs', () => {
  const clock = new AdjustableClock();
  let t: TestPlatform;

  /** A fresh institution following `steps`, with its QA callers and flows. */
  const institutionWith = async (steps: Record<string, unknown>[]) => {
    const institutionId = await t.createInstitution();
    const qa: QaCallers = await t.qaCallers(institutionId);
    const flows = governanceFlows(t, institutionId, qa.admin);
    await flows.useWorkflow(steps);
    return { institutionId, qa, flows };
  };

  beforeAll(async () => {
    t = await startTestPlatform({ clock });
  });
  afterAll(() => t.stop());

  it('sends a design back to an earlier step and re-reviews marked steps after a material change', async () => {
    const { flows } = await institutionWith([
      step('concept', 'committee', { reReviewOnChange: true }),
      step('management', 'management'),
      step('proposal', 'management'),
      step('board', 'board'),
    ]);
    const designId = await flows.createDesign({ name: 'Sent back' });
    const reviewId = await flows.submit(designId);
    const [committee, management, board] = await Promise.all([
      flows.member('committee'),
      flows.member('management'),
      flows.member('board'),
    ]);
    await flows.approve(reviewId, 'concept', committee);
    await flows.approve(reviewId, 'management', management);

    const refused = {
      forward: await flows.decide(reviewId, 'proposal', 'REQUEST_CHANGES', management, {
        returnToStepKey: 'board',
      }),
      unknown: await flows.decide(reviewId, 'proposal', 'REQUEST_CHANGES', management, {
        returnToStepKey: 'no-such-step',
      }),
      withApproval: await flows.decide(reviewId, 'proposal', 'APPROVE', management, {
        returnToStepKey: 'concept',
      }),
    };
    await flows.approve(reviewId, 'proposal', management);
    const sentBack = await flows.decide(reviewId, 'board', 'REQUEST_CHANGES', board, {
      returnToStepKey: 'management',
      comment: 'Management should look at the budget again.',
    });
    const paused = await flows.read(reviewId);
    await flows.submit(designId);
    const unchanged = await flows.read(reviewId);
    await flows.approve(reviewId, 'management', management);
    await flows.approve(reviewId, 'proposal', management);
    await flows.decide(reviewId, 'board', 'REQUEST_CHANGES', board, {
      returnToStepKey: 'proposal',
    });
    await flows.edit(designId, { description: 'A reworked description after the board asked.' });
    await flows.submit(designId);
    const changed = await flows.read(reviewId);
    await flows.approve(reviewId, 'concept', committee);
    const afterConcept = await flows.read(reviewId);
    await flows.approve(reviewId, 'proposal', management);
    await flows.approve(reviewId, 'board', board);

    expect(Object.fromEntries(Object.entries(refused).map(([k, r]) => [k, refusal(r)]))).toEqual({
      forward: 'CONFLICT/SEND_BACK_FORWARD',
      unknown: 'CONFLICT/UNKNOWN_STEP',
      withApproval: 'CONFLICT/SEND_BACK_NEEDS_REQUEST_CHANGES',
    });
    expect(sentBack.errors).toBeUndefined();
    expect(paused.status).toBe('CHANGES_REQUESTED');
    expect(paused.history.at(-1)).toMatchObject({
      action: 'CHANGES_REQUESTED',
      stepKey: 'board',
      resumeStepKey: 'management',
    });
    expect(unchanged.currentStep?.step.key).toBe('management');
    expect(states(unchanged)).toMatchObject({ concept: 'APPROVED', board: 'PENDING' });
    expect(changed.currentStep?.step.key).toBe('concept');
    expect(states(changed)).toMatchObject({ concept: 'CURRENT', management: 'APPROVED' });
    expect(afterConcept.currentStep?.step.key).toBe('proposal');
    const final = await flows.read(reviewId);
    expect(final.status).toBe('APPROVED');
    expect(final.rounds.map((round) => round.round)).toEqual([1, 2, 3]);
  });

  it('compares submitted rounds field by field', async () => {
    const { flows } = await institutionWith([step('board', 'board')]);
    const designId = await flows.createDesign({ name: 'Compared' });
    const reviewId = await flows.submit(designId);
    await flows.decide(reviewId, 'board', 'REQUEST_CHANGES', await flows.member('board'));
    await flows.edit(designId, { name: 'Compared, renamed', tags: ['leadership'] });
    await flows.submit(designId);

    const diff = async (from: number, to: number) =>
      t.api.request<{
        reviewRoundDiff: {
          contentChanged: boolean;
          changes: { path: string; before: unknown; after: unknown }[];
        };
      }>(governanceOperations.roundDiff, { id: reviewId, from, to }, await flows.member('board'));
    const changed = (await diff(1, 2)).data!.reviewRoundDiff;
    const same = (await diff(1, 1)).data!.reviewRoundDiff;
    const missing = await diff(1, 9);

    expect(changed.contentChanged).toBe(true);
    expect(changed.changes).toContainEqual({
      path: 'name',
      before: 'Compared',
      after: 'Compared, renamed',
    });
    expect(changed.changes.map((change) => change.path)).toContain('tags');
    expect(same).toMatchObject({ contentChanged: false, changes: [] });
    expect(refusal(missing)).toBe('NOT_FOUND/REVIEW_ROUND_NOT_FOUND');
  });

  it('decides multi-member steps by quorum, recording each vote once', async () => {
    const { flows } = await institutionWith([
      step('panel', 'panel', { quorum: { members: 3, rule: 'N_OF_M', approvalsRequired: 2 } }),
      step('board', 'board', { quorum: { members: 5, anyRejectionRejects: true } }),
    ]);
    const reviewId = await flows.submit(await flows.createDesign({ name: 'Voted on' }));
    const [first, second] = [await flows.member('panel', 1), await flows.member('panel', 2)];

    const racing = await Promise.all([
      flows.decide(reviewId, 'panel', 'APPROVE', first),
      flows.decide(reviewId, 'panel', 'APPROVE', first),
    ]);
    const afterOne = await flows.read(reviewId);
    const twice = await flows.decide(reviewId, 'panel', 'APPROVE', first);
    await flows.approve(reviewId, 'panel', second);
    const afterPanel = await flows.read(reviewId);
    await flows.approve(reviewId, 'board', await flows.member('board', 1));
    await flows.decide(reviewId, 'board', 'REJECT', await flows.member('board', 2));
    const final = await flows.read(reviewId);

    expect(afterOne.status).toBe('IN_PROGRESS');
    expect(afterOne.currentStep).toMatchObject({ step: { key: 'panel' }, approvalsNeeded: 1 });
    expect(refusal(twice)).toBe('CONFLICT/ALREADY_VOTED');
    expect(racing.filter((result) => !result.errors)).toHaveLength(1);
    expect(racing.map(refusal)).toContain('CONFLICT/ALREADY_VOTED');
    expect(afterOne.currentStep?.votes.map((vote) => vote.outcome)).toEqual(['APPROVE']);
    expect(afterPanel.currentStep?.step.key).toBe('board');
    expect(final.status).toBe('REJECTED');
    expect(final.history.map((entry) => [entry.action, entry.vote])).toEqual([
      ['SUBMITTED', null],
      ['VOTED', 'APPROVE'],
      ['APPROVED', 'APPROVE'],
      ['VOTED', 'APPROVE'],
      ['REJECTED', 'REJECT'],
    ]);
  });

  it('applies a conditional step only to designs whose field says so', async () => {
    const { flows } = await institutionWith([
      step('concept', 'committee'),
      step('curriculum-quality', 'advisory', {
        appliesWhen: { designField: 'convertedFromExistingProgram', equals: true },
      }),
      step('board', 'board'),
    ]);
    const committee = await flows.member('committee');
    const fresh = await flows.submit(await flows.createDesign({ name: 'New program' }));
    const converted = await flows.submit(
      await flows.createDesign({ name: 'Converted', convertedFromExistingProgram: true }),
    );

    await flows.approve(fresh, 'concept', committee);
    await flows.approve(converted, 'concept', committee);
    const [freshView, convertedView] = [await flows.read(fresh), await flows.read(converted)];

    expect(freshView.currentStep?.step.key).toBe('board');
    expect(states(freshView)['curriculum-quality']).toBe('SKIPPED');
    expect(convertedView.currentStep?.step.key).toBe('curriculum-quality');
  });

  it('lets the author withdraw a submission under review, and only that', async () => {
    const { flows, qa } = await institutionWith([step('board', 'board')]);
    const designId = await flows.createDesign({ name: 'Withdrawn' });
    const reviewId = await flows.submit(designId);
    const withdraw = async (caller = qa.admin) => {
      const design = await t.api.call<{ microCredential: { version: number } }>(
        'query ($id: ID!) { microCredential(id: $id) { version } }',
        { id: designId },
        qa.admin,
      );
      return t.api.request<{ withdrawFromReview: { status: string } }>(
        governanceOperations.withdraw,
        { id: designId, v: design.microCredential.version, input: { reason: 'Rethinking it.' } },
        caller,
      );
    };

    const byReviewer = await withdraw(await flows.member('board'));
    const withdrawn = await withdraw();
    const again = await withdraw();
    const decision = await flows.decide(reviewId, 'board', 'APPROVE', await flows.member('board'));
    const design = await t.api.call<{ microCredential: { status: string } }>(
      'query ($id: ID!) { microCredential(id: $id) { status } }',
      { id: designId },
      qa.admin,
    );
    const next = await flows.submit(designId);

    expect(refusal(byReviewer)).toBe('FORBIDDEN/FORBIDDEN');
    expect(withdrawn.data?.withdrawFromReview.status).toBe('WITHDRAWN');
    expect(refusal(again)).toBe('CONFLICT/DESIGN_NOT_UNDER_REVIEW');
    expect(refusal(decision)).toBe('CONFLICT/REVIEW_CLOSED');
    expect(design.microCredential.status).toBe('DRAFT');
    expect(next).not.toBe(reviewId);
    expect((await flows.read(reviewId)).history.at(-1)?.action).toBe('WITHDRAWN');
  });

  it('keeps a discussion on a step for its reviewers and author, announcing mentions', async () => {
    const { institutionId, flows, qa } = await institutionWith([step('board', 'board')]);
    const reviewId = await flows.submit(await flows.createDesign({ name: 'Discussed' }));
    const board = await flows.member('board');
    const comment = (input: Record<string, unknown>, caller = board) =>
      t.api.request<{ commentOnReview: { id: string; parentId: string | null } }>(
        governanceOperations.comment,
        { reviewId, input },
        caller,
      );

    const question = await comment({
      stepKey: 'board',
      body: 'Could the chair confirm the budget line?',
      mentions: ['Chair@Example.edu'],
    });
    const questionId = question.data!.commentOnReview.id;
    const answer = await comment(
      { stepKey: 'board', body: 'Confirmed.', parentId: questionId },
      qa.admin,
    );
    const nested = await comment({
      stepKey: 'board',
      body: 'Thanks.',
      parentId: answer.data!.commentOnReview.id,
    });
    const refused = {
      otherInstitution: refusal(
        await comment(
          { stepKey: 'board', body: 'Hello.' },
          await t.as('issuer-admin', { institutionId: await t.createInstitution() }),
        ),
      ),
      learner: refusal(await comment({ stepKey: 'board', body: 'Hi.' }, await t.as('learner'))),
      unknownStep: refusal(await comment({ stepKey: 'nowhere', body: 'Hm.' })),
      badMention: refusal(await comment({ stepKey: 'board', body: 'Hm.', mentions: ['nope'] })),
    };
    const view = await flows.read(reviewId);
    const events = await t.api.call<{
      domainEvents: { nodes: { type: string; aggregateId: string; data: string }[] };
    }>(
      'query ($id: ID!) { domainEvents(institutionId: $id, first: 100) { nodes { type aggregateId data } } }',
      { id: institutionId },
      qa.admin,
    );

    expect(nested.data!.commentOnReview.parentId).toBe(questionId);
    expect(refused).toEqual({
      otherInstitution: 'FORBIDDEN/FORBIDDEN',
      learner: 'FORBIDDEN/FORBIDDEN',
      unknownStep: 'CONFLICT/UNKNOWN_STEP',
      badMention: 'BAD_USER_INPUT/VALIDATION_FAILED',
    });
    expect(view.comments.map((entry) => [entry.body, entry.parentId])).toEqual([
      ['Could the chair confirm the budget line?', null],
      ['Confirmed.', questionId],
      ['Thanks.', questionId],
    ]);
    expect(view.comments[0]!.mentions).toEqual(['chair@example.edu']);
    const mine = events.domainEvents.nodes.filter((event) => event.aggregateId === reviewId);
    expect(mine.filter((event) => event.type === 'qa.review.commented')).toHaveLength(3);
    const mentioned = mine.find((event) => event.type === 'qa.review.mentioned');
    expect(JSON.parse(mentioned!.data)).toMatchObject({ mentions: ['chair@example.edu'] });
    expect(mine.map((event) => event.type)).toContain('qa.step.assigned');
  });

  it('tracks due dates: due soon, overdue, the reminder sweep and step statistics', async () => {
    const { institutionId, flows, qa } = await institutionWith([
      step('concept', 'committee', { dueWithinDays: 5 }),
      step('board', 'board', { dueWithinDays: 30 }),
    ]);
    const reviewId = await flows.submit(await flows.createDesign({ name: 'Timed' }));
    const sweep = async () => {
      const found = await t.platform.container.services.qa.governance.findDueAndOverdueSteps(
        clock.now(),
      );
      const mine = (list: { reviewId: string }[]) => list.some((due) => due.reviewId === reviewId);
      return { overdue: mine(found.overdue), dueSoon: mine(found.dueSoon) };
    };

    const onTrack = [(await flows.read(reviewId)).slaState, await sweep()];
    clock.advanceDays(3);
    const dueSoon = [(await flows.read(reviewId)).currentStep?.slaState, await sweep()];
    clock.advanceDays(3);
    const overdue = [(await flows.read(reviewId)).slaState, await sweep()];
    await flows.approve(reviewId, 'concept', await flows.member('committee'));
    const afterDecision = await sweep();
    const { qaStatistics } = await t.api.call<{
      qaStatistics: {
        stepTimes: { stepKey: string; medianDays: number; p90Days: number; waiting: number }[];
      };
    }>(
      'query ($id: ID!) { qaStatistics(institutionId: $id) { stepTimes { stepKey medianDays p90Days waiting } } }',
      { id: institutionId },
      qa.admin,
    );

    expect(onTrack).toEqual(['ON_TRACK', { overdue: false, dueSoon: false }]);
    expect(dueSoon).toEqual(['DUE_SOON', { overdue: false, dueSoon: true }]);
    expect(overdue).toEqual(['OVERDUE', { overdue: true, dueSoon: false }]);
    expect(afterDecision).toEqual({ overdue: false, dueSoon: false });
    const concept = qaStatistics.stepTimes.find((entry) => entry.stepKey === 'concept')!;
    expect(concept.medianDays).toBeGreaterThanOrEqual(6);
    expect(concept.p90Days).toBeGreaterThanOrEqual(concept.medianDays);
    expect(qaStatistics.stepTimes.find((entry) => entry.stepKey === 'board')?.waiting).toBe(1);
  });
});
