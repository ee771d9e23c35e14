import type { Loaders } from './loaders';
import type { Principal } from '../functions/core/auth/principal';
import type { InstitutionService } from '../functions/core/institutions/institution-service';
import type { MicroCredentialService } from '../functions/core/designs/micro-credential-service';
import type { BulkJobs } from '../functions/core/issuance/bulk-jobs';
import type { CredentialStatusChanges } from '../functions/core/issuance/credential-status';
import type { IssueCredential } from '../functions/core/issuance/issue-credential';
import type { IssuedCredentials } from '../functions/core/issuance/issued-credentials';
import type { PublicDocuments } from '../functions/core/issuance/public-documents';
import type { Assessment } from '../functions/core/learning/assessment';
import type { EnrolmentAward } from '../functions/core/learning/award';
import type { Enrolments } from '../functions/core/learning/enrolment';
import type { Evidence } from '../functions/core/learning/evidence';
import type { StatusListService } from '../functions/core/credential/status-list';
import type { KeyService } from '../functions/core/keys/key-service';
import type { PartnerApiKeys } from '../functions/core/partners/api-keys';
import type { EndorsementDocuments } from '../functions/core/partners/endorsement-documents';
import type { EndorsementInvitations } from '../functions/core/partners/endorsement-invitations';
import type { EndorsementQueries } from '../functions/core/partners/endorsement-queries';
import type { EndorsementStatistics } from '../functions/core/partners/endorsement-statistics';
import type { EndorsementSubmission } from '../functions/core/partners/endorsement-submission';
import type { EndorsementWithdrawal } from '../functions/core/partners/endorsement-withdrawal';
import type { PartnerProfiles } from '../functions/core/partners/partner-profiles';
import type { DesignPublication } from '../functions/core/qa/publication';
import type { QaReporting } from '../functions/core/qa/reporting';
import type { QaEndorsements } from '../functions/core/qa/qa-endorsement';
import type { ReviewLifecycle } from '../functions/core/qa/review-lifecycle';
import type { QaWorkflowAdmin } from '../functions/core/qa/workflow-admin';
import type { Pathways } from '../functions/core/stacking/pathways';
import type { PublicStacks } from '../functions/core/stacking/public-stacks';
import type { StackDefinitions } from '../functions/core/stacking/stack-definitions';
import type { Transcripts } from '../functions/core/stacking/transcripts';
import type { Backpack } from '../functions/core/sharing/backpack';
import type { CredentialSharing } from '../functions/core/sharing/credential-sharing';
import type { ShareAccess } from '../functions/core/sharing/share-access';
import type { VerificationService } from '../functions/core/verification/verification-service';
import type { EventService } from '../functions/core/institutions/event-service';
import type { PublicUrls } from '../functions/core/shared/public-urls';
import type { Onboarding } from '../functions/core/people/onboarding';
import type { StaffManagement } from '../functions/core/people/staff';
import type { NotificationPreferencesService } from '../functions/core/notifications/preferences';
import type { WebhookSubscriptions } from '../functions/core/notifications/webhooks';

/** The use cases resolvers may call; built once per process by the composition root. */
export interface Services {
  readonly institutions: InstitutionService;
  readonly microCredentials: MicroCredentialService;
  readonly qa: QaUseCases;
  readonly events: EventService;
  readonly keys: KeyService;
  readonly issuing: IssueCredential;
  readonly credentials: IssuedCredentials;
  readonly credentialStatus: CredentialStatusChanges;
  readonly statusLists: StatusListService;
  readonly bulkJobs: BulkJobs;
  readonly publicDocuments: PublicDocuments;
  /** The QA body's signed endorsements of approved design versions. */
  readonly qaEndorsements: QaEndorsements;
  readonly verification: VerificationService;
  readonly sharing: CredentialSharing;
  readonly shareAccess: ShareAccess;
  readonly backpack: Backpack;
  readonly partners: PartnerProfiles;
  readonly apiKeys: PartnerApiKeys;
  readonly endorsements: EndorsementQueries;
  readonly endorsementSubmission: EndorsementSubmission;
  readonly endorsementWithdrawal: EndorsementWithdrawal;
  readonly endorsementInvitations: EndorsementInvitations;
  readonly endorsementDocuments: EndorsementDocuments;
  readonly endorsementStatistics: EndorsementStatistics;
  readonly learning: LearningUseCases;
  readonly stacks: StackDefinitions;
  readonly pathways: Pathways;
  /** Stacks as anyone may see them (the public pages). */
  readonly publicStacks: PublicStacks;
  readonly transcripts: Transcripts;
  readonly people: PeopleUseCases;
  readonly notifications: NotificationUseCases;
}

/** People and roles: an institution's staff, and organisations onboarded with their first admin. */
export interface PeopleUseCases {
  readonly staff: StaffManagement;
  readonly onboarding: Onboarding;
}

/** Webhook subscriptions and each person's message settings. */
export interface NotificationUseCases {
  readonly webhooks: WebhookSubscriptions;
  readonly preferences: NotificationPreferencesService;
}

/** QA of designs, one use case each. */
export interface QaUseCases {
  readonly workflows: QaWorkflowAdmin;
  readonly lifecycle: ReviewLifecycle;
  readonly publication: DesignPublication;
  readonly reporting: QaReporting;
}

/** The learner pathway, one use case each. */
export interface LearningUseCases {
  readonly enrolments: Enrolments;
  readonly evidence: Evidence;
  readonly assessment: Assessment;
  readonly award: EnrolmentAward;
}

/** Per-request context: who is calling, and the services to call. */
export interface GraphQLContext {
  readonly principal: Principal;
  readonly services: Services;
  readonly urls: PublicUrls;
  readonly requestId: string;
  /** Request-scoped loaders that read each thing once per request. */
  readonly loaders: Loaders;
}
