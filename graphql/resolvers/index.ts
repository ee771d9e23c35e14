import type { Resolvers } from '../generated/resolvers-types';
import { Institution, institutionMutations, institutionQueries } from './institution';
import {
  MicroCredential,
  microCredentialMutations,
  microCredentialQueries,
} from './micro-credential';
import {
  DomainEvent,
  microCredentialReview,
  qaMutations,
  qaQueries,
  QaWorkflow,
  Review,
  ReviewHistoryEntry,
  ReviewStep,
} from './qa';
import {
  BulkIssuanceFailure,
  BulkIssuanceJob,
  Credential,
  CredentialStatusChange,
  institutionKeys,
  issuanceMutations,
  issuanceQueries,
  SigningKey,
} from './issuance';
import {
  ApiKey,
  ApiKeyScope,
  Endorsement,
  EndorsementInvitation,
  microCredentialEndorsements,
  Partner,
  partnerMutations,
  partnerQueries,
  reviewGate,
} from './partners';
import {
  ComponentProgress,
  Enrolment,
  EvidenceFile,
  learningMutations,
  learningQueries,
  UploadTicket,
} from './learning';
import { reviewQaEndorsement } from './qa-endorsement';
import {
  notificationMutations,
  notificationQueries,
  WebhookDelivery,
  WebhookSubscription,
} from './notifications';
import { JSONScalar } from './scalars';
import {
  HeldStackPart,
  PathwayProgress,
  Stack,
  stackingMutations,
  stackingQueries,
  StackPart,
} from './stacking';
import {
  credentialSharing,
  ImportedCredential,
  MyCredentials,
  ShareLink,
  sharingMutations,
  verificationQueries,
} from './verification';
import { viewerQueries } from './viewer';
import { MemberRole, peopleMutations, peopleQueries } from './people';

/** Every resolver, one file per GraphQL type. */
export const resolvers: Resolvers = {
  JSON: JSONScalar,
  Query: {
    ...viewerQueries,
    ...institutionQueries,
    ...microCredentialQueries,
    ...qaQueries,
    ...issuanceQueries,
    ...verificationQueries,
    ...partnerQueries,
    ...learningQueries,
    ...stackingQueries,
    ...peopleQueries,
    ...notificationQueries,
  },
  Mutation: {
    ...institutionMutations,
    ...microCredentialMutations,
    ...qaMutations,
    ...issuanceMutations,
    ...sharingMutations,
    ...partnerMutations,
    ...learningMutations,
    ...stackingMutations,
    ...peopleMutations,
    ...notificationMutations,
  },
  Institution: { ...Institution, ...institutionKeys },
  SigningKey,
  Credential: { ...Credential, ...credentialSharing },
  CredentialStatusChange,
  MyCredentials,
  ShareLink,
  ImportedCredential,
  BulkIssuanceJob,
  BulkIssuanceFailure,
  MicroCredential: { ...MicroCredential, ...microCredentialReview, ...microCredentialEndorsements },
  Enrolment,
  ComponentProgress,
  EvidenceFile,
  UploadTicket,
  Partner,
  ApiKey,
  ApiKeyScope,
  Endorsement,
  EndorsementInvitation,
  QaWorkflow,
  Review: { ...Review, ...reviewGate, ...reviewQaEndorsement },
  ReviewStep,
  ReviewHistoryEntry,
  DomainEvent,
  Stack,
  StackPart,
  HeldStackPart,
  PathwayProgress,
  MemberRole,
  WebhookSubscription,
  WebhookDelivery,
};
