/**
 * Pure key builders for every entity in the single table. Keeping them here (and tested on
 * their own) means no repository spells a key by hand.
 */
import { createHash } from 'node:crypto';
import type { OwnerKind } from '../../core/shared/owners';

const pad = (n: number) => n.toString().padStart(6, '0');

/** A key part for values of any length and alphabet (URLs, IRIs): their SHA-256 in hex. */
const hashed = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

export const keys = {
  institution: (id: string) => ({ pk: `INSTITUTION#${id}`, sk: 'PROFILE' }),
  /** All institutions, by name, for the platform admin's list. */
  institutionListing: (name: string, id: string) => ({
    gsi1pk: 'INSTITUTIONS',
    gsi1sk: `${name.toLowerCase()}#${id}`,
  }),

  /** The working version of a design. */
  design: (id: string) => ({ pk: `MICROCREDENTIAL#${id}`, sk: 'DESIGN' }),
  designsOfInstitution: (institutionId: string) => `INSTITUTION#${institutionId}#DESIGNS`,
  designsOfInstitutionByStatus: (institutionId: string, status: string) =>
    `INSTITUTION#${institutionId}#DESIGNS#${status}`,
  designListing: (design: {
    institutionId: string;
    status: string;
    createdAt: string;
    id: string;
  }) => ({
    gsi1pk: keys.designsOfInstitution(design.institutionId),
    gsi1sk: `${design.createdAt}#${design.id}`,
    gsi2pk: keys.designsOfInstitutionByStatus(design.institutionId, design.status),
    gsi2sk: `${design.createdAt}#${design.id}`,
  }),
  /** An immutable snapshot of one design version (what a review decided on). */
  designVersion: (id: string, designVersion: number) => ({
    pk: `MICROCREDENTIAL#${id}`,
    sk: `VERSION#${pad(designVersion)}`,
  }),
  /** The public, issuable projection of a design; present only while published. */
  publishedDesign: (id: string) => ({ pk: `MICROCREDENTIAL#${id}`, sk: 'PUBLISHED' }),
  catalogue: () => 'CATALOGUE',
  catalogueOfInstitution: (institutionId: string) => `CATALOGUE#INSTITUTION#${institutionId}`,
  catalogueListing: (entry: { institutionId: string; publishedAt: string; id: string }) => ({
    gsi1pk: keys.catalogue(),
    gsi1sk: `${entry.publishedAt}#${entry.id}`,
    gsi2pk: keys.catalogueOfInstitution(entry.institutionId),
    gsi2sk: `${entry.publishedAt}#${entry.id}`,
  }),

  qaWorkflow: (institutionId: string, workflowVersion: number) => ({
    pk: `INSTITUTION#${institutionId}`,
    sk: `QA_WORKFLOW#${pad(workflowVersion)}`,
  }),
  qaWorkflowPrefix: () => 'QA_WORKFLOW#',

  review: (id: string) => ({ pk: `REVIEW#${id}`, sk: 'REVIEW' }),
  reviewQueue: (institutionId: string, role: string) => `QA_QUEUE#${institutionId}#${role}`,
  reviewsOfInstitution: (institutionId: string) => `INSTITUTION#${institutionId}#REVIEWS`,
  reviewsOfInstitutionByStatus: (institutionId: string, status: string) =>
    `INSTITUTION#${institutionId}#REVIEWS#${status}`,
  /**
   * Index keys of a review: by institution, by status, and (only while a step is waiting) in
   * the queue of the role that decides the current step, earliest due first.
   */
  reviewListing: (review: {
    id: string;
    institutionId: string;
    status: string;
    submittedAt: string;
    updatedAt: string;
    waitingOnRole: string | null;
    dueAt: string | null;
  }) => ({
    gsi1pk: review.waitingOnRole
      ? keys.reviewQueue(review.institutionId, review.waitingOnRole)
      : undefined,
    gsi1sk: review.waitingOnRole ? `${review.dueAt ?? '9999'}#${review.id}` : undefined,
    gsi2pk: keys.reviewsOfInstitution(review.institutionId),
    gsi2sk: `${review.submittedAt}#${review.id}`,
    gsi3pk: keys.reviewsOfInstitutionByStatus(review.institutionId, review.status),
    gsi3sk: `${review.updatedAt}#${review.id}`,
  }),
  reviewHistory: (reviewId: string, sequence: number) => ({
    pk: `REVIEW#${reviewId}`,
    sk: `HISTORY#${pad(sequence)}`,
  }),
  reviewHistoryPrefix: () => 'HISTORY#',
  /** Decisions of an institution over time, for QA statistics. */
  decisionsOfInstitution: (institutionId: string) => `INSTITUTION#${institutionId}#QA_DECISIONS`,

  ownerPartition: (ownerKind: OwnerKind, ownerId: string) =>
    ownerKind === 'institution'
      ? `INSTITUTION#${ownerId}`
      : ownerKind === 'partner'
        ? `PARTNER#${ownerId}`
        : `PLATFORM#${ownerId}`,
  signingKey: (ownerKind: OwnerKind, ownerId: string, keyId: string) => ({
    pk: keys.ownerPartition(ownerKind, ownerId),
    sk: `KEY#${keyId}`,
  }),
  signingKeyPrefix: () => 'KEY#',
  keyRotation: (ownerKind: OwnerKind, ownerId: string, generation: number) => ({
    pk: keys.ownerPartition(ownerKind, ownerId),
    sk: `KEY_ROTATION#${pad(generation)}`,
  }),

  credential: (id: string) => ({ pk: `CREDENTIAL#${id}`, sk: 'CREDENTIAL' }),
  credentialAudit: (id: string, sequence: number) => ({
    pk: `CREDENTIAL#${id}`,
    sk: `AUDIT#${pad(sequence)}`,
  }),
  credentialAuditPrefix: () => 'AUDIT#',
  credentialsOfRecipient: (emailHash: string) => `RECIPIENT#${emailHash}`,
  credentialsOfInstitution: (institutionId: string) => `INSTITUTION#${institutionId}#CREDENTIALS`,
  credentialsOfDesign: (microCredentialId: string) =>
    `MICROCREDENTIAL#${microCredentialId}#CREDENTIALS`,
  credentialListing: (credential: {
    id: string;
    issuedAt: string;
    institutionId: string;
    microCredentialId: string;
    emailHash: string;
  }) => ({
    gsi1pk: keys.credentialsOfRecipient(credential.emailHash),
    gsi1sk: `${credential.issuedAt}#${credential.id}`,
    gsi2pk: keys.credentialsOfInstitution(credential.institutionId),
    gsi2sk: `${credential.issuedAt}#${credential.id}`,
    gsi3pk: keys.credentialsOfDesign(credential.microCredentialId),
    gsi3sk: `${credential.issuedAt}#${credential.id}`,
  }),
  /**
   * The credentials of a design issued in the last two days, in the base table (an index may not
   * list them yet, a consistent query of this partition does): see `recentRecipientsOfDesign`.
   */
  recentRecipientsOfDesign: (microCredentialId: string) =>
    `MICROCREDENTIAL#${microCredentialId}#RECENTLY_ISSUED`,
  recentRecipient: (credential: { id: string; issuedAt: string; microCredentialId: string }) => ({
    pk: keys.recentRecipientsOfDesign(credential.microCredentialId),
    sk: `${credential.issuedAt}#${credential.id}`,
  }),
  reservation: (institutionId: string, key: string) => ({
    pk: `RESERVATION#${institutionId}#${key}`,
    sk: 'RESERVATION',
  }),

  statusAllocation: (institutionId: string, purpose: string) => ({
    pk: `INSTITUTION#${institutionId}`,
    sk: `STATUS_ALLOCATION#${purpose}`,
  }),
  statusList: (institutionId: string, purpose: string, listNumber: number) =>
    `STATUSLIST#${institutionId}#${purpose}#${listNumber}`,
  statusBit: (institutionId: string, purpose: string, listNumber: number, index: number) => ({
    pk: keys.statusList(institutionId, purpose, listNumber),
    sk: `BIT#${pad(index)}`,
  }),
  statusBitPrefix: () => 'BIT#',
  publishedStatusList: (institutionId: string, purpose: string, listNumber: number) => ({
    pk: keys.statusList(institutionId, purpose, listNumber),
    sk: 'PUBLISHED',
  }),

  bulkJob: (id: string) => ({ pk: `BULKJOB#${id}`, sk: 'JOB' }),
  bulkRow: (jobId: string, row: number) => ({ pk: `BULKJOB#${jobId}`, sk: `ROW#${pad(row)}` }),
  /** One of the job's row-outcome counters; they sort before the job item and its rows. */
  bulkJobCounter: (jobId: string, shard: number) => ({
    pk: `BULKJOB#${jobId}`,
    sk: `COUNT#${pad(shard)}`,
  }),
  bulkRowsByStatus: (jobId: string, status: string) => `BULKJOB#${jobId}#${status}`,

  stack: (id: string) => ({ pk: `STACK#${id}`, sk: 'STACK' }),
  stacksOfTarget: (microCredentialId: string) => `MICROCREDENTIAL#${microCredentialId}#STACKS`,
  stacksOfInstitution: (institutionId: string) => `INSTITUTION#${institutionId}#STACKS`,
  stackListing: (stack: {
    id: string;
    institutionId: string;
    microCredentialId: string;
    createdAt: string;
  }) => ({
    gsi1pk: keys.stacksOfTarget(stack.microCredentialId),
    gsi1sk: `${stack.createdAt}#${stack.id}`,
    gsi2pk: keys.stacksOfInstitution(stack.institutionId),
    gsi2sk: `${stack.createdAt}#${stack.id}`,
  }),
  /**
   * Stacks whose stacked credential is a design, one item per (design, stack), active or
   * retired, in the base table: read consistently where the index by target could lag.
   */
  stacksWithTarget: (microCredentialId: string) => `STACKTARGET#${microCredentialId}`,
  stackTarget: (microCredentialId: string, stackId: string) => ({
    pk: keys.stacksWithTarget(microCredentialId),
    sk: `STACK#${stackId}`,
  }),
  /**
   * Stacks that count a part, one index item per (part, active stack). External achievement
   * ids are URLs of up to 2 KB, so they are hashed to keep the key well inside DynamoDB's limit.
   */
  stacksWithPart: (partKey: string) =>
    /^[A-Za-z0-9_-]{1,100}$/.test(partKey)
      ? `STACKPART#${partKey}`
      : `STACKPART#URL#${hashed(partKey)}`,
  stackPart: (partKey: string, stackId: string) => ({
    pk: keys.stacksWithPart(partKey),
    sk: `STACK#${stackId}`,
  }),

  /** A learner's transcript (a CLR 2.0 ClrCredential), by the id in its URL. */
  transcript: (id: string) => ({ pk: `TRANSCRIPT#${id}`, sk: 'TRANSCRIPT' }),
  /** Which transcript is a learner's latest, by the hash of their verified email. */
  latestTranscript: (emailHash: string) => ({
    pk: `TRANSCRIPTS_OF#${emailHash}`,
    sk: 'LATEST',
  }),

  /** The credentials a learner was seen to hold by the stacking worker (`StackingHoldings`). */
  stackingHoldings: (emailHash: string) => ({
    pk: `STACKING_HOLDER#${emailHash}`,
    sk: 'HOLDINGS',
  }),

  shareLink: (credentialId: string, linkId: string) => ({
    pk: `CREDENTIAL#${credentialId}`,
    sk: `SHARE#${linkId}`,
  }),
  shareLinkPrefix: () => 'SHARE#',
  backpack: (ownerId: string) => `BACKPACK#${ownerId}`,
  importedCredential: (ownerId: string, id: string) => ({
    pk: keys.backpack(ownerId),
    sk: `ITEM#${id}`,
  }),
  importedCredentialPrefix: () => 'ITEM#',
  /** A learner's imported credentials across sign-ins, by the hash of their verified email. */
  importedOfEmail: (emailHash: string) => `BACKPACK_EMAIL#${emailHash}`,

  /** Submissions waiting for an institution's assessors, and the same queue split by design. */
  assessmentQueue: (institutionId: string) => `INSTITUTION#${institutionId}#ASSESSMENT_QUEUE`,
  /** A foreign institution's id with the design's id finds nothing. */
  designAssessmentQueue: (institutionId: string, microCredentialId: string) =>
    `${keys.assessmentQueue(institutionId)}#MICROCREDENTIAL#${microCredentialId}`,

  /** Held while a partner has an active endorsement of a target: at most one at a time. */
  activeEndorsement: (partnerId: string, targetKind: string, targetId: string) => ({
    pk: `PARTNER#${partnerId}`,
    sk: `ACTIVE_ENDORSEMENT#${targetKind}#${targetId}`,
  }),
  /**
   * Held while a partner has a pending invitation to endorse a design: at most one at a time, so
   * an invitation sent twice (a retry, a double click) is the same invitation.
   */
  pendingInvitation: (partnerId: string, microCredentialId: string) => ({
    pk: `PARTNER#${partnerId}`,
    sk: `PENDING_INVITATION#${microCredentialId}`,
  }),
  /**
   * Endorsement credential id → endorsement. Credential ids are any IRI the signer chose (a URL
   * of ours, `urn:uuid:…`), so the key holds their hash rather than the id itself.
   */
  endorsementCredential: (credentialId: string) => ({
    pk: `ENDORSEMENT_CREDENTIAL#${hashed(credentialId)}`,
    sk: 'ENDORSEMENT_CREDENTIAL',
  }),

  domainEvent: (institutionId: string, occurredAt: string, id: string) => ({
    pk: `EVENTS#${institutionId}`,
    sk: `${occurredAt}#${id}`,
  }),
  eventsOfInstitution: (institutionId: string) => `EVENTS#${institutionId}`,
} as const;
