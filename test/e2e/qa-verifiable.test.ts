import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionContext } from '../../functions/core/credential/extension-context';
import type { Caller } from '../../infra/local/graphql-client';
import { operations } from '../../infra/local/portal-flows';
import { schemaErrors } from '../support/conformance';
import { verifyWithDigitalBazaar } from '../support/independent-verifier';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;
interface Verification {
  verified: boolean;
  checks: { name: string; status: string; message: string }[];
  endorsements: { issuerName: string | null; verified: boolean }[];
}

const issueMutation = `mutation ($input: IssueCredentialInput!) {
  issueCredential(input: $input) { id url json }
}`;
const verifyQuery = `query ($input: VerifyCredentialInput!) {
  verifyCredential(input: $input) {
    verified checks { name status message } endorsements { issuerName verified }
  }
}`;

const fetchJson = async (url: string) => {
  const response = await fetch(url, { headers: { accept: 'application/ld+json' } });
  return { status: response.status, body: (await response.json()) as Json };
};
const achievementOf = (credential: Json) =>
  (credential.credentialSubject as { achievement: Json & { endorsement?: Json[] } }).achievement;
const qaClaimOf = (endorsement: Json) =>
  (endorsement.credentialSubject as { qualityAssurance: Json }).qualityAssurance as {
    workflow: { name: string; version: number };
    approvedAt: string;
    contentDigest: { algorithm: string; value: string };
    steps: { key: string; name: string; role: string; decidedAt: string }[];
  };

/**
 * Verifiable QA: approving a design version makes the institution's QA body sign an OB 3.0
 * EndorsementCredential of the achievement, served publicly, embedded in every credential
 * issued afterwards, and checked by its signature when a credential is verified.
 */
describe('verifiable QA: the QA endorsement of an approved achievement', () => {
  let t: TestPlatform;
  let designId: string;
  let admin: Caller;
  let reviewId: string;
  let qaUrl: string;
  let issued: { id: string; url: string; json: Json };

  const verify = async (input: Json) =>
    (await t.api.call<{ verifyCredential: Verification }>(verifyQuery, { input })).verifyCredential;
  const approvalCheck = (result: Verification) =>
    result.checks.find((check) => check.name === 'achievement-approval');

  beforeAll(async () => {
    t = await startTestPlatform();
    const published = await t.publishedDesign({ name: 'Verifiable QA' });
    designId = published.designId;
    admin = published.qa.admin;
    const { microCredential } = await t.api.call<{
      microCredential: { currentReview: { id: string } };
    }>(operations.design, { id: designId }, admin);
    reviewId = microCredential.currentReview.id;
    qaUrl = `${t.platform.url}/achievements/${designId}/v1/qa-endorsement`;
    issued = (
      await t.api.call<{ issueCredential: typeof issued }>(
        issueMutation,
        { input: { microCredentialId: designId, recipient: { email: 'qa-learner@example.org' } } },
        admin,
      )
    ).issueCredential;
  });
  afterAll(() => t.stop());

  it('serves a signed EndorsementCredential stating the workflow, each step with its date, and the content hash approved', async () => {
    const { status, body } = await fetchJson(qaUrl);
    const { review } = await t.api.call<{
      review: {
        workflowVersion: number;
        history: {
          action: string;
          stepKey: string | null;
          at: string;
          contentDigest: string | null;
        }[];
      };
    }>(operations.review, { id: reviewId }, admin);
    const claim = qaClaimOf(body);
    const approvals = review.history.filter((entry) => entry.action === 'APPROVED');
    const submitted = review.history.find((entry) => entry.action === 'SUBMITTED')!;

    expect(status).toBe(200);
    expect(schemaErrors('endorsementCredential', body)).toEqual([]);
    expect(body).toMatchObject({
      id: qaUrl,
      type: ['VerifiableCredential', 'EndorsementCredential'],
      credentialSubject: { id: `${t.platform.url}/achievements/${designId}/v1` },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' },
    });
    expect((body.issuer as Json).id).toMatch(/^did:web:.*:issuers:/);
    expect(claim.workflow.version).toBe(review.workflowVersion);
    expect(claim.steps.map((step) => [step.key, step.decidedAt])).toEqual(
      approvals.map((entry) => [entry.stepKey, entry.at]),
    );
    expect(claim.contentDigest).toEqual({ algorithm: 'SHA-256', value: submitted.contentDigest });
  });

  it('verifies on its own, with the platform and with an independent OB 3.0 verifier', async () => {
    const { body } = await fetchJson(qaUrl);

    const own = await verify({ credential: body });
    const outside = await verifyWithDigitalBazaar(body);

    expect(own.verified).toBe(true);
    expect(outside.error).toBeUndefined();
    expect(outside.verified).toBe(true);
  });

  it('is embedded in the achievement of credentials issued afterwards, which stay valid OB 3.0', async () => {
    const { body } = await fetchJson(qaUrl);
    const embedded = achievementOf(issued.json).endorsement ?? [];

    expect(embedded).toContainEqual(body);
    expect(schemaErrors('achievementCredential', issued.json)).toEqual([]);
    expect((await verifyWithDigitalBazaar(issued.json)).verified).toBe(true);
  });

  it("checks the quality-assured design by the QA endorsement's signature, apart from industry endorsements", async () => {
    const result = await verify({ id: issued.id });

    expect(result.verified).toBe(true);
    expect(approvalCheck(result)).toMatchObject({
      status: 'PASS',
      message: expect.stringContaining("issuer's signed QA endorsement verifies") as unknown,
    });
    // The partner's endorsement is counted as before; the QA endorsement is not among them.
    expect(result.endorsements).toHaveLength(1);
    expect(result.endorsements[0]).toMatchObject({ verified: true });
  });

  it('fails the check when the embedded QA endorsement was altered', async () => {
    const { body } = await fetchJson(qaUrl);
    const claim = qaClaimOf(body);
    const forged = {
      ...body,
      credentialSubject: {
        ...(body.credentialSubject as Json),
        qualityAssurance: { ...claim, steps: claim.steps.slice(1) },
      },
    };

    const result = await verify({ credential: forged });

    expect(result.verified).toBe(false);
    expect(result.checks.find((check) => check.name === 'proof')?.status).toBe('FAIL');
  });

  it('publishes the extension context it signs with, the same document the verifier bundles', async () => {
    const { status, body } = await fetchJson(`${t.platform.url}/contexts/tessera-v1.jsonld`);
    const contexts = issued.json['@context'] as string[];

    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(extensionContext)));
    expect(((body['@context'] as Json).qualityAssurance as Json)['@type']).toBe('@json');
    expect(contexts).toBeDefined();
  });

  it('names the QA endorsement on the approved review, over GraphQL', async () => {
    const { review } = await t.api.call<{ review: { qaEndorsement: string | null } }>(
      'query ($id: ID!) { review(id: $id) { qaEndorsement } }',
      { id: reviewId },
      admin,
    );

    expect(review.qaEndorsement).toBe(qaUrl);
  });

  it('answers 404 with a code for a version that has no QA endorsement', async () => {
    const { status, body } = await fetchJson(
      `${t.platform.url}/achievements/${designId}/v9/qa-endorsement`,
    );

    expect(status).toBe(404);
    expect(JSON.stringify(body)).toContain('QA_ENDORSEMENT_NOT_FOUND');
  });
});
