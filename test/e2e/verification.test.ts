import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpResolver } from '../../functions/adapters/verification/http-resolver';
import { forbiddenAddress } from '../../functions/adapters/verification/network-guard';
import {
  bakePng,
  bakeSvg,
  generatedBadgePng,
  generatedBadgeSvg,
} from '../../functions/core/credential/baking';
import type { Caller } from '../../infra/local/graphql-client';
import { AdjustableClock } from '../support/clock';
import { ExternalIssuer, externalJwt, selfKeyedJwt } from '../support/external-issuer';
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
const message = (result: Result, name: string) =>
  result.checks.find((candidate) => candidate.name === name)?.message;

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

  it('refuses a VC-JWT for an issuer registered here signed by a key it embeds or names elsewhere', async () => {
    const issued = await issue('forged-jwt@example.org');
    const { proof: _proof, ...unsigned } = issued.json;
    const forged = { ...unsigned, name: 'Senior Leadership' };
    const issuerDid = (issued.json.issuer as Json).id as string;
    const elsewhere = await external.hostKey({ controller: issuerDid });

    const results = await Promise.all([
      verify({ jwt: await selfKeyedJwt(forged) }),
      verify({ jwt: await selfKeyedJwt(forged, { kid: `${issuerDid}#forged-key`, form: 'vc' }) }),
      verify({ jwt: await selfKeyedJwt(forged, { kid: `${issuerDid}#g1-rs256` }) }),
      verify({ jwt: await elsewhere.signJwt(forged) }),
    ]);

    expect(results.map((result) => [result.verified, check(result, 'issuer-key')])).toEqual(
      Array(4).fill([false, 'FAIL']),
    );
    expect(message(results[0], 'issuer-key')).toMatch(/registered here/);
    expect(message(results[2], 'issuer-key')).toMatch(/not the key its kid names/);
    expect(message(results[3], 'issuer-key')).toMatch(/registered here/);
  });

  it('refuses a Data Integrity proof whose key document elsewhere claims an issuer registered here', async () => {
    const issued = await issue('forged-proof@example.org');
    const { proof: _proof, ...unsigned } = issued.json;
    const issuerDid = (issued.json.issuer as Json).id as string;
    const elsewhere = await external.hostKey({ controller: issuerDid });

    const result = await verify({ credential: await elsewhere.sign(unsigned) });

    expect(result).toMatchObject({ verified: false, issuer: { registeredHere: true } });
    expect(check(result, 'issuer-key')).toBe('FAIL');
    expect(message(result, 'issuer-key')).toMatch(/only its keys held by this platform/);
  });

  it("accepts an https key of another issuer only when the issuer's DID document lists it", async () => {
    // A fresh issuer: the verifier caches DID documents, and this one lists a key of its own.
    const issuer = await ExternalIssuer.withDidWeb();
    const claimed = await issuer.hostKey({ controller: issuer.did });
    const listed = await issuer.hostKey({ controller: issuer.did, listed: true });
    const otherIssuer = await ExternalIssuer.withDidKey();
    const claimsOther = await issuer.hostKey({ controller: otherIssuer.did });

    const [claimedResult, listedResult, otherResult] = await Promise.all([
      verify({ credential: await claimed.sign(issuer.openBadge()) }),
      verify({ credential: await listed.sign(issuer.openBadge()) }),
      verify({ credential: await claimsOther.sign(otherIssuer.openBadge()) }),
    ]);
    await issuer.close();

    expect(claimedResult.verified).toBe(false);
    expect(check(claimedResult, 'issuer-key')).toBe('FAIL');
    expect(message(claimedResult, 'issuer-key')).toMatch(/does not list/);
    expect(listedResult).toMatchObject({ verified: true, status: 'ACTIVE' });
    expect(check(listedResult, 'issuer-key')).toBe('PASS');
    expect(otherResult.verified).toBe(false);
    expect(check(otherResult, 'issuer-key')).toBe('FAIL');
  });

  it('accepts VC-JWTs from elsewhere in both forms, and an embedded key only when the issuer publishes it', async () => {
    const credential = external.openBadge({ validUntil: '2099-01-01T00:00:00Z' });

    const results = await Promise.all([
      verify({ jwt: await externalJwt(credential) }),
      verify({ jwt: await externalJwt(credential, { form: 'vc' }) }),
      verify({ jwt: await externalJwt(credential, { did: 'jwk' }) }),
      verify({ jwt: await selfKeyedJwt(credential) }),
      verify({ jwt: await selfKeyedJwt(credential, { kid: `${external.did}#key-1` }) }),
    ]);

    expect(results.map((result) => result.verified)).toEqual([true, true, true, false, false]);
    expect(results.slice(3).map((result) => check(result, 'issuer-key'))).toEqual(['FAIL', 'FAIL']);
    expect(message(results[3], 'issuer-key')).toMatch(/not one the issuer publishes/);
  });

  it('fails a VC-JWT whose iss, jti, sub, nbf or exp disagree with its credential', async () => {
    const credential = external.openBadge({ validUntil: '2099-01-01T00:00:00Z' });
    const withClaims = (claims: Json) => externalJwt(credential, { claims });

    const results = await Promise.all([
      verify({ jwt: await withClaims({ jti: 'urn:uuid:00000000-0000-4000-8000-000000000000' }) }),
      verify({ jwt: await withClaims({ jti: undefined }) }),
      verify({
        jwt: await withClaims({ iss: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }),
      }),
      verify({ jwt: await withClaims({ sub: 'did:example:someone-else' }) }),
      verify({ jwt: await withClaims({ nbf: undefined }) }),
      verify({ jwt: await withClaims({ nbf: 1 }) }),
      verify({ jwt: await withClaims({ exp: undefined }) }),
      verify({ jwt: await withClaims({ exp: 4_102_444_801 }) }),
    ]);

    expect(results.map((result) => [result.verified, check(result, 'proof')])).toEqual(
      Array(8).fill([false, 'FAIL']),
    );
    expect(message(results[0], 'proof')).toMatch(/jti is not the credential id/);
    expect(message(results[4], 'proof')).toMatch(/no nbf/);
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
    expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404, 404]);
    expect(page).toContain('it does not exist, or its earner keeps it private');
    expect(page).not.toContain('Grace Hopper');
    expect(page).not.toContain('Educational Leadership');
    expect(asStranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
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
    expect(withoutToken.status).toBe(404);
    expect(verifiedWithToken.verified).toBe(true);
    expect(afterRevoke.status).toBe(404);
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

    // Not theirs: answered as an unknown credential is, so the answer tells nothing.
    expect(byAdmin.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(byOther.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
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

  it('imports a VC-JWT and baked PNG and SVG badges from elsewhere, keeping what was presented', async () => {
    const didKeyIssuer = await ExternalIssuer.withDidKey();
    const credential = await didKeyIssuer.sign(didKeyIssuer.openBadge());
    const jwt = await externalJwt(didKeyIssuer.openBadge());
    const png = await bakePng(await generatedBadgePng('elsewhere'), JSON.stringify(credential));
    const svg = bakeSvg(generatedBadgeSvg('Data Literacy', 'Elsewhere University', 'x'), {
      json: JSON.stringify(credential),
    });
    const owner = await learner('formats@example.org');
    const importAs = (input: Record<string, unknown>) =>
      t.api.call<{ importCredential: { id: string; format: string; status: string } }>(
        `mutation ($input: VerifyCredentialInput!) { importCredential(input: $input) { id format status } }`,
        { input },
        owner,
      );

    const fromJwt = await importAs({ jwt });
    const fromPng = await importAs({ image: png.toString('base64') });
    const fromSvg = await importAs({ image: Buffer.from(svg).toString('base64') });
    const { myCredentials } = await t.api.call<{
      myCredentials: { imported: { id: string; credential: unknown; jwt: string | null }[] };
    }>(`{ myCredentials { imported { id credential jwt } } }`, {}, owner);
    const byId = new Map(myCredentials.imported.map((item) => [item.id, item]));

    expect([fromJwt, fromPng, fromSvg].map((item) => item.importCredential)).toEqual([
      expect.objectContaining({ format: 'VC-JWT', status: 'ACTIVE' }),
      expect.objectContaining({ format: 'JSON-LD', status: 'ACTIVE' }),
      expect.objectContaining({ format: 'JSON-LD', status: 'ACTIVE' }),
    ]);
    expect(byId.get(fromJwt.importCredential.id)?.jwt).toBe(jwt);
    expect(byId.get(fromPng.importCredential.id)?.credential).toEqual(credential);
    expect(byId.get(fromSvg.importCredential.id)?.credential).toEqual(credential);
  });
});

describe('fetching documents of other issuers', () => {
  it('refuses private, loopback, link-local and unique-local hosts with a clear message', async () => {
    const resolver = new HttpResolver();
    const urls = [
      'https://127.0.0.1/issuers/1/did.json',
      'https://10.20.30.40/keys/1.json',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/keys/1.json',
      'https://[fd12:3456::1]/keys/1.json',
      'https://[fe80::1]/keys/1.json',
      'https://[::ffff:192.168.1.1]/status/1',
      'https://localhost/status/1',
    ];

    const refusals = await Promise.all(
      urls.map((url) =>
        resolver.fetchCredential(url).then(
          () => 'fetched',
          (error: Error) => error.message,
        ),
      ),
    );
    const viaDid = await resolver
      .resolveMethod('did:web:169.254.169.254#key-1', 'did:web:169.254.169.254')
      .catch((error: Error) => error.message);

    expect(refusals).toEqual([
      expect.stringMatching(/^Refused to fetch .*127\.0\.0\.1 is a loopback address/),
      expect.stringMatching(/10\.20\.30\.40 is a private address/),
      expect.stringMatching(/169\.254\.169\.254 is a link-local address/),
      expect.stringMatching(/::1 is a loopback address/),
      expect.stringMatching(/is a unique-local address/),
      expect.stringMatching(/is a link-local address/),
      expect.stringMatching(/is a private address/),
      expect.stringMatching(/localhost resolves to .* which is a loopback address/),
    ]);
    expect(viaDid).toMatch(
      /Refused to fetch https:\/\/169\.254\.169\.254\/\.well-known\/did\.json/,
    );
  });

  it('refuses every address that is not plain unicast: translated, tunnelled and reserved forms included', async () => {
    const resolver = new HttpResolver();
    const special = [
      '::ffff:0:7f00:1', // SIIT (RFC 6145), carries 127.0.0.1
      '64:ff9b:1::7f00:1', // local-use NAT64 (RFC 8215), carries 127.0.0.1
      '64:ff9b::a9fe:a9fe', // NAT64, carries 169.254.169.254
      '2002:7f00:1::1', // 6to4 of 127.0.0.1
      '2001::1', // Teredo
      '192.88.99.1', // 6to4 relay anycast
      '198.18.0.1', // benchmarking
      '255.255.255.255',
    ];

    const refusals = await Promise.all(
      special.map((address) =>
        resolver
          .fetchCredential(`https://${address.includes(':') ? `[${address}]` : address}/status/1`)
          .then(
            () => 'fetched',
            (error: Error) => error.message,
          ),
      ),
    );

    for (const refusal of refusals) expect(refusal).toMatch(/^Refused to fetch /);
    expect(special.map(forbiddenAddress)).not.toContain(null);
    expect(['8.8.8.8', '2606:4700:4700::1111'].map(forbiddenAddress)).toEqual([null, null]);
  });

  it('follows at most three redirects, and refuses loopback over http unless private networks are allowed', async () => {
    const server = createServer((request, response) => {
      response.writeHead(302, { location: `/hop${request.url ?? ''}` }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/start`;

    const looping = await new HttpResolver({ allowHttp: true })
      .fetchCredential(url)
      .catch((error: Error) => error.message);
    const guarded = await new HttpResolver({ allowHttp: true, allowPrivateNetworks: false })
      .fetchCredential(url)
      .catch((error: Error) => error.message);
    await new Promise((resolve) => server.close(resolve));

    expect(looping).toMatch(/redirects more than 3 times/);
    expect(guarded).toMatch(/Refused to fetch .* is a loopback address/);
  });
});
