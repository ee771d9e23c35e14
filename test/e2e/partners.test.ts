import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller, GraphQLErrorBody } from '../../infra/local/graphql-client';
import {
  approveDesign,
  createPartner,
  designOf,
  endorseDesign,
  operations,
  publishDesign,
} from '../../infra/local/portal-flows';
import { designInput } from '../support/builders';
import { AdjustableClock } from '../support/clock';
import { ExternalIssuer } from '../support/external-issuer';
import { verifyWithDigitalBazaar } from '../support/independent-verifier';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { isQaEndorsement } from '../../functions/core/credential/qa-endorsement';

type Json = Record<string, unknown>;

const submit = `mutation ($input: SubmitEndorsementInput!) {
  submitEndorsement(input: $input) { id url status selfSigned comment competencies expiresAt expired credential partner { id name } }
}`;
const withdraw = `mutation ($id: ID!) { withdrawEndorsement(id: $id, reason: "No longer current") { status } }`;
const gateOf = `query ($id: ID!) { microCredential(id: $id) { publicationGate { requiredEndorsements activeEndorsements satisfied } } }`;
const verifyPresented = `query ($credential: JSON!) {
  verifyCredential(input: { credential: $credential }) { verified status checks { name status message } }
}`;

/** The secret part of an API key: everything after `tsk_<id>_` (base64url may contain `_`). */
const secretOf = (apiKey: string) => /^tsk_[a-f0-9]{16}_(.+)$/.exec(apiKey)![1]!;

interface Verified {
  verified: boolean;
  status: string;
  checks: { name: string; status: string; message: string }[];
}

/** A new partner linked to `institution`, its partner admin, and an API key of its own. */
async function newPartnerWithKey(
  t: TestPlatform,
  institution: string,
  caller: Caller,
  scopes = ['ENDORSEMENTS_WRITE', 'ENDORSEMENTS_READ'],
  expiresInDays?: number,
) {
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
    { partnerId, input: { name: 'Integration', scopes, expiresInDays } },
    partnerAdmin,
  );
  await t.platform.drain();
  return { partnerId, partnerAdmin, apiKey: created.secret, keyId: created.key.id };
}

/**
 * Posts a GraphQL request with an API key from a given loopback address (127.0.0.0/8 all
 * reaches the server), so tests can play several clients on one machine.
 */
function postFrom(
  t: TestPlatform,
  localAddress: string,
  apiKey: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; errors?: GraphQLErrorBody[]; text: string }> {
  const url = new URL(`${t.platform.url}/graphql`);
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const sent = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-api-key': apiKey,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const parsed = JSON.parse(text) as { errors?: GraphQLErrorBody[] };
          resolve({ status: response.statusCode ?? 0, errors: parsed.errors, text });
        });
      },
    );
    sent.on('error', reject);
    sent.end(body);
  });
}

