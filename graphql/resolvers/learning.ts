import type {
  ComponentProgressResolvers,
  EnrolmentResolvers,
  EvidenceFileResolvers,
  MutationResolvers,
  QueryResolvers,
  UploadTicketResolvers,
} from '../generated/resolvers-types';
import { toConnection } from './connection';

export const learningQueries: Pick<
  QueryResolvers,
  'myEnrolments' | 'enrolment' | 'submission' | 'assessmentQueue'
> = {
  myEnrolments: async (_parent, { first, after }, { principal, services }) =>
    toConnection(await services.learning.enrolments.myEnrolments(principal, first, after)),
  enrolment: (_parent, { id }, { principal, services }) =>
    services.learning.enrolments.enrolment(principal, id),
  submission: (_parent, { id }, { principal, services }) =>
    services.learning.evidence.submission(principal, id),
  assessmentQueue: async (_parent, { first, after, microCredentialId }, { principal, services }) =>
    toConnection(
      await services.learning.assessment.queue(principal, first, after, microCredentialId),
    ),
};

export const learningMutations: Pick<
  MutationResolvers,
  'enrol' | 'requestEvidenceUpload' | 'submitEvidence' | 'assessEvidence'
> = {
  enrol: (_parent, { microCredentialId }, { principal, services }) =>
    services.learning.enrolments.enrol(principal, microCredentialId),
  requestEvidenceUpload: (_parent, { enrolmentId, input }, { principal, services }) =>
    services.learning.evidence.requestUpload(principal, enrolmentId, input),
  submitEvidence: (_parent, { enrolmentId, input }, { principal, services }) =>
    services.learning.evidence.submit(principal, enrolmentId, input),
  assessEvidence: (_parent, { submissionId, input }, { principal, services }) =>
    services.learning.assessment.assess(principal, submissionId, input),
};

export const Enrolment: EnrolmentResolvers = {
  microCredential: (enrolment, _args, { principal, services }) =>
    services.microCredentials.get(principal, enrolment.microCredentialId),
  components: (enrolment) =>
    (['EDUCATIONAL', 'DEMONSTRATION', 'REFLECTIVE'] as const).map((component) => ({
      component,
      ...enrolment.components[component],
    })),
  credential: (enrolment, _args, { principal, services }) =>
    enrolment.credentialId ? services.issuance.get(principal, enrolment.credentialId) : null,
  submissions: (enrolment, _args, { principal, services }) =>
    services.learning.evidence.submissions(principal, enrolment.id),
  learnerName: (enrolment) => enrolment.learnerName,
};

export const ComponentProgress: ComponentProgressResolvers = {
  latestSubmission: (progress, _args, { principal, services }) =>
    progress.latestSubmissionId
      ? services.learning.evidence.submission(principal, progress.latestSubmissionId)
      : null,
};

export const EvidenceFile: EvidenceFileResolvers = {
  downloadUrl: (file, _args, { principal, services }) =>
    services.learning.evidence.fileDownload(principal, file.id),
};

export const UploadTicket: UploadTicketResolvers = {
  fileId: (ticket) => ticket.file.id,
};
