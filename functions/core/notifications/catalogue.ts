import type { EventDefinition, TypedEvent } from '../shared/domain-events';
import type { DomainEvent } from '../shared/events';
import type { PublicUrls } from '../shared/public-urls';
import {
  BulkIssuanceCompleted,
  CredentialIssued,
  CredentialReinstated,
  CredentialRevoked,
  CredentialSuspended,
} from '../issuance/events';
import { EvidenceReturned, EvidenceSubmitted } from '../learning/events';
import { EndorsementInvited, EndorsementWithdrawn } from '../partners/events';
import {
  ReviewApproved,
  ReviewChangesRequested,
  ReviewRejected,
  ReviewResubmitted,
  ReviewSubmitted,
  StepApproved,
} from '../qa/events';
import { CredentialExpiring, EndorsementExpiring, QaStepDueSoon, QaStepOverdue } from './events';
import type { MessageKind } from './model';
import type { NotificationDirectory, StaffAudience } from './ports';
import type { MessageData } from './templates';

/** One recipient of a message and what the message says to them. */
export interface Addressed {
  readonly to: string;
  readonly data: MessageData;
}

export interface Lookup {
  readonly directory: NotificationDirectory;
  readonly urls: PublicUrls;
}

/** One row of the table: an event, the message kind it sends, and who receives it. */
export interface MessageMapping {
  readonly eventType: string;
  readonly kind: MessageKind;
  address(event: DomainEvent, lookup: Lookup): Promise<Addressed[]>;
}

function mapping<Name extends string, Data>(
  definition: EventDefinition<Name, Data>,
  kind: MessageKind,
  address: (event: TypedEvent<Name, Data>, lookup: Lookup) => Promise<Addressed[]>,
): MessageMapping {
  return {
    eventType: definition.name,
    kind,
    address: (event, lookup) => address(definition.parse(event), lookup),
  };
}

/** The credential's recipient, told about the credential (its page is the link). */
async function toRecipient(
  event: { aggregateId: string; data: object },
  { directory, urls }: Lookup,
): Promise<Addressed[]> {
  const credential = await directory.credential(event.aggregateId);
  if (!credential) return [];
  const institution = await directory.institution(credential.institutionId);
  return [
    {
      to: credential.recipientEmail,
      data: {
        name: credential.recipientName,
        title: credential.achievementName,
        institution: institution?.name,
        link: urls.credential(event.aggregateId),
        reason: reasonOf(event.data),
        dueAt: credential.validUntil,
      },
    },
  ];
}

/** The reason a status change gives, if any. */
function reasonOf(data: object): string | undefined {
  const reason = (data as { reason?: unknown }).reason;
  return typeof reason === 'string' ? reason : undefined;
}

/** Staff of the event's institution in `audience`, each told the same. */
async function toStaff(
  institutionId: string,
  audience: StaffAudience,
  data: MessageData,
  { directory }: Lookup,
): Promise<Addressed[]> {
  const addresses = await directory.staff(institutionId, audience);
  return addresses.map((to) => ({ to, data }));
}

/** The reviewers of a review's step (by the step's QA role). */
async function toStepReviewers(
  event: { institutionId: string; aggregateId: string },
  stepKey: string | undefined,
  lookup: Lookup,
  dueAt?: string,
): Promise<Addressed[]> {
  const review = await lookup.directory.review(event.aggregateId);
  const step = review?.steps.find((candidate) => candidate.key === stepKey);
  if (!review || !step) return [];
  return toStaff(
    event.institutionId,
    { qaRole: step.role },
    { title: review.designName, step: step.name, dueAt: dueAt ?? review.currentStepDueAt },
    lookup,
  );
}

/** The author who submitted the design (their address as the review's audit trail holds it). */
async function toAuthor(
  event: { aggregateId: string; data: { stepKey: string } },
  { directory }: Lookup,
): Promise<Addressed[]> {
  const review = await directory.review(event.aggregateId);
  if (!review?.authorEmail) return [];
  const step = review.steps.find((candidate) => candidate.key === event.data.stepKey);
  return [{ to: review.authorEmail, data: { title: review.designName, step: step?.name } }];
}

/**
 * Which event sends which message to whom: one row per message. A new kind of event that
 * should tell someone is one more row (and a template in `templates/`).
 */
