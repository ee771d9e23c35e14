/** Institutions, designs and their QA reviews, and the domain events every module records. */
import { byCreation, defineEntity, padded } from '../entity';

interface Id {
  readonly id: string;
}
interface OfInstitution {
  readonly institutionId: string;
}

export const institutionEntity = defineEntity({
  name: 'Institution',
  primary: { pk: ({ id }: Id) => `INSTITUTION#${id}`, sk: () => 'PROFILE' },
  indexes: {
    /** All institutions, by name, for the platform admin's list. */
    all: {
      index: 'gsi1',
      pk: () => 'INSTITUTIONS',
      sk: ({ name, id }: Id & { readonly name: string }) => `${name.toLowerCase()}#${id}`,
    },
  },
});

/** The working version of a design. */
export const designEntity = defineEntity({
  name: 'MicroCredential',
  primary: { pk: ({ id }: Id) => `MICROCREDENTIAL#${id}`, sk: () => 'DESIGN' },
  indexes: {
    byInstitution: {
      index: 'gsi1',
      pk: ({ institutionId }: OfInstitution) => `INSTITUTION#${institutionId}#DESIGNS`,
      sk: byCreation,
    },
    byStatus: {
      index: 'gsi2',
      pk: ({ institutionId, status }: OfInstitution & { readonly status: string }) =>
        `INSTITUTION#${institutionId}#DESIGNS#${status}`,
      sk: byCreation,
    },
  },
});

/** An immutable snapshot of one design version (what a review decided on). */
export const designVersionEntity = defineEntity({
  name: 'DesignVersion',
  primary: {
    pk: ({ microCredentialId }: { readonly microCredentialId: string }) =>
      `MICROCREDENTIAL#${microCredentialId}`,
    sk: ({ designVersion }: { readonly designVersion: number }) =>
      `VERSION#${padded(designVersion)}`,
    skPrefix: 'VERSION#',
  },
  indexes: {},
});

interface CatalogueEntry extends Id {
  readonly publishedAt: string;
  /** Listed in the catalogue (an unlisted design is still issuable by its id). */
  readonly listed: boolean;
}
const listed = ({ listed }: { readonly listed: boolean }) => listed;

/** The public, issuable projection of a design; present only while published. */
export const publishedDesignEntity = defineEntity({
  name: 'PublishedMicroCredential',
  primary: { pk: ({ id }: Id) => `MICROCREDENTIAL#${id}`, sk: () => 'PUBLISHED' },
  indexes: {
    catalogue: {
      index: 'gsi1',
      pk: () => 'CATALOGUE',
      sk: ({ publishedAt, id }: CatalogueEntry) => `${publishedAt}#${id}`,
      when: listed,
    },
    catalogueOfInstitution: {
      index: 'gsi2',
      pk: ({ institutionId }: OfInstitution) => `CATALOGUE#INSTITUTION#${institutionId}`,
      sk: ({ publishedAt, id }: CatalogueEntry) => `${publishedAt}#${id}`,
      when: listed,
    },
  },
});

export const qaWorkflowEntity = defineEntity({
  name: 'QaWorkflow',
  primary: {
    pk: ({ institutionId }: OfInstitution) => `INSTITUTION#${institutionId}`,
    sk: ({ workflowVersion }: { readonly workflowVersion: number }) =>
      `QA_WORKFLOW#${padded(workflowVersion)}`,
    skPrefix: 'QA_WORKFLOW#',
  },
  indexes: {},
});

/** The role that decides a review's current step, only while a step is waiting. */
interface Waiting {
  readonly waitingOnRole: string | null;
}

/**
 * A review, listed by institution, by status, and (only while a step is waiting) in the queue
 * of the role that decides the current step, earliest due first.
 */
export const reviewEntity = defineEntity({
  name: 'Review',
  primary: { pk: ({ id }: Id) => `REVIEW#${id}`, sk: () => 'REVIEW' },
  indexes: {
    queue: {
      index: 'gsi1',
      pk: ({ institutionId, waitingOnRole }: OfInstitution & Waiting) =>
        `QA_QUEUE#${institutionId}#${waitingOnRole}`,
      sk: ({ dueAt, id }: Id & { readonly dueAt: string | null }) => `${dueAt ?? '9999'}#${id}`,
      when: ({ waitingOnRole }: Waiting) => waitingOnRole !== null,
    },
    byInstitution: {
      index: 'gsi2',
      pk: ({ institutionId }: OfInstitution) => `INSTITUTION#${institutionId}#REVIEWS`,
      sk: ({ submittedAt, id }: Id & { readonly submittedAt: string }) => `${submittedAt}#${id}`,
    },
    byStatus: {
      index: 'gsi3',
      pk: ({ institutionId, status }: OfInstitution & { readonly status: string }) =>
        `INSTITUTION#${institutionId}#REVIEWS#${status}`,
      sk: ({ updatedAt, id }: Id & { readonly updatedAt: string }) => `${updatedAt}#${id}`,
    },
  },
});

const decisionActions = new Set(['APPROVED', 'CHANGES_REQUESTED', 'REJECTED']);

/** One entry of a review's audit trail; decisions are also listed by institution over time. */
export const reviewHistoryEntity = defineEntity({
  name: 'ReviewHistoryEntry',
  primary: {
    pk: ({ reviewId }: { readonly reviewId: string }) => `REVIEW#${reviewId}`,
    sk: ({ sequence }: { readonly sequence: number }) => `HISTORY#${padded(sequence)}`,
    skPrefix: 'HISTORY#',
  },
  indexes: {
    /** Decisions of an institution over time, for QA statistics. */
    decisions: {
      index: 'gsi1',
      pk: ({ institutionId }: OfInstitution) => `INSTITUTION#${institutionId}#QA_DECISIONS`,
      sk: (entry: { readonly at: string; readonly reviewId: string; readonly sequence: number }) =>
        `${entry.at}#${entry.reviewId}#${entry.sequence}`,
      when: ({ action }: { readonly action: string }) => decisionActions.has(action),
    },
  },
});

/** A domain event, in its institution's partition by time (the stream worker reacts to it). */
export const domainEventEntity = defineEntity({
  name: 'DomainEvent',
  primary: {
    pk: ({ institutionId }: OfInstitution) => `EVENTS#${institutionId}`,
    sk: ({ occurredAt, id }: Id & { readonly occurredAt: string }) => `${occurredAt}#${id}`,
  },
  indexes: {},
});

/** The QA body's signed endorsement of one approved design version (written once). */
export const qaEndorsementEntity = defineEntity({
  name: 'QaEndorsement',
  primary: {
    pk: ({ microCredentialId }: { readonly microCredentialId: string }) =>
      `QA_ENDORSEMENT#${microCredentialId}`,
    sk: ({ designVersion }: { readonly designVersion: number }) =>
      `VERSION#${padded(designVersion)}`,
    skPrefix: 'VERSION#',
  },
  indexes: {},
});
