/** What learners do and hold: enrolments and evidence, stacks and transcripts, their backpack. */
import { byCreation, defineEntity, hashed } from '../entity';

interface Id {
  readonly id: string;
}
interface OfInstitution {
  readonly institutionId: string;
}
interface OfDesign {
  readonly microCredentialId: string;
}
interface OfLearner {
  readonly learnerEmailHash: string;
}

export const enrolmentEntity = defineEntity({
  name: 'Enrolment',
  primary: { pk: ({ id }: Id) => `ENROLMENT#${id}`, sk: () => 'ENROLMENT' },
  indexes: {
    byLearner: {
      index: 'gsi1',
      pk: ({ learnerId }: { readonly learnerId: string }) => `LEARNER#${learnerId}#ENROLMENTS`,
      sk: ({ enrolledAt, id }: Id & { readonly enrolledAt: string }) => `${enrolledAt}#${id}`,
    },
  },
});

/** The one enrolment of a learner in a design, by its (random) id. */
export const enrolmentClaimEntity = defineEntity({
  name: 'EnrolmentClaim',
  primary: {
    pk: ({ learnerId, microCredentialId }: OfDesign & { readonly learnerId: string }) =>
      `LEARNER#${learnerId}#DESIGN#${microCredentialId}`,
    sk: () => 'ENROLMENT_CLAIM',
  },
  indexes: {},
});

/** The record of an evidence file (the file itself is in the evidence bucket). */
export const evidenceFileEntity = defineEntity({
  name: 'EvidenceFile',
  primary: { pk: ({ id }: Id) => `EVIDENCEFILE#${id}`, sk: () => 'FILE' },
  indexes: {},
});

interface Submitted extends Id {
  readonly submittedAt: string;
}
const bySubmission = ({ submittedAt, id }: Submitted) => `${submittedAt}#${id}`;
/** Only waiting submissions sit in the assessors' queues (sparse indexes). */
const waiting = ({ status }: { readonly status: string }) => status === 'SUBMITTED';
const assessmentQueue = ({ institutionId }: OfInstitution) =>
  `INSTITUTION#${institutionId}#ASSESSMENT_QUEUE`;

export const submissionEntity = defineEntity({
  name: 'EvidenceSubmission',
  primary: { pk: ({ id }: Id) => `SUBMISSION#${id}`, sk: () => 'SUBMISSION' },
  indexes: {
    byEnrolment: {
      index: 'gsi1',
      pk: ({ enrolmentId }: { readonly enrolmentId: string }) =>
        `ENROLMENT#${enrolmentId}#SUBMISSIONS`,
      sk: bySubmission,
    },
    /** Submissions waiting for an institution's assessors. */
    queue: { index: 'gsi2', pk: assessmentQueue, sk: bySubmission, when: waiting },
    /** The same queue split by design: a foreign institution's id with the design's finds nothing. */
    queueOfDesign: {
      index: 'gsi3',
      pk: (parts: OfInstitution & OfDesign) =>
        `${assessmentQueue(parts)}#MICROCREDENTIAL#${parts.microCredentialId}`,
      sk: bySubmission,
      when: waiting,
    },
  },
});

export const stackEntity = defineEntity({
  name: 'Stack',
  primary: { pk: ({ id }: Id) => `STACK#${id}`, sk: () => 'STACK' },
  indexes: {
    byTarget: {
      index: 'gsi1',
      pk: ({ microCredentialId }: OfDesign) => `MICROCREDENTIAL#${microCredentialId}#STACKS`,
      sk: byCreation,
    },
    byInstitution: {
      index: 'gsi2',
      pk: ({ institutionId }: OfInstitution) => `INSTITUTION#${institutionId}#STACKS`,
      sk: byCreation,
    },
  },
});

const ofStack = ({ stackId }: { readonly stackId: string }) => `STACK#${stackId}`;

/**
 * Stacks whose stacked credential is a design, one item per (design, stack), active or
 * retired, in the base table: read consistently where the index by target could lag.
 */
export const stackTargetEntity = defineEntity({
  name: 'StackTarget',
  primary: {
    pk: ({ microCredentialId }: OfDesign) => `STACKTARGET#${microCredentialId}`,
    sk: ofStack,
  },
  indexes: {},
});

/**
 * Stacks that count a part, one item per (part, active stack). External achievement ids are
 * URLs of up to 2 KB, so they are hashed to keep the key well inside DynamoDB's limit.
 */
export const stackPartEntity = defineEntity({
  name: 'StackPart',
  primary: {
    pk: ({ partKey }: { readonly partKey: string }) =>
      /^[A-Za-z0-9_-]{1,100}$/.test(partKey)
        ? `STACKPART#${partKey}`
        : `STACKPART#URL#${hashed(partKey)}`,
    sk: ofStack,
  },
  indexes: {},
});

/** A learner's transcript (a CLR 2.0 ClrCredential), by the id in its URL. */
export const transcriptEntity = defineEntity({
  name: 'Transcript',
  primary: { pk: ({ id }: Id) => `TRANSCRIPT#${id}`, sk: () => 'TRANSCRIPT' },
  indexes: {},
});

/** Which transcript is a learner's latest, by the hash of their verified email. */
export const latestTranscriptEntity = defineEntity({
  name: 'LatestTranscript',
  primary: {
    pk: ({ learnerEmailHash }: OfLearner) => `TRANSCRIPTS_OF#${learnerEmailHash}`,
    sk: () => 'LATEST',
  },
  indexes: {},
});

/** The credentials a learner was seen to hold by the stacking worker (`StackingHoldings`). */
export const stackingHoldingsEntity = defineEntity({
  name: 'StackingHoldings',
  primary: {
    pk: ({ learnerEmailHash }: OfLearner) => `STACKING_HOLDER#${learnerEmailHash}`,
    sk: () => 'HOLDINGS',
  },
  indexes: {},
});

/** A share link of a credential, beside the credential. */
export const shareLinkEntity = defineEntity({
  name: 'ShareLink',
  primary: {
    pk: ({ credentialId }: { readonly credentialId: string }) => `CREDENTIAL#${credentialId}`,
    sk: ({ linkId }: { readonly linkId: string }) => `SHARE#${linkId}`,
    skPrefix: 'SHARE#',
  },
  indexes: {},
});

/** A credential a learner imported into their backpack. */
export const importedCredentialEntity = defineEntity({
  name: 'ImportedCredential',
  primary: {
    pk: ({ ownerId }: { readonly ownerId: string }) => `BACKPACK#${ownerId}`,
    sk: ({ id }: Id) => `ITEM#${id}`,
    skPrefix: 'ITEM#',
  },
  indexes: {
    /** A learner's imported credentials across sign-ins, by the hash of their verified email. */
    byEmail: {
      index: 'gsi1',
      pk: ({ ownerEmailHash }: { readonly ownerEmailHash?: string | undefined }) =>
        `BACKPACK_EMAIL#${ownerEmailHash}`,
      sk: ({ importedAt, id }: Id & { readonly importedAt: string }) => `${importedAt}#${id}`,
      when: ({ ownerEmailHash }: { readonly ownerEmailHash?: string | undefined }) =>
        Boolean(ownerEmailHash),
    },
  },
});
