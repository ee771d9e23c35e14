import { describe, expect, it } from 'vitest';
import { decide, openReview, resubmit } from '../../functions/core/qa/review';
import { defaultQaWorkflow } from '../../functions/core/qa/workflow';
import { ConflictError } from '../../functions/core/shared/errors';

const start = new Date('2026-01-05T09:00:00.000Z');
const later = (days: number) => new Date(start.getTime() + days * 24 * 3600 * 1000);
const author = { id: 'author' };
const reviewer = { id: 'reviewer' };

function aReview(
  fields: Record<string, string> = { conceptForm: 'https://x.test/c', industryNeed: 'need' },
) {
  return openReview({
    id: 'r1',
    institutionId: 'i1',
    microCredentialId: 'd1',
    designVersion: 1,
    designName: 'Design',
    workflow: defaultQaWorkflow('i1', start.toISOString()),
    fields,
    contentDigest: 'abc',
    actor: author,
    now: start,
  });
}

describe('review transitions', () => {
  it('opens at the first step with its due date when submitted', () => {
    const { review, entry } = aReview();

    expect(review).toMatchObject({
      status: 'IN_PROGRESS',
      currentStepIndex: 0,
      round: 1,
      historyCount: 1,
      version: 1,
    });
    expect(review.currentStepDueAt).toBe(later(28).toISOString());
    expect(entry).toMatchObject({ sequence: 1, action: 'SUBMITTED' });
  });

  it('moves to the next step and records how long the step took when approved', () => {
    const { review } = aReview();

    const { review: next, entry } = decide(review, {
      stepKey: 'concept-assessment',
      outcome: 'APPROVE',
      actor: reviewer,
      now: later(10),
    });

    expect(next).toMatchObject({
      currentStepIndex: 1,
      currentStepDueAt: later(24).toISOString(),
      version: 2,
      historyCount: 2,
    });
    expect(entry).toMatchObject({
      sequence: 2,
      action: 'APPROVED',
      role: 'curriculum-committee',
      durationMs: 10 * 24 * 3600 * 1000,
    });
  });

  it('approves the review when the last step is approved', () => {
    let { review } = aReview({
      conceptForm: 'c',
      industryNeed: 'n',
      developmentPlan: 'd',
      fullProposal: 'f',
    });

    for (const step of review.steps) {
      review = decide(review, {
        stepKey: step.key,
        outcome: 'APPROVE',
        actor: reviewer,
        now: later(1),
      }).review;
    }

    expect(review).toMatchObject({ status: 'APPROVED', completedAt: later(1).toISOString() });
    expect(review.currentStepDueAt).toBeUndefined();
  });

  it('refuses approval while required fields are missing, but allows other decisions', () => {
    const { review } = aReview({});

    expect(() =>
      decide(review, {
        stepKey: 'concept-assessment',
        outcome: 'APPROVE',
        actor: reviewer,
        now: later(1),
      }),
    ).toThrow(ConflictError);
    expect(
      decide(review, {
        stepKey: 'concept-assessment',
        outcome: 'REJECT',
        actor: reviewer,
        now: later(1),
      }).review.status,
    ).toBe('REJECTED');
  });

  it('resumes at the same step in a new round when resubmitted after changes were requested', () => {
    const { review } = aReview();
    const paused = decide(review, {
      stepKey: 'concept-assessment',
      outcome: 'REQUEST_CHANGES',
      actor: reviewer,
      now: later(3),
    }).review;

    const { review: resumed, entry } = resubmit(paused, {
      fields: {},
      contentDigest: 'def',
      actor: author,
      now: later(5),
    });

    expect(resumed).toMatchObject({
      status: 'IN_PROGRESS',
      currentStepIndex: 0,
      round: 2,
      contentDigest: 'def',
    });
    expect(resumed.currentStepDueAt).toBe(later(33).toISOString());
    expect(entry).toMatchObject({ action: 'RESUBMITTED', round: 2, sequence: 3 });
  });

  it('refuses a resubmission when no changes were requested', () => {
    expect(() =>
      resubmit(aReview().review, { fields: {}, contentDigest: 'x', actor: author, now: later(1) }),
    ).toThrow(/changes requested/);
  });
});
