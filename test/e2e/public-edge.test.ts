import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'node:zlib';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import encodeChunks from 'png-chunks-encode';
import extractChunks from 'png-chunks-extract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/composition/config';
import { createContainer } from '../../functions/composition/container';
import { createApiHandler } from '../../functions/handlers/api-handler';
import { createPublicWebHandler } from '../../functions/handlers/public-web-handler';
import { graphqlPostEvent, httpGetEvent } from '../bench/lambda-event';
import { HttpResolver } from '../../functions/adapters/verification/http-resolver';
import { verificationBudgetLimits, verificationLimits } from '../../functions/core/verification/model';
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
import { countItems } from '../support/table';
import {
  generatedBadgePng,
  PNG_KEYWORD,
  SVG_NAMESPACE,
} from '../../functions/core/credential/baking';

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

describe('property: every channel of verifyCredential is refused or finished, never a server error', () => {
  let t: TestPlatform;
  let holder: { token?: string };
  const settings = { numRuns: 10, seed: 20261202 };

  beforeAll(async () => {
    t = await startTestPlatform();
    holder = await t.as('learner', { subject: 'property-holder', email: 'holder@example.org' });
    // The platform's own keys are written by the worker after it starts.
    await t.platform.drain();
  });
  afterAll(() => t.stop());

  /**
   * Verifies `input` and imports it as a learner: never a server error, and an import that is
   * refused (all of these are: nothing here is signed) stores nothing.
   */
  const checkBounded = async (input: Json, what: string) => {
    const before = await countItems(t);
    const verified = await t.api.request<{ verifyCredential: { verified: boolean } }>(verifyQuery, {
      input,
    });
    const imported = await t.api.request(
      `mutation ($input: VerifyCredentialInput!) { importCredential(input: $input) { id } }`,
      { input },
      holder,
    );
    for (const answer of [verified, imported]) {
      expect(answer.status, what).toBeLessThan(500);
      for (const error of answer.errors ?? [])
        expect(error.extensions?.code, what).not.toBe('INTERNAL_SERVER_ERROR');
    }
    expect(verified.errors ?? verified.data?.verifyCredential.verified, what).not.toBe(true);
    expect(imported.errors, what).toBeDefined();
    expect(await countItems(t), `${what} stored something`).toBe(before);
  };

  /** A count up to `max`, the limit and just past it included (fast-check favours small ones). */
  const count = (limit: number, max: number) =>
    fc.oneof(fc.integer({ min: 1, max }), fc.constantFrom(limit, limit + 1, max));
  const { arrayItems, objects, propertyNames } = verificationLimits.complexity;
  /** Adversarial shapes placed in an achievement: wide, many nodes, deep, many names. */
  const shape = fc.oneof(
    count(arrayItems, 2_500).map((n) => ({ tag: Array.from({ length: n }, (_, i) => `t${i}`) })),
    count(objects, 1_500).map((n) => ({
      alignment: Array.from({ length: n }, (_, i) => ({
        type: ['Alignment'],
        targetName: `a${i}`,
      })),
    })),
    count(verificationLimits.depth - 6, 80).map((levels) => {
      let value: Json = { narrative: 'x' };
      for (let level = 0; level < levels; level += 1) value = { criteria: value };
      return value;
    }),
    count(propertyNames, 800).map((n) => ({
      criteria: Object.fromEntries(Array.from({ length: n }, (_, i) => [`term${i}`, i])),
    })),
    count(20, 60).map((n) => ({
      endorsement: Array.from({ length: n }, () => openBadgeFrom(didKeyIssuer.did)),
    })),
  );

  it('JSON-LD: wide arrays, many blank nodes, deep nesting, many terms', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(shape, { minLength: 1, maxLength: 3 }), async (shapes) => {
        const credential = openBadgeFrom(didKeyIssuer.did, Object.assign({}, ...shapes) as Json);
        await checkBounded({ credential }, `JSON of ${JSON.stringify(credential).length} bytes`);
      }),
      settings,
    );
  });

  it('VC-JWT: the same shapes as a compact JWS', async () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    await fc.assert(
      fc.asyncProperty(
        shape,
        fc.constantFrom('EdDSA', 'RS256', 'none', 'HS256'),
        async (extra, alg) => {
          const credential = openBadgeFrom(didKeyIssuer.did, extra);
          const jwt = `${encode({ alg, kid: didKeyIssuer.method })}.${encode(credential)}.${encode('sig')}`;
          if (jwt.length < 500_000)
            await checkBounded({ jwt }, `JWT ${alg} of ${jwt.length} bytes`);
        },
      ),
      settings,
    );
  });

  it('PNG: compressed bombs, many chunks, other keywords', async () => {
    const base = extractChunks(await generatedBadgePng('property'));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.boolean(),
        fc.constantFrom(PNG_KEYWORD, 'Comment', ''),
        async (megabytes, extraChunks, compressed, keyword) => {
          const text = Buffer.alloc(megabytes * 1_000_000, ' ');
          const body = compressed ? deflateSync(text, { level: 9 }) : text.subarray(0, 200_000);
          const itxt = Buffer.concat([
            Buffer.from(
              `${keyword}\u0000${compressed ? '\u0001' : '\u0000'}\u0000\u0000\u0000`,
              'latin1',
            ),
            body,
          ]);
          const chunks = [
            base[0]!,
            ...Array.from({ length: extraChunks }, () => ({
              name: 'tEXt',
              data: new Uint8Array(0),
            })),
            ...base.slice(1, -1),
            { name: 'iTXt', data: itxt },
            base.at(-1)!,
          ];
          const png = Buffer.from(encodeChunks(chunks));
          if (png.length < 5_000_000)
            await checkBounded({ image: png.toString('base64') }, `PNG ${megabytes} MB ${keyword}`);
        },
      ),
      settings,
    );
  });

  it('SVG: repeated, unclosed, deep, wide markup, entities and huge text', async () => {
    const start = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="${SVG_NAMESPACE}">`;
    const markup = fc.oneof(
      fc.integer({ min: 1, max: 150_000 }).map((n) => '<openbadges:credential>'.repeat(n)),
      fc
        .integer({ min: 1, max: 400_000 })
        .map((n) => `${'<g>'.repeat(n)}<openbadges:credential>{}`),
      fc.integer({ min: 1, max: 200_000 }).map((n) => `${'<g a="1"></g>'.repeat(n)}</svg>`),
      fc
        .integer({ min: 1, max: 3_000_000 })
        .map(
          (n) =>
            `<openbadges:credential><![CDATA[${'x'.repeat(n)}]]></openbadges:credential></svg>`,
        ),
      fc.constant('<openbadges:credential>&a;&b;</openbadges:credential></svg>'),
      fc.integer({ min: 1, max: 1_000_000 }).map((n) => `<g ${'a'.repeat(n)}="1">`),
    );
    await fc.assert(
      fc.asyncProperty(markup, async (body) => {
        const svg = `${start}${body}`;
        await checkBounded(
          { image: Buffer.from(svg).toString('base64') },
          `SVG of ${svg.length} bytes`,
        );
      }),
      settings,
    );
  });

  it('URLs: many distinct documents to fetch, and ids of every shape', async () => {
    const counting = await countingServer();
    const did = (name: string) => `did:web:${counting.base}:${name}`;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 40 }),
          fc.string({ maxLength: 8 }),
          async (n, salt) => {
            const before = counting.hits();
            const credential = openBadgeFrom(did(`issuer-${salt.length}-${n}`), {
              endorsement: Array.from({ length: n }, (_, index) => ({
                ...openBadgeFrom(did(`e-${n}-${index}-${encodeURIComponent(salt)}`)),
                type: ['VerifiableCredential', 'EndorsementCredential'],
                credentialSubject: { id: 'urn:uuid:x', type: ['EndorsementSubject'] },
              })),
            });
            await checkBounded({ credential }, `${n} endorsements`);
            // Two requests (verify and import), each within its budget.
            expect(counting.hits() - before).toBeLessThanOrEqual(
              2 * verificationBudgetLimits.fetches,
            );
          },
        ),
        settings,
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string({ maxLength: 3_000 }), fc.webUrl()), async (id) => {
          const answer = await t.api.request(verifyQuery, { input: { id } });
          expect(answer.status).toBeLessThan(500);
          for (const error of answer.errors ?? [])
            expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        }),
        { ...settings, numRuns: 40 },
      );
    } finally {
      await new Promise((resolve) => counting.server.close(resolve));
    }
  });
});
