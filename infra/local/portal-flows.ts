import type { Caller, GraphQLClient } from './graphql-client';

/**
 * GraphQL flows a staff portal runs, shared by `npm run demo`, the end-to-end tests and the
 * benchmarks so each exercises the API the same way.
 */
export const operations = {
  createDesign: `mutation ($input: CreateMicroCredentialInput!) {
    createMicroCredential(input: $input) { id name status version designVersion }
  }`,
  design: `query ($id: ID!) {
    microCredential(id: $id) { id name status version designVersion publishedDesignVersion currentReview { id } }
  }`,
  workflow: `query ($institutionId: ID!) {
    qaWorkflow(institutionId: $institutionId) {
      version name isDefault steps { key name role dueWithinDays requiredFields { key label kind } }
    }
  }`,
  submit: `mutation ($id: ID!, $v: Int!, $input: SubmitForReviewInput) {
    submitForReview(microCredentialId: $id, expectedVersion: $v, input: $input) {
      id status round version currentStep { step { key role } }
    }
  }`,
  decide: `mutation ($reviewId: ID!, $input: ReviewDecisionInput!) {
    decideReviewStep(reviewId: $reviewId, input: $input) {
      id status version currentStep { step { key role } }
    }
  }`,
  supplyFields: `mutation ($reviewId: ID!, $v: Int!, $input: SupplyReviewFieldsInput!) {
    supplyReviewFields(reviewId: $reviewId, expectedVersion: $v, input: $input) { id version }
  }`,
  publish: `mutation ($id: ID!, $v: Int!) {
    publishMicroCredential(id: $id, expectedVersion: $v) { id status version publishedDesignVersion }
  }`,
  review: `query ($id: ID!) {
    review(id: $id) {
      id status round version designVersion workflowVersion
      currentStep { step { key role } state dueAt overdue missingFields }
      steps { index state step { key } }
      history { sequence action stepKey role actor { id } comment at attachments { name url } contentDigest }
    }
  }`,
} as const;

export interface DesignRef {
  readonly id: string;
  readonly version: number;
  readonly status: string;
}

export interface ReviewRef {
  readonly id: string;
  readonly status: string;
  readonly version: number;
  readonly currentStep: { step: { key: string; role: string } } | null;
}

/** Sample values for the default workflow's required fields. */
export const sampleReviewFields = [
  { key: 'conceptForm', value: 'https://docs.example.edu/concept-form.pdf' },
  {
    key: 'industryNeed',
    value: 'Employer panels report a shortage of team leads with coaching skills.',
  },
  { key: 'developmentPlan', value: 'https://docs.example.edu/development-plan.pdf' },
  { key: 'fullProposal', value: 'https://docs.example.edu/full-proposal.pdf' },
];

/**
 * Callers for the QA roles of an institution. `reviewerFor(role)` returns a QA reviewer holding
 * that QA role (each a different person from the author).
 */
export interface QaCallers {
  readonly admin: Caller;
  reviewerFor(role: string): Promise<Caller>;
}

export async function designOf(api: GraphQLClient, id: string, caller: Caller): Promise<DesignRef> {
  const { microCredential } = await api.call<{ microCredential: DesignRef }>(
    operations.design,
    { id },
    caller,
  );
  return microCredential;
}

/** Submits a design and approves every step in order; returns the finished review. */
export async function approveDesign(
  api: GraphQLClient,
  designId: string,
  callers: QaCallers,
  comment = 'Meets the framework.',
): Promise<{ review: ReviewRef; decisions: number }> {
  const design = await designOf(api, designId, callers.admin);
  const { submitForReview } = await api.call<{ submitForReview: ReviewRef }>(
    operations.submit,
    {
      id: designId,
      v: design.version,
      input: { fields: sampleReviewFields, comment: 'Ready for review.' },
    },
    callers.admin,
  );
  let review = submitForReview;
  let decisions = 0;
  while (review.status === 'IN_PROGRESS' && review.currentStep) {
    const { key, role } = review.currentStep.step;
    const { decideReviewStep } = await api.call<{ decideReviewStep: ReviewRef }>(
      operations.decide,
      { reviewId: review.id, input: { stepKey: key, outcome: 'APPROVE', comment } },
      await callers.reviewerFor(role),
    );
    review = decideReviewStep;
    decisions += 1;
  }
  return { review, decisions };
}

/** Publishes an approved design. */
export async function publishDesign(
  api: GraphQLClient,
  designId: string,
  caller: Caller,
): Promise<DesignRef> {
  const design = await designOf(api, designId, caller);
  const { publishMicroCredential } = await api.call<{ publishMicroCredential: DesignRef }>(
    operations.publish,
    { id: designId, v: design.version },
    caller,
  );
  return publishMicroCredential;
}

