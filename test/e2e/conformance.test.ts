import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPositionSet } from '../../functions/core/credential/status-list';
import type { Caller } from '../../infra/local/graphql-client';
import { demoStackedDesign } from '../../infra/local/demo-content';
import {
  approveDesign,
  designOf,
  publishDesign,
  stackingOperations,
  type QaCallers,
} from '../../infra/local/portal-flows';
import { schemaErrors, type SchemaName } from '../support/conformance';
import { checkStatusWithDcc, verifyWithDigitalBazaar } from '../support/independent-verifier';
import { issueTwoEntryCredential } from '../support/legacy-credential';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;
interface Held {
  id: string;
  url: string;
  kind: string;
  microCredentialId: string;
  json: Json;
  jwt: string;
}

const issueMutation = `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id url kind microCredentialId json jwt } }`;
const verifyQuery = `query ($input: VerifyCredentialInput!) {
  verifyCredential(input: $input) { verified status checks { name status message } }
}`;
interface Verification {
  verified: boolean;
  status: string;
  checks: { name: string; status: string; message: string }[];
}
const learnerDid = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

/** The claims of a JWT (not checked here: the verification tests check signatures). */
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Json;

const getJson = async (url: string) => {
  const response = await fetch(url, { headers: { accept: 'application/ld+json' } });
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
};

/** The EndorsementCredentials embedded in a credential's achievement. */
const embeddedEndorsements = (credential: Json) =>
  (credential.credentialSubject as { achievement: { endorsement?: Json[] } }).achievement
    .endorsement ?? [];

/**
 * What a 1EdTech validator or a strict consumer does with what Tessera signs: every document is
 * checked against the 1EdTech JSON Schema of its type (OB 3.0 and CLR 2.0, ajv 2019-09), and
 * the independent verifier (Digital Bazaar's vc + eddsa-rdfc-2022, as the DCC verifier uses)
 * accepts each one.
 */
