import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import {
  approveDesign,
  designOf,
  operations,
  learningOperations as ops,
  publishDesign,
  uploadEvidenceFile,
} from '../../infra/local/portal-flows';
import { demoDesigns } from '../../infra/local/demo-content';
import { readSeedRecord, seedDemoInstitution } from '../../infra/local/seed';
import { designInput } from '../support/builders';
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

/** The award's outcome as the learner sees it on the enrolment. */
const awardView = `query ($id: ID!) {
  enrolment(id: $id) {
    status designVersion awardedDesignVersion evidenceAttached
    awardFailure { code message failedAt }
    credential { id designVersion json }
  }
}`;
interface AwardView {
  status: string;
  designVersion: number;
  awardedDesignVersion: number | null;
  evidenceAttached: boolean | null;
  awardFailure: { code: string; message: string; failedAt: string } | null;
  credential: { id: string; designVersion: number; json: Json } | null;
}
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

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
  const enrol = async (caller: Caller, microCredentialId = designId) =>
    (
      await t.api.call<{ enrol: { id: string; components: { status: string }[] } }>(
        ops.enrol,
        { id: microCredentialId },
        caller,
      )
    ).enrol;
  const awardOf = async (caller: Caller, id: string) =>
    (await t.api.call<{ enrolment: AwardView }>(awardView, { id }, caller)).enrolment;
  /** Accepts the three submissions of `submitAll` (with a rubric level where the design has one). */
  const acceptAll = async (ids: Record<string, string>, level?: string) => {
    for (const component of ['EDUCATIONAL', 'DEMONSTRATION', 'REFLECTIVE']) {
      const result = await assess(assessor, ids[component]!, {
        decision: 'ACCEPT',
        ...(component === 'DEMONSTRATION' && level ? { rubricLevelId: level } : {}),
      });
      expect(result.errors).toBeUndefined();
    }
  };
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
      includeNarrative: true,
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
    // Private evidence: the narrative the learner chose to include, and no other.
    expect(evidence[0]!.narrative).toBe('I completed all four weeks.');
    expect(evidence[1]!.narrative).toBeUndefined();
    expect(evidence[2]!.narrative).toBeUndefined();
    expect(JSON.stringify(credential.json)).not.toContain('attendance rose 12%');
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
      stranger: 'NOT_FOUND',
      foreignAssessor: 'NOT_FOUND',
      foreignAssess: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
      strangerEnrolment: 'NOT_FOUND',
      strangerSubmits: 'FORBIDDEN',
    });
    expect(ownView.data).toEqual({ submission: { narrative: 'Private thoughts.' } });
    expect(adminView.data).toEqual({ submission: { narrative: 'Private thoughts.' } });
    expect(publicPage.status).toBe(404);
    expect(await publicPage.text()).not.toContain('Private thoughts');
  });

  it('serves the sealed copy and keeps the digest when the learner overwrites the upload after submitting', async () => {
    const lin = await learner('lin');
    const enrolment = await enrol(lin);
    const original = Buffer.from('%PDF-1.4 the record I submitted');
    const forged = Buffer.from('%PDF-1.4 a record swapped later');
    const { requestEvidenceUpload: ticket } = await t.api.call<{
      requestEvidenceUpload: { fileId: string; uploadUrl: string; headers: Record<string, string> };
    }>(
      ops.upload,
      {
        enrolmentId: enrolment.id,
        input: {
          component: 'EDUCATIONAL',
          fileName: 'record.pdf',
          contentType: 'application/pdf',
          size: original.length,
        },
      },
      lin,
    );
    await fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.headers, body: original });
    const submitted = await submit(lin, enrolment.id, {
      component: 'EDUCATIONAL',
      narrative: 'My record.',
      fileIds: [ticket.fileId],
    });

    // The presigned PUT still works for its 15 minutes; it can only reach the upload key.
    const overwrite = await fetch(ticket.uploadUrl, {
      method: 'PUT',
      headers: ticket.headers,
      body: forged,
    });
    const { submission } = await t.api.call<{
      submission: { files: { sha256: string; downloadUrl: string }[] };
    }>(
      `query ($id: ID!) { submission(id: $id) { files { sha256 downloadUrl } } }`,
      { id: submitted.data!.submitEvidence.id },
      assessor,
    );
    const downloaded = Buffer.from(
      await (await fetch(submission.files[0]!.downloadUrl)).arrayBuffer(),
    );
    const learnerView = (await view(lin, enrolment.id)).submissions[0]!.files[0]!;

    expect(forged.length).toBe(original.length);
    expect(overwrite.ok).toBe(true);
    expect(downloaded.equals(original)).toBe(true);
    expect(submission.files[0]!.sha256).toBe(sha256(original));
    expect(learnerView.sha256).toBe(sha256(original));
    expect(Buffer.from(await (await fetch(learnerView.downloadUrl)).arrayBuffer())).toEqual(
      original,
    );
  });

  it('issues the published version when a newer one superseded the version enrolled in, and says so', async () => {
    const { designId: revised, qa } = await t.publishedDesign(
      { name: 'Revised Leadership' },
      institutionId,
    );
    const vera = await learner('vera');
    const enrolment = await enrol(vera, revised);
    const ids = await submitAll(vera, enrolment.id);
    const design = await designOf(t.api, revised, qa.admin);
    await t.api.call(
      `mutation ($id: ID!, $v: Int!) { updateMicroCredential(id: $id, expectedVersion: $v, input: { assessmentType: "Portfolio and observed demonstration" }) { id } }`,
      { id: revised, v: design.version },
      qa.admin,
    );
    await approveDesign(t.api, revised, qa);
    await publishDesign(t.api, revised, qa.admin);

    await acceptAll(ids);
    await t.platform.drain();
    const award = await awardOf(vera, enrolment.id);

    expect(award).toMatchObject({
      status: 'COMPLETED',
      designVersion: 1,
      awardedDesignVersion: 2,
      evidenceAttached: true,
      awardFailure: null,
    });
    expect(award.credential!.designVersion).toBe(2);
    expect((award.credential!.json.evidence as Json[])[0]!.description).toContain(
      'assessed against version 1',
    );
  });

  it('links a credential staff already issued by hand, without the evidence, and says so', async () => {
    const hana = await learner('hana');
    const admin = (await t.qaCallers(institutionId)).admin;
    const { issueCredential: byHand } = await t.api.call<{ issueCredential: { id: string } }>(
      `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`,
      { input: { microCredentialId: designId, recipient: { email: 'hana@example.org' } } },
      admin,
    );
    const enrolment = await enrol(hana);
    const ids = await submitAll(hana, enrolment.id);

    await acceptAll(ids, 'proficient');
    await t.platform.drain();
    const award = await awardOf(hana, enrolment.id);
    const mine = await t.api.call<{ myCredentials: { issued: { nodes: { id: string }[] } } }>(
      `{ myCredentials { issued { nodes { id } } } }`,
      {},
      hana,
    );

    expect(award).toMatchObject({
      status: 'COMPLETED',
      evidenceAttached: false,
      awardedDesignVersion: 1,
      credential: { id: byHand.id },
    });
    expect(award.credential!.json.evidence).toBeUndefined();
    expect(mine.myCredentials.issued.nodes.map((node) => node.id)).toEqual([byHand.id]);
  });

  it('keeps and lists every round past the first hundred submissions, and awards from the last', async () => {
    const paula = await learner('paula');
    const enrolment = await enrol(paula);
    const rounds = 34;
    const latest: Record<string, string> = {};
    // One request at a time: submissions of one enrolment write its record in turn.
    for (let round = 1; round <= rounds; round += 1) {
      for (const component of ['EDUCATIONAL', 'DEMONSTRATION', 'REFLECTIVE']) {
        const { data } = await submit(paula, enrolment.id, {
          component,
          narrative: `${component} round ${round}.`,
        });
        latest[component] = data!.submitEvidence.id;
        if (round < rounds)
          await assess(assessor, latest[component], { decision: 'RETURN', feedback: 'Again.' });
      }
    }

    await acceptAll(latest, 'exemplary');
    await t.platform.drain();
    const done = await view(paula, enrolment.id);

    expect(done.submissions).toHaveLength(3 * rounds);
    expect(new Set(done.submissions.map((submission) => submission.id)).size).toBe(3 * rounds);
    expect(
      done.submissions.filter((submission) => submission.status === 'ACCEPTED').map((s) => s.id),
    ).toEqual(expect.arrayContaining(Object.values(latest)));
    expect(done.status).toBe('COMPLETED');
    expect(
      (done.credential!.json.evidence as Json[]).map((entry) => entry.narrative ?? null),
    ).toEqual([null, null, null]);
  }, 120_000);

  const queueOf = (caller: Caller, microCredentialId?: string) =>
    t.api.request<{ assessmentQueue: { nodes: { id: string; microCredentialId: string }[] } }>(
      `query ($id: ID) { assessmentQueue(first: 100, microCredentialId: $id) { nodes { id microCredentialId } } }`,
      { id: microCredentialId },
      caller,
    );
  /** A learner's reflective submission in the main design and in another of the institution. */
  const submittedInTwoDesigns = async (name: string, otherDesignName: string) => {
    const { designId: other } = await t.publishedDesign({ name: otherDesignName }, institutionId);
    const caller = await learner(name);
    const here = await enrol(caller);
    const there = await enrol(caller, other);
    const main = await submit(caller, here.id, {
      component: 'REFLECTIVE',
      narrative: 'Main design.',
    });
    const elsewhere = await submit(caller, there.id, {
      component: 'REFLECTIVE',
      narrative: 'Other design.',
    });
    return {
      other,
      learner: caller,
      mainEnrolment: here.id,
      main: main.data!.submitEvidence.id,
      elsewhere: elsewhere.data!.submitEvidence.id,
    };
  };

  it("filters the assessors' queue by design, and finds nothing for another institution's design", async () => {
    const {
      other,
      learner: quinn,
      main,
      elsewhere,
    } = await submittedInTwoDesigns('quinn', 'Queued Elsewhere');
    const foreignInstitution = await t.createInstitution({ name: 'Queue Polytechnic' });
    const foreignAssessor = await t.as('assessor', {
      institutionId: foreignInstitution,
      subject: 'queue-foreign-assessor',
    });

    const all = await queueOf(assessor);
    const onlyOther = await queueOf(assessor, other);
    const foreign = await queueOf(foreignAssessor, other);
    const learnerAsks = await queueOf(quinn, other);

    const ids = (result: typeof all) => result.data!.assessmentQueue.nodes.map((node) => node.id);
    expect(ids(all)).toEqual(expect.arrayContaining([main, elsewhere]));
    expect(ids(onlyOther)).toEqual([elsewhere]);
    expect(onlyOther.data!.assessmentQueue.nodes.every((n) => n.microCredentialId === other)).toBe(
      true,
    );
    expect(ids(foreign)).toEqual([]);
    expect(learnerAsks.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('limits an assessor given designs to the evidence of those designs', async () => {
    const { other, mainEnrolment, main, elsewhere } = await submittedInTwoDesigns(
      'rowan',
      'Assessed Apart',
    );
    const limited = await t.as('assessor', {
      institutionId,
      subject: 'assessor-of-one-design',
      assessedDesigns: [other],
    });
    const readSubmission = (id: string, caller = limited) =>
      t.api.request<{ submission: { id: string; status: string } }>(
        `query ($id: ID!) { submission(id: $id) { id status } }`,
        { id },
        caller,
      );

    const everything = await queueOf(limited);
    const mainQueue = await queueOf(limited, designId);
    const outside = await readSubmission(main);
    const outsideEnrolment = await t.api.request(ops.enrolment, { id: mainEnrolment }, limited);
    const refused = await assess(limited, main, {
      decision: 'RETURN',
      feedback: 'Not mine to assess.',
    });
    const inside = await readSubmission(elsewhere);
    const accepted = await assess(limited, elsewhere, { decision: 'ACCEPT' });
    const untouched = await readSubmission(main, assessor);

    const nodes = everything.data!.assessmentQueue.nodes;
    expect(nodes.map((node) => node.id)).toContain(elsewhere);
    expect(nodes.every((node) => node.microCredentialId === other)).toBe(true);
    for (const result of [mainQueue, refused])
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Reads of what the assessor may not see answer as for what does not exist.
    for (const result of [outside, outsideEnrolment])
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(inside.data!.submission.id).toBe(elsewhere);
    expect(accepted.data!.assessEvidence.status).toBe('ACCEPTED');
    // The refused decision changed nothing: the institution's assessors still see it pending.
    expect(untouched.data!.submission.status).toBe('SUBMITTED');
  });
});

describe('the local seed', () => {
  let t: TestPlatform;

  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.stop());

  const catalogue = async () =>
    (
      await t.api.call<{ catalogue: { nodes: { id: string; name: string; status: string }[] } }>(
        `{ catalogue(first: 100) { nodes { id name status } } }`,
      )
    ).catalogue.nodes;

  it('publishes a QA-approved, partner-endorsed design a learner can enrol in, once across restarts', async () => {
    const recordFile = join(mkdtempSync(join(tmpdir(), 'tessera-seed-')), 'seed.json');
    const drain = () => t.platform.drain();

    const first = await seedDemoInstitution(t.platform.container, recordFile, { drain });
    const afterFirst = await catalogue();
    const again = await seedDemoInstitution(t.platform.container, recordFile, { drain });
    const afterAgain = await catalogue();
    const { microCredential } = await t.api.call<{
      microCredential: { status: string; endorsements: { partner: { id: string } }[] };
    }>(`query ($id: ID!) { microCredential(id: $id) { status endorsements { partner { id } } } }`, {
      id: first.publishedMicroCredentialId,
    });
    const learner = await t.as('learner', { subject: 'seed-learner', email: 'seed@example.org' });
    const enrolment = await t.api.request(
      ops.enrol,
      { id: first.publishedMicroCredentialId },
      learner,
    );

    expect(first.publishedMicroCredentialId).toBe(first.microCredentialIds[0]);
    expect(afterFirst.map((design) => design.id)).toEqual([first.publishedMicroCredentialId]);
    expect(again).toEqual(first);
    expect(readSeedRecord(recordFile)).toEqual(first);
    expect(afterAgain).toEqual(afterFirst);
    expect(microCredential.status).toBe('PUBLISHED');
    expect(microCredential.endorsements.map((endorsement) => endorsement.partner.id)).toEqual([
      first.partnerId,
    ]);
    expect(enrolment.errors).toBeUndefined();
  });

  it('finishes the publication for a record an older seed wrote (drafts only)', async () => {
    const recordFile = join(mkdtempSync(join(tmpdir(), 'tessera-seed-')), 'seed.json');
    const institutionId = await t.createInstitution({ name: 'Older Seed Polytechnic' });
    const admin = (await t.qaCallers(institutionId)).admin;
    const { createMicroCredential } = await t.api.call<{ createMicroCredential: { id: string } }>(
      operations.createDesign,
      { input: designInput(institutionId, { name: 'Seeded Draft' }) },
      admin,
    );
    writeFileSync(
      recordFile,
      JSON.stringify({ institutionId, microCredentialIds: [createMicroCredential.id] }),
    );

    const record = await seedDemoInstitution(t.platform.container, recordFile, {
      drain: () => t.platform.drain(),
    });

    expect(record).toMatchObject({
      institutionId,
      microCredentialIds: [createMicroCredential.id],
      publishedMicroCredentialId: createMicroCredential.id,
    });
    expect(JSON.parse(readFileSync(recordFile, 'utf8'))).toEqual(record);
    expect((await catalogue()).map((design) => design.id)).toContain(createMicroCredential.id);
  });
});
