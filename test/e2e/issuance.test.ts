import { createHash } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unbakePng, unbakeSvg } from '../../functions/core/credential/baking';
import { isPositionSet } from '../../functions/core/credential/status-list';
import type { Caller } from '../../infra/local/graphql-client';
import { failDynamoDb } from '../support/faults';
import { verifyWithDigitalBazaar } from '../support/independent-verifier';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { countItems } from '../support/table';

type Json = Record<string, unknown>;
interface Issued {
  id: string;
  url: string;
  status: string;
  json: Json;
  jwt: string;
  validUntil: string | null;
}

const issueMutation = `mutation ($input: IssueCredentialInput!) {
  issueCredential(input: $input) { id url status json jwt validUntil }
}`;

/** Every leaf path of a JSON value, e.g. `credentialSubject.achievement.name`. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => leafPaths(item, [...prefix, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...prefix, key]));
  }
  return [prefix];
}

function withChangedLeaf(document: Json, path: (string | number)[]): Json {
  const copy = structuredClone(document);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  const value = node[last];
  node[last] =
    typeof value === 'string'
      ? `${value}x`
      : typeof value === 'number'
        ? value + 1
        : typeof value === 'boolean'
          ? !value
          : 'changed';
  return copy;
}

describe('issuing Open Badges 3.0 credentials signed in KMS', () => {
  let t: TestPlatform;
  let institutionId: string;
  let designId: string;
  let admin: Caller;

  const issue = async (
    email: string,
    extra: Record<string, unknown> = {},
    caller: Caller = admin,
    microCredentialId = designId,
  ) =>
    (
      await t.api.call<{ issueCredential: Issued }>(
        issueMutation,
        { input: { microCredentialId, recipient: { email, name: 'Ada Learner' }, ...extra } },
        caller,
      )
    ).issueCredential;
  const keysOf = async (id: string, caller: Caller) =>
    (
      await t.api.call<{ institution: { signingKeys: { keyId: string; status: string }[] } }>(
        `query ($id: ID!) { institution(id: $id) { signingKeys { keyId status } } }`,
        { id },
        caller,
      )
    ).institution.signingKeys;

  beforeAll(async () => {
    t = await startTestPlatform();
    ({ institutionId, designId } = await t.publishedDesign({ validityMonths: 24 }));
    admin = (await t.qaCallers(institutionId)).admin;
  });
  afterAll(() => t.stop());

  it('issues a credential that an independent OB 3.0 verifier accepts', async () => {
    const credential = await issue('Learner.One@Example.org');

    const result = await verifyWithDigitalBazaar(credential.json);

    expect(result).toEqual({ verified: true, error: undefined });
    expect(credential.json).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
        // The design states its EU elements, named by Tessera's extension context.
        `${t.platform.url}/contexts/tessera-v1.jsonld`,
      ],
      id: credential.url,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { type: ['Profile'], name: 'Northbridge Polytechnic' },
      credentialSchema: [{ type: '1EdTechJsonSchemaValidator2019' }],
      proof: {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        proofPurpose: 'assertionMethod',
      },
    });
    expect((credential.json.proof as Json).verificationMethod).toBe(
      `${(credential.json.issuer as Json).id as string}#g1-ed25519`,
    );
  });

  it('fails independent verification when any single field of the credential changes', async () => {
    const credential = await issue('tamper@example.org');
    const paths = leafPaths(credential.json).filter(
      (path) => path[0] !== 'proof' || path[1] === 'created',
    );

    const stillVerified: string[] = [];
    for (const path of paths) {
      const result = await verifyWithDigitalBazaar(withChangedLeaf(credential.json, path));
      if (result.verified) stillVerified.push(path.join('.'));
    }

    expect(paths.length).toBeGreaterThan(60);
    expect(stillVerified).toEqual([]);
  });

  it('hashes the recipient email with a salt instead of embedding it', async () => {
    const credential = await issue('Salted@Example.org');
    const subject = credential.json.credentialSubject as {
      identifier: { identityHash: string; salt: string; identityType: string; hashed: boolean }[];
    };
    const [identity] = subject.identifier;

    const expected = `sha256$${createHash('sha256').update(`salted@example.org${identity!.salt}`).digest('hex')}`;

    expect(identity).toMatchObject({
      identityType: 'emailAddress',
      hashed: true,
      identityHash: expected,
    });
    expect(JSON.stringify(credential.json)).not.toContain('salted@example.org');
  });

  it('carries the achievement snapshot, validity window and its one status entry', async () => {
    const credential = await issue('window@example.org', {
      recipient: {
        email: 'window@example.org',
        did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      },
    });
    const subject = credential.json.credentialSubject as { id: string; achievement: Json };
    const status = credential.json.credentialStatus as Json;

    expect(subject.id).toBe('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK');
    expect(
      JSON.parse(Buffer.from(credential.jwt.split('.')[1]!, 'base64url').toString()),
    ).toMatchObject({ sub: subject.id, jti: credential.url });
    expect(subject.achievement).toMatchObject({
      id: `${t.platform.url}/achievements/${designId}/v1`,
      achievementType: 'MicroCredential',
      name: 'Educational Leadership',
      creditsAvailable: 1.5,
      inLanguage: 'en',
      humanCode: 'MC-EDL-101',
    });
    expect(String((subject.achievement.criteria as Json).narrative)).toContain(
      'Quality assurance: approved through',
    );
    const months =
      (Date.parse(credential.validUntil!) - Date.parse(credential.json.validFrom as string)) /
      (30.44 * 24 * 3600 * 1000);
    expect(Math.round(months)).toBe(24);
    // OB 3.0 allows one credentialStatus: the revocation entry (suspension: docs/decisions.md).
    expect(status).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListCredential: `${t.platform.url}/status-lists/${institutionId}/revocation/1`,
    });
  });

  it('serves the JSON-LD exactly as issued and the VC-JWT that verifies with the published JWKS', async () => {
    const credential = await issue('jwt@example.org');

    const jsonLd = await fetch(credential.url, { headers: { accept: 'application/ld+json' } });
    const jwtByAccept = await fetch(credential.url, { headers: { accept: 'application/jwt' } });
    const jwtByRoute = await fetch(`${credential.url}.jwt`);
    const jwks = createRemoteJWKSet(
      new URL(`${t.platform.url}/issuers/${institutionId}/jwks.json`),
    );
    const { payload, protectedHeader } = await jwtVerify(await jwtByRoute.text(), jwks, {
      algorithms: ['RS256'],
    });

    expect(jsonLd.headers.get('content-type')).toContain('application/ld+json');
    expect(await jsonLd.json()).toEqual(credential.json);
    expect(await jwtByAccept.text()).toBe(credential.jwt);
    expect(protectedHeader).toMatchObject({
      alg: 'RS256',
      kid: `${(credential.json.issuer as Json).id as string}#g1-rs256`,
    });
    // OB 3.0.3 §8.2.4: the payload is the credential itself, its Data Integrity proof
    // included, with iss, jti, nbf and exp beside it (no sub: the subject has no id).
    expect(payload).toEqual({
      ...credential.json,
      iss: (credential.json.issuer as Json).id,
      jti: credential.url,
      nbf: Math.floor(Date.parse(credential.json.validFrom as string) / 1000),
      exp: Math.floor(Date.parse(credential.validUntil!) / 1000),
    });
    expect(payload.vc).toBeUndefined();
    const [header, body] = credential.jwt.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...payload, jti: 'x' })).toString('base64url')}.${credential.jwt.split('.')[2]}`;
    await expect(jwtVerify(forged, jwks)).rejects.toThrow();
    expect(body).toBeTruthy();
  });

  it('serves the achievement, issuer profile and DID document at their own URLs', async () => {
    const achievement = (await (
      await fetch(`${t.platform.url}/achievements/${designId}/v1`)
    ).json()) as Json;
    const profile = (await (
      await fetch(`${t.platform.url}/issuers/${institutionId}`)
    ).json()) as Json;
    const did = (await (
      await fetch(`${t.platform.url}/issuers/${institutionId}/did.json`)
    ).json()) as { verificationMethod: Json[]; assertionMethod: string[] };

    expect(achievement).toMatchObject({ type: ['Achievement'], name: 'Educational Leadership' });
    expect(profile).toMatchObject({
      type: ['Profile'],
      name: 'Northbridge Polytechnic',
      id: expect.stringMatching(/^did:web:/) as string,
    });
    expect(
      did.verificationMethod.find((method) => method.type === 'Multikey')?.publicKeyMultibase,
    ).toMatch(/^z6Mk/);
    expect(did.assertionMethod).toHaveLength(2);
  });

  it('bakes the credential into PNG and SVG badges, generating an image when the design has none', async () => {
    const credential = await issue('badge@example.org');

    const png = Buffer.from(await (await fetch(`${credential.url}/badge.png`)).arrayBuffer());
    const svgResponse = await fetch(`${credential.url}/badge.svg`);
    const svg = await svgResponse.text();

    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(JSON.parse((await unbakePng(png))!)).toEqual(credential.json);
    expect(svg).toContain('xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"');
    expect(JSON.parse((await unbakeSvg(svg))!)).toEqual(credential.json);
    expect(svgResponse.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('returns the same credential when the same learner and design are issued concurrently', async () => {
    const institution = await t.publishedDesign({ name: 'Concurrency' });
    const caller = (await t.qaCallers(institution.institutionId)).admin;

    const results = await Promise.all(
      Array.from({ length: 10 }, () => issue('same@example.org', {}, caller, institution.designId)),
    );

    expect(new Set(results.map((credential) => credential.id)).size).toBe(1);
    const listed = await t.api.call<{ issuedCredentials: { nodes: unknown[] } }>(
      `query ($id: ID!) { issuedCredentials(institutionId: $id) { nodes { id } } }`,
      { id: institution.institutionId },
      caller,
    );
    expect(listed.issuedCredentials.nodes).toHaveLength(1);
  });

  it('refuses an idempotency key reused for a different learner', async () => {
    await issue('key-owner@example.org', { idempotencyKey: 'enrolment-2026-0001' });

    const reuse = await t.api.request(
      issueMutation,
      {
        input: {
          microCredentialId: designId,
          recipient: { email: 'someone-else@example.org' },
          idempotencyKey: 'enrolment-2026-0001',
        },
      },
      admin,
    );

    expect(reuse.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('leaves nothing half-done when storage fails between signing and storing, and the retry succeeds', async () => {
    const institution = await t.publishedDesign({ name: 'Faults' });
    const caller = (await t.qaCallers(institution.institutionId)).admin;
    const heal = failDynamoDb(t.platform.container.clients.dynamodb, 'TransactWriteItemsCommand', {
      times: 1,
    });

    const failed = await t.api.request(
      issueMutation,
      {
        input: {
          microCredentialId: institution.designId,
          recipient: { email: 'fault@example.org' },
        },
      },
      caller,
    );
    heal();
    const before = await t.api.call<{ issuedCredentials: { nodes: unknown[] } }>(
      `query ($id: ID!) { issuedCredentials(institutionId: $id) { nodes { id } } }`,
      { id: institution.institutionId },
      caller,
    );
    const retried = await issue('fault@example.org', {}, caller, institution.designId);
    const again = await issue('fault@example.org', {}, caller, institution.designId);

    expect(failed.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
    });
    expect(before.issuedCredentials.nodes).toHaveLength(0);
    expect(again.id).toBe(retried.id);
    expect((await verifyWithDigitalBazaar(retried.json)).verified).toBe(true);
  });

  it('reports KMS throttling as retryable and issues on retry', async () => {
    // The SDK retries throttling itself (3 attempts); throttle more often than that.
    t.platform.kms.faults.inject({ operation: 'Sign', error: 'ThrottlingException', times: 3 });

    const throttled = await t.api.request(
      issueMutation,
      { input: { microCredentialId: designId, recipient: { email: 'throttled@example.org' } } },
      admin,
    );
    const retried = await issue('throttled@example.org');

    expect(throttled.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      errorCode: 'KEY_SERVICE_UNAVAILABLE',
    });
    expect(retried.status).toBe('ACTIVE');
  });

  it('publishes revocation in the signed status list, and revoking twice is harmless', async () => {
    const credential = await issue('revoked@example.org');
    const entry = credential.json.credentialStatus as {
      statusListIndex: string;
      statusListCredential: string;
    };
    const revoke = `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Academic misconduct") { status statusReason statusHistory { action reason } } }`;

    await t.api.call(revoke, { id: credential.id }, admin);
    const second = await t.api.call<{
      revokeCredential: { status: string; statusHistory: unknown[] };
    }>(revoke, { id: credential.id }, admin);
    await t.platform.drain();
    const list = (await (await fetch(entry.statusListCredential)).json()) as {
      credentialSubject: { encodedList: string; statusPurpose: string };
    };

    const earnerAsks = await t.api.request(
      `query ($id: ID!) { credential(id: $id) { status statusHistory { actorId } } }`,
      { id: credential.id },
      await t.as('learner', { subject: 'revoked-earner', email: 'revoked@example.org' }),
    );

    expect(second.revokeCredential).toMatchObject({
      status: 'REVOKED',
      statusHistory: [{ action: 'REVOKED', reason: 'Academic misconduct' }],
    });
    // Staff actor ids are the issuer's business: the earner reads the status, not who set it.
    expect(earnerAsks.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(earnerAsks)).not.toContain('author-');
    expect(list.credentialSubject.statusPurpose).toBe('revocation');
    expect(
      await isPositionSet(list.credentialSubject.encodedList, Number(entry.statusListIndex)),
    ).toBe(true);
    expect((await verifyWithDigitalBazaar(list)).verified).toBe(true);
  });

  it('suspends and reinstates in the record, leaving the revocation bit clear', async () => {
    const credential = await issue('suspended@example.org');
    const entry = credential.json.credentialStatus as {
      statusListIndex: string;
      statusListCredential: string;
    };
    const revocationBit = async () => {
      await t.platform.drain();
      const list = (await (await fetch(entry.statusListCredential)).json()) as {
        credentialSubject: { encodedList: string };
      };
      return isPositionSet(list.credentialSubject.encodedList, Number(entry.statusListIndex));
    };

    const { suspendCredential } = await t.api.call<{ suspendCredential: { status: string } }>(
      `mutation ($id: ID!) { suspendCredential(id: $id, reason: "Under review") { status } }`,
      { id: credential.id },
      admin,
    );
    const bitWhileSuspended = await revocationBit();
    const { reinstateCredential } = await t.api.call<{ reinstateCredential: { status: string } }>(
      `mutation ($id: ID!) { reinstateCredential(id: $id) { status } }`,
      { id: credential.id },
      admin,
    );

    expect(suspendCredential.status).toBe('SUSPENDED');
    expect(bitWhileSuspended).toBe(false);
    expect(reinstateCredential.status).toBe('ACTIVE');
    expect(await revocationBit()).toBe(false);
  });

  it('keeps credentials signed before a rotation valid, and fails those signed by a revoked key', async () => {
    const institution = await t.publishedDesign({ name: 'Rotation' });
    const caller = (await t.qaCallers(institution.institutionId)).admin;
    const before = await issue('before-rotation@example.org', {}, caller, institution.designId);

    await t.api.call(
      `mutation ($id: ID!) { rotateIssuerKeys(institutionId: $id) }`,
      { id: institution.institutionId },
      caller,
    );
    await t.platform.drain();
    const after = await issue('after-rotation@example.org', {}, caller, institution.designId);
    const keysAfterRotation = await keysOf(institution.institutionId, caller);
    await t.api.call(
      `mutation ($id: ID!) { revokeIssuerKey(institutionId: $id, keyId: "g2-ed25519", reason: "Key compromised") { status } }`,
      { id: institution.institutionId },
      caller,
    );
    await t.platform.drain();

    expect((after.json.proof as Json).verificationMethod).toMatch(/#g2-ed25519$/);
    expect(keysAfterRotation).toEqual([
      { keyId: 'g1-ed25519', status: 'RETIRED' },
      { keyId: 'g1-rs256', status: 'RETIRED' },
      { keyId: 'g2-ed25519', status: 'ACTIVE' },
      { keyId: 'g2-rs256', status: 'ACTIVE' },
    ]);
    expect((await verifyWithDigitalBazaar(before.json)).verified).toBe(true);
    expect((await verifyWithDigitalBazaar(after.json)).verified).toBe(false);
    const keys = await keysOf(institution.institutionId, caller);
    expect(keys.find((key) => key.keyId === 'g2-ed25519')?.status).toBe('REVOKED');
    expect(keys.filter((key) => key.status === 'ACTIVE').map((key) => key.keyId)).toEqual([
      'g3-ed25519',
      'g3-rs256',
    ]);
  });

  it('refuses to issue an unpublished design, and refuses callers outside the institution', async () => {
    const other = await t.createInstitution({ name: 'Other College' });
    const otherAdmin = await t.as('issuer-admin', { institutionId: other });
    const { createMicroCredential: draft } = await t.api.call<{
      createMicroCredential: { id: string };
    }>(
      `mutation ($input: CreateMicroCredentialInput!) { createMicroCredential(input: $input) { id } }`,
      {
        input: {
          ...(await import('../support/builders')).designInput(institutionId, {
            name: 'Draft only',
          }),
        },
      },
      admin,
    );

    const unpublished = await t.api.request(
      issueMutation,
      { input: { microCredentialId: draft.id, recipient: { email: 'a@example.org' } } },
      admin,
    );
    const foreign = await t.api.request(
      issueMutation,
      { input: { microCredentialId: designId, recipient: { email: 'a@example.org' } } },
      otherAdmin,
    );
    const learner = await t.api.request(
      issueMutation,
      { input: { microCredentialId: designId, recipient: { email: 'a@example.org' } } },
      await t.as('learner'),
    );
    const badEmail = await t.api.request(
      issueMutation,
      { input: { microCredentialId: designId, recipient: { email: 'not-an-email' } } },
      admin,
    );

    expect(unpublished.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'DESIGN_NOT_ISSUABLE',
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(learner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(badEmail.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.recipient.email' }],
    });
  });

  it('issues a cohort in the background, reporting bad rows and never issuing a row twice', async () => {
    const institution = await t.publishedDesign({ name: 'Cohort' });
    const caller = (await t.qaCallers(institution.institutionId)).admin;
    const recipients: unknown[] = Array.from({ length: 120 }, (_, index) => ({
      email: `learner${index}@example.org`,
      name: `Learner ${index}`,
    }));
    recipients.push(
      { email: 'learner7@example.org', name: 'Learner 7 again' },
      { email: 'broken' },
      { name: 'No email' },
    );

    const { startBulkIssuance } = await t.api.call<{
      startBulkIssuance: { id: string; total: number };
    }>(
      `mutation ($input: BulkIssuanceInput!) { startBulkIssuance(input: $input) { id total status } }`,
      {
        input: {
          microCredentialId: institution.designId,
          recipients,
          idempotencyKey: 'cohort-2026-spring',
        },
      },
      caller,
    );
    const again = await t.api.call<{ startBulkIssuance: { id: string } }>(
      `mutation ($input: BulkIssuanceInput!) { startBulkIssuance(input: $input) { id } }`,
      {
        input: {
          microCredentialId: institution.designId,
          recipients,
          idempotencyKey: 'cohort-2026-spring',
        },
      },
      caller,
    );
    await t.platform.drain();
    const { bulkIssuanceJob: job } = await t.api.call<{
      bulkIssuanceJob: {
        status: string;
        total: number;
        processed: number;
        succeeded: number;
        failed: number;
        failures: { nodes: { row: number; errorCode: string; errorMessage: string }[] };
      };
    }>(
      `query ($id: ID!) { bulkIssuanceJob(id: $id) { status total processed succeeded failed failures(first: 10) { nodes { row errorCode errorMessage } } } }`,
      { id: startBulkIssuance.id },
      caller,
    );
    const issued: string[] = [];
    let after: string | null = null;
    do {
      const page: {
        issuedCredentials: {
          nodes: { id: string }[];
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
        };
      } = await t.api.call(
        `query ($id: ID!, $after: String) { issuedCredentials(institutionId: $id, first: 100, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`,
        { id: institution.institutionId, after },
        caller,
      );
      issued.push(...page.issuedCredentials.nodes.map((node) => node.id));
      after = page.issuedCredentials.pageInfo.hasNextPage
        ? page.issuedCredentials.pageInfo.endCursor
        : null;
    } while (after);

    expect(again.startBulkIssuance.id).toBe(startBulkIssuance.id);
    expect(job).toMatchObject({
      status: 'COMPLETED_WITH_ERRORS',
      total: 123,
      processed: 123,
      succeeded: 121,
      failed: 2,
    });
    expect(job.failures.nodes.map((row) => [row.row, row.errorCode])).toEqual([
      [122, 'VALIDATION_FAILED'],
      [123, 'VALIDATION_FAILED'],
    ]);
    expect(job.failures.nodes[0]!.errorMessage).toContain('email');
    expect(issued).toHaveLength(120);
    expect(new Set(issued).size).toBe(120);
    // 120 credentials, and the worker now also writes their notifications before drain() returns.
  }, 90_000);

  it('refuses a cohort with a row too deep to record before writing anything, even 100,000 levels deep', async () => {
    const institution = await t.publishedDesign({ name: 'Deep cohort' });
    const caller = (await t.qaCallers(institution.institutionId)).admin;
    const valid = Array.from({ length: 40 }, (_, index) => ({
      email: `deep${index}@example.org`,
      name: `Deep ${index}`,
    }));
    /** A row nested `levels` deep, as JSON text (too deep for JSON.stringify to write). */
    const nested = (levels: number) => `${'{"a":'.repeat(levels)}"x"${'}'.repeat(levels)}`;
    const start = async (rows: string[]) => {
      const response = await fetch(t.api.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.token}` },
        body: `{"query":"mutation ($input: BulkIssuanceInput!) { startBulkIssuance(input: $input) { id } }","variables":{"input":{"microCredentialId":${JSON.stringify(institution.designId)},"recipients":[${rows.join(',')}]}}}`,
      });
      return (await response.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
    };
    const validRows = valid.map((row) => JSON.stringify(row));
    await t.platform.drain();
    const before = await countItems(t);

    const fortyDeep = await start([...validRows, nested(40)]);
    const veryDeep = await start([...validRows, nested(100_000)]);
    const after = await countItems(t);

    for (const refused of [fortyDeep, veryDeep])
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        errorCode: 'RECIPIENT_ROW_TOO_LARGE',
        fields: [{ path: 'input.recipients.40' }],
      });
    expect(after).toBe(before);
  });
});