export const messageMappings: readonly MessageMapping[] = [
  mapping(CredentialIssued, 'CREDENTIAL_AWARDED', toRecipient),
  mapping(CredentialRevoked, 'CREDENTIAL_REVOKED', toRecipient),
  mapping(CredentialSuspended, 'CREDENTIAL_SUSPENDED', toRecipient),
  mapping(CredentialReinstated, 'CREDENTIAL_REINSTATED', toRecipient),
  mapping(CredentialExpiring, 'CREDENTIAL_EXPIRING', (event, lookup) =>
    toRecipient({ aggregateId: event.aggregateId, data: {} }, lookup),
  ),
  mapping(EvidenceReturned, 'EVIDENCE_RETURNED', async (event, { directory, urls }) => {
    const enrolment = await directory.enrolment(event.data.enrolmentId);
    if (!enrolment) return [];
    const feedback = await directory.feedback(event.data.submissionId);
    return [
      {
        to: enrolment.learnerEmail,
        data: {
          name: enrolment.learnerName,
          title: enrolment.designName,
          step: `the ${event.data.component.toLowerCase()} component`,
          feedback: feedback ?? undefined,
          link: urls.achievement(enrolment.microCredentialId, enrolment.designVersion),
        },
      },
    ];
  }),
  mapping(EvidenceSubmitted, 'EVIDENCE_WAITING', async (event, lookup) => {
    const enrolment = await lookup.directory.enrolment(event.data.enrolmentId);
    if (!enrolment) return [];
    const step = `the ${event.data.component.toLowerCase()} component`;
    return toStaff(
      event.institutionId,
      { role: 'assessor' },
      { title: enrolment.designName, step },
      lookup,
    );
  }),
  mapping(ReviewSubmitted, 'QA_STEP_ASSIGNED', (event, lookup) =>
    toStepReviewers(event, event.data.stepKey, lookup),
  ),
  mapping(ReviewResubmitted, 'QA_STEP_ASSIGNED', (event, lookup) =>
    toStepReviewers(event, event.data.stepKey, lookup),
  ),
  mapping(StepApproved, 'QA_STEP_ASSIGNED', (event, lookup) =>
    toStepReviewers(event, event.data.nextStepKey, lookup),
  ),
  mapping(QaStepDueSoon, 'QA_STEP_DUE', (event, lookup) =>
    toStepReviewers(event, event.data.stepKey, lookup, event.data.dueAt),
  ),
  mapping(QaStepOverdue, 'QA_STEP_OVERDUE', (event, lookup) =>
    toStepReviewers(event, event.data.stepKey, lookup, event.data.dueAt),
  ),
  mapping(ReviewChangesRequested, 'DESIGN_SENT_BACK', toAuthor),
  mapping(ReviewApproved, 'DESIGN_APPROVED', toAuthor),
  mapping(ReviewRejected, 'DESIGN_REJECTED', toAuthor),
  mapping(EndorsementInvited, 'ENDORSEMENT_INVITED', async (event, { directory, urls }) => {
    const partner = await directory.partner(event.data.partnerId);
    if (!partner?.email) return [];
    const institution = await directory.institution(event.institutionId);
    const title =
      (await directory.designName(event.data.microCredentialId)) ?? 'a micro-credential';
    return [
      {
        to: partner.email,
        data: {
          title,
          partner: partner.name,
          institution: institution?.name,
          link: urls.issuerProfile(event.institutionId),
        },
      },
    ];
  }),
  mapping(EndorsementWithdrawn, 'ENDORSEMENT_WITHDRAWN', async (event, lookup) => {
    const partner = await lookup.directory.partner(event.data.partnerId);
    const title = (await lookup.directory.designName(event.data.target.id)) ?? event.data.target.id;
    return toStaff(
      event.institutionId,
      { role: 'issuer-admin' },
      { title, partner: partner?.name, link: lookup.urls.partnerProfile(event.data.partnerId) },
      lookup,
    );
  }),
  mapping(EndorsementExpiring, 'ENDORSEMENT_EXPIRING', async (event, lookup) => {
    const partner = await lookup.directory.partner(event.data.partnerId);
    const title =
      (await lookup.directory.designName(event.data.microCredentialId)) ?? 'a micro-credential';
    return toStaff(
      event.institutionId,
      { role: 'issuer-admin' },
      {
        title,
        partner: partner?.name,
        dueAt: event.data.validUntil,
        link: lookup.urls.endorsement(event.aggregateId),
      },
      lookup,
    );
  }),
  mapping(BulkIssuanceCompleted, 'BULK_JOB_FINISHED', async (event, lookup) => {
    const job = await lookup.directory.bulkJob(event.data.jobId);
    if (!job) return [];
    const title =
      (await lookup.directory.designName(event.data.microCredentialId)) ?? 'a micro-credential';
    return toStaff(
      event.institutionId,
      { role: 'issuer-admin' },
      {
        title,
        counts: { total: job.total, succeeded: job.succeeded, failed: job.failed },
        failures: job.failures,
      },
      lookup,
    );
  }),
];

/** The rows for one event type. */
export function mappingsFor(eventType: string): readonly MessageMapping[] {
  return messageMappings.filter((row) => row.eventType === eventType);
}