/** Creates an industry partner linked to the institution (as its issuer admin). */
export async function createPartner(
  api: GraphQLClient,
  institutionId: string,
  admin: Caller,
  name = 'Lakeshore Health Network',
): Promise<string> {
  const { createPartner: partner } = await api.call<{ createPartner: { id: string } }>(
    `mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`,
    {
      input: {
        institutionId,
        name,
        url: 'https://lakeshore-health.example.com',
        description: 'A regional employer of clinical and administrative staff.',
      },
    },
    admin,
  );
  return partner.id;
}

/** Creates an API key for a partner (as its partner admin); returns the secret key. */
export async function createApiKey(
  api: GraphQLClient,
  partnerId: string,
  partnerAdmin: Caller,
  name = 'HR integration',
): Promise<string> {
  const { createApiKey: created } = await api.call<{ createApiKey: { secret: string } }>(
    `mutation ($partnerId: ID!, $input: CreateApiKeyInput!) { createApiKey(partnerId: $partnerId, input: $input) { secret } }`,
    { partnerId, input: { name, scopes: ['ENDORSEMENTS_WRITE', 'ENDORSEMENTS_READ'] } },
    partnerAdmin,
  );
  return created.secret;
}

/** Endorses a design with a partner API key (as the partner's own systems would). */
export async function endorseDesign(
  api: GraphQLClient,
  microCredentialId: string,
  apiKey: string,
  comment = 'Graduates of this micro-credential lead our ward teams with confidence.',
) {
  const { submitEndorsement } = await api.call<{
    submitEndorsement: { id: string; url: string; partner: { id: string } };
  }>(
    `mutation ($input: SubmitEndorsementInput!) { submitEndorsement(input: $input) { id url partner { id } } }`,
    { input: { microCredentialId, comment, competencies: ['Lead a team'] } },
    { apiKey },
  );
  return submitEndorsement;
}

export const learningOperations = {
  enrol: `mutation ($id: ID!) { enrol(microCredentialId: $id) { id status components { component status round } } }`,
  upload: `mutation ($enrolmentId: ID!, $input: EvidenceUploadInput!) {
    requestEvidenceUpload(enrolmentId: $enrolmentId, input: $input) { fileId uploadUrl expiresAt headers }
  }`,
  submit: `mutation ($enrolmentId: ID!, $input: SubmitEvidenceInput!) {
    submitEvidence(enrolmentId: $enrolmentId, input: $input) { id component round status }
  }`,
  assess: `mutation ($id: ID!, $input: AssessEvidenceInput!) {
    assessEvidence(submissionId: $id, input: $input) { id status assessment { decision feedback rubricLevelId } }
  }`,
  queue: `{ assessmentQueue(first: 100) { nodes { id component round enrolmentId microCredentialId } } }`,
  enrolment: `query ($id: ID!) {
    enrolment(id: $id) {
      id status completedAt components { component status round }
      credential { id url kind json }
      submissions { id component round status narrative files { id name sha256 size downloadUrl } assessment { decision feedback } }
    }
  }`,
} as const;

/** Uploads a file through the presigned URL the API hands out, as a browser would. */
export async function uploadEvidenceFile(
  api: GraphQLClient,
  caller: Caller,
  enrolmentId: string,
  file: { component: string; fileName: string; contentType: string; body: Uint8Array },
): Promise<string> {
  const { requestEvidenceUpload } = await api.call<{
    requestEvidenceUpload: { fileId: string; uploadUrl: string; headers: Record<string, string> };
  }>(
    learningOperations.upload,
    {
      enrolmentId,
      input: {
        component: file.component,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.body.length,
      },
    },
    caller,
  );
  const response = await fetch(requestEvidenceUpload.uploadUrl, {
    method: 'PUT',
    headers: requestEvidenceUpload.headers,
    body: Buffer.from(file.body),
  });
  if (!response.ok)
    throw new Error(`upload failed with ${response.status}: ${await response.text()}`);
  return requestEvidenceUpload.fileId;
}

export const stackingOperations = {
  define: `mutation ($input: DefineStackInput!) {
    defineStack(input: $input) { id name rule required status version microCredentialId parts { kind name microCredentialId achievementId } }
  }`,
  retire: `mutation ($id: ID!, $v: Int!) { retireStack(id: $id, expectedVersion: $v) { id status version retiredAt } }`,
  pathways: `{
    myPathways {
      stack { id name rule } needed heldCount satisfied summary
      held { part { kind name } credentialId origin } remaining { kind name }
      credential { id url kind parts status }
    }
  }`,
  transcript: `{ myTranscript }`,
} as const;
