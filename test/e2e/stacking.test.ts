import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailHash } from '../../functions/core/issuance/issuance-service';
import { emailIdentity } from '../../functions/core/credential/open-badge';
import { createWorkerHandler } from '../../functions/handlers/worker-handler';
import type { Caller } from '../../infra/local/graphql-client';
import { demoStackedDesign } from '../../infra/local/demo-content';
import {
  approveDesign,
  endorseDesign,
  operations,
  publishDesign,
  stackingOperations as ops,
} from '../../infra/local/portal-flows';
import { designInput } from '../support/builders';
import { ExternalIssuer } from '../support/external-issuer';
import { lagIndexReads } from '../support/faults';
import { verifyWithDigitalBazaar } from '../support/independent-verifier';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { countItems } from '../support/table';

type Json = Record<string, unknown>;
interface Held {
  id: string;
  kind: string;
  status: string;
  parts: string[];
  microCredentialId: string;
  flaggedParts: string[];
  json: Json;
}
interface Pathway {
  stack: { id: string; name: string; rule: string };
  needed: number;
  heldCount: number;
  satisfied: boolean;
  summary: string;
  held: { part: { kind: string; name: string }; credentialId: string; origin: string }[];
  remaining: { kind: string; name: string }[];
  credential: { id: string; kind: string; parts: string[]; status: string } | null;
}

const issueMutation = `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`;

