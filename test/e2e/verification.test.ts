import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import { AdjustableClock } from '../support/clock';
import { ExternalIssuer, externalJwt } from '../support/external-issuer';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;
interface Result {
  verified: boolean;
  status: string;
  checks: { name: string; status: string; message: string }[];
  issuer: { id: string; name: string; registeredHere: boolean } | null;
  achievement: { name: string } | null;
}

const verifyQuery = `query ($input: VerifyCredentialInput!, $email: String) {
  verifyCredential(input: $input, recipientEmail: $email) {
    verified status checks { name status message }
    issuer { id name registeredHere } achievement { name }
  }
}`;
const check = (result: Result, name: string) =>
  result.checks.find((candidate) => candidate.name === name)?.status;

describe('public verification and earner-controlled sharing', () => {
  const clock = new AdjustableClock();
  let t: TestPlatform;
  let designId: string;
  let admin: Caller;
  let external: ExternalIssuer;

  const verify = async (input: Json, email?: string) =>
    (await t.api.call<{ verifyCredential: Result }>(verifyQuery, { input, email }))
      .verifyCredential;
  const issue = async (email: string) =>
    (
      await t.api.call<{ issueCredential: { id: string; url: string; json: Json; jwt: string } }>(
        `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id url json jwt } }`,
        { input: { microCredentialId: designId, recipient: { email, name: 'Grace Hopper' } } },
        admin,
      )
    ).issueCredential;
  const learner = (email: string) => t.as('learner', { subject: `learner-${email}`, email });

  beforeAll(async () => {
    t = await startTestPlatform({ clock });
    const published = await t.publishedDesign({ validityMonths: 12 });
    designId = published.designId;
    admin = published.qa.admin;
    external = await ExternalIssuer.withDidWeb();
  });
  afterAll(async () => {
    await external.close();
    await t.stop();
  });

  it('verifies a credential issued here by id and by URL, naming every check', async () => {
    const credential = await issue('by-id@example.org');

    const byId = await verify({ id: credential.id });
    const byUrl = await verify({ id: credential.url });

    expect(byId).toMatchObject({
      verified: true,
      status: 'ACTIVE',
      issuer: { name: 'Northbridge Polytechnic', registeredHere: true },
      achievement: { name: 'Educational Leadership' },
    });
    expect(byId.checks.map((item) => [item.name, item.status])).toEqual([
      ['well-formed', 'PASS'],
      ['issuer-key', 'PASS'],
      ['proof', 'PASS'],
      ['status', 'PASS'],
      ['validity-window', 'PASS'],
      ['achievement-approval', 'PASS'],
      ['endorsements', 'PASS'],
      ['recipient', 'SKIP'],
    ]);
    expect(byUrl.verified).toBe(true);
  });

  it('verifies the same credential as JSON-LD, as a VC-JWT, and baked into PNG and SVG', async () => {
    const credential = await issue('forms@example.org');
    const png = Buffer.from(
      await (await fetch(`${credential.url}/badge.png`)).arrayBuffer(),
    ).toString('base64');
    const svg = Buffer.from(await (await fetch(`${credential.url}/badge.svg`)).text()).toString(
      'base64',
    );

    const results = await Promise.all([
      verify({ credential: credential.json }),
      verify({ jwt: credential.jwt }),
      verify({ image: png }),
      verify({ image: svg }),
    ]);

    expect(results.map((result) => [result.verified, result.status])).toEqual([
      [true, 'ACTIVE'],
      [true, 'ACTIVE'],
      [true, 'ACTIVE'],
      [true, 'ACTIVE'],
    ]);
  });

  it('checks the recipient against the salted hash when an email is given', async () => {
    const credential = await issue('Recipient@Example.org');

    const right = await verify({ id: credential.id }, 'recipient@example.org');
    const wrong = await verify({ id: credential.id }, 'someone.else@example.org');

    expect(check(right, 'recipient')).toBe('PASS');
    expect(right.verified).toBe(true);
    expect(check(wrong, 'recipient')).toBe('FAIL');
    expect(wrong.verified).toBe(false);
  });

  it('reports revoked and suspended credentials with a failing status check', async () => {
    const revoked = await issue('revoked@example.org');
    const suspended = await issue('suspended@example.org');
    await t.api.call(
      `mutation ($id: ID!) { revokeCredential(id: $id) { id } }`,
      { id: revoked.id },
      admin,
    );
    await t.api.call(
      `mutation ($id: ID!) { suspendCredential(id: $id) { id } }`,
      { id: suspended.id },
      admin,
    );
    await t.platform.drain();

    const [revokedResult, suspendedResult] = await Promise.all([
      verify({ credential: revoked.json }),
      verify({ jwt: suspended.jwt }),
    ]);

    expect(revokedResult).toMatchObject({ verified: false, status: 'REVOKED' });
    expect(check(revokedResult, 'status')).toBe('FAIL');
    expect(suspendedResult).toMatchObject({ verified: false, status: 'SUSPENDED' });
  });

  it('fails the proof of a tampered credential and says so', async () => {
    const credential = await issue('tampered@example.org');

    const result = await verify({ credential: { ...credential.json, name: 'Senior Leadership' } });

    expect(result).toMatchObject({ verified: false, status: 'UNKNOWN' });
    expect(check(result, 'proof')).toBe('FAIL');
    expect(check(result, 'issuer-key')).toBe('PASS');
  });

  it('verifies credentials from other issuers signed with did:key, did:web and as a VC-JWT', async () => {
    const didKeyIssuer = await ExternalIssuer.withDidKey();
    const entry = await external.publishStatusList([]);
    const fromDidKey = await didKeyIssuer.sign(didKeyIssuer.openBadge());
    const fromDidWeb = await external.sign(external.openBadge({ credentialStatus: entry }));
    const jwt = await externalJwt(didKeyIssuer.openBadge());

    const [keyResult, webResult, jwtResult] = await Promise.all([
      verify({ credential: fromDidKey }),
      verify({ credential: fromDidWeb }),
      verify({ jwt }),
    ]);

    expect(keyResult).toMatchObject({
      verified: true,
      status: 'ACTIVE',
      issuer: { registeredHere: false },
    });
    expect(check(keyResult, 'achievement-approval')).toBe('SKIP');
    expect(webResult).toMatchObject({ verified: true, status: 'ACTIVE' });
    expect(check(webResult, 'status')).toBe('PASS');
    expect(jwtResult).toMatchObject({ verified: true, status: 'ACTIVE' });
  });

  it("reads another issuer's revocation from its own status list", async () => {
    const entry = await external.publishStatusList([42], 'revoked');
    const credential = await external.sign(
      external.openBadge({
        credentialStatus: entry,
        id: 'urn:uuid:5f1c8a52-52b0-4a4c-9d8b-2b2a1a4b7c01',
      }),
    );

    const result = await verify({ credential });

    expect(result).toMatchObject({ verified: false, status: 'REVOKED' });
  });

  it('reports an unreachable issuer as a failing check, not as an error', async () => {
    const offline = await ExternalIssuer.withDidWeb();
    const credential = await offline.sign(offline.openBadge());
    await offline.close();

    const result = await verify({ credential });

    expect(result.verified).toBe(false);
    expect(check(result, 'issuer-key')).toBe('FAIL');
    expect(result.checks.find((item) => item.name === 'issuer-key')?.message).toMatch(
      /did not answer|could not/i,
    );
  });

  it('refuses malformed, hostile and huge input with BAD_USER_INPUT, quickly', async () => {
    let deep: Json = { leaf: true };
    for (let level = 0; level < 2_000; level += 1) deep = { nested: deep };

    const cases = await Promise.all([
      t.api.request(verifyQuery, { input: { credential: deep } }),
      t.api.request(verifyQuery, { input: { jwt: 'a'.repeat(2_000_000) } }),
      t.api.request(verifyQuery, { input: { credential: 42 } }),
      t.api.request(verifyQuery, { input: { id: 'x', jwt: 'y' } }),
      t.api.request(verifyQuery, { input: {} }),
      t.api.request(verifyQuery, {
        input: { image: Buffer.from('not an image').toString('base64') },
      }),
      t.api.request(verifyQuery, { input: { jwt: 'not.a.jwt' } }),
      t.api.request(verifyQuery, { input: { id: 'x' }, email: 'not-an-email' }),
    ]);

    expect(cases.map((result) => result.errors?.[0]?.extensions?.code)).toEqual(
      Array(8).fill('BAD_USER_INPUT'),
    );
    expect(cases[0].errors?.[0]?.extensions?.errorCode).toBe('CREDENTIAL_TOO_DEEP');
  });

  it('answers with a failing check for unknown contexts and broken structure, never a crash', async () => {
    const credential = await issue('contexts@example.org');

    const unknownContext = await verify({
      credential: {
        ...credential.json,
        '@context': [
          ...(credential.json['@context'] as string[]),
          'https://evil.example/context.jsonld',
        ],
      },
    });
    const noSubject = await verify({
      credential: { ...credential.json, credentialSubject: 'nobody' },
    });

    expect(unknownContext.verified).toBe(false);
    expect(check(unknownContext, 'proof')).toBe('FAIL');
    expect(noSubject.verified).toBe(false);
    expect(check(noSubject, 'well-formed')).toBe('FAIL');
  });

  it('reports an expired credential as EXPIRED once its validity period ends', async () => {
    const credential = await issue('expiring@example.org');
    clock.advanceDays(400);

    const result = await verify({ id: credential.id });
    clock.advanceDays(-400);

    expect(result).toMatchObject({ verified: false, status: 'EXPIRED' });
    expect(check(result, 'validity-window')).toBe('FAIL');
  });

  it("keeps a private credential private everywhere but in its holder's hands", async () => {
    const email = 'private@example.org';
    const credential = await issue(email);
    const owner = await learner(email);
    await t.api.call(
      `mutation ($id: ID!) { setCredentialVisibility(id: $id, visibility: PRIVATE) { visibility } }`,
      { id: credential.id },
      owner,
    );

    const byId = await verify({ id: credential.id });
    const unknown = await verify({ id: '00000000-0000-4000-8000-000000000000' });
    const byJson = await verify({ credential: credential.json });
    const responses = await Promise.all(
      ['', '.json', '.jwt', '/badge.png', '/badge.svg'].map((suffix) =>
        fetch(`${credential.url}${suffix}`),
      ),
    );
    const page = await fetch(credential.url, { headers: { accept: 'text/html' } }).then(
      (response) => response.text(),
    );
    const asStranger = await t.api.request(
      `query ($id: ID!) { credential(id: $id) { id } }`,
      { id: credential.id },
      await learner('stranger@example.org'),
    );
    const anonymous = await t.api.request(`query ($id: ID!) { credential(id: $id) { id } }`, {
      id: credential.id,
    });
    const mine = await t.api.call<{
      myCredentials: { issued: { nodes: { id: string; visibility: string }[] } };
    }>(`{ myCredentials { issued { nodes { id visibility } } } }`, {}, owner);

    expect(byId).toEqual(unknown);
    expect(byJson.verified).toBe(true);
    expect(responses.map((response) => response.status)).toEqual([403, 403, 403, 403, 403]);
    expect(page).toContain('This credential is private');
    expect(page).not.toContain('Grace Hopper');
    expect(page).not.toContain('Educational Leadership');
    expect(asStranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(mine.myCredentials.issued.nodes).toContainEqual({
      id: credential.id,
      visibility: 'PRIVATE',
    });
  });

  it('shares a credential by link with an expiry until the link is revoked', async () => {
    const email = 'linked@example.org';
    const credential = await issue(email);
    const owner = await learner(email);
    await t.api.call(
      `mutation ($id: ID!) { setCredentialVisibility(id: $id, visibility: PRIVATE) { id } }`,
      { id: credential.id },
      owner,
    );

    const { createShareLink } = await t.api.call<{
      createShareLink: { url: string; link: { id: string; expiresAt: string } };
    }>(
      `mutation ($id: ID!) { createShareLink(credentialId: $id, expiresInDays: 7) { url link { id expiresAt } } }`,
      { id: credential.id },
      owner,
    );
    const token = new URL(createShareLink.url).searchParams.get('share')!;
    const shared = await fetch(createShareLink.url, { headers: { accept: 'text/html' } }).then(
      (response) => response.text(),
    );
    const sharedJson = await fetch(`${credential.url}.json?share=${token}`);
    const withoutToken = await fetch(credential.url, {
      headers: { accept: 'application/ld+json' },
    });
    const verifiedWithToken = await verify({ id: credential.id, shareToken: token });
    await t.api.call(
      `mutation ($id: ID!, $link: ID!) { revokeShareLink(credentialId: $id, linkId: $link) { revokedAt } }`,
      { id: credential.id, link: createShareLink.link.id },
      owner,
    );
    const afterRevoke = await fetch(createShareLink.url);

    expect(shared).toContain('Educational Leadership');
    expect(shared).toContain('share link that stops working on');
    expect(sharedJson.status).toBe(200);
    expect(withoutToken.status).toBe(403);
    expect(verifiedWithToken.verified).toBe(true);
    expect(afterRevoke.status).toBe(403);
    expect(Date.parse(createShareLink.link.expiresAt) - Date.now()).toBeGreaterThan(
      6 * 24 * 3600 * 1000,
    );
  });

  it('shows the earner name only when the earner allows it', async () => {
    const email = 'named@example.org';
    const credential = await issue(email);
    const before = await fetch(credential.url).then((response) => response.text());

    await t.api.call(
      `mutation ($id: ID!) { setCredentialVisibility(id: $id, visibility: PUBLIC, showName: true) { showName } }`,
      { id: credential.id },
      await learner(email),
    );
    const after = await fetch(credential.url).then((response) => response.text());

    expect(before).not.toContain('Grace Hopper');
    expect(after).toContain('Grace Hopper');
  });

  it('refuses visibility changes from anyone but the earner', async () => {
    const credential = await issue('guarded@example.org');

    const byAdmin = await t.api.request(
      `mutation ($id: ID!) { setCredentialVisibility(id: $id, visibility: PRIVATE) { id } }`,
      { id: credential.id },
      admin,
    );
    const byOther = await t.api.request(
      `mutation ($id: ID!) { setCredentialVisibility(id: $id, visibility: PRIVATE) { id } }`,
      { id: credential.id },
      await learner('other@example.org'),
    );

    expect(byAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('imports a credential from elsewhere into the backpack after verifying it, and refuses a forged one', async () => {
    const didKeyIssuer = await ExternalIssuer.withDidKey();
    const credential = await didKeyIssuer.sign(didKeyIssuer.openBadge());
    const owner = await learner('backpack@example.org');

    const imported = await t.api.call<{
      importCredential: { id: string; name: string; status: string };
    }>(
      `mutation ($input: VerifyCredentialInput!) { importCredential(input: $input) { id name status } }`,
      { input: { credential } },
      owner,
    );
    const forged = await t.api.request(
      `mutation ($input: VerifyCredentialInput!) { importCredential(input: $input) { id } }`,
      { input: { credential: { ...credential, name: 'Forged' } } },
      owner,
    );
    const mine = await t.api.call<{
      myCredentials: { imported: { id: string; name: string; issuerName: string }[] };
    }>(`{ myCredentials { imported { id name issuerName } } }`, {}, owner);

    expect(imported.importCredential).toMatchObject({ name: 'Data Literacy', status: 'ACTIVE' });
    expect(forged.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      errorCode: 'CREDENTIAL_NOT_VERIFIED',
    });
    expect(mine.myCredentials.imported).toEqual([
      {
        id: imported.importCredential.id,
        name: 'Data Literacy',
        issuerName: 'Elsewhere University',
      },
    ]);
  });
});
