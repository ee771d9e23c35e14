import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserPrincipal } from '../../functions/core/auth/principal';
import { demoDesigns } from '../../infra/local/demo-content';
import { startTestServices, type TestServices } from '../support/services';

type Json = Record<string, unknown>;

const rubric = [
  { id: 'developing', name: 'Developing', points: 1 },
  { id: 'proficient', name: 'Proficient', points: 2 },
  { id: 'exemplary', name: 'Exemplary', points: 3 },
];

/** What a call settled as: its value, or the category and code it was refused with. */
async function outcome<T>(promise: Promise<T>) {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: error as { code?: string; category?: string } };
  }
}

describe('the learner pathway: enrolment, evidence, assessment, automatic award', () => {
  let t: TestServices;
  let designId: string;
  let institutionId: string;
  let assessor: UserPrincipal;

  const learner = (name: string) =>
    t.as('learner', { subject: `learner-${name}`, email: `${name}@example.org` });
  const enrol = (principal: UserPrincipal, microCredentialId = designId) =>
    t.services.learning.enrolments.enrol(principal, microCredentialId);
  const submit = (principal: UserPrincipal, enrolmentId: string, input: Json) =>
    outcome(t.services.learning.evidence.submit(principal, enrolmentId, input));
  const assess = (principal: UserPrincipal, id: string, input: Json) =>
    outcome(t.services.learning.assessment.assess(principal, id, input));
  const submitAll = async (principal: UserPrincipal, enrolmentId: string) => {
    const ids: Record<string, string> = {};
    for (const component of ['EDUCATIONAL', 'DEMONSTRATION', 'REFLECTIVE']) {
      const result = await submit(principal, enrolmentId, {
        component,
        narrative: `My ${component.toLowerCase()} evidence.`,
      });
      ids[component] = result.value!.id;
    }
    return ids;
  };

  beforeAll(async () => {
    t = await startTestServices();
    const [base] = demoDesigns;
    const published = await t.publishedDesign({
      name: 'Assessed Leadership',
      components: {
        ...base!.components,
        demonstration: { ...base!.components.demonstration, rubric },
      },
    });
    designId = published.designId;
    institutionId = published.institutionId;
    assessor = t.as('assessor', { institutionId, subject: 'assessor-1' });
  });
  afterAll(() => t.stop());

  it('enforces the evidence rules: one open round, feedback to return, a rubric level to accept', async () => {
    const kate = learner('kate');
    const enrolment = await enrol(kate);
    const first = await submit(kate, enrolment.id, {
      component: 'DEMONSTRATION',
      narrative: 'First try.',
    });

    const again = await submit(kate, enrolment.id, {
      component: 'DEMONSTRATION',
      narrative: 'Second try.',
    });
    const empty = await submit(kate, enrolment.id, { component: 'EDUCATIONAL' });
    const noFeedback = await assess(assessor, first.value!.id, { decision: 'RETURN' });
    const noLevel = await assess(assessor, first.value!.id, { decision: 'ACCEPT' });
    const sameEnrolment = await enrol(kate);

    expect(again.error).toMatchObject({
      category: 'CONFLICT',
      code: 'EVIDENCE_UNDER_ASSESSMENT',
    });
    expect(empty.error).toMatchObject({ category: 'BAD_USER_INPUT', code: 'EVIDENCE_EMPTY' });
    expect(noFeedback.error?.category).toBe('BAD_USER_INPUT');
    expect(noLevel.error?.code).toBe('RUBRIC_LEVEL_REQUIRED');
    expect(sameEnrolment.id).toBe(enrolment.id);
  });

  it('records AWARD_FAILED on the enrolment when the design was retired before the award, once', async () => {
    const { designId: retiring, qa } = await t.publishedDesign(
      { name: 'Retiring Leadership' },
      institutionId,
    );
    const rita = learner('rita');
    const enrolment = await enrol(rita, retiring);
    const ids = await submitAll(rita, enrolment.id);
    await assess(assessor, ids.EDUCATIONAL!, { decision: 'ACCEPT' });
    await assess(assessor, ids.DEMONSTRATION!, { decision: 'ACCEPT' });
    const design = await t.services.microCredentials.get(qa.admin, retiring);
    await t.services.qa.publication.retire(qa.admin, retiring, design.version, 'Replaced');

    const last = await assess(assessor, ids.REFLECTIVE!, { decision: 'ACCEPT' });
    await t.drain();
    await t.drain();
    const learnerSees = await t.services.learning.enrolments.enrolment(rita, enrolment.id);
    const adminSees = await t.services.learning.enrolments.enrolment(qa.admin, enrolment.id);
    const events = await t.services.events.list(qa.admin, institutionId, 100);

    expect(last.error).toBeUndefined();
    expect(learnerSees).toMatchObject({
      status: 'AWARD_FAILED',
      awardFailure: { code: 'DESIGN_RETIRED' },
    });
    expect(learnerSees.credentialId).toBeUndefined();
    expect(learnerSees.awardFailure!.message).toContain('retired');
    expect(adminSees.awardFailure).toEqual(learnerSees.awardFailure);
    expect(
      events.items
        .filter((event) => event.aggregateId === enrolment.id)
        .map((event) => event.type)
        .filter((type) => type.startsWith('enrolment.')),
    ).toEqual(expect.arrayContaining(['enrolment.completed', 'enrolment.award_failed']));
    expect(
      events.items.filter(
        (event) => event.aggregateId === enrolment.id && event.type === 'enrolment.award_failed',
      ),
    ).toHaveLength(1);
  });
});