describe('conformance: 1EdTech OB 3.0 and CLR 2.0 schemas and outside verifiers', () => {
  let t: TestPlatform;
  let institutionId: string;
  let partnerId: string;
  let firstDesignId: string;
  let qa: QaCallers;
  let admin: Caller;
  let learner: Caller;
  let micro: Held;
  let stacked: Held;
  let transcript: Json;

  const expectValid = (name: SchemaName, document: unknown) =>
    expect(schemaErrors(name, document), name).toEqual([]);
  const issue = async (email: string, microCredentialId = firstDesignId) =>
    (
      await t.api.call<{ issueCredential: Held }>(
        issueMutation,
        { input: { microCredentialId, recipient: { email } } },
        admin,
      )
    ).issueCredential;
  const verify = async (input: Json) =>
    (await t.api.call<{ verifyCredential: Verification }>(verifyQuery, { input })).verifyCredential;
  const changeStatus = async (mutation: string, id: string) => {
    await t.api.call(`mutation ($id: ID!) { ${mutation}(id: $id) { id } }`, { id }, admin);
    await t.platform.drain();
  };
  const myTranscript = async () =>
    (await t.api.call<{ myTranscript: Json }>(stackingOperations.transcript, {}, learner))
      .myTranscript;

  beforeAll(async () => {
    t = await startTestPlatform();
    const first = await t.publishedDesign({ name: 'Educational Leadership' });
    institutionId = first.institutionId;
    firstDesignId = first.designId;
    qa = first.qa;
    admin = first.qa.admin;
    partnerId = (await t.partnerFor(institutionId)).partnerId;
    const second = await t.publishedDesign({ name: 'Corporate Leadership' }, institutionId);
    const target = await t.publishedDesign(demoStackedDesign, institutionId);
    await t.api.call(
      stackingOperations.define,
      {
        input: {
          institutionId,
          name: 'Leadership',
          microCredentialId: target.designId,
          rule: 'ALL',
          parts: [{ microCredentialId: first.designId }, { microCredentialId: second.designId }],
        },
      },
      admin,
    );
    await t.platform.drain();
    const email = 'conformance@example.org';
    for (const [designId, did] of [
      [first.designId, learnerDid],
      [second.designId, undefined],
    ] as const)
      await t.api.call(
        issueMutation,
        {
          input: {
            microCredentialId: designId,
            recipient: { email, name: 'Ada Learner', ...(did ? { did } : {}) },
          },
        },
        admin,
      );
    await t.platform.drain();
    learner = await t.as('learner', { subject: 'conformance-learner', email });
    const { myCredentials } = await t.api.call<{ myCredentials: { issued: { nodes: Held[] } } }>(
      `{ myCredentials(first: 100) { issued { nodes { id url kind microCredentialId json jwt } } } }`,
      {},
      learner,
    );
    const held = myCredentials.issued.nodes;
    micro = held.find((credential) => credential.microCredentialId === first.designId)!;
    stacked = held.find((credential) => credential.kind === 'stacked')!;
    transcript = await myTranscript();
  });
  afterAll(() => t.stop());

  it('validates micro and stacked credentials as OB 3.0 AchievementCredentials, JSON-LD as served', async () => {
    const served = await getJson(micro.url);

    expect(stacked).toBeDefined();
    expectValid('achievementCredential', served);
    expectValid('achievementCredential', micro.json);
    expectValid('achievementCredential', stacked.json);
  });

  it('validates the VC-JWT payloads, with the claims of the OB 3.0 JWT mapping', () => {
    const withSubjectId = claimsOf(micro.jwt);
    const withoutSubjectId = claimsOf(stacked.jwt);

    expectValid('achievementCredential', withSubjectId);
    expectValid('achievementCredential', withoutSubjectId);
    expect(withSubjectId).toMatchObject({
      iss: (micro.json.issuer as Json).id,
      jti: micro.json.id,
      sub: learnerDid,
      nbf: Math.floor(Date.parse(micro.json.validFrom as string) / 1000),
    });
    expect(withSubjectId.vc).toBeUndefined();
    // No subject id (a hashed email identifies the learner): no `sub` is made up.
    expect(withoutSubjectId.sub).toBeUndefined();
    expect(withoutSubjectId.jti).toBe(stacked.json.id);
  });

  it('validates embedded and standalone EndorsementCredentials, naming the achievement version that embeds them', async () => {
    const achievement = (micro.json.credentialSubject as { achievement: Json }).achievement;
    const [embedded] = embeddedEndorsements(micro.json);
    const standalone = await getJson(embedded!.id as string);

    expectValid('endorsementCredential', embedded);
    expectValid('endorsementCredential', standalone);
    expect((embedded!.credentialSubject as Json).id).toBe(achievement.id);
    expect((standalone.credentialSubject as Json).id).toMatch(/\/achievements\/[^/]+\/v\d+$/);
  });

  it('validates the issuer and partner Profiles', async () => {
    const issuer = await getJson(`${t.platform.url}/issuers/${institutionId}`);
    const partner = await getJson(`${t.platform.url}/partners/${partnerId}`);

    expectValid('profile', issuer);
    expectValid('profile', partner);
    expectValid('profile', micro.json.issuer);
  });

  it('validates the transcript as a CLR 2.0 ClrCredential, and each credential and endorsement in it', () => {
    const subject = transcript.credentialSubject as { verifiableCredential: Json[] };

    expectValid('clrCredential', transcript);
    expect(subject.verifiableCredential.length).toBeGreaterThanOrEqual(3);
    for (const credential of subject.verifiableCredential) {
      expectValid('clrAchievementCredential', credential);
      for (const endorsement of embeddedEndorsements(credential))
        expectValid('clrEndorsementCredential', endorsement);
    }
  });

  it('is accepted by the independent verifier: credentials, endorsements, the transcript and status lists', async () => {
    const [endorsement] = embeddedEndorsements(micro.json);
    // Status-list credentials have no 1EdTech schema; they are VC 2.0 credentials for the
    // W3C Bitstring Status List, checked by the verifier alone.
    const statusList = await getJson(
      (micro.json.credentialStatus as { statusListCredential: string }).statusListCredential,
    );

    for (const document of [micro.json, stacked.json, endorsement!, transcript, statusList]) {
      const result = await verifyWithDigitalBazaar(document);
      expect(result.error, String(document.id)).toBeUndefined();
      expect(result.verified).toBe(true);
    }
  });

  it('reads a revoked credential as revoked with the DCC Bitstring Status List library', async () => {
    const credential = await issue('revoked-dcc@example.org');
    const before = await checkStatusWithDcc(credential.json);
    await changeStatus('revokeCredential', credential.id);
    const after = await checkStatusWithDcc(credential.json);

    expect(credential.json.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
    });
    expect(before).toEqual({ verified: true });
    expect(after.verified).toBe(false);
  });

  it('shows a suspension through verifyCredential, the document keeping its one revocation entry', async () => {
    const credential = await issue('suspended-new@example.org');
    await changeStatus('suspendCredential', credential.id);
    const byId = await verify({ id: credential.id });
    const presented = await verify({ credential: credential.json });
    const outside = await checkStatusWithDcc(credential.json);
    await changeStatus('reinstateCredential', credential.id);

    expect(byId).toMatchObject({ verified: false, status: 'SUSPENDED' });
    expect(presented).toMatchObject({ verified: false, status: 'SUSPENDED' });
    // The trade-off (docs/decisions.md): an outside verifier reads revocation only.
    expect(outside).toEqual({ verified: true });
    expect(await verify({ id: credential.id })).toMatchObject({ verified: true });
  });

  it('keeps verifying a credential issued with two status entries, suspension included', async () => {
    const legacy = await issueTwoEntryCredential(t.platform, micro.id, 'legacy@example.org');
    const [, suspension] = legacy.credential.credentialStatus as {
      statusListCredential: string;
      statusListIndex: string;
    }[];
    const suspensionBit = async () => {
      const list = await getJson(suspension!.statusListCredential);
      return isPositionSet(
        (list.credentialSubject as { encodedList: string }).encodedList,
        Number(suspension!.statusListIndex),
      );
    };
    const active = {
      byId: await verify({ id: legacy.id }),
      jsonLd: await verify({ credential: legacy.credential }),
      jwt: await verify({ jwt: legacy.jwt }),
      outside: await verifyWithDigitalBazaar(legacy.credential),
      status: await checkStatusWithDcc(legacy.credential),
    };
    await changeStatus('suspendCredential', legacy.id);
    const suspended = {
      byId: await verify({ id: legacy.id }),
      bit: await suspensionBit(),
      status: await checkStatusWithDcc(legacy.credential),
    };
    await changeStatus('reinstateCredential', legacy.id);
    const reinstated = {
      bit: await suspensionBit(),
      status: await checkStatusWithDcc(legacy.credential),
    };
    await changeStatus('revokeCredential', legacy.id);
    const revoked = {
      byId: await verify({ id: legacy.id }),
      status: await checkStatusWithDcc(legacy.credential),
    };

    expect(schemaErrors('achievementCredential', legacy.credential)).toEqual([
      '/credentialStatus must be object',
    ]);
    expect(active.byId).toMatchObject({ verified: true, status: 'ACTIVE' });
    expect(active.jsonLd).toMatchObject({ verified: true, status: 'ACTIVE' });
    expect(active.jwt).toMatchObject({ verified: true, status: 'ACTIVE' });
    expect(active.outside.verified).toBe(true);
    expect(active.status).toEqual({ verified: true });
    expect(suspended).toMatchObject({
      byId: { verified: false, status: 'SUSPENDED' },
      bit: true,
      status: { verified: false },
    });
    expect(reinstated).toEqual({ bit: false, status: { verified: true } });
    expect(revoked.byId).toMatchObject({ verified: false, status: 'REVOKED' });
    expect(revoked.status.verified).toBe(false);
  });

  it('signs an endorsement for each achievement version that embeds it, and its withdrawal reaches every one', async () => {
    const current = await designOf(t.api, firstDesignId, admin);
    await t.api.call(
      `mutation ($id: ID!, $v: Int!) { updateMicroCredential(id: $id, expectedVersion: $v, input: { description: "Version two of the design." }) { id } }`,
      { id: firstDesignId, v: current.version },
      admin,
    );
    await approveDesign(t.api, firstDesignId, qa);
    await publishDesign(t.api, firstDesignId, admin);
    const v2 = await issue('version-two@example.org');
    const achievement = (v2.json.credentialSubject as { achievement: Json }).achievement;
    const [endorsement] = embeddedEndorsements(v2.json);
    const served = await getJson(endorsement!.id as string);
    const again = embeddedEndorsements((await issue('version-two-b@example.org')).json)[0];
    const [original] = embeddedEndorsements(micro.json);
    const endorsementId = /\/endorsements\/([^/]+)$/.exec(original!.id as string)![1]!;
    const beforeWithdrawal = await verify({ id: v2.id });
    await t.api.call(
      `mutation ($id: ID!) { withdrawEndorsement(id: $id, reason: "Program changed") { id } }`,
      { id: endorsementId },
      (await t.partnerFor(institutionId)).admin,
    );
    const afterWithdrawal = await verify({ id: v2.id });
    const check = (result: Verification) =>
      result.checks.find((item) => item.name === 'endorsements');

    expect(achievement.id).toMatch(/\/v2$/);
    expect((endorsement!.credentialSubject as Json).id).toBe(achievement.id);
    expect(endorsement!.id).toBe(`${original!.id as string}/v2`);
    expect((endorsement!.credentialSubject as Json).endorsementComment).toBe(
      (original!.credentialSubject as Json).endorsementComment,
    );
    expect(served).toEqual(endorsement);
    expect(again).toEqual(endorsement);
    expectValid('endorsementCredential', endorsement);
    expectValid('achievementCredential', v2.json);
    expect((await verifyWithDigitalBazaar(endorsement!)).verified).toBe(true);
    expect(check(beforeWithdrawal)?.status).toBe('PASS');
    expect(check(afterWithdrawal)).toMatchObject({ status: 'WARN' });
    expect(check(afterWithdrawal)?.message).toContain('withdrawn');
  });

  it('serves the transcript again at its URL, the same one while nothing it holds changes', async () => {
    const byUrl = await getJson(transcript.id as string);
    const again = await myTranscript();
    const verified = await verify({ credential: byUrl });
    await t.api.call(
      issueMutation,
      {
        input: {
          microCredentialId: firstDesignId,
          recipient: { email: 'conformance@example.org' },
        },
      },
      admin,
    );
    const changed = await myTranscript();
    const earlier = await getJson(transcript.id as string);
    const unknown = await fetch(`${t.platform.url}/transcripts/no-such-transcript`);

    expect(transcript.id).toMatch(new RegExp(`^${t.platform.url}/transcripts/[0-9a-f-]{36}$`));
    expect(byUrl).toEqual(transcript);
    // Anyone holding the URL reads it: the learner's address is never in it in clear.
    expect(JSON.stringify(byUrl)).not.toContain('conformance@example.org');
    expect(again).toEqual(transcript);
    expect(verified).toMatchObject({ verified: true });
    expect(changed.id).not.toBe(transcript.id);
    expect(
      (changed.credentialSubject as { verifiableCredential: unknown[] }).verifiableCredential,
    ).toHaveLength(
      (transcript.credentialSubject as { verifiableCredential: unknown[] }).verifiableCredential
        .length + 1,
    );
    expectValid('clrCredential', changed);
    expect(earlier).toEqual(transcript);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'TRANSCRIPT_NOT_FOUND' } });
  });
});