/** A well-formed key (`tsk_<16 hex>_<43 chars>`) that belongs to nobody. */
const unknownKey = () =>
  `tsk_${Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex')}_${'B'.repeat(43)}`;

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
  const partnerWithKey = (
    institution = institutionId,
    caller = admin,
    scopes = ['ENDORSEMENTS_WRITE', 'ENDORSEMENTS_READ'],
  ) => newPartnerWithKey(t, institution, caller, scopes);

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
    expect(JSON.stringify(keys)).not.toContain(secretOf(partner.apiKey));
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

    // The achievement also embeds the institution's QA endorsement; the partners' are the others.
    const industryEndorsements = (credential: Json) =>
      (((credential.credentialSubject as Json).achievement as Json).endorsement as Json[]).filter(
        (endorsement) => !isQaEndorsement(endorsement),
      );
    const embedded = industryEndorsements(before.json);
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
    expect(industryEndorsements(after.json)).toEqual([]);
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
    ).toEqual(Array(4).fill([401, 'UNAUTHENTICATED', 'The API key is not valid.']));
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
      partner.partnerAdmin,
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
    const good = await endorsementFor(`${t.platform.url}/achievements/${designId}/v1`);

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
    // The design without a version names no achievement a credential carries.
    const unversioned = await t.api.request(
      submit,
      {
        input: {
          microCredentialId: designId,
          credential: await endorsementFor(`${t.platform.url}/achievements/${designId}`),
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
    expect(unversioned.errors?.[0]?.message).toContain(
      `credentialSubject.id: must be ${t.platform.url}/achievements/${designId}/v1`,
    );
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

  it('lets an institution link a partner to itself only, records it, and lets the partner remove the link', async () => {
    const partner = await partnerWithKey();
    const second = await t.createInstitution({ name: 'Linking College' });
    const third = await t.createInstitution({ name: 'Bystander College' });
    const secondAdmin = (await t.qaCallers(second)).admin;
    const secondDesign = await newDesign({}, second, secondAdmin);
    const link = `mutation ($p: ID!, $i: ID!) { linkPartner(partnerId: $p, institutionId: $i) { institutionIds } }`;
    const unlink = `mutation ($p: ID!, $i: ID!) { unlinkPartner(partnerId: $p, institutionId: $i) { institutionIds } }`;
    const listed = async () =>
      (
        await t.api.call<{ partners: { nodes: { id: string }[] } }>(
          `query ($id: ID!) { partners(institutionId: $id) { nodes { id } } }`,
          { id: second },
          secondAdmin,
        )
      ).partners.nodes.map((node) => node.id);
    const endorse = (designId: string) =>
      t.api.request(
        submit,
        { input: { microCredentialId: designId, comment: 'Linked and endorsing.' } },
        { apiKey: partner.apiKey },
      );

    const linked = await t.api.call<{ linkPartner: { institutionIds: string[] } }>(
      link,
      { p: partner.partnerId, i: second },
      secondAdmin,
    );
    const linkElsewhere = await t.api.request(
      link,
      { p: partner.partnerId, i: third },
      secondAdmin,
    );
    const events = await t.api.call<{
      domainEvents: { nodes: { type: string; aggregateId: string }[] };
    }>(
      `query ($id: ID!) { domainEvents(institutionId: $id) { nodes { type aggregateId } } }`,
      { id: second },
      secondAdmin,
    );
    const endorsedWhileLinked = await endorse(secondDesign);
    const listedWhileLinked = await listed();
    const unlinkOthers = await t.api.request(
      unlink,
      { p: partner.partnerId, i: institutionId },
      secondAdmin,
    );
    const removed = await t.api.call<{ unlinkPartner: { institutionIds: string[] } }>(
      unlink,
      { p: partner.partnerId, i: second },
      partner.partnerAdmin,
    );
    const listedAfterRemoval = await listed();
    const endorsedAfterRemoval = await endorse(await newDesign({}, second, secondAdmin));
    const relinkByInstitution = await t.api.request(
      link,
      { p: partner.partnerId, i: second },
      secondAdmin,
    );
    const partnerLinksItselfElsewhere = await t.api.request(
      link,
      { p: partner.partnerId, i: third },
      partner.partnerAdmin,
    );
    const restored = await t.api.call<{ linkPartner: { institutionIds: string[] } }>(
      link,
      { p: partner.partnerId, i: second },
      partner.partnerAdmin,
    );

    expect(linked.linkPartner.institutionIds).toEqual([institutionId, second]);
    expect(linkElsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(events.domainEvents.nodes).toContainEqual({
      type: 'partner.linked',
      aggregateId: partner.partnerId,
    });
    expect(endorsedWhileLinked.errors).toBeUndefined();
    expect(listedWhileLinked).toContain(partner.partnerId);
    expect(unlinkOthers.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(removed.unlinkPartner.institutionIds).toEqual([institutionId]);
    expect(listedAfterRemoval).not.toContain(partner.partnerId);
    expect(endorsedAfterRemoval.errors?.[0]?.extensions?.errorCode).toBe('PARTNER_NOT_LINKED');
    expect(relinkByInstitution.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'PARTNER_LINK_REMOVED',
    });
    expect(partnerLinksItselfElsewhere.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(restored.linkPartner.institutionIds).toEqual([institutionId, second]);
    expect(await listed()).toContain(partner.partnerId);
  });

  it('endorses an institution as a whole, which does not count for any one design', async () => {
    const partner = await partnerWithKey();
    const elsewhere = await t.createInstitution({ name: 'Unendorsed College' });
    const designId = await newDesign();

    const { submitEndorsement } = await t.api.call<{
      submitEndorsement: { id: string; credential: Json };
    }>(
      submit,
      { input: { institutionId, comment: 'A trusted training partner.' } },
      { apiKey: partner.apiKey },
    );
    const stored = await t.api.call<{
      endorsement: { targetKind: string; targetId: string; institutionId: string };
    }>(`query ($id: ID!) { endorsement(id: $id) { targetKind targetId institutionId } }`, {
      id: submitEndorsement.id,
    });
    const unlinked = await t.api.request(
      submit,
      { input: { institutionId: elsewhere, comment: 'Not ours to endorse.' } },
      { apiKey: partner.apiKey },
    );
    const gate = await t.api.call<{ microCredential: { publicationGate: unknown } }>(
      gateOf,
      { id: designId },
      admin,
    );

    expect(stored.endorsement).toEqual({
      targetKind: 'INSTITUTION',
      targetId: institutionId,
      institutionId,
    });
    expect(submitEndorsement.credential.credentialSubject).toMatchObject({
      id: expect.stringMatching(/^did:web:.*:issuers:/) as string,
      type: ['EndorsementSubject'],
    });
    expect(await verifyWithDigitalBazaar(submitEndorsement.credential)).toEqual({
      verified: true,
      error: undefined,
    });
    expect(unlinked.errors?.[0]?.extensions?.errorCode).toBe('PARTNER_NOT_LINKED');
    expect(gate.microCredential.publicationGate).toEqual({
      requiredEndorsements: 1,
      activeEndorsements: 0,
      satisfied: false,
    });
  });

  it('counts distinct partners for the publishing gate, keeps one active endorsement per partner, and stops counting a withdrawn one', async () => {
    const institution = await t.createInstitution({
      name: 'Two Partner College',
      settings: { requiredEndorsements: 2 },
    });
    const callers = await t.qaCallers(institution);
    const designId = await newDesign({}, institution, callers.admin);
    await approveDesign(t.api, designId, callers);
    const first = await partnerWithKey(institution, callers.admin);
    const second = await partnerWithKey(institution, callers.admin);
    const gate = async () =>
      (
        await t.api.call<{ microCredential: { publicationGate: { activeEndorsements: number } } }>(
          gateOf,
          { id: designId },
          callers.admin,
        )
      ).microCredential.publicationGate.activeEndorsements;
    const publish = async () =>
      t.api.request(
        operations.publish,
        { id: designId, v: (await designOf(t.api, designId, callers.admin)).version },
        callers.admin,
      );

    const original = await endorseDesign(t.api, designId, first.apiKey);
    const retried = await endorseDesign(t.api, designId, first.apiKey);
    const different = await t.api.request(
      `mutation ($input: SubmitEndorsementInput!) { submitEndorsement(input: $input) { id } }`,
      { input: { microCredentialId: designId, comment: 'Endorsed again, same partner.' } },
      { apiKey: first.apiKey },
    );
    const oneTwice = { gate: await gate(), publish: await publish() };
    const secondEndorsement = await endorseDesign(t.api, designId, second.apiKey);
    const bothGate = await gate();
    await t.api.call(withdraw, { id: secondEndorsement.id }, { apiKey: second.apiKey });
    const afterWithdrawal = { gate: await gate(), publish: await publish() };
    const withdrawnCredential = (
      await t.api.call<{ endorsement: { credential: Json } }>(
        `query ($id: ID!) { endorsement(id: $id) { credential } }`,
        { id: secondEndorsement.id },
      )
    ).endorsement.credential;
    const verifiedWithdrawn = (
      await t.api.call<{ verifyCredential: Verified }>(verifyPresented, {
        credential: withdrawnCredential,
      })
    ).verifyCredential;
    await endorseDesign(t.api, designId, second.apiKey, 'Endorsed anew.');
    const published = await publishDesign(t.api, designId, callers.admin);

    expect(retried.id).toBe(original.id);
    expect(different.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'ENDORSEMENT_EXISTS',
    });
    expect(oneTwice.gate).toBe(1);
    expect(oneTwice.publish.errors?.[0]?.extensions?.errorCode).toBe('ENDORSEMENTS_REQUIRED');
    expect(bothGate).toBe(2);
    expect(afterWithdrawal.gate).toBe(1);
    expect(afterWithdrawal.publish.errors?.[0]?.extensions?.errorCode).toBe(
      'ENDORSEMENTS_REQUIRED',
    );
    expect(verifiedWithdrawn).toMatchObject({ verified: false, status: 'REVOKED' });
    expect(verifiedWithdrawn.checks).toContainEqual(
      expect.objectContaining({ name: 'withdrawal', status: 'FAIL' }),
    );
    expect(published.status).toBe('PUBLISHED');
  });

  it('keeps what a self-signed endorsement signed, refuses it twice, and shows its withdrawal', async () => {
    const {
      designId,
      institutionId: institution,
      qa,
    } = await t.publishedDesign({
      name: 'Self-endorsed Leadership',
    });
    const own = await ExternalIssuer.withDidKey();
    const partner = await partnerWithKey(institution, qa.admin);
    await t.api.call(
      `mutation ($id: ID!, $did: String!) { updatePartner(id: $id, expectedVersion: 1, input: { did: $did }) { did } }`,
      { id: partner.partnerId, did: own.did },
      partner.partnerAdmin,
    );
    const signed = (validUntil = '2099-06-30T00:00:00Z') =>
      own.sign({
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        id: `urn:uuid:${crypto.randomUUID()}`,
        type: ['VerifiableCredential', 'EndorsementCredential'],
        issuer: { id: own.did, type: ['Profile'], name: 'Self-signing Employer' },
        validFrom: '2026-01-01T00:00:00Z',
        validUntil,
        credentialSubject: {
          id: `${t.platform.url}/achievements/${designId}/v1`,
          type: ['EndorsementSubject'],
          endorsementComment: 'Signed by us, with our own key.',
        },
      });
    const credential = await signed();

    const { submitEndorsement: accepted } = await t.api.call<{
      submitEndorsement: {
        id: string;
        comment: string;
        competencies: string[];
        expiresAt: string;
        expired: boolean;
      };
    }>(submit, { input: { microCredentialId: designId, credential } }, { apiKey: partner.apiKey });
    const again = await t.api.request(
      submit,
      { input: { microCredentialId: designId, credential } },
      { apiKey: partner.apiKey },
    );
    const withUnsignedFields = await t.api.request(
      submit,
      {
        input: {
          microCredentialId: designId,
          credential: await signed(),
          competencies: ['Not in the credential'],
          expiresAt: '2030-01-01T00:00:00Z',
        },
      },
      { apiKey: partner.apiKey },
    );
    const { issueCredential: issued } = await t.api.call<{
      issueCredential: { id: string; json: Json };
    }>(
      `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id json } }`,
      { input: { microCredentialId: designId, recipient: { email: 'self-signed@example.org' } } },
      qa.admin,
    );
    await t.api.call(withdraw, { id: accepted.id }, { apiKey: partner.apiKey });
    const { verifyCredential: holderView } = await t.api.call<{
      verifyCredential: {
        checks: { name: string; status: string }[];
        endorsements: { id: string; withdrawn: boolean; verified: boolean }[];
      };
    }>(
      `query ($id: String!) { verifyCredential(input: { id: $id }) { checks { name status } endorsements { id withdrawn verified } } }`,
      { id: issued.id },
    );
    const { verifyCredential: direct } = await t.api.call<{ verifyCredential: Verified }>(
      verifyPresented,
      { credential },
    );
    const resubmitted = await t.api.request(
      submit,
      { input: { microCredentialId: designId, credential } },
      { apiKey: partner.apiKey },
    );

    expect(accepted).toMatchObject({
      comment: 'Signed by us, with our own key.',
      competencies: [],
      expiresAt: '2099-06-30T00:00:00.000Z',
      expired: false,
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'ENDORSEMENT_DUPLICATE',
    });
    expect(withUnsignedFields.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      ((issued.json.credentialSubject as Json).achievement as Json).endorsement as Json[],
    ).toContainEqual(credential);
    expect(holderView.endorsements).toContainEqual({
      id: credential.id,
      withdrawn: true,
      verified: false,
    });
    expect(holderView.endorsements.filter((endorsement) => !endorsement.withdrawn)).toHaveLength(1);
    expect(holderView.checks.find((check) => check.name === 'endorsements')?.status).toBe('WARN');
    expect(direct).toMatchObject({ verified: false, status: 'REVOKED' });
    expect(direct.checks).toContainEqual(
      expect.objectContaining({ name: 'withdrawal', status: 'FAIL' }),
    );
    expect(resubmitted.errors?.[0]?.extensions?.errorCode).toBe('ENDORSEMENT_DUPLICATE');
  });
});

describe('partner keys and endorsements over time, and floods of bad keys', () => {
  const clock = new AdjustableClock();
  let t: TestPlatform;
  let institutionId: string;
  let admin: Caller;

  beforeAll(async () => {
    t = await startTestPlatform({ clock });
    institutionId = await t.createInstitution({ name: 'Clocked College' });
    admin = (await t.qaCallers(institutionId)).admin;
  });
  afterAll(() => t.stop());

  it('refuses an API key past its expiry with UNAUTHENTICATED', async () => {
    const partner = await newPartnerWithKey(t, institutionId, admin, ['ENDORSEMENTS_READ'], 1);
    const query = `{ endorsementInvitations { id } }`;

    const beforeExpiry = await t.api.request(query, {}, { apiKey: partner.apiKey });
    clock.advanceDays(2);
    const afterExpiry = await t.api.request(query, {}, { apiKey: partner.apiKey });

    expect(beforeExpiry.errors).toBeUndefined();
    expect([afterExpiry.status, afterExpiry.errors?.[0]?.extensions?.code]).toEqual([
      401,
      'UNAUTHENTICATED',
    ]);
    expect(afterExpiry.errors?.[0]?.message).toContain('The API key is not valid.');
  });

  it('stops counting an endorsement past its expiry, and verification shows it expired', async () => {
    const callers = await t.qaCallers(institutionId);
    const { createMicroCredential } = await t.api.call<{ createMicroCredential: { id: string } }>(
      operations.createDesign,
      { input: designInput(institutionId, { name: 'Expiring Endorsement' }) },
      admin,
    );
    const designId = createMicroCredential.id;
    await approveDesign(t.api, designId, callers);
    const partner = await newPartnerWithKey(t, institutionId, admin);
    const gate = async () =>
      (
        await t.api.call<{ microCredential: { publicationGate: unknown } }>(
          gateOf,
          { id: designId },
          admin,
        )
      ).microCredential.publicationGate;

    const { submitEndorsement: endorsement } = await t.api.call<{
      submitEndorsement: { id: string; credential: Json };
    }>(
      submit,
      {
        input: {
          microCredentialId: designId,
          comment: 'Good for a day.',
          expiresAt: new Date(clock.now().getTime() + 86_400_000).toISOString(),
        },
      },
      { apiKey: partner.apiKey },
    );
    const pastExpiry = await t.api.request(
      submit,
      {
        input: {
          microCredentialId: designId,
          comment: 'Already over.',
          expiresAt: new Date(clock.now().getTime() - 60_000).toISOString(),
        },
      },
      { apiKey: partner.apiKey },
    );
    const gateBefore = await gate();
    clock.advanceDays(2);
    const gateAfter = await gate();
    const publish = await t.api.request(
      operations.publish,
      { id: designId, v: (await designOf(t.api, designId, admin)).version },
      admin,
    );
    const stored = await t.api.call<{ endorsement: { status: string; expired: boolean } }>(
      `query ($id: ID!) { endorsement(id: $id) { status expired } }`,
      { id: endorsement.id },
    );
    const { verifyCredential: verified } = await t.api.call<{ verifyCredential: Verified }>(
      verifyPresented,
      { credential: endorsement.credential },
    );

    expect(pastExpiry.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gateBefore).toEqual({ requiredEndorsements: 1, activeEndorsements: 1, satisfied: true });
    expect(gateAfter).toEqual({ requiredEndorsements: 1, activeEndorsements: 0, satisfied: false });
    expect(publish.errors?.[0]?.extensions?.errorCode).toBe('ENDORSEMENTS_REQUIRED');
    expect(stored.endorsement).toEqual({ status: 'ACTIVE', expired: true });
    expect(verified).toMatchObject({ verified: false, status: 'EXPIRED' });
    expect(verified.checks).toContainEqual(
      expect.objectContaining({ name: 'validity-window', status: 'FAIL' }),
    );
  });

  it('throttles an address that floods bad keys, while other partners and addresses carry on', async () => {
    const flooded = await newPartnerWithKey(t, institutionId, admin);
    const other = await newPartnerWithKey(t, institutionId, admin);
    const query = `{ endorsementInvitations { id } }`;
    const lastUsed = async (partner: typeof flooded) =>
      (
        await t.api.call<{ apiKeys: { lastUsedAt: string | null }[] }>(
          `query ($id: ID!) { apiKeys(partnerId: $id) { lastUsedAt } }`,
          { id: partner.partnerId },
          partner.partnerAdmin,
        )
      ).apiKeys[0]?.lastUsedAt;
    const guessed = flooded.apiKey.slice(0, -8) + 'guessed1';

    const flood = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        postFrom(t, '127.0.0.2', index % 2 ? unknownKey() : guessed, query),
      ),
    );
    const validFromFlooder = await postFrom(t, '127.0.0.2', flooded.apiKey, query);
    const lastUsedWhileThrottled = await lastUsed(flooded);
    const otherPartnerElsewhere = await postFrom(t, '127.0.0.3', other.apiKey, query);
    const floodedPartnerElsewhere = await postFrom(t, '127.0.0.4', flooded.apiKey, query);
    clock.advanceDays(1);
    const validFromFlooderLater = await postFrom(t, '127.0.0.2', flooded.apiKey, query);

    const codes = flood.map((response) => response.errors?.[0]?.extensions?.code);
    expect(codes.every((code) => code === 'UNAUTHENTICATED' || code === 'TOO_MANY_REQUESTS')).toBe(
      true,
    );
    expect(codes.filter((code) => code === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(21);
    expect([validFromFlooder.status, validFromFlooder.errors?.[0]?.extensions]).toEqual([
      429,
      expect.objectContaining({ code: 'TOO_MANY_REQUESTS', retryable: true }),
    ]);
    expect(lastUsedWhileThrottled).toBeNull();
    expect(otherPartnerElsewhere.errors).toBeUndefined();
    expect(floodedPartnerElsewhere.errors).toBeUndefined();
    expect(validFromFlooderLater.errors).toBeUndefined();
    const everything = JSON.stringify([flood, validFromFlooder]);
    expect(everything).not.toContain(secretOf(flooded.apiKey));
    expect(everything).not.toContain(secretOf(guessed));
  });
});
