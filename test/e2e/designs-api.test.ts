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
describe('micro-credential designs over GraphQL', () => {
  let t: TestPlatform;
  let institutionId: string;

  beforeAll(async () => {
    t = await startTestPlatform();
    institutionId = await t.createInstitution();
  });
  afterAll(() => t.stop());

  it('refuses an anonymous caller with UNAUTHENTICATED when a mutation needs a token', async () => {
    const result = await t.api.request(createDesign, { input: designInput(institutionId) });

    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
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

  it('hides internal failures behind INTERNAL_SERVER_ERROR when storage is broken', async () => {
    const broken = await startTestPlatform({ captureErrors: true });
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
    expect(broken.loggedErrors()).toContain('Unexpected GraphQL error');
  });
});
