import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designInput, institutionInput } from '../support/builders';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const createDesign = `mutation ($input: CreateMicroCredentialInput!) {
  createMicroCredential(input: $input) {
    id name status version designVersion achievementType language
    workload { hours ects } components { reflective { title criteria } }
    institution { id name }
  }
}`;
const updateDesign = `mutation ($id: ID!, $expectedVersion: Int!, $input: UpdateMicroCredentialInput!) {
  updateMicroCredential(id: $id, expectedVersion: $expectedVersion, input: $input) { id name version status designVersion }
}`;
const readDesign = `query ($id: ID!) { microCredential(id: $id) { id name version status } }`;

describe('micro-credential designs over GraphQL', () => {
  let t: TestPlatform;
  let institutionId: string;

  beforeAll(async () => {
    t = await startTestPlatform();
    institutionId = await t.createInstitution();
  });
  afterAll(() => t.stop());

  it('creates a draft design with defaults when an issuer admin of the institution asks', async () => {
    const admin = await t.as('issuer-admin', { institutionId });

    const { createMicroCredential } = await t.api.call<{
      createMicroCredential: Record<string, unknown>;
    }>(
      createDesign,
      { input: designInput(institutionId, { achievementType: undefined, language: undefined }) },
      admin,
    );

    expect(createMicroCredential).toMatchObject({
      name: 'Educational Leadership',
      status: 'DRAFT',
      version: 1,
      designVersion: 1,
      achievementType: 'MicroCredential',
      language: 'en',
      workload: { hours: 40, ects: 1.5 },
      institution: { id: institutionId, name: 'Northbridge Polytechnic' },
    });
  });

  it('refuses an anonymous caller with UNAUTHENTICATED when a mutation needs a token', async () => {
    const result = await t.api.request(createDesign, { input: designInput(institutionId) });

    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('refuses with FORBIDDEN when the admin belongs to another institution or holds another role', async () => {
    const otherInstitution = await t.createInstitution({ name: 'Other College' });
    const otherAdmin = await t.as('issuer-admin', { institutionId: otherInstitution });
    const learner = await t.as('learner');

    const asOther = await t.api.request(
      createDesign,
      { input: designInput(institutionId) },
      otherAdmin,
    );
    const asLearner = await t.api.request(
      createDesign,
      { input: designInput(institutionId) },
      learner,
    );

    expect(asOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(asLearner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('names every invalid field with BAD_USER_INPUT when the input breaks the rules', async () => {
    const admin = await t.as('issuer-admin', { institutionId });

    const result = await t.api.request(
      createDesign,
      {
        input: designInput(institutionId, {
          name: '   ',
          learningOutcomes: [],
          workload: {},
          image: { url: 'javascript:alert(1)' },
        }),
      },
      admin,
    );

    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.extensions?.errorCode).toBe('VALIDATION_FAILED');
    const paths = (error?.extensions?.fields as { path: string }[]).map((field) => field.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'input.name',
        'input.learningOutcomes',
        'input.workload',
        'input.image.url',
      ]),
    );
  });

  it('refuses a design too large to store as a whole, though each field is within its limit', async () => {
    const admin = await t.as('issuer-admin', { institutionId });
    const long = (characters: number) => 'ü'.repeat(characters);
    const component = (title: string) => ({ title, criteria: long(20_000) });
    const designs = async () =>
      (
        await t.api.call<{ microCredentials: { nodes: unknown[] } }>(
          'query ($id: ID!) { microCredentials(institutionId: $id, first: 100) { nodes { id } } }',
          { id: institutionId },
          admin,
        )
      ).microCredentials.nodes.length;
    const before = await designs();

    const result = await t.api.request(
      createDesign,
      {
        input: designInput(institutionId, {
          description: long(5_000),
          criteria: long(20_000),
          components: {
            educational: component('Learning'),
            demonstration: component('Showing'),
            reflective: component('Reflecting'),
          },
        }),
      },
      admin,
    );

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      errorCode: 'DESIGN_TOO_LARGE',
    });
    expect(await designs()).toBe(before);
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const admin = await t.as('issuer-admin', { institutionId });
    const { createMicroCredential: design } = await t.api.call<{
      createMicroCredential: { id: string };
    }>(createDesign, { input: designInput(institutionId) }, admin);
    await t.api.call(
      updateDesign,
      { id: design.id, expectedVersion: 1, input: { name: 'First edit' } },
      admin,
    );

    const stale = await t.api.request(
      updateDesign,
      { id: design.id, expectedVersion: 1, input: { name: 'Lost edit' } },
      admin,
    );

    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'VERSION_CONFLICT',
    });
    const { microCredential } = await t.api.call<{
      microCredential: { name: string; version: number };
    }>(readDesign, { id: design.id }, admin);
    expect(microCredential).toMatchObject({ name: 'First edit', version: 2 });
  });

  it('lets exactly one of two concurrent updates with the same expectedVersion win', async () => {
    const admin = await t.as('issuer-admin', { institutionId });
    const { createMicroCredential: design } = await t.api.call<{
      createMicroCredential: { id: string };
    }>(createDesign, { input: designInput(institutionId) }, admin);

    const results = await Promise.all(
      ['Edit A', 'Edit B', 'Edit C', 'Edit D'].map((name) =>
        t.api.request(updateDesign, { id: design.id, expectedVersion: 1, input: { name } }, admin),
      ),
    );

    const winners = results.filter((result) => !result.errors);
    const losers = results.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(3);
  });

  it('hides an unpublished design from the public with NOT_FOUND when it exists only as a draft', async () => {
    const admin = await t.as('issuer-admin', { institutionId });
    const { createMicroCredential: design } = await t.api.call<{
      createMicroCredential: { id: string };
    }>(createDesign, { input: designInput(institutionId) }, admin);

    const anonymous = await t.api.request(readDesign, { id: design.id });
    const unknown = await t.api.request(readDesign, { id: 'no-such-design' }, admin);

    expect(anonymous.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      errorCode: 'MICRO_CREDENTIAL_NOT_FOUND',
    });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("pages through an institution's designs with cursors when there are more than one page", async () => {
    const institution = await t.createInstitution({ name: 'Paging College' });
    const admin = await t.as('issuer-admin', { institutionId: institution });
    for (let index = 0; index < 5; index += 1) {
      await t.api.call(
        createDesign,
        { input: designInput(institution, { name: `Design ${index}` }) },
        admin,
      );
    }
    const list = `query ($institutionId: ID!, $after: String) {
      microCredentials(institutionId: $institutionId, first: 2, after: $after) {
        nodes { name } pageInfo { endCursor hasNextPage }
      }
    }`;

    const names: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const data: {
        microCredentials: {
          nodes: { name: string }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      } = await t.api.call(list, { institutionId: institution, after }, admin);
      names.push(...data.microCredentials.nodes.map((node) => node.name));
      after = data.microCredentials.pageInfo.endCursor;
      if (!data.microCredentials.pageInfo.hasNextPage) break;
    }

    expect(names.sort()).toEqual(['Design 0', 'Design 1', 'Design 2', 'Design 3', 'Design 4']);
  });

  it('pages through the public catalogue of an institution without a token', async () => {
    const institution = await t.createInstitution({ name: 'Catalogue College' });
    for (const name of ['First', 'Second', 'Third'])
      await t.publishedDesign({ name: `Catalogue ${name}` }, institution);
    const list = `query ($institutionId: ID, $after: String) {
      catalogue(institutionId: $institutionId, first: 2, after: $after) {
        nodes { name status } pageInfo { endCursor hasNextPage }
      }
    }`;

    const pages: { names: string[]; hasNextPage: boolean }[] = [];
    let after: string | null = null;
    do {
      const data: {
        catalogue: {
          nodes: { name: string; status: string }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      } = await t.api.call(list, { institutionId: institution, after });
      pages.push({
        names: data.catalogue.nodes.map((node) => node.name),
        hasNextPage: data.catalogue.pageInfo.hasNextPage,
      });
      after = data.catalogue.pageInfo.hasNextPage ? data.catalogue.pageInfo.endCursor : null;
    } while (after && pages.length < 5);

    expect(pages.map((page) => page.names.length)).toEqual([2, 1]);
    expect(pages.flatMap((page) => page.names).sort()).toEqual([
      'Catalogue First',
      'Catalogue Second',
      'Catalogue Third',
    ]);
  });

  it('refuses a cursor from another list with BAD_USER_INPUT', async () => {
    const admin = await t.as('issuer-admin', { institutionId });
    const forged = Buffer.from(
      JSON.stringify({ pk: 'INSTITUTION#x', sk: 'PROFILE', gsi1pk: 'INSTITUTIONS', gsi1sk: 'x' }),
    ).toString('base64url');

    const result = await t.api.request(
      'query ($id: ID!, $after: String) { microCredentials(institutionId: $id, after: $after) { nodes { id } } }',
      { id: institutionId, after: forged },
      admin,
    );

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      errorCode: 'INVALID_CURSOR',
    });
  });

  it('serves the public catalogue and institution profiles without a token', async () => {
    const result = await t.api.call<{
      catalogue: { nodes: unknown[] };
      institution: { name: string; profileUrl: string };
    }>(
      `query ($id: ID!) { catalogue(institutionId: $id) { nodes { id } } institution(id: $id) { name profileUrl } }`,
      {
        id: institutionId,
      },
    );

    expect(result.catalogue.nodes).toEqual([]);
    expect(result.institution.profileUrl).toBe(`${t.platform.url}/issuers/${institutionId}`);
  });

  it('answers UNAUTHENTICATED with HTTP 401 when the token is forged', async () => {
    const token = (await t.as('platform-admin')).token!;
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not-a-signature').toString('base64url')}`;

    const result = await t.api.request('{ viewer { id } }', {}, { token: forged });

    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('updates an institution with its version and refuses an issuer admin of another institution', async () => {
    const institution = await t.createInstitution({ name: 'Renamed College' });
    const ownAdmin = await t.as('issuer-admin', { institutionId: institution });
    const foreignAdmin = await t.as('issuer-admin', { institutionId });
    const update = `mutation ($id: ID!, $v: Int!, $input: UpdateInstitutionInput!) {
      updateInstitution(id: $id, expectedVersion: $v, input: $input) { name version settings { requiredEndorsements } }
    }`;

    const foreign = await t.api.request(
      update,
      { id: institution, v: 1, input: { name: 'Hijacked' } },
      foreignAdmin,
    );
    const own = await t.api.call<{ updateInstitution: unknown }>(
      update,
      {
        id: institution,
        v: 1,
        input: { name: 'Renamed Polytechnic', settings: { requiredEndorsements: 2 } },
      },
      ownAdmin,
    );

    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(own.updateInstitution).toEqual({
      name: 'Renamed Polytechnic',
      version: 2,
      settings: { requiredEndorsements: 2 },
    });
  });

  it('hides internal failures behind INTERNAL_SERVER_ERROR when storage is broken', async () => {
    const broken = await startTestPlatform();
    await broken.platform.container.clients.dynamodb.send(
      new DeleteTableCommand({ TableName: broken.platform.config.TABLE_NAME }),
    );

    const result = await broken.api.request(
      'mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
      { input: institutionInput() },
      await broken.as('platform-admin'),
    );
    await broken.stop();

    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(result)).not.toMatch(/ResourceNotFound|Cannot do operations|stack|e2e-/i);
  });
});
