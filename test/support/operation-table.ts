import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Caller } from '../../infra/local/graphql-client';
import {
  createApiKey,
  endorseDesign,
  operations,
  learningOperations,
} from '../../infra/local/portal-flows';
import { demoStackedDesign } from '../../infra/local/demo-content';
import { designInput } from './builders';
import { ExternalIssuer } from './external-issuer';
import type { TestPlatform } from './platform';

/**
 * Every GraphQL operation × every kind of caller, generated from the one table below: each
 * row names the callers allowed; every other caller must be refused with UNAUTHENTICATED or
 * FORBIDDEN, or NOT_FOUND where the platform hides that the resource exists. "This" institution or
 * partner owns the resource; "other" is a second tenant.
 */
export const roles = [
  'none',
  'learner',
  'assessor',
  /** An assessor of this institution given another design to assess (`assessedDesigns`). */
  'designAssessor',
  'reviewer',
  'admin',
  'otherAdmin',
  'partnerKey',
  'otherPartnerKey',
  'partnerAdmin',
  'platformAdmin',
] as const;
export type Role = (typeof roles)[number];

/** What the fixture created, for building each operation's variables. */
export interface World {
  institution: string;
  /** A member of this institution's staff (an assessor). */
  member: string;
  published: string;
  draft: string;
  retirable: string;
  review: string;
  reviewVersion: number;
  firstStepKey: string;
  credential: string;
  spareCredential: string;
  job: string;
  enrolment: string;
  submission: string;
  stack: string;
  spareStack: string;
  partner: string;
  endorsement: string;
  spareEndorsement: string;
  invitation: string;
  spareKeys: string[];
  shareLink: string;
  imported: string;
  external: Record<string, unknown>;
  institutionVersion: number;
  workflowVersion: number;
  draftVersion: number;
  retirableVersion: number;
  /** A webhook subscription of this institution, with a delivery in its log. */
  webhook: string;
  spareWebhook: string;
  webhookDelivery: string;
  /** A loopback receiver that accepts every delivery. */
  webhookUrl: string;
}

export interface Row {
  readonly operation: string;
  readonly document: string;
  readonly variables?: (world: World, role: Role) => Record<string, unknown>;
  readonly allow: readonly Role[] | 'everyone';
}

const staff: Role[] = ['platformAdmin', 'admin', 'reviewer', 'assessor', 'designAssessor'];
const qaReaders: Role[] = ['platformAdmin', 'admin', 'reviewer'];
const partnerCallers: Role[] = ['partnerKey', 'otherPartnerKey', 'partnerAdmin'];
const ownPartner: Role[] = ['partnerKey', 'partnerAdmin'];
/** A person's own message settings: anyone signed in with a verified email, never an API key. */
const signedInPeople: Role[] = roles.filter(
  (role) => !['none', 'partnerKey', 'otherPartnerKey'].includes(role),
);

