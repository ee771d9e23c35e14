import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import {
  approveDesign,
  designOf,
  endorseDesign,
  operations,
  publishDesign,
  sampleReviewFields,
  type QaCallers,
} from '../../infra/local/portal-flows';
import { designInput } from '../support/builders';
import { schemaErrors } from '../support/conformance';
import { verifyWithDigitalBazaar } from '../support/independent-verifier';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;

const elementsQuery = `query ($id: ID!) { microCredential(id: $id) { elements {
  assessment { methods detail } supervision identityVerification
  qualityAssurance { type detail } creditBearing transcriptable prerequisites
  integrationOptions stackingOptions languages
} } }`;
const issueMutation = `mutation ($input: IssueCredentialInput!) {
  issueCredential(input: $input) { id json }
}`;
const verifyQuery = `query ($input: VerifyCredentialInput!) {
  verifyCredential(input: $input) { verified }
}`;

const elements = {
  assessment: { methods: ['EXAMINATION', 'PROJECT'], detail: 'A proctored exam and a project.' },
  supervision: 'SUPERVISED_ONLINE',
  identityVerification: 'ONLINE',
  qualityAssurance: { type: 'INTERNAL_AND_EXTERNAL', detail: 'Reviewed by an industry board.' },
  creditBearing: true,
  transcriptable: true,
  prerequisites: ['An introductory statistics course', 'Basic spreadsheet skills'],
  integrationOptions: 'Counts toward the Data Analytics graduate certificate.',
  stackingOptions: 'Stacks into the Applied Analytics badge.',
  languages: ['en', 'fr'],
};

/** The EU and Ontario elements as data: stated, checked, required by QA, and issued. */
describe('micro-credential elements as data', () => {
  let t: TestPlatform;
  let institutionId: string;
  let qa: QaCallers;
  let admin: Caller;

  const create = async (overrides: Record<string, unknown>) =>
    (
      await t.api.call<{ createMicroCredential: { id: string } }>(
        operations.createDesign,
        { input: designInput(institutionId, overrides) },
        admin,
      )
    ).createMicroCredential.id;

  beforeAll(async () => {
    t = await startTestPlatform();
    institutionId = await t.createInstitution();
    qa = await t.qaCallers(institutionId);
    admin = qa.admin;
  });
  afterAll(() => t.stop());

  it('stores the elements as stated and reads them back', async () => {
    const id = await create({ name: 'Elements round trip', elements });

    const { microCredential } = await t.api.call<{ microCredential: { elements: Json } }>(
      elementsQuery,
      { id },
      admin,
    );

    expect(microCredential.elements).toEqual(elements);
  });

  it('refuses elements whose languages leave out the design language, with a code', async () => {
    const result = await t.api.request(
      operations.createDesign,
      {
        input: designInput(institutionId, {
          language: 'de',
          elements: { ...elements, languages: ['en'] },
        }),
      },
      admin,
    );

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      errorCode: 'DESIGN_ELEMENTS_INVALID',
    });
  });

  it('refuses an assessment method outside the enumeration', async () => {
    const result = await t.api.request(
      operations.createDesign,
      {
        input: designInput(institutionId, {
          elements: { ...elements, assessment: { methods: ['ORAL_DEFENCE'] } },
        }),
      },
      admin,
    );

    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps a design without its elements out of review, with a code', async () => {
    const id = await create({ name: 'No elements', elements: undefined });
    const design = await designOf(t.api, id, admin);

    const result = await t.api.request(
      operations.submit,
      { id, v: design.version, input: { fields: sampleReviewFields } },
      admin,
    );

    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      errorCode: 'DESIGN_ELEMENTS_REQUIRED',
    });
  });

  it('issues achievements carrying the elements as extension terms, still valid OB 3.0', async () => {
    const id = await create({ name: 'Elements issued', elements });
    await approveDesign(t.api, id, qa);
    const partner = await t.partnerFor(institutionId);
    await endorseDesign(t.api, id, partner.apiKey);
    await publishDesign(t.api, id, admin);
    await t.platform.drain();

    const { issueCredential } = await t.api.call<{ issueCredential: { id: string; json: Json } }>(
      issueMutation,
      { input: { microCredentialId: id, recipient: { email: 'elements@example.org' } } },
      admin,
    );
    const credential = issueCredential.json;
    const achievement = (credential.credentialSubject as { achievement: Json }).achievement;
    const served = await fetch(achievement.id as string).then((r) => r.json() as Promise<Json>);
    const verified = await t.api.call<{ verifyCredential: { verified: boolean } }>(verifyQuery, {
      input: { id: issueCredential.id },
    });

    expect(credential['@context']).toContain(`${t.platform.url}/contexts/tessera-v1.jsonld`);
    expect(achievement).toMatchObject({
      inLanguage: 'en',
      creditsAvailable: 1.5,
      assessmentMethods: ['EXAMINATION', 'PROJECT'],
      assessmentDetail: 'A proctored exam and a project.',
      participationForm: 'BLENDED',
      assessmentSupervision: 'SUPERVISED_ONLINE',
      identityVerification: 'ONLINE',
      qualityAssuranceType: 'INTERNAL_AND_EXTERNAL',
      creditBearing: true,
      transcriptable: true,
      prerequisites: elements.prerequisites,
      integrationOptions: elements.integrationOptions,
      stackingOptions: elements.stackingOptions,
      instructionLanguages: ['en', 'fr'],
      workloadHours: 40,
    });
    expect(served).toMatchObject({ assessmentMethods: ['EXAMINATION', 'PROJECT'] });
    expect(schemaErrors('achievementCredential', credential)).toEqual([]);
    expect(verified.verifyCredential).toMatchObject({ verified: true });
    expect((await verifyWithDigitalBazaar(credential)).verified).toBe(true);
  }, 120_000);
});