describe('stacking micro-credentials into larger badges', () => {
  let t: TestPlatform;
  let institutionId: string;
  let admin: Caller;
  /** Published designs of the institution, by name. */
  const designs: Record<string, string> = {};

  const design = async (name: string, overrides: Json = {}) => {
    const { designId } = await t.publishedDesign({ ...overrides, name }, institutionId);
    designs[name] = designId;
    return designId;
  };
  const defineStack = (input: Json, caller: Caller = admin) =>
    t.api.request<{ defineStack: { id: string; version: number; required: number } }>(
      ops.define,
      { input: { institutionId, ...input } },
      caller,
    );
  const stackOver = async (name: string, parts: string[], extra: Json = {}) => {
    const target = await design(name, demoStackedDesign);
    const { data, errors } = await defineStack({
      name,
      microCredentialId: target,
      rule: 'ALL',
      parts: parts.map((part) => ({ microCredentialId: designs[part] })),
      ...extra,
    });
    expect(errors).toBeUndefined();
    await t.platform.drain();
    return { stackId: data!.defineStack.id, targetId: target };
  };
  const award = async (designName: string, email: string) => {
    const { issueCredential } = await t.api.call<{ issueCredential: { id: string } }>(
      issueMutation,
      {
        input: {
          microCredentialId: designs[designName],
          recipient: { email, name: 'Lee Learner' },
        },
      },
      admin,
    );
    return issueCredential.id;
  };
  const learner = (email: string) => t.as('learner', { subject: `learner-${email}`, email });
  const holdings = async (email: string) => {
    await t.platform.drain();
    const { myCredentials } = await t.api.call<{ myCredentials: { issued: { nodes: Held[] } } }>(
      `{ myCredentials(first: 100) { issued { nodes { id kind status parts microCredentialId flaggedParts json } } } }`,
      {},
      await learner(email),
    );
    return myCredentials.issued.nodes;
  };
  const stackedOf = async (email: string, targetId: string) =>
    (await holdings(email)).filter(
      (credential) => credential.kind === 'stacked' && credential.microCredentialId === targetId,
    );
  const pathways = async (email: string) =>
    (await t.api.call<{ myPathways: Pathway[] }>(ops.pathways, {}, await learner(email)))
      .myPathways;
  const revoke = (id: string) =>
    t.api.call(
      `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Awarded in error") { id } }`,
      { id },
      admin,
    );

  beforeAll(async () => {
    t = await startTestPlatform();
    institutionId = await t.createInstitution({
      name: 'Stacking Polytechnic',
      settings: { allowExternalStackParts: true },
    });
    admin = (await t.qaCallers(institutionId)).admin;
    for (const name of [
      'Educational Leadership',
      'Corporate Leadership',
      'Data Literacy',
      'Data Analysis',
      'Data Storytelling',
      'Coaching I',
      'Coaching II',
      'Coaching III',
    ])
      await design(name);
  });
  afterAll(() => t.stop());

  it('issues the stacked credential automatically once a learner holds every part, pointing to its parts', async () => {
    const { targetId } = await stackOver('Leadership', [
      'Educational Leadership',
      'Corporate Leadership',
    ]);
    const email = 'ada@example.org';
    const educational = await award('Educational Leadership', email);
    await t.platform.drain();
    const halfway = await pathways(email);
    const corporate = await award('Corporate Leadership', email);
    const [stacked, ...more] = await stackedOf(email, targetId);
    const after = await pathways(email);
    const subject = stacked!.json.credentialSubject as {
      achievement: {
        achievementType: string;
        alignment: { targetUrl: string; targetType: string }[];
      };
    };
    const independently = await verifyWithDigitalBazaar(stacked!.json);
    const page = await (
      await fetch(`${t.platform.url}/credentials/${stacked!.id}`, {
        headers: { accept: 'text/html' },
      })
    ).text();

    expect(halfway.find((pathway) => pathway.stack.name === 'Leadership')).toMatchObject({
      summary: '1 of 2 toward Leadership',
      satisfied: false,
      remaining: [{ kind: 'DESIGN', name: 'Corporate Leadership' }],
      credential: null,
    });
    expect(more).toEqual([]);
    expect(stacked!.status).toBe('ACTIVE');
    expect(stacked!.parts.sort()).toEqual([educational, corporate].sort());
    expect((stacked!.json.evidence as { id: string }[]).map((entry) => entry.id).sort()).toEqual(
      [educational, corporate].map((id) => `${t.platform.url}/credentials/${id}`).sort(),
    );
    expect(subject.achievement.achievementType).toBe('Badge');
    expect(
      subject.achievement.alignment.filter((entry) => entry.targetType === 'ceterms:Credential'),
    ).toHaveLength(2);
    expect(independently.verified).toBe(true);
    expect(page).toContain('<h2>Built from</h2>');
    expect(page).toContain(
      `href="${t.platform.url}/credentials/${corporate}">Corporate Leadership`,
    );
    expect(after.find((pathway) => pathway.stack.name === 'Leadership')).toMatchObject({
      summary: '2 of 2 toward Leadership',
      satisfied: true,
      credential: { id: stacked!.id, kind: 'stacked' },
    });
  });

  it('issues an N-of-M stack once enough parts are held, and not before', async () => {
    const { targetId } = await stackOver(
      'Data Practice',
      ['Data Literacy', 'Data Analysis', 'Data Storytelling'],
      { rule: 'N_OF_M', required: 2 },
    );
    const email = 'nofm@example.org';
    await award('Data Storytelling', email);
    const afterOne = await stackedOf(email, targetId);
    const progress = (await pathways(email)).find(
      (pathway) => pathway.stack.name === 'Data Practice',
    );
    await award('Data Literacy', email);
    const afterTwo = await stackedOf(email, targetId);
    await award('Data Analysis', email);
    const afterThree = await stackedOf(email, targetId);

    expect(afterOne).toEqual([]);
    expect(progress).toMatchObject({ summary: '1 of 2 toward Data Practice', needed: 2 });
    expect(afterTwo).toHaveLength(1);
    expect(afterTwo[0]!.parts).toHaveLength(2);
    expect(afterThree.map((credential) => credential.id)).toEqual([afterTwo[0]!.id]);
  });

  it('counts the levels of a chain in order: a higher level waits for the one below it', async () => {
    const { targetId } = await stackOver(
      'Coaching Mastery',
      ['Coaching I', 'Coaching II', 'Coaching III'],
      { rule: 'CHAIN' },
    );
    const email = 'chain@example.org';
    await award('Coaching I', email);
    await award('Coaching III', email);
    const gap = (await pathways(email)).find(
      (pathway) => pathway.stack.name === 'Coaching Mastery',
    );
    const beforeLevelTwo = await stackedOf(email, targetId);
    await award('Coaching II', email);
    const complete = await stackedOf(email, targetId);

    expect(gap).toMatchObject({
      summary: '1 of 3 toward Coaching Mastery',
      remaining: [
        { kind: 'DESIGN', name: 'Coaching II' },
        { kind: 'DESIGN', name: 'Coaching III' },
      ],
    });
    expect(beforeLevelTwo).toEqual([]);
    expect(complete).toHaveLength(1);
    expect(complete[0]!.parts).toHaveLength(3);
  });

  it('issues one stacked credential when the qualifying credentials arrive together and evaluations race', async () => {
    const { targetId } = await stackOver('Leadership Together', [
      'Educational Leadership',
      'Corporate Leadership',
    ]);
    const email = 'together@example.org';
    await Promise.all([
      award('Educational Leadership', email),
      award('Corporate Leadership', email),
    ]);
    // Race the stream worker with direct evaluations for both parts, as concurrent shards would.
    const stacking = t.platform.worker.services.stacking;
    const raced = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        stacking.evaluate(emailHash(email), [
          designs[index % 2 ? 'Educational Leadership' : 'Corporate Leadership']!,
        ]),
      ),
    );
    const stacked = await stackedOf(email, targetId);

    expect(stacked).toHaveLength(1);
    expect(
      new Set(
        raced
          .flat()
          .filter((credential) => credential.microCredentialId === targetId)
          .map((credential) => credential.id),
      ),
    ).toEqual(new Set([stacked[0]!.id]));
  });

  it('issues nothing more when the stream redelivers the events that completed a stack', async () => {
    const { targetId } = await stackOver('Leadership Redelivered', [
      'Educational Leadership',
      'Corporate Leadership',
    ]);
    const email = 'redelivery@example.org';
    await award('Educational Leadership', email);
    const last = await award('Corporate Leadership', email);
    const [first] = await stackedOf(email, targetId);
    const { domainEvents } = await t.api.call<{
      domainEvents: {
        nodes: {
          id: string;
          type: string;
          occurredAt: string;
          aggregateType: string;
          aggregateId: string;
          actorKind: string;
          actorId: string;
          data: string;
        }[];
      };
    }>(
      `query ($id: ID!) { domainEvents(institutionId: $id, first: 100) { nodes { id type occurredAt aggregateType aggregateId actorKind actorId data } } }`,
      { id: institutionId },
      admin,
    );
    const issued = domainEvents.nodes.find(
      (event) => event.type === 'credential.issued' && event.aggregateId === last,
    )!;
    const record: DynamoDBStreamEvent['Records'][number] = {
      eventName: 'INSERT',
      dynamodb: {
        SequenceNumber: '1',
        NewImage: marshall({
          entity: 'DomainEvent',
          id: issued.id,
          type: issued.type,
          institutionId,
          aggregateType: issued.aggregateType,
          aggregateId: issued.aggregateId,
          occurredAt: issued.occurredAt,
          actor: { kind: issued.actorKind, id: issued.actorId },
          data: JSON.parse(issued.data) as Json,
        }) as never,
      },
    };
    const worker = createWorkerHandler({
      reactions: t.platform.worker.reactions,
      log: { error: () => undefined },
    });
    const results = await Promise.all([
      worker({ Records: [record, record] }),
      worker({ Records: [record] }),
    ]);
    const after = await stackedOf(email, targetId);

    expect(results.every((result) => result.batchItemFailures.length === 0)).toBe(true);
    expect(after.map((credential) => credential.id)).toEqual([first!.id]);
  });

  it('revokes the stacked credential with a revoked part when the stack says so, and only flags it otherwise', async () => {
    const revoking = await stackOver(
      'Leadership Strict',
      ['Educational Leadership', 'Corporate Leadership'],
      { onPartRevoked: 'REVOKE' },
    );
    const flagging = await stackOver('Data Practice Lenient', ['Data Literacy', 'Data Analysis'], {
      onPartRevoked: 'FLAG',
    });
    const email = 'revoked@example.org';
    const educational = await award('Educational Leadership', email);
    await award('Corporate Leadership', email);
    const literacy = await award('Data Literacy', email);
    await award('Data Analysis', email);
    await t.platform.drain();
    await revoke(educational);
    await revoke(literacy);
    const [strict] = await stackedOf(email, revoking.targetId);
    const [lenient] = await stackedOf(email, flagging.targetId);
    const { credential } = await t.api.call<{
      credential: { statusHistory: { action: string; reason: string; actorId: string }[] };
    }>(
      `query ($id: ID!) { credential(id: $id) { statusHistory { action reason actorId } } }`,
      { id: lenient!.id },
      admin,
    );
    const { verifyCredential } = await t.api.call<{
      verifyCredential: { verified: boolean; checks: { name: string; status: string }[] };
    }>(
      `query ($input: VerifyCredentialInput!) { verifyCredential(input: $input) { verified checks { name status } } }`,
      { input: { credential: lenient!.json } },
    );

    expect(strict!.status).toBe('REVOKED');
    expect(lenient!.status).toBe('ACTIVE');
    expect(lenient!.flaggedParts).toEqual([literacy]);
    expect(credential.statusHistory).toEqual([
      expect.objectContaining({ action: 'PART_REVOKED', actorId: 'platform' }),
    ]);
    expect(verifyCredential.verified).toBe(true);
    expect(verifyCredential.checks).toContainEqual({ name: 'stack-parts', status: 'WARN' });
  });

  /** An Open Badge signed by `issuer` (elsewhere) that names `email`, for `achievement`. */
  const externalBadge = (
    issuer: ExternalIssuer,
    email: string,
    achievement: { id: string; name: string; description: string },
  ) =>
    issuer.sign(
      issuer.openBadge({
        credentialSubject: {
          type: ['AchievementSubject'],
          identifier: [emailIdentity(email, 'pepper')],
          achievement: {
            ...achievement,
            type: ['Achievement'],
            criteria: { narrative: 'Completed the course.' },
          },
        },
      }),
    );
  const importAs = async (email: string, credential: Json) =>
    t.api.call<{ importCredential: { id: string } }>(
      `mutation ($input: VerifyCredentialInput!) { importCredential(input: $input) { id } }`,
      { input: { credential } },
      await learner(email),
    );

  it('counts a credential from another issuer only when it names the learner', async () => {
    const other = await ExternalIssuer.withDidKey();
    const achievementId = 'https://elsewhere.example.edu/achievements/data-literacy';
    const target = await design('Leadership with Data', demoStackedDesign);
    const { errors } = await defineStack({
      name: 'Leadership with Data',
      microCredentialId: target,
      rule: 'ALL',
      parts: [
        { microCredentialId: designs['Educational Leadership'] },
        { achievementId, name: 'Data Literacy (Elsewhere University)' },
      ],
    });
    const external = (email: string) =>
      externalBadge(other, email, {
        id: achievementId,
        name: 'Data Literacy',
        description: 'Reads and questions data.',
      });
    const email = 'external@example.org';
    await award('Educational Leadership', email);
    await importAs(email, await external('someone.else@example.org'));
    const withSomeoneElses = await stackedOf(email, target);
    const own = await importAs(email, await external(email));
    const stacked = await stackedOf(email, target);

    expect(errors).toBeUndefined();
    expect(withSomeoneElses).toEqual([]);
    expect(stacked).toHaveLength(1);
    expect(stacked[0]!.parts).toContain(own.importCredential.id);
  });

  /**
   * A stack over Educational Leadership and `topic` from another issuer; its target design, and
   * that issuer's badge for `topic` naming a learner.
   */
  const leadershipWith = async (topic: string, description: string) => {
    const other = await ExternalIssuer.withDidKey();
    const achievementId = `https://elsewhere.example.edu/achievements/${topic.toLowerCase()}`;
    const target = await design(`Leadership with ${topic}`, demoStackedDesign);
    await defineStack({
      name: `Leadership with ${topic}`,
      microCredentialId: target,
      rule: 'ALL',
      parts: [
        { microCredentialId: designs['Educational Leadership'] },
        { achievementId, name: `${topic} (Elsewhere University)` },
      ],
    });
    const badgeFor = (email: string) =>
      externalBadge(other, email, { id: achievementId, name: topic, description });
    return { target, badgeFor };
  };

  it('counts a credential imported a moment ago when the index of imports lags behind it', async () => {
    const { target, badgeFor } = await leadershipWith('Statistics', 'Models and tests data.');
    const email = 'lagging-import@example.org';
    await award('Educational Leadership', email);
    await t.platform.drain();
    const credential = await badgeFor(email);
    // While the worker reacts to the import, the index of imports naming the learner does not
    // list it yet.
    const heal = lagIndexReads(t.platform.container.clients.dynamodb, {
      times: Infinity,
      matching: (input) => JSON.stringify(input).includes('BACKPACK_EMAIL#'),
    });
    let importedId: string;
    try {
      importedId = (await importAs(email, credential)).importCredential.id;
      await t.platform.drain();
    } finally {
      heal();
    }

    const stacked = await stackedOf(email, target);
    expect(stacked).toHaveLength(1);
    expect(stacked[0]!.parts).toContain(importedId);
  });

  it('awards a stacked credential when a part is issued and another imported at the same moment, and the indexes list neither', async () => {
    const { target, badgeFor } = await leadershipWith(
      'Ethics',
      'Reasons about right and wrong in practice.',
    );
    const email = 'simultaneous-import@example.org';
    const credential = await badgeFor(email);
    await t.platform.drain();
    // While the worker reacts to both, neither the learner's credentials nor their imports (two
    // indexes) list anything: each reaction knows only the part it is about.
    const heal = lagIndexReads(t.platform.container.clients.dynamodb, {
      times: Infinity,
      matching: (input) => /RECIPIENT#|BACKPACK_EMAIL#/.test(JSON.stringify(input)),
    });
    try {
      await Promise.all([award('Educational Leadership', email), importAs(email, credential)]);
      await t.platform.drain();
    } finally {
      heal();
    }

    expect(await stackedOf(email, target)).toHaveLength(1);
  });

  it('issues to learners who already qualify when a stack is defined, and stops when it is retired', async () => {
    const early = 'early@example.org';
    await award('Data Analysis', early);
    await award('Data Storytelling', early);
    await t.platform.drain();
    const { stackId, targetId } = await stackOver('Data Communication', [
      'Data Analysis',
      'Data Storytelling',
    ]);
    const backfilled = await stackedOf(early, targetId);
    const { stack } = await t.api.call<{ stack: { version: number } }>(
      `query ($id: ID!) { stack(id: $id) { version } }`,
      { id: stackId },
      admin,
    );
    const retired = await t.api.call<{ retireStack: { status: string } }>(
      ops.retire,
      { id: stackId, v: stack.version },
      admin,
    );
    const late = 'late@example.org';
    await award('Data Analysis', late);
    await award('Data Storytelling', late);

    expect(backfilled).toHaveLength(1);
    expect(retired.retireStack.status).toBe('RETIRED');
    expect(await stackedOf(late, targetId)).toEqual([]);
    expect(await stackedOf(early, targetId)).toHaveLength(1);
  });

  it('awards a stacked credential when its last part was issued at the moment the stack was defined, and no index lists it yet', async () => {
    await design('Research Methods');
    await design('Research Ethics');
    const email = 'defined-meanwhile@example.org';
    await award('Research Methods', email);
    await t.platform.drain();
    // The part's own reaction runs before the stack exists, so it has nothing to complete; then,
    // while the stack's backfill runs, no index (the design's credentials, the learner's) lists
    // the part yet. Base-table reads are not delayed: DynamoDB's consistent reads are not.
    const ethics = await award('Research Ethics', email);
    await t.platform.drain();
    const heal = lagIndexReads(t.platform.container.clients.dynamodb, {
      times: Infinity,
      matching: (input) => (input as { IndexName?: string }).IndexName !== undefined,
      hide: (item) => JSON.stringify(item).includes(ethics),
    });
    let targetId: string;
    try {
      ({ targetId } = await stackOver('Research Practice', [
        'Research Methods',
        'Research Ethics',
      ]));
    } finally {
      heal();
    }

    const stacked = await stackedOf(email, targetId);
    expect(stacked).toHaveLength(1);
    expect(stacked[0]!.parts).toContain(ethics);
  });

  it('awards a stacked credential when its design is published just after the stack is defined, and the index of stacks by design lags', async () => {
    await design('Lab Safety');
    await design('Lab Technique');
    const email = 'published-meanwhile@example.org';
    await award('Lab Safety', email);
    await award('Lab Technique', email);
    await t.platform.drain();
    // The stacked design is approved, not yet published, when the stack is defined: the
    // stack's backfill finds it unpublished and issues nothing.
    const qa = await t.qaCallers(institutionId);
    const { createMicroCredential: target } = await t.api.call<{
      createMicroCredential: { id: string };
    }>(
      operations.createDesign,
      { input: designInput(institutionId, { ...demoStackedDesign, name: 'Lab Practice' }) },
      admin,
    );
    await approveDesign(t.api, target.id, qa);
    await endorseDesign(t.api, target.id, (await t.partnerFor(institutionId)).apiKey);
    const { errors } = await defineStack({
      name: 'Lab Practice',
      microCredentialId: target.id,
      rule: 'ALL',
      parts: [
        { microCredentialId: designs['Lab Safety'] },
        { microCredentialId: designs['Lab Technique'] },
      ],
    });
    expect(errors).toBeUndefined();
    await t.platform.drain();
    const beforePublication = await stackedOf(email, target.id);
    // Published a moment later: the index of the design's stacks does not list the stack yet.
    const heal = lagIndexReads(t.platform.container.clients.dynamodb, {
      times: Infinity,
      matching: (input) => JSON.stringify(input).includes(`MICROCREDENTIAL#${target.id}#STACKS`),
    });
    try {
      await publishDesign(t.api, target.id, admin);
      await t.platform.drain();
    } finally {
      heal();
    }

    expect(beforePublication).toEqual([]);
    expect(await stackedOf(email, target.id)).toHaveLength(1);
  });

  it("refuses enrolment in a stack's own design: its target is earned by the stack's rule only", async () => {
    const { targetId } = await stackOver('Leadership by enrolment', [
      'Educational Leadership',
      'Corporate Leadership',
    ]);
    const email = 'shortcut@example.org';
    await award('Educational Leadership', email);
    await t.platform.drain();
    const before = await countItems(t);

    const direct = await t.api.request(
      `mutation ($id: ID!) { enrol(microCredentialId: $id) { id } }`,
      { id: targetId },
      await learner(email),
    );

    expect(direct.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'STACK_TARGET_NOT_ENROLLABLE',
    });
    expect(await countItems(t)).toBe(before);
  });

  it('names in a public stacked credential only the parts its earner shows, and only their revocations', async () => {
    const { targetId } = await stackOver('Data Leadership', ['Data Literacy', 'Data Analysis']);
    const email = 'discreet@example.org';
    const literacy = await award('Data Literacy', email);
    await t.api.call(
      `mutation ($id: ID!) { setCredentialVisibility(id: $id, visibility: PRIVATE) { id } }`,
      { id: literacy },
      await learner(email),
    );
    const analysis = await award('Data Analysis', email);
    const [stacked] = await stackedOf(email, targetId);
    await revoke(literacy);
    await t.platform.drain();
    const { verifyCredential } = await t.api.call<{
      verifyCredential: { checks: { name: string; status: string; message: string }[] };
    }>(
      `query ($id: String!) { verifyCredential(input: { id: $id }) { checks { name status message } } }`,
      { id: stacked!.id },
    );
    const page = await (
      await fetch(`${t.platform.url}/credentials/${stacked!.id}`, {
        headers: { accept: 'text/html' },
      })
    ).text();
    const evidence = (stacked!.json.evidence as Json[]).map((entry) => entry.id ?? null);

    expect(evidence).toEqual([null, `${t.platform.url}/credentials/${analysis}`]);
    expect(JSON.stringify(stacked!.json)).not.toContain(literacy);
    expect(verifyCredential.checks.find((check) => check.name === 'stack-parts')).toMatchObject({
      status: 'PASS',
    });
    expect(page).not.toContain(literacy);
    expect(page).not.toMatch(/revoked since it was issued/);
  });

  it('refuses impossible rules, cycles, foreign parts, and callers who may not define stacks', async () => {
    const [educational, corporate, literacy] = [
      designs['Educational Leadership']!,
      designs['Corporate Leadership']!,
      designs['Data Literacy']!,
    ];
    const foreignInstitution = await t.createInstitution({ name: 'Foreign College' });
    const { designId: foreignDesign } = await t.publishedDesign({}, foreignInstitution);
    const base = { name: 'Bad', microCredentialId: literacy, rule: 'ALL' };
    const cycleTarget = await design('Cycle Top', demoStackedDesign);
    await defineStack({
      ...base,
      name: 'Top',
      microCredentialId: cycleTarget,
      parts: [{ microCredentialId: educational }, { microCredentialId: corporate }],
    });
    const outcomes = {
      tooMany: await defineStack({
        ...base,
        rule: 'N_OF_M',
        required: 3,
        parts: [{ microCredentialId: educational }, { microCredentialId: corporate }],
      }),
      twice: await defineStack({
        ...base,
        parts: [{ microCredentialId: educational }, { microCredentialId: educational }],
      }),
      itself: await defineStack({
        ...base,
        parts: [{ microCredentialId: literacy }, { microCredentialId: corporate }],
      }),
      foreign: await defineStack({
        ...base,
        parts: [{ microCredentialId: foreignDesign }, { microCredentialId: corporate }],
      }),
      cycle: await defineStack({
        ...base,
        microCredentialId: educational,
        parts: [{ microCredentialId: cycleTarget }, { microCredentialId: corporate }],
      }),
      onePart: await defineStack({ ...base, parts: [{ microCredentialId: educational }] }),
      learner: await defineStack(
        { ...base, parts: [{ microCredentialId: educational }, { microCredentialId: corporate }] },
        await learner('intruder@example.org'),
      ),
      otherAdmin: await defineStack(
        { ...base, parts: [{ microCredentialId: educational }, { microCredentialId: corporate }] },
        await t.as('issuer-admin', { institutionId: foreignInstitution }),
      ),
      anonymous: await defineStack(
        { ...base, parts: [{ microCredentialId: educational }, { microCredentialId: corporate }] },
        {},
      ),
    };
    const noExternal = await t.api.request(
      ops.define,
      {
        input: {
          institutionId: foreignInstitution,
          name: 'External',
          microCredentialId: foreignDesign,
          rule: 'ALL',
          parts: [
            { achievementId: 'https://elsewhere.example.edu/a', name: 'A' },
            { achievementId: 'https://elsewhere.example.edu/b', name: 'B' },
          ],
        },
      },
      await t.as('issuer-admin', { institutionId: foreignInstitution }),
    );
    const codes = Object.fromEntries(
      Object.entries(outcomes).map(([name, result]) => [
        name,
        result.errors?.[0]?.extensions?.errorCode ?? result.errors?.[0]?.extensions?.code,
      ]),
    );

    expect(codes).toEqual({
      tooMany: 'STACK_INVALID',
      twice: 'STACK_INVALID',
      itself: 'STACK_INVALID',
      foreign: 'STACK_INVALID',
      cycle: 'STACK_CYCLE',
      onePart: 'VALIDATION_FAILED',
      learner: 'FORBIDDEN',
      otherAdmin: 'FORBIDDEN',
      anonymous: 'UNAUTHENTICATED',
    });
    expect(noExternal.errors?.[0]?.extensions?.errorCode).toBe('STACK_INVALID');
  });

  it('exports a signed CLR 2.0 transcript that records the stacking and verifies independently', async () => {
    const email = 'ada@example.org';
    await t.platform.drain();
    const { myTranscript } = await t.api.call<{ myTranscript: Json }>(
      ops.transcript,
      {},
      await learner(email),
    );
    const subject = myTranscript.credentialSubject as {
      type: string[];
      verifiableCredential: Json[];
      achievement: { id: string }[];
      association: { associationType: string; sourceId: string; targetId: string }[];
    };
    const independently = await verifyWithDigitalBazaar(myTranscript);
    const tampered = await verifyWithDigitalBazaar({
      ...myTranscript,
      credentialSubject: { ...subject, association: subject.association.slice(1) },
    });
    const held = await holdings(email);
    const stacked = held.find((credential) => credential.kind === 'stacked')!;
    const achievementOf = (credential: Held) =>
      ((credential.json.credentialSubject as Json).achievement as { id: string }).id;

    expect(myTranscript.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(subject.type).toEqual(['ClrSubject']);
    expect(subject.verifiableCredential).toHaveLength(
      held.filter((credential) => credential.status === 'ACTIVE').length,
    );
    expect(subject.association).toEqual(
      expect.arrayContaining(
        held
          .filter((credential) => stacked.parts.includes(credential.id))
          .map((part) => ({
            type: 'Association',
            associationType: 'isPartOf',
            sourceId: achievementOf(part),
            targetId: achievementOf(stacked),
          })),
      ),
    );
    expect(independently).toEqual({ verified: true, error: undefined });
    expect(tampered.verified).toBe(false);
  });

  it('records the order of a chain in the transcript with precedes', async () => {
    const email = 'chain@example.org';
    const { myTranscript } = await t.api.call<{ myTranscript: Json }>(
      ops.transcript,
      {},
      await learner(email),
    );
    const associations = (
      myTranscript.credentialSubject as { association: { associationType: string }[] }
    ).association;

    expect(associations.filter((entry) => entry.associationType === 'isPartOf')).toHaveLength(3);
    expect(associations.filter((entry) => entry.associationType === 'precedes')).toHaveLength(2);
    expect((await verifyWithDigitalBazaar(myTranscript)).verified).toBe(true);
  });
});
