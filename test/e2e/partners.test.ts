import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import {
  approveDesign,
  createPartner,
  designOf,
  endorseDesign,
  operations,
  publishDesign,
} from '../../infra/local/portal-flows';
import { designInput } from '../support/builders';
import { ExternalIssuer } from '../support/external-issuer';
import { verifyWithDigitalBazaar } from '../support/independent-verifier';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;

const submit = `mutation ($input: SubmitEndorsementInput!) {
  submitEndorsement(input: $input) { id url status selfSigned comment competencies credential partner { id name } }
}`;

describe('industry partners and endorsements through the API', () => {
  let t: TestPlatform;
  let institutionId: string;
  let admin: Caller;

  const newDesign = async (
    overrides: Record<string, unknown> = {},
    institution = institutionId,
    caller = admin,
  ) => {
    const { createMicroCredential } = await t.api.call<{ createMicroCredential: { id: string } }>(
      operations.createDesign,
      { input: designInput(institution, overrides) },
      caller,
    );
    return createMicroCredential.id;
  };
  const partnerWithKey = async (
    institution = institutionId,
    caller = admin,
    scopes = ['ENDORSEMENTS_WRITE', 'ENDORSEMENTS_READ'],
  ) => {
    const partnerId = await createPartner(
      t.api,
      institution,
      caller,
      `Partner ${Math.random().toString(36).slice(2, 7)}`,
    );
    const partnerAdmin = await t.as('partner-admin', {
      partnerId,
      subject: `partner-admin-${partnerId}`,
    });
    const { createApiKey: created } = await t.api.call<{
      createApiKey: { secret: string; key: { id: string } };
    }>(
      `mutation ($partnerId: ID!, $input: CreateApiKeyInput!) { createApiKey(partnerId: $partnerId, input: $input) { secret key { id } } }`,
      { partnerId, input: { name: 'Integration', scopes } },
      partnerAdmin,
    );
    await t.platform.drain();
    return { partnerId, partnerAdmin, apiKey: created.secret, keyId: created.key.id };
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    institutionId = await t.createInstitution();
    admin = (await t.qaCallers(institutionId)).admin;
  });
  afterAll(() => t.stop());

  it('runs the whole partner flow with a real API key, and the endorsement verifies independently', async () => {
    const partner = await partnerWithKey();
    const designId = await newDesign({ name: 'Clinical Team Leadership' });

    const { submitEndorsement } = await t.api.call<{
      submitEndorsement: {
        id: string;
        url: string;
        status: string;
        credential: Json;
        partner: { id: string };
      };
    }>(
      submit,
      {
        input: {
          microCredentialId: designId,
          comment: 'Exactly the leadership our wards need.',
          competencies: ['Lead a team'],
        },
      },
      { apiKey: partner.apiKey },
    );
    const keys = await t.api.call<{
      apiKeys: { id: string; lastUsedAt: string | null; scopes: string[] }[];
    }>(
      `query ($id: ID!) { apiKeys(partnerId: $id) { id lastUsedAt scopes } }`,
      { id: partner.partnerId },
      partner.partnerAdmin,
    );
    const mine = await t.api.call<{ myEndorsements: { nodes: { id: string }[] } }>(
      `{ myEndorsements { nodes { id } } }`,
      {},
      { apiKey: partner.apiKey },
    );
    const published = (await (await fetch(submitEndorsement.url)).json()) as Json;

    expect(submitEndorsement).toMatchObject({
      status: 'ACTIVE',
      partner: { id: partner.partnerId },
    });
    expect(submitEndorsement.credential).toMatchObject({
      type: ['VerifiableCredential', 'EndorsementCredential'],
      issuer: { id: expect.stringContaining(':partners:') as string },
      credentialSubject: {
        type: ['EndorsementSubject'],
        endorsementComment: expect.stringContaining('Vouches for: Lead a team') as string,
      },
    });
    expect(await verifyWithDigitalBazaar(submitEndorsement.credential)).toEqual({
      verified: true,
      error: undefined,
    });
    expect(published).toEqual(submitEndorsement.credential);
    expect(keys.apiKeys).toEqual([
      {
        id: partner.keyId,
        lastUsedAt: expect.any(String) as string,
        scopes: ['ENDORSEMENTS_WRITE', 'ENDORSEMENTS_READ'],
      },
    ]);
    expect(JSON.stringify(keys)).not.toContain(partner.apiKey.split('_')[2]!);
    expect(mine.myEndorsements.nodes.map((node) => node.id)).toEqual([submitEndorsement.id]);
  });

  it('refuses publication until the design has the endorsements its institution requires', async () => {
    const institution = await t.createInstitution({
      name: 'Gated College',
      settings: { requiredEndorsements: 2 },
    });
    const callers = await t.qaCallers(institution);
    const designId = await newDesign({}, institution, callers.admin);
    const { review } = await approveDesign(t.api, designId, callers);
    const first = await partnerWithKey(institution, callers.admin);
    const second = await partnerWithKey(institution, callers.admin);
    const gateQuery = `query ($id: ID!) { review(id: $id) { publicationGate { requiredEndorsements activeEndorsements satisfied } } }`;

    const none = await t.api.request(
      operations.publish,
      { id: designId, v: (await designOf(t.api, designId, callers.admin)).version },
      callers.admin,
    );
    await endorseDesign(t.api, designId, first.apiKey);
    const one = await t.api.request(
      operations.publish,
      { id: designId, v: (await designOf(t.api, designId, callers.admin)).version },
      callers.admin,
    );
    const gateWithOne = await t.api.call<{ review: { publicationGate: unknown } }>(
      gateQuery,
      { id: review.id },
      callers.admin,
    );
    await endorseDesign(t.api, designId, second.apiKey);
    const published = await publishDesign(t.api, designId, callers.admin);

    expect(none.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'ENDORSEMENTS_REQUIRED',
    });
    expect(one.errors?.[0]?.extensions?.errorCode).toBe('ENDORSEMENTS_REQUIRED');
    expect(gateWithOne.review.publicationGate).toEqual({
      requiredEndorsements: 2,
      activeEndorsements: 1,
      satisfied: false,
    });
    expect(published.status).toBe('PUBLISHED');
  });

  it('embeds endorsements in credentials, verifies each one, and shows withdrawals', async () => {
    const {
      designId,
      institutionId: institution,
      qa,
    } = await t.publishedDesign({ name: 'Endorsed Leadership' });
    const partner = await t.partnerFor(institution);
    const issue = async (email: string) =>
      (
        await t.api.call<{ issueCredential: { id: string; json: Json } }>(
          `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id json } }`,
          { input: { microCredentialId: designId, recipient: { email } } },
          qa.admin,
        )
      ).issueCredential;
    const before = await issue('endorsed@example.org');
    const verify = async (id: string) =>
      (
        await t.api.call<{
          verifyCredential: {
            verified: boolean;
            checks: { name: string; status: string }[];
            endorsements: { verified: boolean; withdrawn: boolean; issuerName: string }[];
          };
        }>(
          `query ($id: String!) { verifyCredential(input: { id: $id }) { verified checks { name status } endorsements { verified withdrawn issuerName } } }`,
          { id },
        )
      ).verifyCredential;

    const verifiedBefore = await verify(before.id);
    const [endorsement] = (
      await t.api.call<{ myEndorsements: { nodes: { id: string }[] } }>(
        `{ myEndorsements { nodes { id } } }`,
        {},
        { apiKey: partner.apiKey },
      )
    ).myEndorsements.nodes;
    await t.api.call(
      `mutation ($id: ID!) { withdrawEndorsement(id: $id, reason: "Programme changed") { status } }`,
      { id: endorsement!.id },
      { apiKey: partner.apiKey },
    );
    const verifiedAfter = await verify(before.id);
    const after = await issue('after-withdrawal@example.org');
    const page = await (await fetch(`${t.platform.url}/credentials/${before.id}`)).text();

    const embedded = ((before.json.credentialSubject as Json).achievement as Json)
      .endorsement as Json[];
    expect(embedded).toHaveLength(1);
    expect(verifiedBefore.verified).toBe(true);
    expect(verifiedBefore.checks.find((check) => check.name === 'endorsements')?.status).toBe(
      'PASS',
    );
    expect(verifiedBefore.endorsements).toEqual([
      { verified: true, withdrawn: false, issuerName: 'Lakeshore Health Network' },
    ]);
    expect(verifiedAfter.checks.find((check) => check.name === 'endorsements')?.status).toBe(
      'WARN',
    );
    expect(verifiedAfter.endorsements[0]).toMatchObject({ withdrawn: true, verified: false });
    expect(
      ((after.json.credentialSubject as Json).achievement as Json).endorsement,
    ).toBeUndefined();
    expect(page).toContain('withdrawn by the endorser');
  });

  it('answers UNAUTHENTICATED the same way for unknown, malformed, revoked and expired keys', async () => {
    const partner = await partnerWithKey();
    const designId = await newDesign();
    await t.api.call(
      `mutation ($p: ID!, $k: ID!) { revokeApiKey(partnerId: $p, keyId: $k) { revokedAt } }`,
      { p: partner.partnerId, k: partner.keyId },
      partner.partnerAdmin,
    );
    const input = { microCredentialId: designId, comment: 'x' };

    const results = await Promise.all(
      [
        partner.apiKey,
        'tsk_0000000000000000_' + 'A'.repeat(43),
        'garbage',
        partner.apiKey.slice(0, -2) + 'zz',
      ].map((apiKey) => t.api.request(submit, { input }, { apiKey })),
    );

    expect(
      results.map((result) => [
        result.status,
        result.errors?.[0]?.extensions?.code,
        result.errors?.[0]?.message,
      ]),
    ).toEqual(
      Array(4).fill([401, 'UNAUTHENTICATED', 'Context creation failed: The API key is not valid.']),
    );
    expect(JSON.stringify(results)).not.toContain(partner.apiKey);
  });

  it('keeps an old key working through the rotation grace period, and stops it at once with no grace', async () => {
    const partner = await partnerWithKey();
    const designId = await newDesign();
    const rotate = `mutation ($p: ID!, $k: ID!, $g: Int) { rotateApiKey(partnerId: $p, keyId: $k, graceHours: $g) { secret key { id rotatedFrom } } }`;

    const { rotateApiKey: graceful } = await t.api.call<{
      rotateApiKey: { secret: string; key: { id: string; rotatedFrom: string } };
    }>(rotate, { p: partner.partnerId, k: partner.keyId, g: 1 }, partner.partnerAdmin);
    const oldDuringGrace = await t.api.request(
      `{ endorsementInvitations { id } }`,
      {},
      { apiKey: partner.apiKey },
    );
    const { rotateApiKey: immediate } = await t.api.call<{ rotateApiKey: { secret: string } }>(
      rotate,
      { p: partner.partnerId, k: graceful.key.id, g: 0 },
      partner.partnerAdmin,
    );
    const stopped = await t.api.request(
      `{ endorsementInvitations { id } }`,
      {},
      { apiKey: graceful.secret },
    );
    const newest = await t.api.call(
      submit,
      { input: { microCredentialId: designId, comment: 'Still endorsing.' } },
      { apiKey: immediate.secret },
    );

    expect(graceful.key.rotatedFrom).toBe(partner.keyId);
    expect(oldDuringGrace.errors).toBeUndefined();
    expect(stopped.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(newest).toBeTruthy();
  });

  it('never lets a key act for another partner, another institution, or beyond its scopes', async () => {
    const mine = await partnerWithKey();
    const theirs = await partnerWithKey();
    const otherInstitution = await t.createInstitution({ name: 'Unlinked College' });
    const otherAdmin = (await t.qaCallers(otherInstitution)).admin;
    const readOnly = await partnerWithKey(institutionId, admin, ['ENDORSEMENTS_READ']);
    const designId = await newDesign();
    const foreignDesign = await newDesign({}, otherInstitution, otherAdmin);
    const { submitEndorsement: theirEndorsement } = await t.api.call<{
      submitEndorsement: { id: string };
    }>(
      submit,
      { input: { microCredentialId: designId, comment: 'Theirs.' } },
      { apiKey: theirs.apiKey },
    );

    const results = {
      withdrawOthers: await t.api.request(
        `mutation ($id: ID!) { withdrawEndorsement(id: $id) { id } }`,
        { id: theirEndorsement.id },
        { apiKey: mine.apiKey },
      ),
      unlinkedInstitution: await t.api.request(
        submit,
        { input: { microCredentialId: foreignDesign, comment: 'x' } },
        { apiKey: mine.apiKey },
      ),
      readOnlyWrites: await t.api.request(
        submit,
        { input: { microCredentialId: designId, comment: 'x' } },
        { apiKey: readOnly.apiKey },
      ),
      othersKeys: await t.api.request(
        `query ($id: ID!) { apiKeys(partnerId: $id) { id } }`,
        { id: theirs.partnerId },
        mine.partnerAdmin,
      ),
      keyAsAdmin: await t.api.request(
        `query ($id: ID!) { microCredentials(institutionId: $id) { nodes { id } } }`,
        { id: institutionId },
        { apiKey: mine.apiKey },
      ),
      otherInstitutionEditsPartner: await t.api.request(
        `mutation ($id: ID!) { updatePartner(id: $id, expectedVersion: 1, input: { name: "Renamed" }) { id } }`,
        { id: mine.partnerId },
        otherAdmin,
      ),
      inviteUnlinked: await t.api.request(
        `mutation ($d: ID!, $p: ID!) { invitePartnerToEndorse(microCredentialId: $d, partnerId: $p) { id } }`,
        { d: foreignDesign, p: mine.partnerId },
        otherAdmin,
      ),
    };

    expect(
      Object.fromEntries(
        Object.entries(results).map(([name, result]) => [
          name,
          `${result.errors?.[0]?.extensions?.code}/${result.errors?.[0]?.extensions?.errorCode}`,
        ]),
      ),
    ).toEqual({
      withdrawOthers: 'FORBIDDEN/FORBIDDEN',
      unlinkedInstitution: 'FORBIDDEN/PARTNER_NOT_LINKED',
      readOnlyWrites: 'FORBIDDEN/FORBIDDEN',
      othersKeys: 'FORBIDDEN/FORBIDDEN',
      keyAsAdmin: 'FORBIDDEN/FORBIDDEN',
      otherInstitutionEditsPartner: 'FORBIDDEN/FORBIDDEN',
      inviteUnlinked: 'FORBIDDEN/PARTNER_NOT_LINKED',
    });
  });

  it('accepts an endorsement the partner signed itself, and refuses a tampered or misdirected one', async () => {
    const own = await ExternalIssuer.withDidKey();
    const partner = await partnerWithKey();
    await t.api.call(
      `mutation ($id: ID!, $did: String!) { updatePartner(id: $id, expectedVersion: 1, input: { did: $did }) { did } }`,
      { id: partner.partnerId, did: own.did },
      admin,
    );
    const designId = await newDesign();
    const endorsementFor = (subjectId: string) =>
      own.sign({
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        id: `urn:uuid:${crypto.randomUUID()}`,
        type: ['VerifiableCredential', 'EndorsementCredential'],
        issuer: { id: own.did, type: ['Profile'], name: 'Self-signing Partner' },
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: {
          id: subjectId,
          type: ['EndorsementSubject'],
          endorsementComment: 'We vouch for it.',
        },
      });
    const good = await endorsementFor(`${t.platform.url}/achievements/${designId}`);

    const accepted = await t.api.call<{
      submitEndorsement: { selfSigned: boolean; comment: string };
    }>(
      submit,
      { input: { microCredentialId: designId, credential: good } },
      { apiKey: partner.apiKey },
    );
    const tampered = await t.api.request(
      submit,
      {
        input: {
          microCredentialId: designId,
          credential: { ...good, validFrom: '2020-01-01T00:00:00Z' },
        },
      },
      { apiKey: partner.apiKey },
    );
    const misdirected = await t.api.request(
      submit,
      {
        input: {
          microCredentialId: designId,
          credential: await endorsementFor('https://elsewhere.example/achievements/1'),
        },
      },
      { apiKey: partner.apiKey },
    );

    expect(accepted.submitEndorsement).toMatchObject({
      selfSigned: true,
      comment: 'We vouch for it.',
    });
    expect(tampered.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      errorCode: 'ENDORSEMENT_INVALID',
    });
    expect(tampered.errors?.[0]?.message).toContain('proof');
    expect(misdirected.errors?.[0]?.extensions?.errorCode).toBe('ENDORSEMENT_INVALID');
  });

  it('lets an institution invite a partner, who sees it in its queue and accepts or declines', async () => {
    const partner = await partnerWithKey();
    const first = await newDesign({ name: 'Invited One' });
    const second = await newDesign({ name: 'Invited Two' });
    const invite = `mutation ($d: ID!, $p: ID!) { invitePartnerToEndorse(microCredentialId: $d, partnerId: $p, message: "Would you endorse this?") { id status designName } }`;
    const { invitePartnerToEndorse: one } = await t.api.call<{
      invitePartnerToEndorse: { id: string };
    }>(invite, { d: first, p: partner.partnerId }, admin);
    const { invitePartnerToEndorse: two } = await t.api.call<{
      invitePartnerToEndorse: { id: string };
    }>(invite, { d: second, p: partner.partnerId }, admin);

    const queue = await t.api.call<{
      endorsementInvitations: { id: string; designName: string; message: string }[];
    }>(`{ endorsementInvitations { id designName message } }`, {}, { apiKey: partner.apiKey });
    const readable = await t.api.call<{ microCredential: { name: string } }>(
      `query ($id: ID!) { microCredential(id: $id) { name } }`,
      { id: first },
      { apiKey: partner.apiKey },
    );
    const accepted = await t.api.call<{
      respondToInvitation: { status: string; endorsementId: string };
    }>(
      `mutation ($id: ID!) { respondToInvitation(id: $id, input: { accept: true, comment: "Gladly endorsed." }) { status endorsementId } }`,
      { id: one.id },
      { apiKey: partner.apiKey },
    );
    const declined = await t.api.call<{
      respondToInvitation: { status: string; response: string };
    }>(
      `mutation ($id: ID!) { respondToInvitation(id: $id, input: { accept: false, reason: "Outside our field" }) { status response } }`,
      { id: two.id },
      { apiKey: partner.apiKey },
    );
    const staffView = await t.api.call<{
      microCredential: {
        endorsementInvitations: { status: string }[];
        endorsements: { id: string }[];
      };
    }>(
      `query ($id: ID!) { microCredential(id: $id) { endorsementInvitations { status } endorsements { id } } }`,
      { id: first },
      admin,
    );

    expect(queue.endorsementInvitations.map((item) => item.designName).sort()).toEqual([
      'Invited One',
      'Invited Two',
    ]);
    expect(readable.microCredential.name).toBe('Invited One');
    expect(accepted.respondToInvitation.status).toBe('ACCEPTED');
    expect(declined.respondToInvitation).toEqual({
      status: 'DECLINED',
      response: 'Outside our field',
    });
    expect(staffView.microCredential.endorsementInvitations).toEqual([{ status: 'ACCEPTED' }]);
    expect(staffView.microCredential.endorsements.map((item) => item.id)).toEqual([
      accepted.respondToInvitation.endorsementId,
    ]);
  });

  it('tells a partner how many credentials were issued under designs it endorses, and nothing about learners', async () => {
    const {
      designId,
      institutionId: institution,
      qa,
    } = await t.publishedDesign({ name: 'Counted' });
    const partner = await t.partnerFor(institution);
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) {
      await t.api.call(
        `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`,
        { input: { microCredentialId: designId, recipient: { email } } },
        qa.admin,
      );
    }

    const { endorsementStatistics } = await t.api.call<{
      endorsementStatistics: {
        microCredentialId: string;
        credentialsIssued: number;
        name: string;
      }[];
    }>(
      `{ endorsementStatistics { microCredentialId name credentialsIssued } }`,
      {},
      { apiKey: partner.apiKey },
    );
    const issuedList = await t.api.request(
      `query ($id: ID!) { issuedCredentials(institutionId: $id) { nodes { id } } }`,
      { id: institution },
      { apiKey: partner.apiKey },
    );

    expect(endorsementStatistics).toContainEqual({
      microCredentialId: designId,
      name: 'Counted',
      credentialsIssued: 3,
    });
    expect(issuedList.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
