import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/composition/config';
import { createContainer } from '../../functions/composition/container';
import { createApiHandler } from '../../functions/handlers/api-handler';
import { createPublicWebHandler } from '../../functions/handlers/public-web-handler';
import { graphqlPostEvent, httpGetEvent } from '../bench/lambda-event';
import { HttpResolver } from '../../functions/adapters/verification/http-resolver';
import { verificationBudgetLimits } from '../../functions/core/verification/budget';
import { verificationLimits } from '../../functions/core/verification/verification-service';
import {
  didKeyIssuer,
  fortyThousandTags,
  longArrays,
  openBadgeFrom,
} from '../support/costly-credentials';
import {
  approveDesign,
  endorseDesign,
  operations,
  publishDesign,
} from '../../infra/local/portal-flows';
import { designInput } from '../support/builders';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;

const verifyQuery = `query ($input: VerifyCredentialInput!) {
  verifyCredential(input: $input) { verified status checks { name status message } }
}`;

/** A loopback server answering 404 to everything, counting the requests it receives. */
async function countingServer(): Promise<{ server: Server; base: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((_request, response) => {
    hits += 1;
    response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { server, base: `127.0.0.1%3A${port}`, hits: () => hits };
}

describe('the public edge: verifyCredential is bounded', () => {
  let t: TestPlatform;
  const verify = (input: Json) =>
    t.api.request<{ verifyCredential: { verified: boolean; checks: Json[] } }>(verifyQuery, {
      input,
    });
  const refusal = async (input: Json) => {
    const answer = await verify(input);
    return {
      status: answer.status,
      code: answer.errors?.[0]?.extensions?.code,
      errorCode: answer.errors?.[0]?.extensions?.errorCode,
    };
  };

  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.stop());

  it('serves an achievement version only once it is published, not when it is only approved', async () => {
    const institutionId = await t.createInstitution();
    const qa = await t.qaCallers(institutionId);
    const { createMicroCredential } = await t.api.call<{ createMicroCredential: { id: string } }>(
      operations.createDesign,
      { input: designInput(institutionId) },
      qa.admin,
    );
    const id = createMicroCredential.id;
    const status = async () =>
      (
        await fetch(`${t.platform.url}/achievements/${id}/v1`, {
          headers: { accept: 'application/ld+json' },
        })
      ).status;
    await approveDesign(t.api, id, qa);
    const approved = await status();
    await endorseDesign(t.api, id, (await t.partnerFor(institutionId)).apiKey);
    await publishDesign(t.api, id, qa.admin);
    await t.platform.drain();

    expect(approved).toBe(404);
    expect(await status()).toBe(200);
  });

  it("reveals nothing of a private credential's record to a forged document that names its id", async () => {
    const { designId, qa } = await t.publishedDesign({ name: 'Forgery target' });
    const email = 'forged-holder@example.org';
    const { issueCredential: issued } = await t.api.call<{
      issueCredential: { id: string; json: Json };
    }>(
      `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id json } }`,
      { input: { microCredentialId: designId, recipient: { email, name: 'Private Holder' } } },
      qa.admin,
    );
    await t.api.call(
      `mutation ($id: ID!) { setCredentialVisibility(id: $id, visibility: PRIVATE) { id } }`,
      { id: issued.id },
      await t.as('learner', { subject: 'forged-holder', email }),
    );
    await t.api.call(
      `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Awarded in error") { id } }`,
      { id: issued.id },
      qa.admin,
    );

    const forged = await t.api.call<{
      verifyCredential: { verified: boolean; status: string; checks: Json[] };
    }>(
      `query ($input: VerifyCredentialInput!) {
      verifyCredential(input: $input) { verified status checks { name status message } }
    }`,
      { input: { credential: { ...issued.json, name: 'Forged' } } },
    );
    const statusCheck = forged.verifyCredential.checks.find((check) => check.name === 'status');

    expect(forged.verifyCredential.verified).toBe(false);
    expect(forged.verifyCredential.status).toBe('UNKNOWN');
    expect(statusCheck).toMatchObject({ status: 'SKIP' });
    expect(JSON.stringify(forged)).not.toMatch(/revoked/i);
  });

  it("lists a credential only for its own address: a look-alike's token sees nothing, and none is issued to one", async () => {
    const { designId, qa } = await t.publishedDesign({ name: 'Kelvin scale' });
    await t.api.call(
      `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`,
      { input: { microCredentialId: designId, recipient: { email: 'kelvin@example.org' } } },
      qa.admin,
    );
    const kelvinSign = '\u212Aelvin@example.org';
    const mine = async (email: string) =>
      t.api
        .call<{ myCredentials: { issued: { nodes: { id: string }[] } } }>(
          `{ myCredentials { issued { nodes { id } } } }`,
          {},
          await t.as('learner', { subject: `holder-${email}`, email }),
        )
        .then((data) => data.myCredentials.issued.nodes.length)
        .catch((error: Error) => error.message);

    const lookAlike = await mine(kelvinSign);
    const own = await mine('kelvin@example.org');
    const issued = await t.api.request(
      `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`,
      { input: { microCredentialId: designId, recipient: { email: kelvinSign } } },
      qa.admin,
    );

    expect(own).toBe(1);
    expect(lookAlike).not.toBe(1);
    expect(issued.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(issued.errors?.[0]?.extensions?.fields).toContainEqual(
      expect.objectContaining({ path: 'input.recipient.email' }),
    );
  });

  it('refuses the 40,000-tag credential, and each count limit, before any JSON-LD work', async () => {
    const { values, objects, arrayItems, propertyNames } = verificationLimits.complexity;
    const wide = openBadgeFrom('did:example:x', {
      tag: Array.from({ length: arrayItems + 1 }, (_, index) => `t${index}`),
    });
    const manyObjects = openBadgeFrom('did:example:x', {
      alignment: Array.from({ length: objects }, (_, index) => ({ targetName: `${index}` })),
    });
    const manyValues = openBadgeFrom('did:example:x', {
      alignment: Array.from({ length: values / 20 }, () => ({ targetCode: Array(19).fill(1) })),
    });
    const manyNames = openBadgeFrom('did:example:x', {
      criteria: Object.fromEntries(
        Array.from({ length: propertyNames }, (_, index) => [`p${index}`, index]),
      ),
    });
    const refused = {
      status: 200,
      code: 'BAD_USER_INPUT',
      errorCode: 'CREDENTIAL_TOO_COMPLEX',
    };

    expect(await refusal({ credential: fortyThousandTags() })).toEqual(refused);
    for (const credential of [wide, manyObjects, manyValues, manyNames])
      expect(await refusal({ credential })).toEqual(refused);
  });

  it('keeps answering other requests while a costly credential within the limits is checked', async () => {
    const learner = await t.as('learner', { subject: 'bystander' });
    // Warm: JSON-LD and the contexts are loaded by the first verification that needs them.
    await verify({ credential: openBadgeFrom(didKeyIssuer.did) });
    let verifying = true;

    const verification = verify({ credential: longArrays() }).finally(() => (verifying = false));
    let answeredMeanwhile = 0;
    while (verifying) {
      const viewer = await t.api.request('{ viewer { id } }', {}, learner);
      expect(viewer.status).toBe(200);
      if (verifying) answeredMeanwhile += 1;
    }
    const verified = await verification;

    expect(verified.errors).toBeUndefined();
    expect(verified.data?.verifyCredential.verified).toBe(false);
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(3);
  });

  it('makes at most its budget of fetches elsewhere, however many endorsements name new URLs', async () => {
    const counting = await countingServer();
    const did = (name: string) => `did:web:${counting.base}:${name}`;
    const withStatus = (name: string) => ({
      credentialStatus: {
        id: `http://${decodeURIComponent(counting.base)}/status/${name}#1`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '1',
        statusListCredential: `http://${decodeURIComponent(counting.base)}/status/${name}`,
      },
    });
    const credential = openBadgeFrom(
      did('issuer'),
      {
        endorsement: Array.from({ length: 20 }, (_, index) => ({
          ...openBadgeFrom(did(`endorser-${index}`), {}, withStatus(`e${index}`)),
          type: ['VerifiableCredential', 'EndorsementCredential'],
          credentialSubject: { id: 'urn:uuid:x', type: ['EndorsementSubject'] },
        })),
      },
      withStatus('issuer'),
    );

    const answer = await verify({ credential });
    const fetched = counting.hits();
    await new Promise((resolve) => counting.server.close(resolve));

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.verifyCredential.verified).toBe(false);
    expect(fetched).toBeGreaterThan(0);
    expect(fetched).toBeLessThanOrEqual(verificationBudgetLimits.fetches);
  });
});

describe('the resolver cache', () => {
  it('keeps at most its size in bytes, however many large documents are fetched', async () => {
    const document = JSON.stringify({ id: 'x', padding: 'x'.repeat(200_000) });
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(document);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    const resolver = new HttpResolver({ allowHttp: true });

    for (let index = 0; index < 40; index += 1)
      await resolver.fetchCredential(`http://127.0.0.1:${port}/status/${index}`);
    await new Promise((resolve) => server.close(resolve));

    expect(resolver.cachedBytes()).toBeGreaterThan(0);
    expect(resolver.cachedBytes()).toBeLessThanOrEqual(8_000_000);
  });
});

describe('DynamoDB out of reach', () => {
  it('answers SERVICE_UNAVAILABLE, retryable, with HTTP 503, on the API and the public pages', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const dynamodb = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 2,
    });
    const config = loadConfig({
      STAGE: 'test',
      TABLE_NAME: 'unreachable',
      PUBLIC_BASE_URL: 'https://tessera.example',
      AUTH_JWKS_URL: 'https://tessera.example/jwks.json',
      AUTH_ISSUER: 'https://tessera.example',
      LOG_LEVEL: 'SILENT',
    });
    const context = { awsRequestId: 'test' } as Parameters<ReturnType<typeof createApiHandler>>[1];

    const api = await createApiHandler(createContainer(config, { dynamodb }))(
      graphqlPostEvent('{ catalogue(first: 1) { nodes { id } } }'),
      context,
    );
    const page = await createPublicWebHandler(createContainer(config, { dynamodb }))(
      httpGetEvent('/credentials/abc', 'application/ld+json'),
    );
    dynamodb.destroy();
    const apiError = (JSON.parse(api.body!) as { errors: { extensions: Json }[] }).errors[0]!;

    expect(api.statusCode).toBe(503);
    expect(apiError.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect(page.statusCode).toBe(503);
  });
});
