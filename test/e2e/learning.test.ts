import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import { learningOperations as ops, uploadEvidenceFile } from '../../infra/local/portal-flows';
import { demoDesigns } from '../../infra/local/demo-content';
import { verifyWithDigitalBazaar } from '../support/independent-verifier';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;
interface EnrolmentView {
  id: string;
  status: string;
  components: { component: string; status: string; round: number }[];
  credential: { id: string; url: string; kind: string; json: Json } | null;
  submissions: {
    id: string;
    component: string;
    round: number;
    status: string;
    narrative: string;
    files: { id: string; name: string; sha256: string; size: number; downloadUrl: string }[];
  }[];
}

const rubric = [
  { id: 'developing', name: 'Developing', points: 1 },
  { id: 'proficient', name: 'Proficient', points: 2 },
  { id: 'exemplary', name: 'Exemplary', points: 3 },
];

describe('the learner pathway: enrolment, evidence, assessment, automatic award', () => {
  let t: TestPlatform;
  let designId: string;
  let institutionId: string;
  let assessor: Caller;

  const learner = (name: string) =>
    t.as('learner', { subject: `learner-${name}`, email: `${name}@example.org` });
  const enrol = async (caller: Caller) =>
    (
      await t.api.call<{ enrol: { id: string; components: { status: string }[] } }>(
        ops.enrol,
        { id: designId },
        caller,
      )
    ).enrol;
  const submit = (caller: Caller, enrolmentId: string, input: Json) =>
    t.api.request<{ submitEvidence: { id: string; round: number } }>(
      ops.submit,
      { enrolmentId, input },
      caller,
    );
  const assess = (caller: Caller, id: string, input: Json) =>
    t.api.request<{ assessEvidence: { status: string } }>(ops.assess, { id, input }, caller);
  const view = async (caller: Caller, id: string) =>
    (await t.api.call<{ enrolment: EnrolmentView }>(ops.enrolment, { id }, caller)).enrolment;
  const submitAll = async (caller: Caller, enrolmentId: string) => {
    const ids: Record<string, string> = {};
    for (const component of ['EDUCATIONAL', 'DEMONSTRATION', 'REFLECTIVE']) {
      const result = await submit(caller, enrolmentId, {
        component,
        narrative: `My ${component.toLowerCase()} evidence.`,
      });
      ids[component] = result.data!.submitEvidence.id;
    }
    return ids;
  };

  beforeAll(async () => {
    t = await startTestPlatform();
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
    assessor = await t.as('assessor', { institutionId, subject: 'assessor-1' });
  });
  afterAll(() => t.stop());

  it('takes a learner from enrolment through a returned and resubmitted component to an issued credential', async () => {
    const ada = await learner('ada');
    const { catalogue } = await t.api.call<{ catalogue: { nodes: { id: string }[] } }>(
      `{ catalogue(first: 100) { nodes { id } } }`,
    );
    const enrolment = await enrol(ada);
    const pdf = Buffer.from('%PDF-1.4 module completion record');
    const fileId = await uploadEvidenceFile(t.api, ada, enrolment.id, {
      component: 'EDUCATIONAL',
      fileName: 'completion.pdf',
      contentType: 'application/pdf',
      body: pdf,
    });
    await submit(ada, enrolment.id, {
      component: 'EDUCATIONAL',
      narrative: 'I completed all four weeks.',
      fileIds: [fileId],
    });
    await submit(ada, enrolment.id, {
      component: 'DEMONSTRATION',
      narrative: 'I led a curriculum review.',
      links: [{ url: 'https://portfolio.example.org/review', name: 'Report' }],
    });
    await submit(ada, enrolment.id, {
      component: 'REFLECTIVE',
      narrative: 'This changed how I coach colleagues.',
    });
    const queue = await t.api.call<{
      assessmentQueue: { nodes: { id: string; component: string; enrolmentId: string }[] };
    }>(ops.queue, {}, assessor);
    const waiting = Object.fromEntries(
      queue.assessmentQueue.nodes
        .filter((node) => node.enrolmentId === enrolment.id)
        .map((node) => [node.component, node.id]),
    );

    const returned = await assess(assessor, waiting.DEMONSTRATION!, {
      decision: 'RETURN',
      feedback: 'Add the outcome of the review.',
    });
    const resubmitted = await submit(ada, enrolment.id, {
      component: 'DEMONSTRATION',
      narrative: 'I led a curriculum review; attendance rose 12%.',
    });
    await assess(assessor, waiting.EDUCATIONAL!, { decision: 'ACCEPT' });
    await assess(assessor, resubmitted.data!.submitEvidence.id, {
      decision: 'ACCEPT',
      rubricLevelId: 'proficient',
    });
    await assess(assessor, waiting.REFLECTIVE!, { decision: 'ACCEPT', feedback: 'Thoughtful.' });
    await t.platform.drain();
    const done = await view(ada, enrolment.id);

    expect(catalogue.nodes.map((node) => node.id)).toContain(designId);
    expect(enrolment.components.map((component) => component.status)).toEqual([
      'NOT_STARTED',
      'NOT_STARTED',
      'NOT_STARTED',
    ]);
    expect(returned.data?.assessEvidence.status).toBe('RETURNED');
    expect(resubmitted.data?.submitEvidence.round).toBe(2);
    expect(done.status).toBe('COMPLETED');
    expect(
      done.submissions.map((submission) => [
        submission.component,
        submission.round,
        submission.status,
      ]),
    ).toEqual([
      ['EDUCATIONAL', 1, 'ACCEPTED'],
      ['DEMONSTRATION', 1, 'RETURNED'],
      ['REFLECTIVE', 1, 'ACCEPTED'],
      ['DEMONSTRATION', 2, 'ACCEPTED'],
    ]);
    expect(done.submissions[0]!.files[0]).toMatchObject({
      name: 'completion.pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
    const credential = done.credential!;
    expect(credential.kind).toBe('micro');
    const evidence = credential.json.evidence as Json[];
    expect(evidence.map((entry) => entry.genre)).toEqual([
      'Educational',
      'Demonstration',
      'Reflective',
    ]);
    expect(evidence[0]!.narrative).toBe('I completed all four weeks.');
    expect(evidence[2]!.narrative).toBeUndefined();
    const [result] = (credential.json.credentialSubject as { result: Json[] }).result;
    expect(result!.achievedLevel).toMatch(/#rubric-demonstration-proficient$/);
    const achievement = (
      credential.json.credentialSubject as { achievement: { resultDescription: { id: string }[] } }
    ).achievement;
    expect(achievement.resultDescription.map((description) => description.id)).toEqual([
      result!.resultDescription,
    ]);
    expect((await verifyWithDigitalBazaar(credential.json)).verified).toBe(true);
  });

  it('issues exactly one credential when the last two components are accepted at the same time', async () => {
    const grace = await learner('grace');
    const enrolment = await enrol(grace);
    const ids = await submitAll(grace, enrolment.id);
    await assess(assessor, ids.EDUCATIONAL!, { decision: 'ACCEPT' });
    const second = await t.as('assessor', { institutionId, subject: 'assessor-2' });

    const [one, two] = await Promise.all([
      assess(assessor, ids.DEMONSTRATION!, { decision: 'ACCEPT', rubricLevelId: 'exemplary' }),
      assess(second, ids.REFLECTIVE!, { decision: 'ACCEPT' }),
    ]);
    await t.platform.drain();
    await t.platform.drain();
    const events = await t.api.call<{
      domainEvents: { nodes: { type: string; aggregateId: string }[] };
    }>(
      `query ($id: ID!) { domainEvents(institutionId: $id, first: 100) { nodes { type aggregateId } } }`,
      { id: institutionId },
      (await t.qaCallers(institutionId)).admin,
    );
    const mine = await t.api.call<{ myCredentials: { issued: { nodes: { id: string }[] } } }>(
      `{ myCredentials { issued { nodes { id } } } }`,
      {},
      grace,
    );

    expect(one.errors).toBeUndefined();
    expect(two.errors).toBeUndefined();
    expect(
      events.domainEvents.nodes.filter(
        (event) => event.type === 'enrolment.completed' && event.aggregateId === enrolment.id,
      ),
    ).toHaveLength(1);
    expect(mine.myCredentials.issued.nodes).toHaveLength(1);
    expect((await view(grace, enrolment.id)).credential?.id).toBe(
      mine.myCredentials.issued.nodes[0]!.id,
    );
  });

  it('enforces the evidence rules: one open round, feedback to return, a rubric level to accept', async () => {
    const kate = await learner('kate');
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
    const noFeedback = await assess(assessor, first.data!.submitEvidence.id, {
      decision: 'RETURN',
    });
    const noLevel = await assess(assessor, first.data!.submitEvidence.id, { decision: 'ACCEPT' });
    const sameEnrolment = await enrol(kate);

    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'EVIDENCE_UNDER_ASSESSMENT',
    });
    expect(empty.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      errorCode: 'EVIDENCE_EMPTY',
    });
    expect(noFeedback.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(noLevel.errors?.[0]?.extensions?.errorCode).toBe('RUBRIC_LEVEL_REQUIRED');
    expect(sameEnrolment.id).toBe(enrolment.id);
  });

  it('limits evidence files by type and size, and records the digest of what was really stored', async () => {
    const mary = await learner('mary');
    const enrolment = await enrol(mary);
    const request = (input: Json) =>
      t.api.request(
        ops.upload,
        {
          enrolmentId: enrolment.id,
          input: {
            component: 'EDUCATIONAL',
            fileName: 'x.bin',
            contentType: 'application/pdf',
            size: 10,
            ...input,
          },
        },
        mary,
      );

    const tooLarge = await request({ size: 26 * 1024 * 1024 });
    const executable = await request({
      contentType: 'application/x-msdownload',
      fileName: 'setup.exe',
    });
    const pathName = await request({ fileName: '../../etc/passwd' });
    const { requestEvidenceUpload: ticket } = await t.api.call<{
      requestEvidenceUpload: { fileId: string; uploadUrl: string; headers: Record<string, string> };
    }>(
      ops.upload,
      {
        enrolmentId: enrolment.id,
        input: {
          component: 'EDUCATIONAL',
          fileName: 'notes.txt',
          contentType: 'text/plain',
          size: 5,
        },
      },
      mary,
    );
    const notUploaded = await submit(mary, enrolment.id, {
      component: 'EDUCATIONAL',
      fileIds: [ticket.fileId],
    });
    // S3 refuses a body whose length differs from the signed one; the platform checks again itself.
    await fetch(ticket.uploadUrl, {
      method: 'PUT',
      headers: ticket.headers,
      body: 'longer than announced',
    });
    const wrongSize = await submit(mary, enrolment.id, {
      component: 'EDUCATIONAL',
      fileIds: [ticket.fileId],
    });
    const ok = await fetch(ticket.uploadUrl, {
      method: 'PUT',
      headers: ticket.headers,
      body: 'hello',
    });
    const submitted = await submit(mary, enrolment.id, {
      component: 'EDUCATIONAL',
      fileIds: [ticket.fileId],
    });
    const stored = (await view(mary, enrolment.id)).submissions[0]!.files[0]!;
    const download = await fetch(stored.downloadUrl);

    expect(tooLarge.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ path: 'input.size' }),
    ]);
    expect(executable.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ path: 'input.contentType' }),
    ]);
    expect(pathName.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(notUploaded.errors?.[0]?.extensions?.errorCode).toBe('FILE_NOT_UPLOADED');
    expect(wrongSize.errors?.[0]?.extensions?.errorCode).toBe('FILE_SIZE_MISMATCH');
    expect(ok.ok).toBe(true);
    expect(submitted.errors).toBeUndefined();
    expect(stored.sha256).toBe(createHash('sha256').update('hello').digest('hex'));
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(await download.text()).toBe('hello');
  });

  it("shows evidence only to its learner and the institution's staff", async () => {
    const owner = await learner('owner');
    const enrolment = await enrol(owner);
    const { data } = await submit(owner, enrolment.id, {
      component: 'REFLECTIVE',
      narrative: 'Private thoughts.',
    });
    const submissionId = data!.submitEvidence.id;
    const otherInstitution = await t.createInstitution({ name: 'Other Polytechnic' });
    const foreignAssessor = await t.as('assessor', {
      institutionId: otherInstitution,
      subject: 'foreign-assessor',
    });
    const admin = await t.as('issuer-admin', { institutionId, subject: 'admin-reader' });
    const stranger = await learner('stranger');
    const read = (caller: Caller) =>
      t.api.request(
        `query ($id: ID!) { submission(id: $id) { narrative } }`,
        { id: submissionId },
        caller,
      );

    const results = {
      stranger: await read(stranger),
      foreignAssessor: await read(foreignAssessor),
      foreignAssess: await assess(foreignAssessor, submissionId, { decision: 'ACCEPT' }),
      anonymous: await read({}),
      strangerEnrolment: await t.api.request(
        `query ($id: ID!) { enrolment(id: $id) { id } }`,
        { id: enrolment.id },
        stranger,
      ),
      strangerSubmits: await submit(stranger, enrolment.id, {
        component: 'EDUCATIONAL',
        narrative: 'Not mine.',
      }),
    };
    const ownView = await read(owner);
    const adminView = await read(admin);
    const publicPage = await fetch(`${t.platform.url}/evidence/${submissionId}`);

    expect(
      Object.fromEntries(
        Object.entries(results).map(([name, result]) => [
          name,
          result.errors?.[0]?.extensions?.code,
        ]),
      ),
    ).toEqual({
      stranger: 'FORBIDDEN',
      foreignAssessor: 'FORBIDDEN',
      foreignAssess: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
      strangerEnrolment: 'FORBIDDEN',
      strangerSubmits: 'FORBIDDEN',
    });
    expect(ownView.data).toEqual({ submission: { narrative: 'Private thoughts.' } });
    expect(adminView.data).toEqual({ submission: { narrative: 'Private thoughts.' } });
    expect(publicPage.status).toBe(403);
    expect(await publicPage.text()).not.toContain('Private thoughts');
  });
});