/** The table. Rows that change state in ways others depend on come last. */
export const matrix: readonly Row[] = [
  { operation: 'viewer', document: '{ viewer { id } }', allow: 'everyone' },
  {
    operation: 'institution',
    document: 'query ($id: ID!) { institution(id: $id) { id } }',
    variables: (w) => ({ id: w.institution }),
    allow: 'everyone',
  },
  {
    operation: 'institutions',
    document: '{ institutions { nodes { id } } }',
    allow: 'everyone',
  },
  {
    operation: 'catalogue',
    document: '{ catalogue { nodes { id } } }',
    allow: 'everyone',
  },
  {
    operation: 'microCredential',
    document: 'query ($id: ID!) { microCredential(id: $id) { id } }',
    variables: (w) => ({ id: w.draft }),
    allow: [...staff, 'partnerKey', 'partnerAdmin'],
  },
  {
    operation: 'microCredentials',
    document: 'query ($id: ID!) { microCredentials(institutionId: $id) { nodes { id } } }',
    variables: (w) => ({ id: w.institution }),
    allow: staff,
  },
  {
    operation: 'credential',
    document: 'query ($id: ID!) { credential(id: $id) { id } }',
    variables: (w) => ({ id: w.credential }),
    allow: ['platformAdmin', 'admin', 'learner'],
  },
  {
    operation: 'issuedCredentials',
    document: 'query ($id: ID!) { issuedCredentials(institutionId: $id) { nodes { id } } }',
    variables: (w) => ({ id: w.institution }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'bulkIssuanceJob',
    document: 'query ($id: ID!) { bulkIssuanceJob(id: $id) { id } }',
    variables: (w) => ({ id: w.job }),
    allow: ['admin'],
  },
  {
    operation: 'myEnrolments',
    document: '{ myEnrolments { nodes { id } } }',
    allow: ['learner'],
  },
  {
    operation: 'enrolment',
    document: 'query ($id: ID!) { enrolment(id: $id) { id } }',
    variables: (w) => ({ id: w.enrolment }),
    allow: ['learner', 'platformAdmin', 'admin', 'assessor'],
  },
  {
    operation: 'submission',
    document: 'query ($id: ID!) { submission(id: $id) { id } }',
    variables: (w) => ({ id: w.submission }),
    allow: ['learner', 'platformAdmin', 'admin', 'assessor'],
  },
  {
    operation: 'assessmentQueue',
    document: '{ assessmentQueue { nodes { id } } }',
    allow: ['assessor', 'designAssessor'],
  },
  {
    operation: 'partner',
    document: 'query ($id: ID!) { partner(id: $id) { id } }',
    variables: (w) => ({ id: w.partner }),
    allow: 'everyone',
  },
  {
    operation: 'partners',
    document: 'query ($id: ID!) { partners(institutionId: $id) { nodes { id } } }',
    variables: (w) => ({ id: w.institution }),
    allow: staff,
  },
  {
    operation: 'apiKeys',
    document: 'query ($id: ID!) { apiKeys(partnerId: $id) { id } }',
    variables: (w) => ({ id: w.partner }),
    allow: ['partnerAdmin'],
  },
  {
    operation: 'endorsement',
    document: 'query ($id: ID!) { endorsement(id: $id) { id } }',
    variables: (w) => ({ id: w.endorsement }),
    allow: 'everyone',
  },
  {
    operation: 'myEndorsements',
    document: '{ myEndorsements { nodes { id } } }',
    allow: partnerCallers,
  },
  {
    operation: 'endorsementInvitations',
    document: '{ endorsementInvitations { id } }',
    allow: partnerCallers,
  },
  {
    operation: 'endorsementStatistics',
    document: '{ endorsementStatistics { microCredentialId } }',
    allow: partnerCallers,
  },
  {
    operation: 'qaWorkflow',
    document: 'query ($id: ID!) { qaWorkflow(institutionId: $id) { version } }',
    variables: (w) => ({ id: w.institution }),
    allow: qaReaders,
  },
  {
    operation: 'review',
    document: 'query ($id: ID!) { review(id: $id) { id } }',
    variables: (w) => ({ id: w.review }),
    allow: qaReaders,
  },
  {
    operation: 'reviewRoundDiff',
    document:
      'query ($id: ID!) { reviewRoundDiff(reviewId: $id, fromRound: 1, toRound: 1) { contentChanged } }',
    variables: (w) => ({ id: w.review }),
    allow: qaReaders,
  },
  {
    operation: 'reviews',
    document: 'query ($id: ID!) { reviews(institutionId: $id) { nodes { id } } }',
    variables: (w) => ({ id: w.institution }),
    allow: qaReaders,
  },
  {
    operation: 'reviewQueue',
    document: '{ reviewQueue { review { id } } }',
    allow: ['reviewer'],
  },
  {
    operation: 'qaStatistics',
    document: 'query ($id: ID!) { qaStatistics(institutionId: $id) { inProgress } }',
    variables: (w) => ({ id: w.institution }),
    allow: qaReaders,
  },
  {
    operation: 'domainEvents',
    document: 'query ($id: ID!) { domainEvents(institutionId: $id) { nodes { id } } }',
    variables: (w) => ({ id: w.institution }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'members',
    document: 'query ($id: ID!) { members(institutionId: $id) { nodes { id roles } } }',
    variables: (w) => ({ id: w.institution }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'stacks',
    document: 'query ($id: ID!) { stacks(institutionId: $id) { id } }',
    variables: (w) => ({ id: w.institution }),
    allow: staff,
  },
  {
    operation: 'stack',
    document: 'query ($id: ID!) { stack(id: $id) { id } }',
    variables: (w) => ({ id: w.stack }),
    allow: staff,
  },
  { operation: 'myPathways', document: '{ myPathways { summary } }', allow: ['learner'] },
  { operation: 'myTranscript', document: '{ myTranscript }', allow: ['learner'] },
  {
    operation: 'verifyCredential',
    document: 'query ($id: String!) { verifyCredential(input: { id: $id }) { verified } }',
    variables: (w) => ({ id: w.credential }),
    allow: 'everyone',
  },
  {
    operation: 'myCredentials',
    document: '{ myCredentials { imported { id } } }',
    allow: ['learner'],
  },
  // Mutations.
  {
    operation: 'createInstitution',
    document:
      'mutation ($input: CreateInstitutionInput!) { createInstitution(input: $input) { id } }',
    variables: () => ({
      input: {
        name: 'Matrix College',
        url: 'https://matrix.example.edu',
        address: { addressCountry: 'CA' },
      },
    }),
    allow: ['platformAdmin'],
  },
  {
    operation: 'updateInstitution',
    document:
      'mutation ($id: ID!, $v: Int!) { updateInstitution(id: $id, expectedVersion: $v, input: { description: "Updated" }) { id } }',
    variables: (w) => ({ id: w.institution, v: w.institutionVersion }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'createMicroCredential',
    document: operations.createDesign,
    variables: (w) => ({ input: designInput(w.institution, { name: 'Matrix design' }) }),
    allow: ['admin'],
  },
  {
    operation: 'updateMicroCredential',
    document:
      'mutation ($id: ID!, $v: Int!) { updateMicroCredential(id: $id, expectedVersion: $v, input: { description: "Clearer." }) { id } }',
    variables: (w) => ({ id: w.draft, v: w.draftVersion }),
    allow: ['admin'],
  },
  {
    operation: 'updateQaWorkflow',
    document:
      'mutation ($id: ID!, $v: Int!) { updateQaWorkflow(institutionId: $id, expectedVersion: $v, input: { name: "Matrix", steps: [{ key: "board", name: "Board", role: "board" }] }) { version } }',
    variables: (w) => ({ id: w.institution, v: w.workflowVersion }),
    allow: ['admin'],
  },
  {
    operation: 'submitForReview',
    document: operations.submit,
    variables: (w) => ({ id: w.draft, v: w.draftVersion }),
    allow: ['admin'],
  },
  {
    operation: 'supplyReviewFields',
    document: operations.supplyFields,
    variables: (w) => ({
      reviewId: w.review,
      v: w.reviewVersion,
      input: { fields: [{ key: 'industryNeed', value: 'Employers asked for it.' }] },
    }),
    allow: ['admin'],
  },
  {
    operation: 'commentOnReview',
    document:
      'mutation ($id: ID!, $step: String!) { commentOnReview(reviewId: $id, input: { stepKey: $step, body: "Noted." }) { id } }',
    variables: (w) => ({ id: w.review, step: w.firstStepKey }),
    allow: ['admin', 'reviewer'],
  },
  {
    // On the draft: the admin's call reaches the service (no review to withdraw), others are refused.
    operation: 'withdrawFromReview',
    document:
      'mutation ($id: ID!, $v: Int!) { withdrawFromReview(microCredentialId: $id, expectedVersion: $v) { id } }',
    variables: (w) => ({ id: w.draft, v: w.draftVersion }),
    allow: ['admin'],
  },
  {
    operation: 'decideReviewStep',
    document: operations.decide,
    variables: (w) => ({
      reviewId: w.review,
      input: { stepKey: w.firstStepKey, outcome: 'REQUEST_CHANGES', comment: 'More detail.' },
    }),
    allow: ['reviewer'],
  },
  {
    operation: 'publishMicroCredential',
    document: operations.publish,
    variables: (w) => ({ id: w.draft, v: w.draftVersion }),
    allow: ['admin'],
  },
  {
    operation: 'issueCredential',
    document:
      'mutation ($id: ID!) { issueCredential(input: { microCredentialId: $id, recipient: { email: "matrix@example.org" } }) { id } }',
    variables: (w) => ({ id: w.published }),
    allow: ['admin'],
  },
  {
    operation: 'startBulkIssuance',
    document:
      'mutation ($id: ID!) { startBulkIssuance(input: { microCredentialId: $id, recipients: [{ email: "bulk@example.org" }] }) { id } }',
    variables: (w) => ({ id: w.published }),
    allow: ['admin'],
  },
  {
    operation: 'resumeBulkIssuance',
    document: 'mutation ($id: ID!) { resumeBulkIssuance(id: $id) { id } }',
    variables: (w) => ({ id: w.job }),
    allow: ['admin'],
  },
  {
    operation: 'suspendCredential',
    document: 'mutation ($id: ID!) { suspendCredential(id: $id) { id } }',
    variables: (w) => ({ id: w.spareCredential }),
    allow: ['admin'],
  },
  {
    operation: 'reinstateCredential',
    document: 'mutation ($id: ID!) { reinstateCredential(id: $id) { id } }',
    variables: (w) => ({ id: w.spareCredential }),
    allow: ['admin'],
  },
  {
    operation: 'revokeCredential',
    document: 'mutation ($id: ID!) { revokeCredential(id: $id, reason: "Matrix") { id } }',
    variables: (w) => ({ id: w.spareCredential }),
    allow: ['admin'],
  },
  {
    operation: 'enrol',
    document: learningOperations.enrol,
    variables: (w) => ({ id: w.published }),
    allow: ['learner'],
  },
  {
    operation: 'requestEvidenceUpload',
    document: learningOperations.upload,
    variables: (w) => ({
      enrolmentId: w.enrolment,
      input: {
        component: 'EDUCATIONAL',
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        size: 10,
      },
    }),
    allow: ['learner'],
  },
  {
    operation: 'submitEvidence',
    document: learningOperations.submit,
    variables: (w) => ({
      enrolmentId: w.enrolment,
      input: { component: 'DEMONSTRATION', narrative: 'I showed it.' },
    }),
    allow: ['learner'],
  },
  {
    operation: 'assessEvidence',
    document: learningOperations.assess,
    variables: (w) => ({
      id: w.submission,
      input: { decision: 'RETURN', feedback: 'Add the completion record.' },
    }),
    allow: ['assessor'],
  },
  {
    operation: 'createPartner',
    document: 'mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id } }',
    variables: (w) => ({
      input: { institutionId: w.institution, name: 'Matrix Partner', url: 'https://p.example.com' },
    }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'inviteMember',
    document:
      'mutation ($id: ID!, $email: String!) { inviteMember(institutionId: $id, input: { email: $email, roles: [{ role: ASSESSOR }] }) { id } }',
    variables: (w, role) => ({ id: w.institution, email: `${role}.invitee@matrix.example.edu` }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'assignRole',
    document:
      'mutation ($id: ID!) { assignRole(memberId: $id, input: { role: QA_REVIEWER, qaRoles: ["board"] }) { id } }',
    variables: (w) => ({ id: w.member }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    // The first caller allowed takes the role; the others are told it is no longer held.
    operation: 'removeRole',
    document: 'mutation ($id: ID!) { removeRole(memberId: $id, role: QA_REVIEWER) { id } }',
    variables: (w) => ({ id: w.member }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'deactivateMember',
    document: 'mutation ($id: ID!) { deactivateMember(memberId: $id) { status } }',
    variables: (w) => ({ id: w.member }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'reactivateMember',
    document: 'mutation ($id: ID!) { reactivateMember(memberId: $id) { status } }',
    variables: (w) => ({ id: w.member }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'invitePartnerAdmin',
    document:
      'mutation ($id: ID!, $email: String!) { invitePartnerAdmin(partnerId: $id, input: { email: $email }) { id } }',
    variables: (w, role) => ({ id: w.partner, email: `${role}.admin@partner.example.com` }),
    allow: ['platformAdmin', 'admin', 'partnerAdmin'],
  },
  {
    operation: 'updatePartner',
    document:
      'mutation ($id: ID!) { updatePartner(id: $id, expectedVersion: 1, input: { description: "Matrix" }) { id } }',
    variables: (w) => ({ id: w.partner }),
    allow: ['platformAdmin', 'partnerAdmin'],
  },
  {
    operation: 'linkPartner',
    document:
      'mutation ($p: ID!, $i: ID!) { linkPartner(partnerId: $p, institutionId: $i) { id } }',
    variables: (w) => ({ p: w.partner, i: w.institution }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'createApiKey',
    document:
      'mutation ($p: ID!) { createApiKey(partnerId: $p, input: { name: "Matrix", scopes: [ENDORSEMENTS_READ] }) { secret } }',
    variables: (w) => ({ p: w.partner }),
    allow: ['partnerAdmin'],
  },
  {
    operation: 'rotateApiKey',
    document: 'mutation ($p: ID!, $k: ID!) { rotateApiKey(partnerId: $p, keyId: $k) { secret } }',
    variables: (w) => ({ p: w.partner, k: w.spareKeys[0] }),
    allow: ['partnerAdmin'],
  },
  {
    operation: 'revokeApiKey',
    document: 'mutation ($p: ID!, $k: ID!) { revokeApiKey(partnerId: $p, keyId: $k) { id } }',
    variables: (w) => ({ p: w.partner, k: w.spareKeys[1] }),
    allow: ['partnerAdmin'],
  },
  {
    operation: 'submitEndorsement',
    document:
      'mutation ($id: ID!) { submitEndorsement(input: { microCredentialId: $id, comment: "Matrix" }) { id } }',
    variables: (w) => ({ id: w.draft }),
    allow: ownPartner,
  },
  {
    operation: 'withdrawEndorsement',
    document: 'mutation ($id: ID!) { withdrawEndorsement(id: $id) { id } }',
    variables: (w) => ({ id: w.spareEndorsement }),
    allow: ownPartner,
  },
  {
    operation: 'invitePartnerToEndorse',
    document:
      'mutation ($d: ID!, $p: ID!) { invitePartnerToEndorse(microCredentialId: $d, partnerId: $p) { id } }',
    variables: (w) => ({ d: w.retirable, p: w.partner }),
    allow: ['admin'],
  },
  {
    operation: 'respondToInvitation',
    document:
      'mutation ($id: ID!) { respondToInvitation(id: $id, input: { accept: false, reason: "Matrix" }) { id } }',
    variables: (w) => ({ id: w.invitation }),
    allow: ownPartner,
  },
  {
    operation: 'defineStack',
    document: 'mutation ($input: DefineStackInput!) { defineStack(input: $input) { id } }',
    variables: (w) => ({
      input: {
        institutionId: w.institution,
        name: 'Matrix stack',
        microCredentialId: w.retirable,
        rule: 'ALL',
        parts: [{ microCredentialId: w.published }, { microCredentialId: w.draft }],
      },
    }),
    allow: ['admin'],
  },
  {
    operation: 'retireStack',
    document: 'mutation ($id: ID!) { retireStack(id: $id, expectedVersion: 1) { id } }',
    variables: (w) => ({ id: w.spareStack }),
    allow: ['admin'],
  },
  {
    operation: 'setCredentialVisibility',
    document: 'mutation ($id: ID!) { setCredentialVisibility(id: $id, visibility: PUBLIC) { id } }',
    variables: (w) => ({ id: w.credential }),
    allow: ['learner'],
  },
  {
    operation: 'createShareLink',
    document: 'mutation ($id: ID!) { createShareLink(credentialId: $id) { url } }',
    variables: (w) => ({ id: w.credential }),
    allow: ['learner'],
  },
  {
    operation: 'revokeShareLink',
    document:
      'mutation ($id: ID!, $link: ID!) { revokeShareLink(credentialId: $id, linkId: $link) { id } }',
    variables: (w) => ({ id: w.credential, link: w.shareLink }),
    allow: ['learner'],
  },
  {
    operation: 'importCredential',
    document:
      'mutation ($credential: JSON!) { importCredential(input: { credential: $credential }) { id } }',
    variables: (w) => ({ credential: w.external }),
    allow: ['learner'],
  },
  {
    operation: 'removeImportedCredential',
    document: 'mutation ($id: ID!) { removeImportedCredential(id: $id) }',
    variables: (w) => ({ id: w.imported }),
    allow: ['learner'],
  },
  {
    operation: 'retireMicroCredential',
    document:
      'mutation ($id: ID!, $v: Int!) { retireMicroCredential(id: $id, expectedVersion: $v) { id } }',
    variables: (w) => ({ id: w.retirable, v: w.retirableVersion }),
    allow: ['admin'],
  },
  {
    operation: 'rotateIssuerKeys',
    document: 'mutation ($id: ID!) { rotateIssuerKeys(institutionId: $id) }',
    variables: (w) => ({ id: w.institution }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'revokeIssuerKey',
    document:
      'mutation ($id: ID!) { revokeIssuerKey(institutionId: $id, keyId: "g1-rs256", reason: "Matrix") { keyId } }',
    variables: (w) => ({ id: w.institution }),
    allow: ['platformAdmin', 'admin'],
  },
  {
    operation: 'unlinkPartner',
    document:
      'mutation ($p: ID!, $i: ID!) { unlinkPartner(partnerId: $p, institutionId: $i) { id } }',
    variables: (w) => ({ p: w.partner, i: w.institution }),
    allow: ['platformAdmin', 'admin', 'partnerAdmin'],
  },
  {
    operation: 'createCredentialOffer',
    document:
      'mutation ($id: ID!) { createCredentialOffer(input: { credentialId: $id }) { offerUri } }',
    variables: (w) => ({ id: w.credential }),
    allow: ['learner', 'admin'],
  },
  {
    operation: 'createWalletExchange',
    document: 'mutation ($id: ID!) { createWalletExchange(credentialId: $id) { deepLink } }',
    variables: (w) => ({ id: w.credential }),
    allow: ['learner', 'admin'],
  },
  {
    operation: 'notificationPreferences',
    document: '{ notificationPreferences { kind enabled } }',
    allow: signedInPeople,
  },
  {
    operation: 'setNotificationPreference',
    document:
      'mutation { setNotificationPreference(input: { kind: CREDENTIAL_EXPIRING, enabled: false }) { kind enabled } }',
    allow: signedInPeople,
  },
  {
    operation: 'webhookSubscriptions',
    document: 'query ($id: ID!) { webhookSubscriptions(institutionId: $id) { id } }',
    variables: (w) => ({ id: w.institution }),
    allow: ['admin'],
  },
  {
    // A partner's receiver: only that partner's admins may subscribe it.
    operation: 'subscribeWebhook',
    document:
      'mutation ($id: ID!, $url: String!) { subscribeWebhook(input: { partnerId: $id, url: $url, eventTypes: ["endorsement.*"] }) { subscription { id } } }',
    variables: (w) => ({ id: w.partner, url: w.webhookUrl }),
    allow: ['partnerAdmin'],
  },
  {
    operation: 'rotateWebhookSecret',
    document: 'mutation ($id: ID!) { rotateWebhookSecret(id: $id) { secret } }',
    variables: (w) => ({ id: w.webhook }),
    allow: ['admin'],
  },
  {
    operation: 'replayWebhookDelivery',
    document: 'mutation ($id: ID!) { replayWebhookDelivery(id: $id) { id } }',
    variables: (w) => ({ id: w.webhookDelivery }),
    allow: ['admin'],
  },
  {
    operation: 'unsubscribeWebhook',
    document: 'mutation ($id: ID!) { unsubscribeWebhook(id: $id) { id active } }',
    variables: (w) => ({ id: w.spareWebhook }),
    allow: ['admin'],
  },
];

/**
 * Builds the world the table's operations act on: an institution with a published design, a
 * draft, a review under way, credentials, an enrolment with evidence, stacks, partners (one of
 * this institution, one of another) with keys, endorsements and an invitation, a share link
 * and an imported credential; and a caller of each kind.
 */
export async function buildWorld(
  t: TestPlatform,
): Promise<{ world: World; callers: Record<Role, Caller> }> {
  const callers = {} as Record<Role, Caller>;
  const { institutionId, designId, qa } = await t.publishedDesign();
  const otherInstitution = await t.createInstitution({ name: 'Other College' });
  const partner = await t.partnerFor(institutionId);
  const other = await t.partnerFor(otherInstitution);
  const { qaWorkflow } = await t.api.call<{
    qaWorkflow: { version: number; steps: { key: string; role: string }[] };
  }>(operations.workflow, { institutionId }, qa.admin);
  const learnerEmail = 'matrix.learner@example.org';
  Object.assign(callers, {
    none: {},
    learner: await t.as('learner', { subject: 'matrix-learner', email: learnerEmail }),
    assessor: await t.as('assessor', { institutionId, subject: 'matrix-assessor' }),
    reviewer: await t.as('qa-reviewer', {
      institutionId,
      subject: 'matrix-reviewer',
      qaRoles: qaWorkflow.steps.map((step) => step.role),
    }),
    admin: qa.admin,
    otherAdmin: await t.as('issuer-admin', { institutionId: otherInstitution }),
    partnerKey: { apiKey: partner.apiKey },
    otherPartnerKey: { apiKey: other.apiKey },
    partnerAdmin: partner.admin,
    platformAdmin: await t.as('platform-admin'),
  } satisfies Omit<Record<Role, Caller>, 'designAssessor'>);
  const create = async (name: string) =>
    (
      await t.api.call<{ createMicroCredential: { id: string; version: number } }>(
        operations.createDesign,
        { input: designInput(institutionId, { name }) },
        qa.admin,
      )
    ).createMicroCredential;
  const draft = await create('Matrix draft');
  const inReview = await create('Matrix in review');
  const { submitForReview: review } = await t.api.call<{
    submitForReview: { id: string; version: number };
  }>(operations.submit, { id: inReview.id, v: inReview.version, input: {} }, qa.admin);
  const retirable = await t.publishedDesign(
    { ...demoStackedDesign, name: 'Matrix retirable' },
    institutionId,
  );
  callers.designAssessor = await t.as('assessor', {
    institutionId,
    subject: 'matrix-design-assessor',
    assessedDesigns: [retirable.designId],
  });
  const spareEndorsement = await endorseDesign(t.api, draft.id, partner.apiKey);
  const issue = async (email: string) =>
    (
      await t.api.call<{ issueCredential: { id: string } }>(
        'mutation ($id: ID!, $email: String!) { issueCredential(input: { microCredentialId: $id, recipient: { email: $email } }) { id } }',
        { id: designId, email },
        qa.admin,
      )
    ).issueCredential.id;
  const { startBulkIssuance } = await t.api.call<{ startBulkIssuance: { id: string } }>(
    'mutation ($id: ID!) { startBulkIssuance(input: { microCredentialId: $id, recipients: [{ email: "cohort@example.org" }] }) { id } }',
    { id: designId },
    qa.admin,
  );
  const { enrol } = await t.api.call<{ enrol: { id: string } }>(
    learningOperations.enrol,
    { id: designId },
    callers.learner,
  );
  const { submitEvidence } = await t.api.call<{ submitEvidence: { id: string } }>(
    learningOperations.submit,
    { enrolmentId: enrol.id, input: { component: 'EDUCATIONAL', narrative: 'Done.' } },
    callers.learner,
  );
  const defineStack = async (name: string) =>
    (
      await t.api.call<{ defineStack: { id: string } }>(
        'mutation ($input: DefineStackInput!) { defineStack(input: $input) { id } }',
        {
          input: {
            institutionId,
            name,
            microCredentialId: retirable.designId,
            rule: 'ALL',
            parts: [{ microCredentialId: designId }, { microCredentialId: draft.id }],
          },
        },
        qa.admin,
      )
    ).defineStack.id;
  const { invitePartnerToEndorse } = await t.api.call<{
    invitePartnerToEndorse: { id: string };
  }>(
    'mutation ($d: ID!, $p: ID!) { invitePartnerToEndorse(microCredentialId: $d, partnerId: $p) { id } }',
    { d: draft.id, p: partner.partnerId },
    qa.admin,
  );
  const spareKeys: string[] = [];
  for (const name of ['spare one', 'spare two']) {
    const { apiKeys } = await t.api.call<{ apiKeys: { id: string; name: string }[] }>(
      'query ($id: ID!) { apiKeys(partnerId: $id) { id name } }',
      { id: partner.partnerId },
      partner.admin,
    );
    await createApiKey(t.api, partner.partnerId, partner.admin, name);
    const after = await t.api.call<{ apiKeys: { id: string; name: string }[] }>(
      'query ($id: ID!) { apiKeys(partnerId: $id) { id name } }',
      { id: partner.partnerId },
      partner.admin,
    );
    spareKeys.push(after.apiKeys.find((key) => !apiKeys.some((known) => known.id === key.id))!.id);
  }
  const hooks = await webhookFixture(t, institutionId, qa.admin);
  const credential = await issue(learnerEmail);
  const { createShareLink } = await t.api.call<{ createShareLink: { link: { id: string } } }>(
    'mutation ($id: ID!) { createShareLink(credentialId: $id) { link { id } } }',
    { id: credential },
    callers.learner,
  );
  const elsewhere = await ExternalIssuer.withDidKey();
  const external = await elsewhere.sign(elsewhere.openBadge());
  const { importCredential } = await t.api.call<{ importCredential: { id: string } }>(
    'mutation ($c: JSON!) { importCredential(input: { credential: $c }) { id } }',
    { c: external },
    callers.learner,
  );
  const { myEndorsements } = await t.api.call<{
    myEndorsements: { nodes: { id: string; targetId: string }[] };
  }>('{ myEndorsements { nodes { id targetId } } }', {}, { apiKey: partner.apiKey });
  const { institution } = await t.api.call<{ institution: { version: number } }>(
    'query ($id: ID!) { institution(id: $id) { version } }',
    { id: institutionId },
  );
  const retirableDesign = await t.api.call<{ microCredential: { version: number } }>(
    operations.design,
    { id: retirable.designId },
    qa.admin,
  );
  const { inviteMember } = await t.api.call<{ inviteMember: { id: string } }>(
    'mutation ($id: ID!) { inviteMember(institutionId: $id, input: { email: "matrix.staff@example.edu", roles: [{ role: ASSESSOR }] }) { id } }',
    { id: institutionId },
    qa.admin,
  );
  const world: World = {
    institution: institutionId,
    member: inviteMember.id,
    published: designId,
    draft: draft.id,
    retirable: retirable.designId,
    review: review.id,
    reviewVersion: review.version,
    firstStepKey: qaWorkflow.steps[0]!.key,
    credential,
    spareCredential: await issue('spare@example.org'),
    job: startBulkIssuance.id,
    enrolment: enrol.id,
    submission: submitEvidence.id,
    stack: await defineStack('Matrix stack'),
    spareStack: await defineStack('Matrix spare stack'),
    partner: partner.partnerId,
    endorsement: myEndorsements.nodes.find((node) => node.targetId === designId)!.id,
    spareEndorsement: spareEndorsement.id,
    invitation: invitePartnerToEndorse.id,
    spareKeys,
    shareLink: createShareLink.link.id,
    imported: importCredential.id,
    external: await elsewhere.sign(elsewhere.openBadge()),
    institutionVersion: institution.version,
    workflowVersion: qaWorkflow.version,
    draftVersion: draft.version,
    retirableVersion: retirableDesign.microCredential.version,
    ...(await hooks.settle()),
  };
  await t.platform.drain();
  return { world, callers };
}

/**
 * A loopback receiver that accepts every delivery and two subscriptions of the institution to
 * credential events; `settle` delivers the events so far and names a delivery from the log.
 */
async function webhookFixture(t: TestPlatform, institutionId: string, admin: Caller) {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The receiver lives as long as the test process; it must not keep it alive.
  server.unref();
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  const subscribe = async () =>
    (
      await t.api.call<{ subscribeWebhook: { subscription: { id: string } } }>(
        'mutation ($id: ID!, $url: String!) { subscribeWebhook(input: { institutionId: $id, url: $url, eventTypes: ["credential.*"] }) { subscription { id } } }',
        { id: institutionId, url: webhookUrl },
        admin,
      )
    ).subscribeWebhook.subscription.id;
  const webhook = await subscribe();
  const spareWebhook = await subscribe();
  return {
    async settle() {
      await t.platform.drain();
      await t.platform.notifications.drain();
      const { webhookSubscriptions } = await t.api.call<{
        webhookSubscriptions: { id: string; deliveries: { nodes: { id: string }[] } }[];
      }>(
        'query ($id: ID!) { webhookSubscriptions(institutionId: $id) { id deliveries { nodes { id } } } }',
        { id: institutionId },
        admin,
      );
      const log = webhookSubscriptions.find((subscription) => subscription.id === webhook)!;
      return { webhook, spareWebhook, webhookUrl, webhookDelivery: log.deliveries.nodes[0]!.id };
    },
  };
}
