import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Institution as InstitutionModel } from '../../functions/core/institutions/model';
import type { MicroCredential as MicroCredentialModel } from '../../functions/core/designs/model';
import type { QaWorkflow as QaWorkflowModel, Review as ReviewModel, HistoryEntry as HistoryEntryModel, QueueEntry as QueueEntryModel } from '../../functions/core/qa/model';
import type { ReviewStepView as ReviewStepViewModel, MyCredentialsView as MyCredentialsViewModel, EvidenceFileView as EvidenceFileViewModel, ComponentProgressView as ComponentProgressViewModel } from '../views';
import type { DomainEvent as DomainEventModel } from '../../functions/core/shared/events';
import type { IssuerKey as IssuerKeyModel } from '../../functions/core/keys/model';
import type { CredentialRecord as CredentialRecordModel, StatusAuditEntry as StatusAuditEntryModel } from '../../functions/core/credential/credential';
import type { BulkJob as BulkJobModel, BulkRow as BulkRowModel } from '../../functions/core/issuance/model';
import type { VerificationResult as VerificationResultModel } from '../../functions/core/verification/model';
import type { ShareLink as ShareLinkModel, CreatedShareLink as CreatedShareLinkModel, ImportedCredential as ImportedCredentialModel } from '../../functions/core/sharing/model';
import type { Partner as PartnerModel, ApiKey as ApiKeyModel, CreatedApiKey as CreatedApiKeyModel, Endorsement as EndorsementModel, Invitation as InvitationModel } from '../../functions/core/partners/model';
import type { Enrolment as EnrolmentModel, Submission as SubmissionModel, UploadTicket as UploadTicketModel } from '../../functions/core/learning/model';
import type { Stack as StackModel, StackPart as StackPartModel, HeldPart as HeldPartModel, PathwayProgress as PathwayProgressModel } from '../../functions/core/stacking/model';
import type { Member as MemberModel } from '../../functions/core/people/model';
import type { WebhookSubscription as WebhookSubscriptionModel, Delivery as DeliveryModel } from '../../functions/core/notifications/model';
import type { SubscriptionWithSecret as SubscriptionWithSecretModel } from '../../functions/core/notifications/webhooks';
import type { PreferenceView as PreferenceViewModel } from '../../functions/core/notifications/preferences';
import type { GraphQLContext } from '../context';
export type Maybe<T> = T | null | undefined;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO 8601 date-time in UTC, e.g. `2026-11-24T09:30:00.000Z`. */
  DateTime: { input: string; output: string; }
  /** Any JSON value (used for signed credentials, which are returned exactly as issued). */
  JSON: { input: unknown; output: unknown; }
};

/** Open Badges 3.0 achievement types. */
export type AchievementType =
  /** Any achievement. */
  | 'Achievement'
  /** An apprenticeship certificate. */
  | 'ApprenticeshipCertificate'
  /** An assessment. */
  | 'Assessment'
  /** An assignment. */
  | 'Assignment'
  /** An associate degree. */
  | 'AssociateDegree'
  /** An award. */
  | 'Award'
  /** A bachelor's degree. */
  | 'BachelorDegree'
  /** A badge. */
  | 'Badge'
  /** A certificate. */
  | 'Certificate'
  /** A certificate of completion. */
  | 'CertificateOfCompletion'
  /** A certification. */
  | 'Certification'
  /** A co-curricular activity. */
  | 'CoCurricular'
  /** Community service. */
  | 'CommunityService'
  /** A competency. */
  | 'Competency'
  /** A course. */
  | 'Course'
  /** A degree. */
  | 'Degree'
  /** A diploma. */
  | 'Diploma'
  /** A doctoral degree. */
  | 'DoctoralDegree'
  /** Fieldwork. */
  | 'Fieldwork'
  /** General education development. */
  | 'GeneralEducationDevelopment'
  /** A journeyman certificate. */
  | 'JourneymanCertificate'
  /** A learning program. */
  | 'LearningProgram'
  /** A license. */
  | 'License'
  /** A master certificate. */
  | 'MasterCertificate'
  /** A master's degree. */
  | 'MasterDegree'
  /** A membership. */
  | 'Membership'
  /** A micro-credential (the default). */
  | 'MicroCredential'
  /** A professional doctorate. */
  | 'ProfessionalDoctorate'
  /** A quality assurance credential. */
  | 'QualityAssuranceCredential'
  /** A research doctorate. */
  | 'ResearchDoctorate'
  /** A secondary school diploma. */
  | 'SecondarySchoolDiploma';

/** Who did something. */
export type Actor = {
  readonly __typename?: 'Actor';
  /** Email, when known. */
  readonly email?: Maybe<Scalars['String']['output']>;
  /** User id. */
  readonly id: Scalars['ID']['output'];
  /** Name, when known. */
  readonly name?: Maybe<Scalars['String']['output']>;
};

/** A postal address. */
export type Address = {
  readonly __typename?: 'Address';
  /** ISO 3166-1 alpha-2 country code. */
  readonly addressCountry: Scalars['String']['output'];
  /** City or town. */
  readonly addressLocality?: Maybe<Scalars['String']['output']>;
  /** State, province or region. */
  readonly addressRegion?: Maybe<Scalars['String']['output']>;
  /** Postal code. */
  readonly postalCode?: Maybe<Scalars['String']['output']>;
  /** Street and number. */
  readonly streetAddress?: Maybe<Scalars['String']['output']>;
};

/** A postal address. */
export type AddressInput = {
  /** ISO 3166-1 alpha-2 country code, e.g. `CA`. */
  readonly addressCountry: Scalars['String']['input'];
  /** City or town (at most 200 characters). */
  readonly addressLocality?: InputMaybe<Scalars['String']['input']>;
  /** State, province or region (at most 200 characters). */
  readonly addressRegion?: InputMaybe<Scalars['String']['input']>;
  /** Postal code (at most 40 characters). */
  readonly postalCode?: InputMaybe<Scalars['String']['input']>;
  /** Street and number (at most 500 characters). */
  readonly streetAddress?: InputMaybe<Scalars['String']['input']>;
};

/** Open Badges 3.0 alignment target types. */
export type AlignmentTargetType =
  /** A CEASN competency (`ceasn:Competency`). */
  | 'CEASN_COMPETENCY'
  /** A CTDL credential (`ceterms:Credential`). */
  | 'CETERMS_CREDENTIAL'
  /** A CASE framework item (`CFItem`). */
  | 'CF_ITEM'
  /** A CASE rubric (`CFRubric`). */
  | 'CF_RUBRIC'
  /** A CASE rubric criterion (`CFRubricCriterion`). */
  | 'CF_RUBRIC_CRITERION'
  /** A CASE rubric criterion level (`CFRubricCriterionLevel`). */
  | 'CF_RUBRIC_CRITERION_LEVEL'
  /** A Credential Transparency Description Language resource (`CTDL`). */
  | 'CTDL';

/** A partner API key (the secret is never shown after creation). */
export type ApiKey = {
  readonly __typename?: 'ApiKey';
  /** When it was created. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** When it stops working. */
  readonly expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Key id (the part of the key after `tsk_`). */
  readonly id: Scalars['ID']['output'];
  /** When it was last used (to the minute). */
  readonly lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** A name to recognise it by. */
  readonly name: Scalars['String']['output'];
  /** When it was revoked. */
  readonly revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The key this one replaced. */
  readonly rotatedFrom?: Maybe<Scalars['ID']['output']>;
  /** What it may do. */
  readonly scopes: ReadonlyArray<ApiKeyScope>;
};

/** What an API key may do. */
export type ApiKeyScope =
  /** Read endorsements, invitations and statistics. */
  | 'endorsements:read'
  /** Submit, withdraw and answer invitations. */
  | 'endorsements:write';

/** An assessor's decision on a submission. */
export type AssessEvidenceInput = {
  /** ACCEPT or RETURN. */
  readonly decision: Scalars['String']['input'];
  /** Feedback (required to return). */
  readonly feedback?: InputMaybe<Scalars['String']['input']>;
  /** The rubric level (required to accept a component with a rubric). */
  readonly rubricLevelId?: InputMaybe<Scalars['String']['input']>;
};

/** An assessor's decision. */
export type Assessment = {
  readonly __typename?: 'Assessment';
  /** The assessor. */
  readonly assessorId: Scalars['String']['output'];
  /** When. */
  readonly decidedAt: Scalars['DateTime']['output'];
  /** ACCEPT or RETURN. */
  readonly decision: Scalars['String']['output'];
  /** Feedback to the learner. */
  readonly feedback?: Maybe<Scalars['String']['output']>;
  /** The rubric level awarded. */
  readonly rubricLevelId?: Maybe<Scalars['String']['output']>;
};

/** EU "type of assessment" (Council Recommendation 2022/C 243/02, Annex I). */
export type AssessmentMethod =
  /** A written or oral examination. */
  | 'EXAMINATION'
  /** Another method, described in the detail. */
  | 'OTHER'
  /** Assessment by peers. */
  | 'PEER_ASSESSMENT'
  /** A portfolio of work. */
  | 'PORTFOLIO'
  /** A practical demonstration of skills. */
  | 'PRACTICAL_DEMONSTRATION'
  /** A presentation. */
  | 'PRESENTATION'
  /** A project. */
  | 'PROJECT'
  /** Earned by holding its parts (a stacked credential). */
  | 'RECOGNITION_OF_PARTS'
  /** Self-assessment. */
  | 'SELF_ASSESSMENT'
  /** Observation in the workplace. */
  | 'WORKPLACE_OBSERVATION'
  /** A written assignment. */
  | 'WRITTEN_ASSIGNMENT';

/** EU "supervision during assessment". */
export type AssessmentSupervision =
  /** Supervised online (proctored). */
  | 'SUPERVISED_ONLINE'
  /** Supervised in person. */
  | 'SUPERVISED_ON_SITE'
  /** Not supervised. */
  | 'UNSUPERVISED';

/** A document attached to a decision. */
export type Attachment = {
  readonly __typename?: 'Attachment';
  /** Name of the document. */
  readonly name: Scalars['String']['output'];
  /** Link to it. */
  readonly url: Scalars['String']['output'];
};

/** A document attached to a decision. */
export type AttachmentInput = {
  /** Name (at most 200 characters). */
  readonly name: Scalars['String']['input'];
  /** Link (http or https). */
  readonly url: Scalars['String']['input'];
};

/** Why the credential of a completed enrolment could not be issued. */
export type AwardFailure = {
  readonly __typename?: 'AwardFailure';
  /** Stable code, e.g. DESIGN_RETIRED. */
  readonly code: Scalars['String']['output'];
  /** When the award was refused. */
  readonly failedAt: Scalars['DateTime']['output'];
  /** What happened, in words for the learner and staff. */
  readonly message: Scalars['String']['output'];
};

/** A row of a bulk job that could not be issued. */
export type BulkIssuanceFailure = {
  readonly __typename?: 'BulkIssuanceFailure';
  /** The recipient's email as given. */
  readonly email?: Maybe<Scalars['String']['output']>;
  /** Stable error code. */
  readonly errorCode: Scalars['String']['output'];
  /** What was wrong. */
  readonly errorMessage: Scalars['String']['output'];
  /** Row number in the submitted list (1-based). */
  readonly row: Scalars['Int']['output'];
};

/** A page of failed rows. */
export type BulkIssuanceFailureConnection = {
  readonly __typename?: 'BulkIssuanceFailureConnection';
  /** The failed rows. */
  readonly nodes: ReadonlyArray<BulkIssuanceFailure>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/** A cohort to issue to, processed in the background. */
export type BulkIssuanceInput = {
  /** Makes retries safe: the same key returns the same job. */
  readonly idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** A published micro-credential design. */
  readonly microCredentialId: Scalars['ID']['input'];
  /** The learners (up to 10,000). Invalid rows are reported, not fatal. */
  readonly recipients: ReadonlyArray<Scalars['JSON']['input']>;
};

/** A cohort issuance processed in the background. */
export type BulkIssuanceJob = {
  readonly __typename?: 'BulkIssuanceJob';
  /** When it finished. */
  readonly completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was submitted. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** Rows failed. */
  readonly failed: Scalars['Int']['output'];
  /** Rows that failed, with their errors. */
  readonly failures: BulkIssuanceFailureConnection;
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** The design being issued. */
  readonly microCredentialId: Scalars['ID']['output'];
  /** Rows finished (issued or failed). */
  readonly processed: Scalars['Int']['output'];
  /** Status. */
  readonly status: BulkJobStatus;
  /** Rows issued. */
  readonly succeeded: Scalars['Int']['output'];
  /** Rows submitted. */
  readonly total: Scalars['Int']['output'];
};


/** A cohort issuance processed in the background. */
export type BulkIssuanceJobFailuresArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Status of a bulk issuance job. */
export type BulkJobStatus =
  /** Every row issued. */
  | 'COMPLETED'
  /** Finished; some rows failed (see failures). */
  | 'COMPLETED_WITH_ERRORS'
  /** Waiting for the worker. */
  | 'QUEUED'
  /** Being processed. */
  | 'RUNNING';

/** Outcome of one check. */
export type CheckStatus =
  /** The check failed. */
  | 'FAIL'
  /** The check passed. */
  | 'PASS'
  /** Not applicable, or nothing to check. */
  | 'SKIP'
  /** Worth a look, but not a failure. */
  | 'WARN';

/** A competency a micro-credential certifies, aligned to a framework (OB 3.0 `Alignment`). */
export type Competency = {
  readonly __typename?: 'Competency';
  /** Its code within the framework. */
  readonly code?: Maybe<Scalars['String']['output']>;
  /** What the competency means. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** The framework it belongs to, e.g. ESCO. */
  readonly framework?: Maybe<Scalars['String']['output']>;
  /** Name of the competency. */
  readonly name: Scalars['String']['output'];
  /** Kind of alignment target. */
  readonly type?: Maybe<AlignmentTargetType>;
  /** URL of the competency's definition. */
  readonly url: Scalars['String']['output'];
};

/** A competency and its alignment. */
export type CompetencyInput = {
  /** Its code within the framework (at most 100 characters). */
  readonly code?: InputMaybe<Scalars['String']['input']>;
  /** What it means (at most 500 characters). */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** The framework, e.g. ESCO (at most 200 characters). */
  readonly framework?: InputMaybe<Scalars['String']['input']>;
  /** Name of the competency (at most 200 characters). */
  readonly name: Scalars['String']['input'];
  /** Kind of alignment target. */
  readonly type?: InputMaybe<AlignmentTargetType>;
  /** URL of the competency's definition. */
  readonly url: Scalars['String']['input'];
};

/** One of the three components a micro-credential is earned through. */
export type Component = {
  readonly __typename?: 'Component';
  /** What the learner must show for it to be accepted (markdown). */
  readonly criteria: Scalars['String']['output'];
  /** What the component involves. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** Guidance on the evidence to submit. */
  readonly evidenceGuidance?: Maybe<Scalars['String']['output']>;
  /** The rubric assessors grade against, when there is one. */
  readonly rubric?: Maybe<ReadonlyArray<RubricLevel>>;
  /** Title of the component. */
  readonly title: Scalars['String']['output'];
};

/** One component of a design. */
export type ComponentInput = {
  /** What the learner must show (markdown, at most 20,000 characters). */
  readonly criteria: Scalars['String']['input'];
  /** What it involves (at most 5,000 characters). */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** Guidance on the evidence to submit (at most 5,000 characters). */
  readonly evidenceGuidance?: InputMaybe<Scalars['String']['input']>;
  /** An optional rubric (2–10 levels) assessors grade against. */
  readonly rubric?: InputMaybe<ReadonlyArray<RubricLevelInput>>;
  /** Title (at most 200 characters). */
  readonly title: Scalars['String']['input'];
};

/** The three components a micro-credential is earned through. */
export type ComponentKind =
  /** Showing the skill. */
  | 'DEMONSTRATION'
  /** The learning. */
  | 'EDUCATIONAL'
  /** Reflecting on its personal impact. */
  | 'REFLECTIVE';

/** A learner's progress on one component. */
export type ComponentProgress = {
  readonly __typename?: 'ComponentProgress';
  /** When it was accepted. */
  readonly acceptedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Which component. */
  readonly component: ComponentKind;
  /** The latest submission. */
  readonly latestSubmission?: Maybe<Submission>;
  /** Submissions so far. */
  readonly round: Scalars['Int']['output'];
  /** Where it stands. */
  readonly status: ComponentStatus;
};

/** Where a component stands for a learner. */
export type ComponentStatus =
  /** Accepted. */
  | 'ACCEPTED'
  /** No evidence yet. */
  | 'NOT_STARTED'
  /** An assessor returned it with feedback; revise and resubmit. */
  | 'RETURNED'
  /** Evidence waits for an assessor. */
  | 'SUBMITTED';

/**
 * The three components: educational (the learning), demonstration (showing the skill) and
 * reflective (its personal impact).
 */
export type Components = {
  readonly __typename?: 'Components';
  /** Showing the skill or competency in practice. */
  readonly demonstration: Component;
  /** The learning: a course, workshop or module. */
  readonly educational: Component;
  /** Reflecting on the personal impact of the learning. */
  readonly reflective: Component;
};

/** The three components of a design. */
export type ComponentsInput = {
  /** The demonstration component. */
  readonly demonstration: ComponentInput;
  /** The educational component. */
  readonly educational: ComponentInput;
  /** The reflective component. */
  readonly reflective: ComponentInput;
};

/** A new API key. */
export type CreateApiKeyInput = {
  /** Days until it stops working (1–730); omit for no expiry. */
  readonly expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  /** A name to recognise it by (at most 100 characters). */
  readonly name: Scalars['String']['input'];
  /** What it may do. */
  readonly scopes: ReadonlyArray<ApiKeyScope>;
};

/** A new institution. */
export type CreateInstitutionInput = {
  /** Postal address; the country is required. */
  readonly address: AddressInput;
  /** A short description (at most 5,000 characters). */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** Contact email. */
  readonly email?: InputMaybe<Scalars['String']['input']>;
  /** URL of the institution's logo. */
  readonly image?: InputMaybe<Scalars['String']['input']>;
  /** Name shown on credentials (at most 200 characters). */
  readonly name: Scalars['String']['input'];
  /** Contact phone number (at most 40 characters). */
  readonly phone?: InputMaybe<Scalars['String']['input']>;
  /** Rules for the institution's micro-credentials; defaults apply when absent. */
  readonly settings?: InputMaybe<InstitutionSettingsInput>;
  /** The institution's public web site (http or https). */
  readonly url: Scalars['String']['input'];
};

/** A new micro-credential design. */
export type CreateMicroCredentialInput = {
  /** Achievement type; defaults to MicroCredential. */
  readonly achievementType?: InputMaybe<AchievementType>;
  /** Type of assessment (at most 200 characters). */
  readonly assessmentType: Scalars['String']['input'];
  /** Competencies (at most 50). */
  readonly competencies?: InputMaybe<ReadonlyArray<CompetencyInput>>;
  /** The three components. */
  readonly components: ComponentsInput;
  /** Criteria narrative (markdown, at most 20,000 characters). */
  readonly criteria: Scalars['String']['input'];
  /** Description (at most 5,000 characters). */
  readonly description: Scalars['String']['input'];
  /** The EU and Ontario elements (required before review). */
  readonly elements?: InputMaybe<DesignElementsInput>;
  /** Field of study (at most 200 characters). */
  readonly fieldOfStudy?: InputMaybe<Scalars['String']['input']>;
  /** Course or program code (at most 100 characters). */
  readonly humanCode?: InputMaybe<Scalars['String']['input']>;
  /** The badge image. */
  readonly image?: InputMaybe<ImageInput>;
  /** The owning institution. */
  readonly institutionId: Scalars['ID']['input'];
  /** Language (BCP 47); defaults to `en`. */
  readonly language?: InputMaybe<Scalars['String']['input']>;
  /** Learning outcomes (1–30, each at most 500 characters). */
  readonly learningOutcomes: ReadonlyArray<Scalars['String']['input']>;
  /** Level in a qualifications framework. */
  readonly level?: InputMaybe<LevelInput>;
  /** Name (at most 200 characters). */
  readonly name: Scalars['String']['input'];
  /** Form of participation. */
  readonly participationForm: ParticipationForm;
  /** Prerequisites (at most 5,000 characters). */
  readonly prerequisites?: InputMaybe<Scalars['String']['input']>;
  /** Specialization (at most 200 characters). */
  readonly specialization?: InputMaybe<Scalars['String']['input']>;
  /** Keywords (at most 20, each at most 50 characters). */
  readonly tags?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Months a credential stays valid (1–600); omit for no expiry. */
  readonly validityMonths?: InputMaybe<Scalars['Int']['input']>;
  /** Notional workload. */
  readonly workload: WorkloadInput;
};

/** A new industry partner, linked to the institution creating it. */
export type CreatePartnerInput = {
  /** Description (at most 5,000 characters). */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** A DID the partner controls, for endorsements it signs itself. */
  readonly did?: InputMaybe<Scalars['String']['input']>;
  /** Contact email. */
  readonly email?: InputMaybe<Scalars['String']['input']>;
  /** Logo URL. */
  readonly image?: InputMaybe<Scalars['String']['input']>;
  /** The institution the partner works with. */
  readonly institutionId: Scalars['ID']['input'];
  /** Name (at most 200 characters). */
  readonly name: Scalars['String']['input'];
  /** Web site. */
  readonly url: Scalars['String']['input'];
};

/** A new API key: `secret` is the whole key, shown this once. */
export type CreatedApiKey = {
  readonly __typename?: 'CreatedApiKey';
  /** The key's record. */
  readonly key: ApiKey;
  /** The key to send as the `x-api-key` header. */
  readonly secret: Scalars['String']['output'];
};

/** A share link as created; its URL carries the secret and is shown only now. */
export type CreatedShareLink = {
  readonly __typename?: 'CreatedShareLink';
  /** The link. */
  readonly link: ShareLink;
  /** The URL to share. */
  readonly url: Scalars['String']['output'];
};

/** A subscription with its signing secret, shown only now: store it to verify deliveries. */
export type CreatedWebhookSubscription = {
  readonly __typename?: 'CreatedWebhookSubscription';
  /** The Standard Webhooks secret (whsec_…); never shown again. */
  readonly secret: Scalars['String']['output'];
  /** The subscription. */
  readonly subscription: WebhookSubscription;
};

/** An Open Badges 3.0 credential issued by an institution. */
export type Credential = {
  readonly __typename?: 'Credential';
  /** Name of the achievement. */
  readonly achievementName: Scalars['String']['output'];
  /** URL of the PNG badge with the credential baked in. */
  readonly badgePngUrl: Scalars['String']['output'];
  /** URL of the SVG badge with the credential baked in. */
  readonly badgeSvgUrl: Scalars['String']['output'];
  /** The approved design version it was issued under. */
  readonly designVersion: Scalars['Int']['output'];
  /** Parts revoked after this stacked credential was issued (stacks that flag). */
  readonly flaggedParts: ReadonlyArray<Scalars['ID']['output']>;
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** The issuing institution. */
  readonly institution: Institution;
  /** When it was issued. */
  readonly issuedAt: Scalars['DateTime']['output'];
  /** The signed OB 3.0 credential (JSON-LD with an eddsa-rdfc-2022 proof), exactly as issued. */
  readonly json: Scalars['JSON']['output'];
  /** The same credential as a VC-JWT (RS256). */
  readonly jwt: Scalars['String']['output'];
  /** `micro` for a micro-credential, `stacked` for a badge stacked from others. */
  readonly kind: Scalars['String']['output'];
  /** The design it was issued under. */
  readonly microCredentialId: Scalars['ID']['output'];
  /** Credentials a stacked credential was built from. */
  readonly parts: ReadonlyArray<Scalars['ID']['output']>;
  /** The learner's email (issuer admins and the learner only). */
  readonly recipientEmail?: Maybe<Scalars['String']['output']>;
  /** The learner's name, as issued. */
  readonly recipientName?: Maybe<Scalars['String']['output']>;
  /** Share links (the earner only). */
  readonly shareLinks: ReadonlyArray<ShareLink>;
  /** Whether the credential page shows the earner's name. */
  readonly showName: Scalars['Boolean']['output'];
  /** Status. */
  readonly status: CredentialStatus;
  /** Revocations, suspensions and reinstatements, oldest first (issuer admins). */
  readonly statusHistory: ReadonlyArray<CredentialStatusChange>;
  /** Why it was revoked or suspended. */
  readonly statusReason?: Maybe<Scalars['String']['output']>;
  /** The credential's URL (also its `id` inside the credential). */
  readonly url: Scalars['String']['output'];
  /** Start of validity. */
  readonly validFrom: Scalars['DateTime']['output'];
  /** End of validity, when the design has a validity period. */
  readonly validUntil?: Maybe<Scalars['DateTime']['output']>;
  /** Who may see it. */
  readonly visibility: Visibility;
};

/** A page of credentials. */
export type CredentialConnection = {
  readonly __typename?: 'CredentialConnection';
  /** The credentials. */
  readonly nodes: ReadonlyArray<Credential>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/** Status of an issued credential. */
export type CredentialStatus =
  /** Valid as far as the issuer is concerned. */
  | 'ACTIVE'
  /** Revoked for good. */
  | 'REVOKED'
  /** Suspended until reinstated. */
  | 'SUSPENDED';

/** A change of a credential's status. */
export type CredentialStatusChange = {
  readonly __typename?: 'CredentialStatusChange';
  /** What happened. */
  readonly action: Scalars['String']['output'];
  /** Who did it. */
  readonly actorId: Scalars['String']['output'];
  /** When. */
  readonly at: Scalars['DateTime']['output'];
  /** Why. */
  readonly reason?: Maybe<Scalars['String']['output']>;
};

/** A reviewer's decision on a step. */
export type DecisionOutcome =
  /** Approve the step; the review moves on (or is approved after the last step). */
  | 'APPROVE'
  /** Reject the design; the review ends. */
  | 'REJECT'
  /** Send the design back to the author; the review resumes at this step on resubmission. */
  | 'REQUEST_CHANGES';

/** A new stack. */
export type DefineStackInput = {
  /** Description (at most 5,000 characters). */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** The institution. */
  readonly institutionId: Scalars['ID']['input'];
  /** The design of the stacked credential (one of the institution's). */
  readonly microCredentialId: Scalars['ID']['input'];
  /** Name (at most 200 characters). */
  readonly name: Scalars['String']['input'];
  /** What revoking a part does (default FLAG). */
  readonly onPartRevoked?: InputMaybe<PartRevocationPolicy>;
  /** The parts (2–20), in order for a chain. */
  readonly parts: ReadonlyArray<StackPartInput>;
  /** For N_OF_M: how many parts are needed (1 to the number of parts). */
  readonly required?: InputMaybe<Scalars['Int']['input']>;
  /** How the parts combine. */
  readonly rule: StackRule;
};

/** One attempt to deliver. */
export type DeliveryAttempt = {
  readonly __typename?: 'DeliveryAttempt';
  /** When it was made. */
  readonly at: Scalars['DateTime']['output'];
  /** Why it failed. */
  readonly error?: Maybe<Scalars['String']['output']>;
  /** True when the receiver accepted it (2xx). */
  readonly ok: Scalars['Boolean']['output'];
  /** The receiver's HTTP status, when it answered. */
  readonly statusCode?: Maybe<Scalars['Int']['output']>;
};

/** How learning is assessed. */
export type DesignAssessment = {
  readonly __typename?: 'DesignAssessment';
  /** More about the assessment, in words. */
  readonly detail?: Maybe<Scalars['String']['output']>;
  /** Assessment methods, at least one. */
  readonly methods: ReadonlyArray<AssessmentMethod>;
};

/** How learning is assessed. */
export type DesignAssessmentInput = {
  /** More about the assessment (at most 5,000 characters). */
  readonly detail?: InputMaybe<Scalars['String']['input']>;
  /** Assessment methods (at least one, each once). */
  readonly methods: ReadonlyArray<AssessmentMethod>;
};

/**
 * The EU and Ontario micro-credential elements as data; issued achievements carry them as terms
 * of the platform's JSON-LD extension context.
 */
export type DesignElements = {
  readonly __typename?: 'DesignElements';
  /** Type of assessment. */
  readonly assessment: DesignAssessment;
  /** Bears academic credit (Ontario). */
  readonly creditBearing: Scalars['Boolean']['output'];
  /** Identity verification during assessment. */
  readonly identityVerification: IdentityVerification;
  /** Integration options: how it counts toward other programs. */
  readonly integrationOptions?: Maybe<Scalars['String']['output']>;
  /** Languages of instruction (BCP 47), including the design's language. */
  readonly languages: ReadonlyArray<Scalars['String']['output']>;
  /** Prerequisites needed to enrol, one statement each. */
  readonly prerequisites: ReadonlyArray<Scalars['String']['output']>;
  /** Type of quality assurance. */
  readonly qualityAssurance: DesignQualityAssurance;
  /** Stacking options: which larger credentials it stacks into. */
  readonly stackingOptions?: Maybe<Scalars['String']['output']>;
  /** Supervision during assessment. */
  readonly supervision: AssessmentSupervision;
  /** Recorded on the official transcript (Ontario). */
  readonly transcriptable: Scalars['Boolean']['output'];
};

/** The EU and Ontario micro-credential elements; required before review. */
export type DesignElementsInput = {
  /** Type of assessment. */
  readonly assessment: DesignAssessmentInput;
  /** Bears academic credit. */
  readonly creditBearing: Scalars['Boolean']['input'];
  /** Identity verification during assessment. */
  readonly identityVerification: IdentityVerification;
  /** Integration options (at most 5,000 characters). */
  readonly integrationOptions?: InputMaybe<Scalars['String']['input']>;
  /** Languages of instruction (1 to 10 BCP 47 tags, including the design's language). */
  readonly languages: ReadonlyArray<Scalars['String']['input']>;
  /** Prerequisites (at most 10, 500 characters each). */
  readonly prerequisites?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Type of quality assurance. */
  readonly qualityAssurance: DesignQualityAssuranceInput;
  /** Stacking options (at most 5,000 characters). */
  readonly stackingOptions?: InputMaybe<Scalars['String']['input']>;
  /** Supervision during assessment. */
  readonly supervision: AssessmentSupervision;
  /** Recorded on the official transcript. */
  readonly transcriptable: Scalars['Boolean']['input'];
};

/** The type of quality assurance. */
export type DesignQualityAssurance = {
  readonly __typename?: 'DesignQualityAssurance';
  /** More about it, in words. */
  readonly detail?: Maybe<Scalars['String']['output']>;
  /** Its type. */
  readonly type: QualityAssuranceType;
};

/** The type of quality assurance. */
export type DesignQualityAssuranceInput = {
  /** More about it (at most 500 characters). */
  readonly detail?: InputMaybe<Scalars['String']['input']>;
  /** Its type. */
  readonly type: QualityAssuranceType;
};

/** Lifecycle status of a design's working version. */
export type DesignStatus =
  /** Passed every QA step; ready to publish. */
  | 'APPROVED'
  /** A reviewer sent it back to the author for changes. */
  | 'CHANGES_REQUESTED'
  /** Being written; not yet submitted for review. */
  | 'DRAFT'
  /** Under quality-assurance review. */
  | 'IN_REVIEW'
  /** Published: listed in the catalogue and issuable. */
  | 'PUBLISHED'
  /** A reviewer rejected it; the review has ended. */
  | 'REJECTED'
  /** No longer issued; credentials already issued are untouched. */
  | 'RETIRED';

/** A recorded change of state (QA steps, publication, issuance, …), for integrations. */
export type DomainEvent = {
  readonly __typename?: 'DomainEvent';
  /** Id of whoever caused it. */
  readonly actorId: Scalars['String']['output'];
  /** Who caused it (`user`, `partner` or `platform` and an id). */
  readonly actorKind: Scalars['String']['output'];
  /** Id of the thing that changed. */
  readonly aggregateId: Scalars['ID']['output'];
  /** Kind of thing that changed, e.g. `Review`. */
  readonly aggregateType: Scalars['String']['output'];
  /** Details, as a JSON string. */
  readonly data: Scalars['String']['output'];
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** When it happened. */
  readonly occurredAt: Scalars['DateTime']['output'];
  /** Type, e.g. `qa.step.approved`. */
  readonly type: Scalars['String']['output'];
};

/** A page of domain events. */
export type DomainEventConnection = {
  readonly __typename?: 'DomainEventConnection';
  /** The events, newest first. */
  readonly nodes: ReadonlyArray<DomainEvent>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/** Credentials issued under a design the partner endorses (counts only). */
export type EndorsedDesignStatistics = {
  readonly __typename?: 'EndorsedDesignStatistics';
  /** How many credentials were issued under it. */
  readonly credentialsIssued: Scalars['Int']['output'];
  /** The partner's endorsement of it. */
  readonly endorsementId: Scalars['ID']['output'];
  /** The design. */
  readonly microCredentialId: Scalars['ID']['output'];
  /** Its name. */
  readonly name: Scalars['String']['output'];
};

/** An industry endorsement: a signed OB 3.0 EndorsementCredential. */
export type Endorsement = {
  readonly __typename?: 'Endorsement';
  /** The partner's comment (markdown). */
  readonly comment: Scalars['String']['output'];
  /** Competencies the partner vouches for (empty for a self-signed endorsement). */
  readonly competencies: ReadonlyArray<Scalars['String']['output']>;
  /** The signed EndorsementCredential. */
  readonly credential: Scalars['JSON']['output'];
  /** True once past expiresAt: it stays on record and no longer counts. */
  readonly expired: Scalars['Boolean']['output'];
  /** When it stops counting (for a self-signed endorsement, the credential's validUntil). */
  readonly expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** The institution concerned. */
  readonly institutionId: Scalars['ID']['output'];
  /** When it was made. */
  readonly issuedAt: Scalars['DateTime']['output'];
  /** The endorsing partner. */
  readonly partner: Partner;
  /** True when the partner signed it with its own key. */
  readonly selfSigned: Scalars['Boolean']['output'];
  /** Status. */
  readonly status: EndorsementStatus;
  /** Id of the design or institution endorsed. */
  readonly targetId: Scalars['ID']['output'];
  /** What it endorses. */
  readonly targetKind: EndorsementTargetKind;
  /** Public URL of the EndorsementCredential. */
  readonly url: Scalars['String']['output'];
  /** Why it was withdrawn. */
  readonly withdrawalReason?: Maybe<Scalars['String']['output']>;
  /** When it was withdrawn. */
  readonly withdrawnAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of endorsements. */
export type EndorsementConnection = {
  readonly __typename?: 'EndorsementConnection';
  /** The endorsements. */
  readonly nodes: ReadonlyArray<Endorsement>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/** An institution's request that a partner endorse a design. */
export type EndorsementInvitation = {
  readonly __typename?: 'EndorsementInvitation';
  /** When it was sent. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** Its name when invited. */
  readonly designName: Scalars['String']['output'];
  /** The endorsement made when accepting. */
  readonly endorsementId?: Maybe<Scalars['ID']['output']>;
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** The inviting institution. */
  readonly institutionId: Scalars['ID']['output'];
  /** The institution's message. */
  readonly message?: Maybe<Scalars['String']['output']>;
  /** The design to endorse. */
  readonly microCredentialId: Scalars['ID']['output'];
  /** The partner invited. */
  readonly partnerId: Scalars['ID']['output'];
  /** When the partner answered. */
  readonly respondedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The partner's reason for declining. */
  readonly response?: Maybe<Scalars['String']['output']>;
  /** Status. */
  readonly status: InvitationStatus;
};

/** Status of an endorsement. */
export type EndorsementStatus =
  /** Counts, and is embedded in credentials issued after it. */
  | 'ACTIVE'
  /** Withdrawn by the partner; kept on record. */
  | 'WITHDRAWN';

/** What an endorsement endorses. */
export type EndorsementTargetKind =
  /** An institution. */
  | 'INSTITUTION'
  /** A micro-credential design. */
  | 'MICRO_CREDENTIAL';

/** A learner enrolled in a micro-credential. */
export type Enrolment = {
  readonly __typename?: 'Enrolment';
  /** Why the award failed (status AWARD_FAILED). */
  readonly awardFailure?: Maybe<AwardFailure>;
  /** The design version of the credential awarded (the published version at award time, which may be newer than designVersion). */
  readonly awardedDesignVersion?: Maybe<Scalars['Int']['output']>;
  /** When every component was accepted. */
  readonly completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Progress on each component. */
  readonly components: ReadonlyArray<ComponentProgress>;
  /** The credential, once issued. */
  readonly credential?: Maybe<Credential>;
  /** Its name at enrolment. */
  readonly designName: Scalars['String']['output'];
  /** The design version at enrolment. */
  readonly designVersion: Scalars['Int']['output'];
  /** When the learner enrolled. */
  readonly enrolledAt: Scalars['DateTime']['output'];
  /** False when staff had already issued this design version to the learner by hand: that credential is linked as it was, without this enrolment's evidence. */
  readonly evidenceAttached?: Maybe<Scalars['Boolean']['output']>;
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** The learner's name (staff). */
  readonly learnerName?: Maybe<Scalars['String']['output']>;
  /** The micro-credential. */
  readonly microCredential: MicroCredential;
  /** Status. */
  readonly status: EnrolmentStatus;
  /** Every submission, oldest first (every round is kept). */
  readonly submissions: ReadonlyArray<Submission>;
};

/** A page of enrolments. */
export type EnrolmentConnection = {
  readonly __typename?: 'EnrolmentConnection';
  /** The enrolments. */
  readonly nodes: ReadonlyArray<Enrolment>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/** Status of an enrolment. */
export type EnrolmentStatus =
  /** Working toward the credential. */
  | 'ACTIVE'
  /** Every component accepted, but the credential could not be issued; see awardFailure. */
  | 'AWARD_FAILED'
  /** Every component accepted; the credential is issued (or about to be, by the worker). */
  | 'COMPLETED';

/** A file given as evidence (the bytes are in object storage). */
export type EvidenceFile = {
  readonly __typename?: 'EvidenceFile';
  /** Media type. */
  readonly contentType: Scalars['String']['output'];
  /** A short-lived download URL (always downloaded, never shown inline). */
  readonly downloadUrl: Scalars['String']['output'];
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** File name. */
  readonly name: Scalars['String']['output'];
  /** SHA-256 (hex) computed by the platform. */
  readonly sha256: Scalars['String']['output'];
  /** Size in bytes. */
  readonly size: Scalars['Int']['output'];
};

/** A link given as evidence. */
export type EvidenceLink = {
  readonly __typename?: 'EvidenceLink';
  /** What it is. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** The URL. */
  readonly url: Scalars['String']['output'];
};

/** A link given as evidence. */
export type EvidenceLinkInput = {
  /** What it is. */
  readonly name?: InputMaybe<Scalars['String']['input']>;
  /** The URL (http or https). */
  readonly url: Scalars['String']['input'];
};

/** A file about to be uploaded. */
export type EvidenceUploadInput = {
  /** The component it is evidence for. */
  readonly component: ComponentKind;
  /** Media type: PDF, PNG, JPEG, WebP, plain text, Markdown, CSV, Word, Excel, PowerPoint, MP4 or MP3. */
  readonly contentType: Scalars['String']['input'];
  /** File name (at most 200 characters). */
  readonly fileName: Scalars['String']['input'];
  /** Size in bytes (at most 25 MB). */
  readonly size: Scalars['Int']['input'];
};

/** The first admin of a new institution or partner. */
export type FirstAdminInput = {
  /** Their email address; the invitation goes there. */
  readonly email: Scalars['String']['input'];
  /** Their name. */
  readonly name?: InputMaybe<Scalars['String']['input']>;
};

/** A part a learner holds, with the credential that counts for it. */
export type HeldStackPart = {
  readonly __typename?: 'HeldStackPart';
  /** The credential's id here (issued here, or in the backpack). */
  readonly credentialId: Scalars['ID']['output'];
  /** The credential's URL or id. */
  readonly credentialUrl: Scalars['String']['output'];
  /** When it was earned (or imported). */
  readonly earnedAt: Scalars['DateTime']['output'];
  /** ISSUED (by an institution here) or IMPORTED (from elsewhere). */
  readonly origin: Scalars['String']['output'];
  /** The part. */
  readonly part: StackPart;
};

/** EU "identity verification during assessment". */
export type IdentityVerification =
  /** The learner's identity is not checked. */
  | 'NONE'
  /** The learner's identity is checked online. */
  | 'ONLINE'
  /** The learner's identity is checked in person. */
  | 'ON_SITE';

/** An image with alternative text. */
export type Image = {
  readonly __typename?: 'Image';
  /** Alternative text for people who cannot see it. */
  readonly caption?: Maybe<Scalars['String']['output']>;
  /** URL of the image. */
  readonly url: Scalars['String']['output'];
};

/** An image with alternative text. */
export type ImageInput = {
  /** Alternative text (at most 500 characters). */
  readonly caption?: InputMaybe<Scalars['String']['input']>;
  /** URL of the image (http or https). */
  readonly url: Scalars['String']['input'];
};

/** A credential issued elsewhere, kept in the learner's backpack. */
export type ImportedCredential = {
  readonly __typename?: 'ImportedCredential';
  /** Checks when imported. */
  readonly checks: ReadonlyArray<VerificationCheck>;
  /** The credential (JSON-LD form). */
  readonly credential?: Maybe<Scalars['JSON']['output']>;
  /** `JSON-LD` or `VC-JWT`. */
  readonly format: Scalars['String']['output'];
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** When it was imported. */
  readonly importedAt: Scalars['DateTime']['output'];
  /** Issuer id. */
  readonly issuerId?: Maybe<Scalars['String']['output']>;
  /** Name of the issuer. */
  readonly issuerName?: Maybe<Scalars['String']['output']>;
  /** The credential (VC-JWT form). */
  readonly jwt?: Maybe<Scalars['String']['output']>;
  /** Name of the achievement. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** Status when imported. */
  readonly status: VerificationStatus;
};

/** An issuing institution: an Open Badges 3.0 issuer `Profile` plus its platform settings. */
export type Institution = {
  readonly __typename?: 'Institution';
  /** Postal address; its country is the EU "country of the awarding body". */
  readonly address: Address;
  /** When the institution was created. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** A short description of the institution. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** The issuer's DID (did:web). */
  readonly did: Scalars['String']['output'];
  /** URL of the DID document (every public key, retired ones included). */
  readonly didDocumentUrl: Scalars['String']['output'];
  /** Contact email. */
  readonly email?: Maybe<Scalars['String']['output']>;
  /** Stable identifier of the institution. */
  readonly id: Scalars['ID']['output'];
  /** URL of the institution's logo. */
  readonly image?: Maybe<Scalars['String']['output']>;
  /** URL of the JWKS (for VC-JWT verification). */
  readonly jwksUrl: Scalars['String']['output'];
  /** Name shown on credentials. */
  readonly name: Scalars['String']['output'];
  /** Contact phone number. */
  readonly phone?: Maybe<Scalars['String']['output']>;
  /** URL of the public issuer profile (OB 3.0 `Profile` JSON-LD). */
  readonly profileUrl: Scalars['String']['output'];
  /** Rules the institution applies to its micro-credentials. */
  readonly settings: InstitutionSettings;
  /** The signing keys (issuer and platform admins). */
  readonly signingKeys: ReadonlyArray<SigningKey>;
  /** When the institution was last changed. */
  readonly updatedAt: Scalars['DateTime']['output'];
  /** The institution's public web site. */
  readonly url: Scalars['String']['output'];
  /** Optimistic-concurrency version; pass it as `expectedVersion` when updating. */
  readonly version: Scalars['Int']['output'];
};

/** A page of institutions. */
export type InstitutionConnection = {
  readonly __typename?: 'InstitutionConnection';
  /** The institutions on this page. */
  readonly nodes: ReadonlyArray<Institution>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/** Rules an institution applies to its micro-credentials. */
export type InstitutionSettings = {
  readonly __typename?: 'InstitutionSettings';
  /** Whether stacks may count credentials issued by other institutions. */
  readonly allowExternalStackParts: Scalars['Boolean']['output'];
  /** How many active industry endorsements a design needs before it may be published. */
  readonly requiredEndorsements: Scalars['Int']['output'];
};

/** Rules an institution applies to its micro-credentials. */
export type InstitutionSettingsInput = {
  /** Whether stacks may count credentials from other issuers (default false). */
  readonly allowExternalStackParts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Active industry endorsements a design needs before publication (1–10, default 1). */
  readonly requiredEndorsements?: InputMaybe<Scalars['Int']['input']>;
};

/** Status of an invitation to endorse. */
export type InvitationStatus =
  /** The partner endorsed. */
  | 'ACCEPTED'
  /** The partner declined. */
  | 'DECLINED'
  /** Waiting for the partner. */
  | 'PENDING';

/** A person to invite to an institution's staff. */
export type InviteMemberInput = {
  /** Their email address; the invitation goes there. */
  readonly email: Scalars['String']['input'];
  /** Their name. */
  readonly name?: InputMaybe<Scalars['String']['input']>;
  /** The roles they start with (each at most once). */
  readonly roles: ReadonlyArray<RoleAssignmentInput>;
};

/** One credential to issue. */
export type IssueCredentialInput = {
  /** Makes retries safe: the same key never issues twice (8–200 characters). */
  readonly idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** A published micro-credential design. */
  readonly microCredentialId: Scalars['ID']['input'];
  /** The learner. */
  readonly recipient: RecipientInput;
};

/** Algorithms of issuer signing keys. */
export type KeyAlgorithm =
  /** Ed25519, for Data Integrity proofs (eddsa-rdfc-2022). */
  | 'Ed25519'
  /** RSA 2048 with SHA-256, for VC-JWT. */
  | 'RS256';

/** Where a signing key stands. */
export type KeyStatus =
  /** Signs new credentials. */
  | 'ACTIVE'
  /** Replaced by a rotation; still published so older credentials verify. */
  | 'RETIRED'
  /** Compromised or withdrawn; credentials it signed fail verification. */
  | 'REVOKED';

/** A level within a qualifications framework, e.g. EQF 5. */
export type Level = {
  readonly __typename?: 'Level';
  /** The framework, e.g. `EQF`. */
  readonly framework: Scalars['String']['output'];
  /** A readable name of the level. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** The level within it, e.g. `5`. */
  readonly value: Scalars['String']['output'];
};

/** A level within a qualifications framework. */
export type LevelInput = {
  /** The framework, e.g. `EQF` (at most 100 characters). */
  readonly framework: Scalars['String']['input'];
  /** A readable name (at most 200 characters). */
  readonly name?: InputMaybe<Scalars['String']['input']>;
  /** The level, e.g. `5` (at most 50 characters). */
  readonly value: Scalars['String']['input'];
};

/**
 * A person with staff access to an institution or a partner. Changes take effect on their next
 * token.
 */
export type Member = {
  readonly __typename?: 'Member';
  /** An assessor's designs; empty: all of the institution's. */
  readonly assessedDesigns: ReadonlyArray<Scalars['ID']['output']>;
  /** Email address they were invited at. */
  readonly email: Scalars['String']['output'];
  /** The identity provider's subject (the token's `sub`). */
  readonly id: Scalars['ID']['output'];
  /** The institution of a staff member. */
  readonly institutionId?: Maybe<Scalars['ID']['output']>;
  /** When they were invited. */
  readonly invitedAt: Scalars['DateTime']['output'];
  /** Name. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** The partner of a partner admin. */
  readonly partnerId?: Maybe<Scalars['ID']['output']>;
  /** A QA reviewer's step roles. */
  readonly qaRoles: ReadonlyArray<Scalars['String']['output']>;
  /** Roles held. */
  readonly roles: ReadonlyArray<MemberRole>;
  /** Whether they can sign in. */
  readonly status: MemberStatus;
  /** When their access last changed. */
  readonly updatedAt: Scalars['DateTime']['output'];
  /** Optimistic-concurrency version. */
  readonly version: Scalars['Int']['output'];
};

/** A page of members. */
export type MemberConnection = {
  readonly __typename?: 'MemberConnection';
  /** The members. */
  readonly nodes: ReadonlyArray<Member>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/**
 * A role a member holds. Platform admins are appointed in the identity provider, never through
 * the API; partner admins belong to a partner, the others to an institution.
 */
export type MemberRole =
  /** Accepts or returns learners' evidence (of the listed designs, or all of the institution's). */
  | 'assessor'
  /** Runs the institution: designs, QA workflow, issuing, its staff. */
  | 'issuer-admin'
  /** Manages an industry partner: its profile, API keys and endorsements. */
  | 'partner-admin'
  /** Runs the platform. */
  | 'platform-admin'
  /** Decides the QA steps of their QA step roles. */
  | 'qa-reviewer';

/** Whether a member can sign in. */
export type MemberStatus =
  /** Signs in; their token carries their roles. */
  | 'ACTIVE'
  /** Cannot sign in; their next token (if any) carries no role. */
  | 'DEACTIVATED';

/** A kind of email the platform sends. */
export type MessageKind =
  | 'BULK_JOB_FINISHED'
  | 'CREDENTIAL_AWARDED'
  | 'CREDENTIAL_EXPIRING'
  | 'CREDENTIAL_REINSTATED'
  | 'CREDENTIAL_REVOKED'
  | 'CREDENTIAL_SUSPENDED'
  | 'DESIGN_APPROVED'
  | 'DESIGN_REJECTED'
  | 'DESIGN_SENT_BACK'
  | 'ENDORSEMENT_EXPIRING'
  | 'ENDORSEMENT_INVITED'
  | 'ENDORSEMENT_WITHDRAWN'
  | 'EVIDENCE_RETURNED'
  | 'EVIDENCE_WAITING'
  | 'QA_STEP_ASSIGNED'
  | 'QA_STEP_DUE'
  | 'QA_STEP_OVERDUE';

/**
 * A micro-credential design: an Open Badges 3.0 `Achievement` with the EU micro-credential
 * elements. Staff of the institution see the working version; everyone else sees the published
 * version only.
 */
export type MicroCredential = {
  readonly __typename?: 'MicroCredential';
  /** OB 3.0 achievement type. */
  readonly achievementType: AchievementType;
  /** Type of assessment (an EU element). */
  readonly assessmentType: Scalars['String']['output'];
  /** Competencies certified, aligned to frameworks. */
  readonly competencies: ReadonlyArray<Competency>;
  /** The three components it is earned through. */
  readonly components: Components;
  /** When the design was created. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** The criteria narrative (markdown). */
  readonly criteria: Scalars['String']['output'];
  /** The QA review of the working version, once submitted (staff only). */
  readonly currentReview?: Maybe<Review>;
  /** What the micro-credential certifies. */
  readonly description: Scalars['String']['output'];
  /** Number of this version of the design (1, 2, …). */
  readonly designVersion: Scalars['Int']['output'];
  /** The EU and Ontario elements as data; null until stated. */
  readonly elements?: Maybe<DesignElements>;
  /** Invitations to endorse the design (staff). */
  readonly endorsementInvitations: ReadonlyArray<EndorsementInvitation>;
  /** Industry endorsements of the design (active and withdrawn). */
  readonly endorsements: ReadonlyArray<Endorsement>;
  /** Field of study. */
  readonly fieldOfStudy?: Maybe<Scalars['String']['output']>;
  /** Course or program code. */
  readonly humanCode?: Maybe<Scalars['String']['output']>;
  /** Stable identifier of the design. */
  readonly id: Scalars['ID']['output'];
  /** The badge image. */
  readonly image?: Maybe<Image>;
  /** The institution that owns and issues it. */
  readonly institution: Institution;
  /** Language of instruction and assessment (BCP 47). */
  readonly language: Scalars['String']['output'];
  /** Learning outcomes (an EU element). */
  readonly learningOutcomes: ReadonlyArray<Scalars['String']['output']>;
  /** Level in a qualifications framework. */
  readonly level?: Maybe<Level>;
  /** Name (the EU element "title"). */
  readonly name: Scalars['String']['output'];
  /** Form of participation (an EU element). */
  readonly participationForm: ParticipationForm;
  /** What a learner needs before starting. */
  readonly prerequisites?: Maybe<Scalars['String']['output']>;
  /** The endorsement gate before publication (staff). */
  readonly publicationGate?: Maybe<PublicationGate>;
  /** When the current published version was published. */
  readonly publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Number of the published (issuable) version, if any. */
  readonly publishedDesignVersion?: Maybe<Scalars['Int']['output']>;
  /** Specialization within the field. */
  readonly specialization?: Maybe<Scalars['String']['output']>;
  /** Status of this version. */
  readonly status: DesignStatus;
  /** Keywords. */
  readonly tags: ReadonlyArray<Scalars['String']['output']>;
  /** When the design was last changed. */
  readonly updatedAt: Scalars['DateTime']['output'];
  /** Months a credential earned under this design stays valid; null means no expiry. */
  readonly validityMonths?: Maybe<Scalars['Int']['output']>;
  /** Optimistic-concurrency version; pass it as `expectedVersion` when updating. */
  readonly version: Scalars['Int']['output'];
  /** Notional workload. */
  readonly workload: Workload;
};

/** A page of micro-credential designs. */
export type MicroCredentialConnection = {
  readonly __typename?: 'MicroCredentialConnection';
  /** The designs on this page. */
  readonly nodes: ReadonlyArray<MicroCredential>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type Mutation = {
  readonly __typename?: 'Mutation';
  /** Does nothing; lets every feature file extend the Mutation type. */
  readonly _noop?: Maybe<Scalars['Boolean']['output']>;
  /** Accepts or returns evidence (assessors of the institution). */
  readonly assessEvidence: Submission;
  /** Gives a member a role, or new QA step roles or designs for one they hold (their institution's issuer admins; a partner's admins for its admins). */
  readonly assignRole: Member;
  /** Creates an API key; its secret is returned this once (partner admins). */
  readonly createApiKey: CreatedApiKey;
  /** Creates an institution (platform admins); with `admin`, invites its first issuer admin. */
  readonly createInstitution: Institution;
  /** Creates a draft design (issuer admins of the institution). */
  readonly createMicroCredential: MicroCredential;
  /** Creates an industry partner linked to the institution (issuer or platform admins); with `admin`, invites its first partner admin. */
  readonly createPartner: Partner;
  /** Creates a share link with an expiry (1–365 days, default 30); a private credential becomes shared by link (the earner). */
  readonly createShareLink: CreatedShareLink;
  /** Stops a member signing in (as assignRole; not oneself). */
  readonly deactivateMember: Member;
  /** Decides the current step of a review (QA reviewers holding the step's role). */
  readonly decideReviewStep: Review;
  /** Defines a stack (issuer admins); refuses cycles, impossible rules and foreign parts. */
  readonly defineStack: Stack;
  /** Enrols the caller in a published micro-credential (again returns the same enrolment). */
  readonly enrol: Enrolment;
  /** Verifies a credential issued elsewhere and keeps it in the caller's backpack (learners). */
  readonly importCredential: ImportedCredential;
  /** Invites a person to the institution's staff with roles (its issuer admins, platform admins). */
  readonly inviteMember: Member;
  /** Invites an admin for an existing partner (platform admins, its partner admins, issuer admins of an institution it works with). */
  readonly invitePartnerAdmin: Member;
  /** Invites a linked partner to endorse a design (issuer admins). */
  readonly invitePartnerToEndorse: EndorsementInvitation;
  /** Issues a published micro-credential to a learner (issuer admins). Idempotent per learner and design version. */
  readonly issueCredential: Credential;
  /** Links an existing partner to an institution (that institution's issuer admins, recorded as an event; after the partner removed the link, only the partner's admins can restore it). */
  readonly linkPartner: Partner;
  /** Publishes an approved design: it enters the catalogue and becomes issuable (issuer admins). */
  readonly publishMicroCredential: MicroCredential;
  /** Lets a deactivated member sign in again (as assignRole). */
  readonly reactivateMember: Member;
  /** Reinstates a suspended credential (issuer admins). */
  readonly reinstateCredential: Credential;
  /** Removes an imported credential from the caller's backpack (learners). */
  readonly removeImportedCredential: Scalars['Boolean']['output'];
  /** Takes a role from a member (as assignRole; an admin cannot remove their own admin role). */
  readonly removeRole: Member;
  /** Sends a delivery again (a delivered or dead-lettered one), with the same webhook-id. */
  readonly replayWebhookDelivery: WebhookDelivery;
  /** A short-lived upload URL for an evidence file (the enrolment's learner). */
  readonly requestEvidenceUpload: UploadTicket;
  /** Accepts (endorsing) or declines an invitation (the invited partner). */
  readonly respondToInvitation: EndorsementInvitation;
  /** Re-queues an unfinished bulk job (issuer admins). */
  readonly resumeBulkIssuance: BulkIssuanceJob;
  /** Retires a design: no new credentials; those issued are untouched (issuer admins). */
  readonly retireMicroCredential: MicroCredential;
  /** Retires a stack (issuer admins): no new stacked credentials. */
  readonly retireStack: Stack;
  /** Revokes an API key at once (partner admins). */
  readonly revokeApiKey: ApiKey;
  /** Revokes a credential for good (issuer admins); revoking twice changes nothing. */
  readonly revokeCredential: Credential;
  /** Revokes a compromised signing key: what it signed fails verification (issuer admins). */
  readonly revokeIssuerKey: SigningKey;
  /** Revokes a share link (the earner). */
  readonly revokeShareLink: ShareLink;
  /** Replaces a key; the old one keeps working for graceHours (default 24) (partner admins). */
  readonly rotateApiKey: CreatedApiKey;
  /** Creates new signing keys and retires the current ones; old public keys stay published (issuer admins). */
  readonly rotateIssuerKeys: Scalars['Int']['output'];
  /** Replaces a subscription's secret; the new one is in the answer only. */
  readonly rotateWebhookSecret: CreatedWebhookSubscription;
  /** Sets who may see a credential and whether its page shows the earner's name (the earner). */
  readonly setCredentialVisibility: Credential;
  /** Turns one kind of email on or off for the signed-in person; returns every setting. */
  readonly setNotificationPreference: ReadonlyArray<NotificationPreference>;
  /** Starts issuing a micro-credential to a cohort in the background (issuer admins). */
  readonly startBulkIssuance: BulkIssuanceJob;
  /** Endorses a design or an institution (partner API key with endorsements:write, or partner admin). */
  readonly submitEndorsement: Endorsement;
  /** Submits, or resubmits after a return, evidence for a component (the enrolment's learner). */
  readonly submitEvidence: Submission;
  /** Submits the design's working version for review, or resubmits it after changes were requested (issuer admins). */
  readonly submitForReview: Review;
  /** Subscribes a receiver to events; the signing secret is in the answer only. */
  readonly subscribeWebhook: CreatedWebhookSubscription;
  /** Adds required-field values to an open review (issuer admins). */
  readonly supplyReviewFields: Review;
  /** Suspends a credential until reinstated (issuer admins). */
  readonly suspendCredential: Credential;
  /** Removes a partner's link to an institution (the partner's admins, that institution's issuer admins, platform admins); its endorsements stay. */
  readonly unlinkPartner: Partner;
  /** Stops sending events to a receiver (its delivery log stays). */
  readonly unsubscribeWebhook: WebhookSubscription;
  /**
   * Changes an institution (platform admins, or the institution's issuer admins). Fails with
   * CONFLICT when `expectedVersion` is not the current version.
   */
  readonly updateInstitution: Institution;
  /**
   * Changes a design (issuer admins of the institution). A draft is edited in place; editing an
   * approved or published design starts a new draft version that must be reviewed again. Fails
   * with CONFLICT when `expectedVersion` is not the current version.
   */
  readonly updateMicroCredential: MicroCredential;
  /** Changes a partner's profile (its partner admins and platform admins only). */
  readonly updatePartner: Partner;
  /** Saves a new version of the institution's QA workflow (issuer admins). Reviews under way keep theirs. */
  readonly updateQaWorkflow: QaWorkflow;
  /** Withdraws an endorsement; it stops counting and stays on record (the endorsing partner). */
  readonly withdrawEndorsement: Endorsement;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationAssessEvidenceArgs = {
  input: AssessEvidenceInput;
  submissionId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationAssignRoleArgs = {
  input: RoleAssignmentInput;
  memberId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
  partnerId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationCreateInstitutionArgs = {
  admin?: InputMaybe<FirstAdminInput>;
  input: CreateInstitutionInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationCreateMicroCredentialArgs = {
  input: CreateMicroCredentialInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationCreatePartnerArgs = {
  admin?: InputMaybe<FirstAdminInput>;
  input: CreatePartnerInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationCreateShareLinkArgs = {
  credentialId: Scalars['ID']['input'];
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationDeactivateMemberArgs = {
  memberId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationDecideReviewStepArgs = {
  input: ReviewDecisionInput;
  reviewId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationDefineStackArgs = {
  input: DefineStackInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationEnrolArgs = {
  microCredentialId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationImportCredentialArgs = {
  input: VerifyCredentialInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationInviteMemberArgs = {
  input: InviteMemberInput;
  institutionId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationInvitePartnerAdminArgs = {
  input: FirstAdminInput;
  partnerId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationInvitePartnerToEndorseArgs = {
  message?: InputMaybe<Scalars['String']['input']>;
  microCredentialId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationIssueCredentialArgs = {
  input: IssueCredentialInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationLinkPartnerArgs = {
  institutionId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationPublishMicroCredentialArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationReactivateMemberArgs = {
  memberId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationReinstateCredentialArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRemoveImportedCredentialArgs = {
  id: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRemoveRoleArgs = {
  memberId: Scalars['ID']['input'];
  role: MemberRole;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationReplayWebhookDeliveryArgs = {
  id: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRequestEvidenceUploadArgs = {
  enrolmentId: Scalars['ID']['input'];
  input: EvidenceUploadInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRespondToInvitationArgs = {
  id: Scalars['ID']['input'];
  input: RespondToInvitationInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationResumeBulkIssuanceArgs = {
  id: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRetireMicroCredentialArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRetireStackArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRevokeApiKeyArgs = {
  keyId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRevokeCredentialArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRevokeIssuerKeyArgs = {
  institutionId: Scalars['ID']['input'];
  keyId: Scalars['String']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRevokeShareLinkArgs = {
  credentialId: Scalars['ID']['input'];
  linkId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRotateApiKeyArgs = {
  graceHours?: InputMaybe<Scalars['Int']['input']>;
  keyId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRotateIssuerKeysArgs = {
  institutionId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationRotateWebhookSecretArgs = {
  id: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationSetCredentialVisibilityArgs = {
  id: Scalars['ID']['input'];
  showName?: InputMaybe<Scalars['Boolean']['input']>;
  visibility: Visibility;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationSetNotificationPreferenceArgs = {
  input: NotificationPreferenceInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationStartBulkIssuanceArgs = {
  input: BulkIssuanceInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationSubmitEndorsementArgs = {
  input: SubmitEndorsementInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationSubmitEvidenceArgs = {
  enrolmentId: Scalars['ID']['input'];
  input: SubmitEvidenceInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationSubmitForReviewArgs = {
  expectedVersion: Scalars['Int']['input'];
  input?: InputMaybe<SubmitForReviewInput>;
  microCredentialId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationSubscribeWebhookArgs = {
  input: SubscribeWebhookInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationSupplyReviewFieldsArgs = {
  expectedVersion: Scalars['Int']['input'];
  input: SupplyReviewFieldsInput;
  reviewId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationSuspendCredentialArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationUnlinkPartnerArgs = {
  institutionId: Scalars['ID']['input'];
  partnerId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationUnsubscribeWebhookArgs = {
  id: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationUpdateInstitutionArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateInstitutionInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationUpdateMicroCredentialArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdateMicroCredentialInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationUpdatePartnerArgs = {
  expectedVersion: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
  input: UpdatePartnerInput;
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationUpdateQaWorkflowArgs = {
  expectedVersion: Scalars['Int']['input'];
  input: QaWorkflowInput;
  institutionId: Scalars['ID']['input'];
};


/** Tessera's GraphQL API: every change to the platform goes through a mutation here. */
export type MutationWithdrawEndorsementArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** The caller's credentials: issued here, and imported from elsewhere. */
export type MyCredentials = {
  readonly __typename?: 'MyCredentials';
  /** Credentials the caller imported. */
  readonly imported: ReadonlyArray<ImportedCredential>;
  /** Credentials issued to the caller's verified email, newest first. */
  readonly issued: CredentialConnection;
};

/** Whether the signed-in person receives one kind of email. */
export type NotificationPreference = {
  readonly __typename?: 'NotificationPreference';
  /** True when it is sent to the person. */
  readonly enabled: Scalars['Boolean']['output'];
  /** The kind of email. */
  readonly kind: MessageKind;
  /** False for status and security messages, which cannot be turned off. */
  readonly optional: Scalars['Boolean']['output'];
};

/** Turns one kind of email on or off for the signed-in person. */
export type NotificationPreferenceInput = {
  /** True to receive it. */
  readonly enabled: Scalars['Boolean']['input'];
  /** The kind of email. */
  readonly kind: MessageKind;
};

/** Information about the next page of a list. */
export type PageInfo = {
  readonly __typename?: 'PageInfo';
  /** Pass this as `after` to fetch the next page; null on the last page. */
  readonly endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows. */
  readonly hasNextPage: Scalars['Boolean']['output'];
};

/** What revoking a part does to the stacked credentials built on it. */
export type PartRevocationPolicy =
  /** Keep it, and record the revoked part (verification shows a warning). */
  | 'FLAG'
  /** Revoke the stacked credential too. */
  | 'REVOKE';

/** How learners take part in the learning (an EU micro-credential element). */
export type ParticipationForm =
  /** A mix of online and in person. */
  | 'BLENDED'
  /** Entirely online. */
  | 'ONLINE'
  /** In person. */
  | 'ONSITE'
  /** Through volunteering. */
  | 'VOLUNTEERING'
  /** At the workplace. */
  | 'WORK_BASED';

/** An industry partner: an organisation that endorses micro-credentials (an OB 3.0 `Profile`). */
export type Partner = {
  readonly __typename?: 'Partner';
  /** Description. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** The partner's own DID, for endorsements it signs itself. */
  readonly did?: Maybe<Scalars['String']['output']>;
  /** Contact email. */
  readonly email?: Maybe<Scalars['String']['output']>;
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** Logo URL. */
  readonly image?: Maybe<Scalars['String']['output']>;
  /** Institutions the partner works with. */
  readonly institutionIds: ReadonlyArray<Scalars['ID']['output']>;
  /** Name. */
  readonly name: Scalars['String']['output'];
  /** The DID Tessera signs the partner's endorsements with. */
  readonly platformDid: Scalars['String']['output'];
  /** Web site. */
  readonly url: Scalars['String']['output'];
  /** Optimistic-concurrency version. */
  readonly version: Scalars['Int']['output'];
};

/** A page of partners. */
export type PartnerConnection = {
  readonly __typename?: 'PartnerConnection';
  /** The partners. */
  readonly nodes: ReadonlyArray<Partner>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/** A learner's progress toward one stack. */
export type PathwayProgress = {
  readonly __typename?: 'PathwayProgress';
  /** The stacked credential, once issued. */
  readonly credential?: Maybe<Credential>;
  /** Parts that count now. */
  readonly held: ReadonlyArray<HeldStackPart>;
  /** Parts that count, up to `needed`. */
  readonly heldCount: Scalars['Int']['output'];
  /** Parts needed in all. */
  readonly needed: Scalars['Int']['output'];
  /** Parts still to earn (for a chain, the next level first). */
  readonly remaining: ReadonlyArray<StackPart>;
  /** True when the learner holds what the stack needs. */
  readonly satisfied: Scalars['Boolean']['output'];
  /** The stack. */
  readonly stack: Stack;
  /** In words, e.g. `2 of 3 toward Leadership`. */
  readonly summary: Scalars['String']['output'];
};

/** The endorsement gate a design must pass before publication. */
export type PublicationGate = {
  readonly __typename?: 'PublicationGate';
  /** Distinct industry partners with an active, unexpired endorsement of the design (a partner endorsing twice counts once). */
  readonly activeEndorsements: Scalars['Int']['output'];
  /** Distinct industry partners the institution requires to endorse the design. */
  readonly requiredEndorsements: Scalars['Int']['output'];
  /** True when the design may be published as far as endorsements go. */
  readonly satisfied: Scalars['Boolean']['output'];
};

/** Kinds of information a QA step may require. */
export type QaFieldKind =
  /** Free text, e.g. an industry need statement. */
  | 'TEXT'
  /** A link, e.g. to a concept form or a full proposal document. */
  | 'URL';

/** Information a QA step requires from the author before it can be approved. */
export type QaRequiredField = {
  readonly __typename?: 'QaRequiredField';
  /** Key the author supplies the value under. */
  readonly key: Scalars['String']['output'];
  /** Text or link. */
  readonly kind: QaFieldKind;
  /** What the field is. */
  readonly label: Scalars['String']['output'];
};

/** A required field of a step. */
export type QaRequiredFieldInput = {
  /** Key (letters, digits, _ and -). */
  readonly key: Scalars['String']['input'];
  /** Text or link; default TEXT. */
  readonly kind?: InputMaybe<QaFieldKind>;
  /** Label (at most 200 characters). */
  readonly label: Scalars['String']['input'];
};

/** QA statistics for an institution (outcomes and step times over the last 365 days). */
export type QaStatistics = {
  readonly __typename?: 'QaStatistics';
  /** Reviews approved. */
  readonly approved: Scalars['Int']['output'];
  /** Reviews waiting on their authors. */
  readonly changesRequested: Scalars['Int']['output'];
  /** Reviews waiting on a step. */
  readonly inProgress: Scalars['Int']['output'];
  /** The institution. */
  readonly institutionId: Scalars['ID']['output'];
  /** Reviews whose current step is past due. */
  readonly overdue: Scalars['Int']['output'];
  /** Reviews rejected. */
  readonly rejected: Scalars['Int']['output'];
  /** Median time per step. */
  readonly stepTimes: ReadonlyArray<StepTime>;
};

/** One step of a QA workflow. */
export type QaStep = {
  readonly __typename?: 'QaStep';
  /** What the step checks. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** Days the deciders have once the step starts. */
  readonly dueWithinDays?: Maybe<Scalars['Int']['output']>;
  /** Stable key of the step within the workflow. */
  readonly key: Scalars['String']['output'];
  /** Name of the step. */
  readonly name: Scalars['String']['output'];
  /** Information that must be supplied before the step can be approved. */
  readonly requiredFields: ReadonlyArray<QaRequiredField>;
  /** The QA role that decides the step, e.g. `board`. */
  readonly role: Scalars['String']['output'];
};

/** A step of a workflow. */
export type QaStepInput = {
  /** What the step checks. */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** Days the deciders have (1–365). */
  readonly dueWithinDays?: InputMaybe<Scalars['Int']['input']>;
  /** Stable key (letters, digits, _ and -). */
  readonly key: Scalars['String']['input'];
  /** Name (at most 200 characters). */
  readonly name: Scalars['String']['input'];
  /** Information required before approval (at most 10). */
  readonly requiredFields?: InputMaybe<ReadonlyArray<QaRequiredFieldInput>>;
  /** QA role that decides it (letters, digits, _ and -). */
  readonly role: Scalars['String']['input'];
};

/** An institution's QA workflow: the ordered steps every design passes before it can be issued. */
export type QaWorkflow = {
  readonly __typename?: 'QaWorkflow';
  /** When this version was saved. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** The institution. */
  readonly institutionId: Scalars['ID']['output'];
  /** True while the institution uses the built-in default. */
  readonly isDefault: Scalars['Boolean']['output'];
  /** Name of the workflow. */
  readonly name: Scalars['String']['output'];
  /** The steps, in order. */
  readonly steps: ReadonlyArray<QaStep>;
  /** Version of the workflow; reviews keep the version they started with. */
  readonly version: Scalars['Int']['output'];
};

/** A new version of an institution's QA workflow. */
export type QaWorkflowInput = {
  /** Name of the workflow. */
  readonly name: Scalars['String']['input'];
  /** The steps, in order (1–20, unique keys). */
  readonly steps: ReadonlyArray<QaStepInput>;
};

/** EU "type of quality assurance used to underpin the micro-credential". */
export type QualityAssuranceType =
  /** Part of an accredited program. */
  | 'ACCREDITED_PROGRAM'
  /** An external body's review. */
  | 'EXTERNAL'
  /** The institution's own QA process. */
  | 'INTERNAL'
  /** Both internal and external review. */
  | 'INTERNAL_AND_EXTERNAL';

/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type Query = {
  readonly __typename?: 'Query';
  /** A partner's API keys (partner admins). */
  readonly apiKeys: ReadonlyArray<ApiKey>;
  /**
   * Submissions waiting for the caller's institution, oldest first (assessors); with
   * `microCredentialId`, only those for that design.
   */
  readonly assessmentQueue: SubmissionConnection;
  /** A bulk issuance job and its progress (issuer admins). */
  readonly bulkIssuanceJob?: Maybe<BulkIssuanceJob>;
  /** The public catalogue: published designs that can be earned, newest first. Public. */
  readonly catalogue: MicroCredentialConnection;
  /** An issued credential (issuer admins of the issuing institution). */
  readonly credential?: Maybe<Credential>;
  /** An institution's domain events, newest first (issuer and platform admins). */
  readonly domainEvents: DomainEventConnection;
  /** An endorsement. Public. */
  readonly endorsement?: Maybe<Endorsement>;
  /** Invitations waiting for the calling partner (or of another status). */
  readonly endorsementInvitations: ReadonlyArray<EndorsementInvitation>;
  /** Credentials issued under designs the calling partner endorses (counts only). */
  readonly endorsementStatistics: ReadonlyArray<EndorsedDesignStatistics>;
  /** An enrolment (its learner, and staff of the institution). */
  readonly enrolment?: Maybe<Enrolment>;
  /** An institution's public profile. Public. */
  readonly institution?: Maybe<Institution>;
  /** All institutions, by name. Public. */
  readonly institutions: InstitutionConnection;
  /** Credentials an institution issued, newest first (issuer admins). */
  readonly issuedCredentials: CredentialConnection;
  /** An institution's staff with their roles, by email address (its issuer admins, platform admins). */
  readonly members: MemberConnection;
  /**
   * A design. Staff of the owning institution see its working version; everyone else sees it
   * only once published (and then sees the published version).
   */
  readonly microCredential?: Maybe<MicroCredential>;
  /** An institution's designs, newest first, optionally of one status (staff of the institution). */
  readonly microCredentials: MicroCredentialConnection;
  /** The caller's credentials and backpack (learners). */
  readonly myCredentials: MyCredentials;
  /** What the calling partner endorsed (partner API key or partner admin). */
  readonly myEndorsements: EndorsementConnection;
  /** The caller's enrolments (learners). */
  readonly myEnrolments: EnrolmentConnection;
  /** For each stack the caller holds a part of: what counts and what remains (learners with a verified email). */
  readonly myPathways: ReadonlyArray<PathwayProgress>;
  /**
   * The caller's transcript: a CLR 2.0 ClrCredential of their active credentials and how they stack,
   * signed (eddsa-rdfc-2022) by the platform. Its `id` is the URL it can be fetched at again, exactly
   * as signed (share it like a share link); the same transcript while nothing in it changes.
   * CONFLICT (`TRANSCRIPT_EMPTY`) when the caller holds no active credential.
   */
  readonly myTranscript: Scalars['JSON']['output'];
  /** The signed-in person's email settings (a verified email is needed). */
  readonly notificationPreferences: ReadonlyArray<NotificationPreference>;
  /** A partner's public profile. */
  readonly partner?: Maybe<Partner>;
  /** Partners linked to an institution (staff). */
  readonly partners: PartnerConnection;
  /** QA statistics of an institution (staff). */
  readonly qaStatistics: QaStatistics;
  /** The QA workflow new reviews of the institution follow (staff). */
  readonly qaWorkflow: QaWorkflow;
  /** A review (issuer admins, QA reviewers and platform admins). */
  readonly review?: Maybe<Review>;
  /** Steps waiting for the caller's QA roles, earliest due first (QA reviewers). */
  readonly reviewQueue: ReadonlyArray<QueueItem>;
  /** An institution's reviews, newest first (staff). */
  readonly reviews: ReviewConnection;
  /** A stack (staff of its institution). */
  readonly stack?: Maybe<Stack>;
  /** An institution's stacks (its staff). */
  readonly stacks: ReadonlyArray<Stack>;
  /** A submission (its learner, and staff of the institution). */
  readonly submission?: Maybe<Submission>;
  /** Verifies a credential (issued here or anywhere) and explains the result. Public. */
  readonly verifyCredential: VerificationResult;
  /** Who is calling, as the API sees it; null for anonymous callers. */
  readonly viewer?: Maybe<Viewer>;
  /** Webhook subscriptions of an institution (its issuer admins) or a partner (its partner admins). */
  readonly webhookSubscriptions: ReadonlyArray<WebhookSubscription>;
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryApiKeysArgs = {
  partnerId: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryAssessmentQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  microCredentialId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryBulkIssuanceJobArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryCatalogueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  institutionId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryCredentialArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryDomainEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  institutionId: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryEndorsementArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryEndorsementInvitationsArgs = {
  status?: InputMaybe<InvitationStatus>;
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryEnrolmentArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryInstitutionArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryInstitutionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryIssuedCredentialsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  institutionId: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  institutionId: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryMicroCredentialArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryMicroCredentialsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  institutionId: Scalars['ID']['input'];
  status?: InputMaybe<DesignStatus>;
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryMyCredentialsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryMyEndorsementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryMyEnrolmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryPartnerArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryPartnersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  institutionId: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryQaStatisticsArgs = {
  institutionId: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryQaWorkflowArgs = {
  institutionId: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryReviewArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  institutionId: Scalars['ID']['input'];
  status?: InputMaybe<ReviewStatus>;
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryStackArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryStacksArgs = {
  institutionId: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QuerySubmissionArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryVerifyCredentialArgs = {
  input: VerifyCredentialInput;
  recipientEmail?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Tessera's GraphQL API. Public queries need no token; everything else needs a bearer token
 * (staff and learners) or a partner API key.
 */
export type QueryWebhookSubscriptionsArgs = {
  institutionId?: InputMaybe<Scalars['ID']['input']>;
  partnerId?: InputMaybe<Scalars['ID']['input']>;
};

/** A step waiting on the caller. */
export type QueueItem = {
  readonly __typename?: 'QueueItem';
  /** When it is due. */
  readonly dueAt?: Maybe<Scalars['DateTime']['output']>;
  /** True when past due. */
  readonly overdue: Scalars['Boolean']['output'];
  /** The review. */
  readonly review: Review;
  /** The step to decide. */
  readonly step: QaStep;
};

/** The learner a credential is issued to. */
export type RecipientInput = {
  /** A DID the learner controls (becomes `credentialSubject.id`). */
  readonly did?: InputMaybe<Scalars['String']['input']>;
  /** Email address (hashed with a salt inside the credential). */
  readonly email: Scalars['String']['input'];
  /** Name, shown on the credential page if the learner allows it. */
  readonly name?: InputMaybe<Scalars['String']['input']>;
};

/** An answer to an invitation. */
export type RespondToInvitationInput = {
  /** True to endorse, false to decline. */
  readonly accept: Scalars['Boolean']['input'];
  /** The endorsement comment (required to accept). */
  readonly comment?: InputMaybe<Scalars['String']['input']>;
  /** Competencies vouched for. */
  readonly competencies?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Why the partner declines. */
  readonly reason?: InputMaybe<Scalars['String']['input']>;
};

/** The QA review of one design version. */
export type Review = {
  readonly __typename?: 'Review';
  /** When it was approved or rejected. */
  readonly completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** SHA-256 of the content under review. */
  readonly contentDigest: Scalars['String']['output'];
  /** The step the review waits on or is paused at; null once ended. */
  readonly currentStep?: Maybe<ReviewStep>;
  /** Name of the design when submitted. */
  readonly designName: Scalars['String']['output'];
  /** The design version under review. */
  readonly designVersion: Scalars['Int']['output'];
  /** Values supplied for required fields. */
  readonly fields: ReadonlyArray<ReviewField>;
  /** The full audit trail, oldest first. */
  readonly history: ReadonlyArray<ReviewHistoryEntry>;
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** The design under review (as the caller may see it). */
  readonly microCredential: MicroCredential;
  /** The endorsement gate the design must also pass before publication. */
  readonly publicationGate: PublicationGate;
  /**
   * URL of the QA body's signed OB 3.0 EndorsementCredential of the approved design version (the
   * workflow, each step with its decision date, the content hash approved); null until the review
   * approved the version and the endorsement was signed. Served publicly once that version is
   * published, and embedded in the achievement of the credentials issued under it.
   */
  readonly qaEndorsement?: Maybe<Scalars['String']['output']>;
  /** Submission round. */
  readonly round: Scalars['Int']['output'];
  /** Status of the review. */
  readonly status: ReviewStatus;
  /** Every step with its state. */
  readonly steps: ReadonlyArray<ReviewStep>;
  /** When it was submitted. */
  readonly submittedAt: Scalars['DateTime']['output'];
  /** Who submitted it. */
  readonly submittedBy: Actor;
  /** Optimistic-concurrency version. */
  readonly version: Scalars['Int']['output'];
  /** Name of the workflow. */
  readonly workflowName: Scalars['String']['output'];
  /** Version of the workflow the review follows. */
  readonly workflowVersion: Scalars['Int']['output'];
};

/** Actions recorded in a review's audit trail. */
export type ReviewAction =
  /** A reviewer approved a step. */
  | 'APPROVED'
  /** A reviewer requested changes. */
  | 'CHANGES_REQUESTED'
  /** The author supplied required fields. */
  | 'FIELDS_SUPPLIED'
  /** A reviewer rejected the design. */
  | 'REJECTED'
  /** The author resubmitted after changes. */
  | 'RESUBMITTED'
  /** The author submitted the design. */
  | 'SUBMITTED';

/** A page of reviews. */
export type ReviewConnection = {
  readonly __typename?: 'ReviewConnection';
  /** The reviews. */
  readonly nodes: ReadonlyArray<Review>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/** A decision on the current step of a review. */
export type ReviewDecisionInput = {
  /** Supporting documents (at most 10). */
  readonly attachments?: InputMaybe<ReadonlyArray<AttachmentInput>>;
  /** The reasoning (at most 5,000 characters). */
  readonly comment?: InputMaybe<Scalars['String']['input']>;
  /** The decision. */
  readonly outcome: DecisionOutcome;
  /** Key of the step being decided; must be the current step. */
  readonly stepKey: Scalars['String']['input'];
};

/** A value supplied for a required field. */
export type ReviewField = {
  readonly __typename?: 'ReviewField';
  /** The field's key. */
  readonly key: Scalars['String']['output'];
  /** The value (text or link). */
  readonly value: Scalars['String']['output'];
};

/** A required field's value. */
export type ReviewFieldInput = {
  /** The field's key, e.g. `conceptForm`. */
  readonly key: Scalars['String']['input'];
  /** The value (at most 2,048 characters). */
  readonly value: Scalars['String']['input'];
};

/** One entry of a review's append-only audit trail. */
export type ReviewHistoryEntry = {
  readonly __typename?: 'ReviewHistoryEntry';
  /** What happened. */
  readonly action: ReviewAction;
  /** Who did it. */
  readonly actor: Actor;
  /** When. */
  readonly at: Scalars['DateTime']['output'];
  /** Documents attached. */
  readonly attachments: ReadonlyArray<Attachment>;
  /** Their comment. */
  readonly comment?: Maybe<Scalars['String']['output']>;
  /** SHA-256 of the design content this entry concerned. */
  readonly contentDigest?: Maybe<Scalars['String']['output']>;
  /** Hours the step waited before this decision (decisions only). */
  readonly hoursOnStep?: Maybe<Scalars['Float']['output']>;
  /** Role that decided (decisions only). */
  readonly role?: Maybe<Scalars['String']['output']>;
  /** Submission round (1, then +1 per resubmission). */
  readonly round: Scalars['Int']['output'];
  /** Position in the trail (1, 2, …). */
  readonly sequence: Scalars['Int']['output'];
  /** Key of the step concerned. */
  readonly stepKey?: Maybe<Scalars['String']['output']>;
  /** Name of the step concerned. */
  readonly stepName?: Maybe<Scalars['String']['output']>;
};

/** Status of a QA review. */
export type ReviewStatus =
  /** Every step approved. */
  | 'APPROVED'
  /** Paused: the author must make changes and resubmit. */
  | 'CHANGES_REQUESTED'
  /** Waiting on the current step's deciders. */
  | 'IN_PROGRESS'
  /** Rejected; the review has ended. */
  | 'REJECTED';

/** A step of a review, with its state. */
export type ReviewStep = {
  readonly __typename?: 'ReviewStep';
  /** When the step is due (current step only). */
  readonly dueAt?: Maybe<Scalars['DateTime']['output']>;
  /** Position of the step (0-based). */
  readonly index: Scalars['Int']['output'];
  /** Required fields of this step still without a value. */
  readonly missingFields: ReadonlyArray<Scalars['String']['output']>;
  /** True when the current step is past its due date. */
  readonly overdue: Scalars['Boolean']['output'];
  /** When the step became current (current step only). */
  readonly startedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the step stands. */
  readonly state: ReviewStepState;
  /** The step as the workflow defined it when the review started. */
  readonly step: QaStep;
};

/** Where a step of a review stands. */
export type ReviewStepState =
  /** Approved. */
  | 'APPROVED'
  /** The step the review is waiting on (or paused at). */
  | 'CURRENT'
  /** Not reached yet. */
  | 'PENDING'
  /** Rejected here. */
  | 'REJECTED';

/** A role to give, with what it needs. */
export type RoleAssignmentInput = {
  /** An assessor's designs (at most 50); omitted: all of the institution's. */
  readonly assessedDesigns?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  /** QA step roles (required for QA_REVIEWER, at most 20). */
  readonly qaRoles?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** The role. */
  readonly role: MemberRole;
};

/** A level of a component's rubric (OB 3.0 RubricCriterionLevel). */
export type RubricLevel = {
  readonly __typename?: 'RubricLevel';
  /** What the level means. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** Stable id within the rubric. */
  readonly id: Scalars['String']['output'];
  /** Name, e.g. Proficient. */
  readonly name: Scalars['String']['output'];
  /** Points, when the rubric scores. */
  readonly points?: Maybe<Scalars['Float']['output']>;
};

/** A rubric level. */
export type RubricLevelInput = {
  /** What it means (at most 500 characters). */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** Stable id (letters, digits, _ and -). */
  readonly id: Scalars['String']['input'];
  /** Name (at most 200 characters). */
  readonly name: Scalars['String']['input'];
  /** Points (0–1000). */
  readonly points?: InputMaybe<Scalars['Float']['input']>;
};

/** A share link of a credential. */
export type ShareLink = {
  readonly __typename?: 'ShareLink';
  /** When it was created. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** When it stops working (distinct from the credential's own validity). */
  readonly expiresAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** When it was revoked, if it was. */
  readonly revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A signing key held in KMS (only its public part ever leaves it). */
export type SigningKey = {
  readonly __typename?: 'SigningKey';
  /** Algorithm. */
  readonly algorithm: KeyAlgorithm;
  /** When it was created. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** 1 for the first keys, +1 per rotation. */
  readonly generation: Scalars['Int']['output'];
  /** Key id within the issuer, e.g. `g1-ed25519`. */
  readonly keyId: Scalars['String']['output'];
  /** When a rotation retired it. */
  readonly retiredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it was revoked. */
  readonly revocationReason?: Maybe<Scalars['String']['output']>;
  /** When it was revoked. */
  readonly revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Status. */
  readonly status: KeyStatus;
  /** The verification method id credentials name (`did:web:…#keyId`). */
  readonly verificationMethod: Scalars['String']['output'];
};

/** A larger credential earned by holding micro-credentials: its own design (QA-reviewed like any other) and a rule over its parts. */
export type Stack = {
  readonly __typename?: 'Stack';
  /** When it was defined. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** What it recognises. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** The institution that defined it. */
  readonly institutionId: Scalars['ID']['output'];
  /** The stacked credential's design. */
  readonly microCredential?: Maybe<MicroCredential>;
  /** The design of the stacked credential. */
  readonly microCredentialId: Scalars['ID']['output'];
  /** Its name, e.g. Leadership. */
  readonly name: Scalars['String']['output'];
  /** What revoking a part does. */
  readonly onPartRevoked: PartRevocationPolicy;
  /** Its parts, in order (the levels of a chain). */
  readonly parts: ReadonlyArray<StackPart>;
  /** Parts needed: N for N_OF_M, every part otherwise. */
  readonly required: Scalars['Int']['output'];
  /** When it was retired. */
  readonly retiredAt?: Maybe<Scalars['DateTime']['output']>;
  /** How its parts combine. */
  readonly rule: StackRule;
  /** Where it stands. */
  readonly status: StackStatus;
  /** Increases with every change (for `expectedVersion`). */
  readonly version: Scalars['Int']['output'];
};

/** One part of a stack. */
export type StackPart = {
  readonly __typename?: 'StackPart';
  /** The other issuer's achievement id (EXTERNAL parts). */
  readonly achievementId?: Maybe<Scalars['String']['output']>;
  /** Where it comes from. */
  readonly kind: StackPartKind;
  /** The design (DESIGN parts). */
  readonly microCredentialId?: Maybe<Scalars['ID']['output']>;
  /** Its name. */
  readonly name: Scalars['String']['output'];
};

/** A part of a stack to define: exactly one of `microCredentialId`, or `achievementId` with `name`. */
export type StackPartInput = {
  /** An achievement issued elsewhere (its id, an http(s) URL), when the institution allows external parts. */
  readonly achievementId?: InputMaybe<Scalars['String']['input']>;
  /** One of the institution's designs. */
  readonly microCredentialId?: InputMaybe<Scalars['ID']['input']>;
  /** The external achievement's name (at most 200 characters). */
  readonly name?: InputMaybe<Scalars['String']['input']>;
};

/** Where a part comes from. */
export type StackPartKind =
  /** One of the institution's micro-credential designs. */
  | 'DESIGN'
  /** An achievement issued elsewhere, matched by its id in credentials learners import. */
  | 'EXTERNAL';

/** How a stack's parts combine. */
export type StackRule =
  /** Every part (horizontal: breadth across an area). */
  | 'ALL'
  /** Ordered levels, each deeper than the one before (vertical); a level counts once every level before it is held. */
  | 'CHAIN'
  /** Any `required` of the parts. */
  | 'N_OF_M';

/** Where a stack stands. */
export type StackStatus =
  /** Stacked credentials are issued when learners qualify. */
  | 'ACTIVE'
  /** No new stacked credentials; those issued are untouched. */
  | 'RETIRED';

/** Median time a step takes. */
export type StepTime = {
  readonly __typename?: 'StepTime';
  /** Decisions counted. */
  readonly decisions: Scalars['Int']['output'];
  /** Median hours from the step starting to its decision. */
  readonly medianHours: Scalars['Float']['output'];
  /** Step key. */
  readonly stepKey: Scalars['String']['output'];
  /** Step name. */
  readonly stepName: Scalars['String']['output'];
};

/** One round of evidence for one component. */
export type Submission = {
  readonly __typename?: 'Submission';
  /** The assessor's decision. */
  readonly assessment?: Maybe<Assessment>;
  /** The component. */
  readonly component: ComponentKind;
  /** The enrolment. */
  readonly enrolmentId: Scalars['ID']['output'];
  /** Files. */
  readonly files: ReadonlyArray<EvidenceFile>;
  /** Stable identifier. */
  readonly id: Scalars['ID']['output'];
  /** Whether the narrative may appear inside the credential. */
  readonly includeNarrative: Scalars['Boolean']['output'];
  /** Links. */
  readonly links: ReadonlyArray<EvidenceLink>;
  /** The micro-credential. */
  readonly microCredentialId: Scalars['ID']['output'];
  /** The learner's narrative (markdown). */
  readonly narrative: Scalars['String']['output'];
  /** Whether the learner made this evidence public. */
  readonly public: Scalars['Boolean']['output'];
  /** Round (1, 2, …). */
  readonly round: Scalars['Int']['output'];
  /** SUBMITTED, ACCEPTED or RETURNED. */
  readonly status: Scalars['String']['output'];
  /** When it was submitted. */
  readonly submittedAt: Scalars['DateTime']['output'];
};

/** A page of submissions. */
export type SubmissionConnection = {
  readonly __typename?: 'SubmissionConnection';
  /** The submissions. */
  readonly nodes: ReadonlyArray<Submission>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/** An endorsement, of exactly one design or institution. */
export type SubmitEndorsementInput = {
  /** The comment (markdown, at most 5,000 characters); required unless `credential` is given, and not with it. */
  readonly comment?: InputMaybe<Scalars['String']['input']>;
  /** Competencies the partner vouches for (names); not with `credential`. */
  readonly competencies?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** An EndorsementCredential the partner signed itself (verified before it is accepted; each credential id once). Its comment and validUntil become the endorsement's. */
  readonly credential?: InputMaybe<Scalars['JSON']['input']>;
  /** When the endorsement stops counting (in the future); not with `credential`, whose validUntil says it. */
  readonly expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The institution endorsed. */
  readonly institutionId?: InputMaybe<Scalars['ID']['input']>;
  /** The invitation this answers. */
  readonly invitationId?: InputMaybe<Scalars['ID']['input']>;
  /** The design endorsed. */
  readonly microCredentialId?: InputMaybe<Scalars['ID']['input']>;
};

/** Evidence for one component. */
export type SubmitEvidenceInput = {
  /** The component. */
  readonly component: ComponentKind;
  /** Uploaded files (at most 10). */
  readonly fileIds?: InputMaybe<ReadonlyArray<Scalars['ID']['input']>>;
  /** Whether the narrative may appear inside the credential (default: yes for public evidence except the reflective component; private evidence only when set to true). */
  readonly includeNarrative?: InputMaybe<Scalars['Boolean']['input']>;
  /** Links (at most 20). */
  readonly links?: InputMaybe<ReadonlyArray<EvidenceLinkInput>>;
  /** The narrative (markdown, at most 20,000 characters). */
  readonly narrative?: InputMaybe<Scalars['String']['input']>;
  /** Whether this evidence is public (default: private). */
  readonly public?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Submission of a design for review. */
export type SubmitForReviewInput = {
  /** A note to the reviewers. */
  readonly comment?: InputMaybe<Scalars['String']['input']>;
  /** Values for the workflow's required fields. */
  readonly fields?: InputMaybe<ReadonlyArray<ReviewFieldInput>>;
};

/** A receiver to subscribe; name either the institution (issuer admins) or the partner (partner admins). */
export type SubscribeWebhookInput = {
  /** What the subscription is for. */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** Event types to send (at most 50): exact types, a prefix such as endorsement.*, or *. */
  readonly eventTypes: ReadonlyArray<Scalars['String']['input']>;
  /** The institution whose events are sent. */
  readonly institutionId?: InputMaybe<Scalars['ID']['input']>;
  /** The partner whose events are sent. */
  readonly partnerId?: InputMaybe<Scalars['ID']['input']>;
  /** Where to post events (https). */
  readonly url: Scalars['String']['input'];
};

/** Values for required fields of an open review. */
export type SupplyReviewFieldsInput = {
  /** A note to the reviewers. */
  readonly comment?: InputMaybe<Scalars['String']['input']>;
  /** The values (at least one). */
  readonly fields: ReadonlyArray<ReviewFieldInput>;
};

/** Changes to an institution; only the fields given change. */
export type UpdateInstitutionInput = {
  /** Postal address (replaced whole). */
  readonly address?: InputMaybe<AddressInput>;
  /** A short description (at most 5,000 characters). */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** Contact email. */
  readonly email?: InputMaybe<Scalars['String']['input']>;
  /** URL of the institution's logo. */
  readonly image?: InputMaybe<Scalars['String']['input']>;
  /** Name shown on credentials (at most 200 characters). */
  readonly name?: InputMaybe<Scalars['String']['input']>;
  /** Contact phone number (at most 40 characters). */
  readonly phone?: InputMaybe<Scalars['String']['input']>;
  /** Rules for the institution's micro-credentials; only the fields given change. */
  readonly settings?: InputMaybe<InstitutionSettingsInput>;
  /** The institution's public web site (http or https). */
  readonly url?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to a design; only the fields given change, lists and components are replaced whole. */
export type UpdateMicroCredentialInput = {
  /** Achievement type. */
  readonly achievementType?: InputMaybe<AchievementType>;
  /** Type of assessment. */
  readonly assessmentType?: InputMaybe<Scalars['String']['input']>;
  /** Competencies (at most 50). */
  readonly competencies?: InputMaybe<ReadonlyArray<CompetencyInput>>;
  /** The three components. */
  readonly components?: InputMaybe<ComponentsInput>;
  /** Criteria narrative (markdown, at most 20,000 characters). */
  readonly criteria?: InputMaybe<Scalars['String']['input']>;
  /** Description (at most 5,000 characters). */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** The EU and Ontario elements, replaced whole. */
  readonly elements?: InputMaybe<DesignElementsInput>;
  /** Field of study. */
  readonly fieldOfStudy?: InputMaybe<Scalars['String']['input']>;
  /** Course or program code. */
  readonly humanCode?: InputMaybe<Scalars['String']['input']>;
  /** The badge image. */
  readonly image?: InputMaybe<ImageInput>;
  /** Language (BCP 47). */
  readonly language?: InputMaybe<Scalars['String']['input']>;
  /** Learning outcomes (1–30). */
  readonly learningOutcomes?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Level in a qualifications framework. */
  readonly level?: InputMaybe<LevelInput>;
  /** Name (at most 200 characters). */
  readonly name?: InputMaybe<Scalars['String']['input']>;
  /** Form of participation. */
  readonly participationForm?: InputMaybe<ParticipationForm>;
  /** Prerequisites. */
  readonly prerequisites?: InputMaybe<Scalars['String']['input']>;
  /** Specialization. */
  readonly specialization?: InputMaybe<Scalars['String']['input']>;
  /** Keywords. */
  readonly tags?: InputMaybe<ReadonlyArray<Scalars['String']['input']>>;
  /** Months a credential stays valid (1–600). */
  readonly validityMonths?: InputMaybe<Scalars['Int']['input']>;
  /** Notional workload. */
  readonly workload?: InputMaybe<WorkloadInput>;
};

/** Changes to a partner. */
export type UpdatePartnerInput = {
  /** Description. */
  readonly description?: InputMaybe<Scalars['String']['input']>;
  /** A DID the partner controls. */
  readonly did?: InputMaybe<Scalars['String']['input']>;
  /** Contact email. */
  readonly email?: InputMaybe<Scalars['String']['input']>;
  /** Logo URL. */
  readonly image?: InputMaybe<Scalars['String']['input']>;
  /** Name. */
  readonly name?: InputMaybe<Scalars['String']['input']>;
  /** Web site. */
  readonly url?: InputMaybe<Scalars['String']['input']>;
};

/** Where to upload one evidence file. */
export type UploadTicket = {
  readonly __typename?: 'UploadTicket';
  /** When the URL stops working. */
  readonly expiresAt: Scalars['DateTime']['output'];
  /** The file's id, to list in submitEvidence. */
  readonly fileId: Scalars['ID']['output'];
  /** Headers the PUT must carry. */
  readonly headers: Scalars['JSON']['output'];
  /** PUT the file here, with the headers below, before it expires. */
  readonly uploadUrl: Scalars['String']['output'];
};

/** One named check of a verification. */
export type VerificationCheck = {
  readonly __typename?: 'VerificationCheck';
  /** What was found, in words a person can read. */
  readonly message: Scalars['String']['output'];
  /** What was checked: well-formed, proof, issuer-key, status, validity-window, achievement-approval, endorsements, recipient. */
  readonly name: Scalars['String']['output'];
  /** Its outcome. */
  readonly status: CheckStatus;
};

/** The result of verifying a credential. */
export type VerificationResult = {
  readonly __typename?: 'VerificationResult';
  /** The achievement. */
  readonly achievement?: Maybe<VerifiedAchievement>;
  /** Every check, in order. */
  readonly checks: ReadonlyArray<VerificationCheck>;
  /** The credential's id. */
  readonly credentialId?: Maybe<Scalars['String']['output']>;
  /** Endorsements of the achievement. */
  readonly endorsements: ReadonlyArray<VerifiedEndorsement>;
  /** `JSON-LD` or `VC-JWT`. */
  readonly format?: Maybe<Scalars['String']['output']>;
  /** The issuer. */
  readonly issuer?: Maybe<VerifiedIssuer>;
  /** Where the credential stands. */
  readonly status: VerificationStatus;
  /** Start of validity. */
  readonly validFrom?: Maybe<Scalars['String']['output']>;
  /** End of validity. */
  readonly validUntil?: Maybe<Scalars['String']['output']>;
  /** True when every essential check passed. */
  readonly verified: Scalars['Boolean']['output'];
};

/** Where a credential stands for a verifier. */
export type VerificationStatus =
  /** Genuine and current. */
  | 'ACTIVE'
  /** Past its validity period. */
  | 'EXPIRED'
  /** Not valid yet. */
  | 'NOT_YET_VALID'
  /** Revoked by its issuer. */
  | 'REVOKED'
  /** Suspended by its issuer. */
  | 'SUSPENDED'
  /** Could not be established (e.g. the proof did not verify). */
  | 'UNKNOWN';

/** The achievement the credential certifies. */
export type VerifiedAchievement = {
  readonly __typename?: 'VerifiedAchievement';
  /** OB 3.0 achievement type. */
  readonly achievementType?: Maybe<Scalars['String']['output']>;
  /** Description. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** Its id (URL). */
  readonly id?: Maybe<Scalars['String']['output']>;
  /** Image URL. */
  readonly image?: Maybe<Scalars['String']['output']>;
  /** Name. */
  readonly name?: Maybe<Scalars['String']['output']>;
};

/** An endorsement of the achievement, as verified. */
export type VerifiedEndorsement = {
  readonly __typename?: 'VerifiedEndorsement';
  /** The endorsement credential's id. */
  readonly id?: Maybe<Scalars['String']['output']>;
  /** The endorser's id. */
  readonly issuerId?: Maybe<Scalars['String']['output']>;
  /** The endorser's name. */
  readonly issuerName?: Maybe<Scalars['String']['output']>;
  /** True when its proof, key, status and validity check out and it was not withdrawn. */
  readonly verified: Scalars['Boolean']['output'];
  /** True when the endorser withdrew it after the credential was issued. */
  readonly withdrawn: Scalars['Boolean']['output'];
};

/** The issuer as the credential names it. */
export type VerifiedIssuer = {
  readonly __typename?: 'VerifiedIssuer';
  /** The issuer's id (a DID or URL). */
  readonly id: Scalars['String']['output'];
  /** Its name. */
  readonly name?: Maybe<Scalars['String']['output']>;
  /** True when the issuer is an institution on this platform. */
  readonly registeredHere: Scalars['Boolean']['output'];
  /** Its web site. */
  readonly url?: Maybe<Scalars['String']['output']>;
};

/** A credential to verify: exactly one of `id`, `credential`, `jwt` or `image`. */
export type VerifyCredentialInput = {
  /** An OB 3.0 credential as JSON-LD (at most 1 MB, nesting at most 40 levels). */
  readonly credential?: InputMaybe<Scalars['JSON']['input']>;
  /** A credential id or URL issued here (public credentials, or shared ones with `shareToken`). */
  readonly id?: InputMaybe<Scalars['String']['input']>;
  /** A baked PNG or SVG badge, base64 (at most 5 MB). */
  readonly image?: InputMaybe<Scalars['String']['input']>;
  /** A VC-JWT (at most 512 KB). */
  readonly jwt?: InputMaybe<Scalars['String']['input']>;
  /** The secret of a share link, when verifying by id a credential shared by link. */
  readonly shareToken?: InputMaybe<Scalars['String']['input']>;
};

/** The caller, as identified by their token or API key. */
export type Viewer = {
  readonly __typename?: 'Viewer';
  /** Subject of the token (a user id) or the partner id for API keys. */
  readonly id: Scalars['ID']['output'];
  /** The institution a staff member belongs to. */
  readonly institutionId?: Maybe<Scalars['ID']['output']>;
  /** `user` or `partner`. */
  readonly kind: Scalars['String']['output'];
  /** The QA step roles the caller decides for their institution. */
  readonly qaRoles: ReadonlyArray<Scalars['String']['output']>;
  /** Platform roles held by the caller. */
  readonly roles: ReadonlyArray<Scalars['String']['output']>;
};

/** Who may see a credential's page and data. */
export type Visibility =
  /** Anyone holding a share link (with a secret token and an expiry). */
  | 'LINK'
  /** Only the learner, the issuer, and verifiers given the full credential. */
  | 'PRIVATE'
  /** Anyone with the URL. */
  | 'PUBLIC';

/** One event sent to one receiver, with its attempts. */
export type WebhookDelivery = {
  readonly __typename?: 'WebhookDelivery';
  /** Attempts so far, oldest first. */
  readonly attempts: ReadonlyArray<DeliveryAttempt>;
  /** When it was made. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** When the receiver accepted it. */
  readonly deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The event's id. */
  readonly eventId: Scalars['ID']['output'];
  /** The event's type. */
  readonly eventType: Scalars['String']['output'];
  /** The delivery's id (replay it with replayWebhookDelivery). */
  readonly id: Scalars['ID']['output'];
  /** The webhook-id header: the same across retries and replays. */
  readonly messageId: Scalars['String']['output'];
  /** When the next attempt is due (pending deliveries). */
  readonly nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** The JSON body sent. */
  readonly payload: Scalars['String']['output'];
  /** PENDING (being tried), DELIVERED, or DEAD (dead-lettered after about 27 hours of retries). */
  readonly status: Scalars['String']['output'];
};

/** A page of deliveries. */
export type WebhookDeliveryConnection = {
  readonly __typename?: 'WebhookDeliveryConnection';
  /** The deliveries. */
  readonly nodes: ReadonlyArray<WebhookDelivery>;
  /** Where the next page starts. */
  readonly pageInfo: PageInfo;
};

/** A receiver of an institution's or a partner's events, signed per Standard Webhooks. */
export type WebhookSubscription = {
  readonly __typename?: 'WebhookSubscription';
  /** False once unsubscribed (its delivery log is kept). */
  readonly active: Scalars['Boolean']['output'];
  /** When it was made. */
  readonly createdAt: Scalars['DateTime']['output'];
  /** Deliveries to this receiver, newest first: the delivery log. */
  readonly deliveries: WebhookDeliveryConnection;
  /** What the subscription is for. */
  readonly description?: Maybe<Scalars['String']['output']>;
  /** Event types sent (e.g. credential.issued, endorsement.*, or * for all). */
  readonly eventTypes: ReadonlyArray<Scalars['String']['output']>;
  /** The subscription's id. */
  readonly id: Scalars['ID']['output'];
  /** The institution or partner whose events are sent. */
  readonly ownerId: Scalars['ID']['output'];
  /** INSTITUTION or PARTNER: whose events are sent. */
  readonly ownerKind: Scalars['String']['output'];
  /** Where events are posted (https; loopback only on a local platform). */
  readonly url: Scalars['String']['output'];
};


/** A receiver of an institution's or a partner's events, signed per Standard Webhooks. */
export type WebhookSubscriptionDeliveriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Notional learning time (the EU element "workload"). */
export type Workload = {
  readonly __typename?: 'Workload';
  /** ECTS credits. */
  readonly ects?: Maybe<Scalars['Float']['output']>;
  /** Hours of learning. */
  readonly hours?: Maybe<Scalars['Float']['output']>;
};

/** Notional workload: hours, ECTS credits, or both. */
export type WorkloadInput = {
  /** ECTS credits, in halves (up to 240). */
  readonly ects?: InputMaybe<Scalars['Float']['input']>;
  /** Hours of learning (up to 10,000). */
  readonly hours?: InputMaybe<Scalars['Float']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AchievementType: AchievementType;
  Actor: ResolverTypeWrapper<Actor>;
  Address: ResolverTypeWrapper<Address>;
  AddressInput: AddressInput;
  AlignmentTargetType: AlignmentTargetType;
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  ApiKeyScope: null;
  AssessEvidenceInput: AssessEvidenceInput;
  Assessment: ResolverTypeWrapper<Assessment>;
  AssessmentMethod: AssessmentMethod;
  AssessmentSupervision: AssessmentSupervision;
  Attachment: ResolverTypeWrapper<Attachment>;
  AttachmentInput: AttachmentInput;
  AwardFailure: ResolverTypeWrapper<AwardFailure>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BulkIssuanceFailure: ResolverTypeWrapper<BulkRowModel>;
  BulkIssuanceFailureConnection: ResolverTypeWrapper<Omit<BulkIssuanceFailureConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['BulkIssuanceFailure']> }>;
  BulkIssuanceInput: BulkIssuanceInput;
  BulkIssuanceJob: ResolverTypeWrapper<BulkJobModel>;
  BulkJobStatus: BulkJobStatus;
  CheckStatus: CheckStatus;
  Competency: ResolverTypeWrapper<Competency>;
  CompetencyInput: CompetencyInput;
  Component: ResolverTypeWrapper<Component>;
  ComponentInput: ComponentInput;
  ComponentKind: ComponentKind;
  ComponentProgress: ResolverTypeWrapper<ComponentProgressViewModel>;
  ComponentStatus: ComponentStatus;
  Components: ResolverTypeWrapper<Components>;
  ComponentsInput: ComponentsInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateInstitutionInput: CreateInstitutionInput;
  CreateMicroCredentialInput: CreateMicroCredentialInput;
  CreatePartnerInput: CreatePartnerInput;
  CreatedApiKey: ResolverTypeWrapper<CreatedApiKeyModel>;
  CreatedShareLink: ResolverTypeWrapper<CreatedShareLinkModel>;
  CreatedWebhookSubscription: ResolverTypeWrapper<SubscriptionWithSecretModel>;
  Credential: ResolverTypeWrapper<CredentialRecordModel>;
  CredentialConnection: ResolverTypeWrapper<Omit<CredentialConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['Credential']> }>;
  CredentialStatus: CredentialStatus;
  CredentialStatusChange: ResolverTypeWrapper<StatusAuditEntryModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DecisionOutcome: DecisionOutcome;
  DefineStackInput: DefineStackInput;
  DeliveryAttempt: ResolverTypeWrapper<DeliveryAttempt>;
  DesignAssessment: ResolverTypeWrapper<DesignAssessment>;
  DesignAssessmentInput: DesignAssessmentInput;
  DesignElements: ResolverTypeWrapper<DesignElements>;
  DesignElementsInput: DesignElementsInput;
  DesignQualityAssurance: ResolverTypeWrapper<DesignQualityAssurance>;
  DesignQualityAssuranceInput: DesignQualityAssuranceInput;
  DesignStatus: DesignStatus;
  DomainEvent: ResolverTypeWrapper<DomainEventModel>;
  DomainEventConnection: ResolverTypeWrapper<Omit<DomainEventConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['DomainEvent']> }>;
  EndorsedDesignStatistics: ResolverTypeWrapper<EndorsedDesignStatistics>;
  Endorsement: ResolverTypeWrapper<EndorsementModel>;
  EndorsementConnection: ResolverTypeWrapper<Omit<EndorsementConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['Endorsement']> }>;
  EndorsementInvitation: ResolverTypeWrapper<InvitationModel>;
  EndorsementStatus: EndorsementStatus;
  EndorsementTargetKind: EndorsementTargetKind;
  Enrolment: ResolverTypeWrapper<EnrolmentModel>;
  EnrolmentConnection: ResolverTypeWrapper<Omit<EnrolmentConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['Enrolment']> }>;
  EnrolmentStatus: EnrolmentStatus;
  EvidenceFile: ResolverTypeWrapper<EvidenceFileViewModel>;
  EvidenceLink: ResolverTypeWrapper<EvidenceLink>;
  EvidenceLinkInput: EvidenceLinkInput;
  EvidenceUploadInput: EvidenceUploadInput;
  FirstAdminInput: FirstAdminInput;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  HeldStackPart: ResolverTypeWrapper<HeldPartModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IdentityVerification: IdentityVerification;
  Image: ResolverTypeWrapper<Image>;
  ImageInput: ImageInput;
  ImportedCredential: ResolverTypeWrapper<ImportedCredentialModel>;
  Institution: ResolverTypeWrapper<InstitutionModel>;
  InstitutionConnection: ResolverTypeWrapper<Omit<InstitutionConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['Institution']> }>;
  InstitutionSettings: ResolverTypeWrapper<InstitutionSettings>;
  InstitutionSettingsInput: InstitutionSettingsInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InvitationStatus: InvitationStatus;
  InviteMemberInput: InviteMemberInput;
  IssueCredentialInput: IssueCredentialInput;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  KeyAlgorithm: KeyAlgorithm;
  KeyStatus: KeyStatus;
  Level: ResolverTypeWrapper<Level>;
  LevelInput: LevelInput;
  Member: ResolverTypeWrapper<MemberModel>;
  MemberConnection: ResolverTypeWrapper<Omit<MemberConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['Member']> }>;
  MemberRole: null;
  MemberStatus: MemberStatus;
  MessageKind: MessageKind;
  MicroCredential: ResolverTypeWrapper<MicroCredentialModel>;
  MicroCredentialConnection: ResolverTypeWrapper<Omit<MicroCredentialConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['MicroCredential']> }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  MyCredentials: ResolverTypeWrapper<MyCredentialsViewModel>;
  NotificationPreference: ResolverTypeWrapper<PreferenceViewModel>;
  NotificationPreferenceInput: NotificationPreferenceInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PartRevocationPolicy: PartRevocationPolicy;
  ParticipationForm: ParticipationForm;
  Partner: ResolverTypeWrapper<PartnerModel>;
  PartnerConnection: ResolverTypeWrapper<Omit<PartnerConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['Partner']> }>;
  PathwayProgress: ResolverTypeWrapper<PathwayProgressModel>;
  PublicationGate: ResolverTypeWrapper<PublicationGate>;
  QaFieldKind: QaFieldKind;
  QaRequiredField: ResolverTypeWrapper<QaRequiredField>;
  QaRequiredFieldInput: QaRequiredFieldInput;
  QaStatistics: ResolverTypeWrapper<QaStatistics>;
  QaStep: ResolverTypeWrapper<QaStep>;
  QaStepInput: QaStepInput;
  QaWorkflow: ResolverTypeWrapper<QaWorkflowModel>;
  QaWorkflowInput: QaWorkflowInput;
  QualityAssuranceType: QualityAssuranceType;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  QueueItem: ResolverTypeWrapper<QueueEntryModel>;
  RecipientInput: RecipientInput;
  RespondToInvitationInput: RespondToInvitationInput;
  Review: ResolverTypeWrapper<ReviewModel>;
  ReviewAction: ReviewAction;
  ReviewConnection: ResolverTypeWrapper<Omit<ReviewConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['Review']> }>;
  ReviewDecisionInput: ReviewDecisionInput;
  ReviewField: ResolverTypeWrapper<ReviewField>;
  ReviewFieldInput: ReviewFieldInput;
  ReviewHistoryEntry: ResolverTypeWrapper<HistoryEntryModel>;
  ReviewStatus: ReviewStatus;
  ReviewStep: ResolverTypeWrapper<ReviewStepViewModel>;
  ReviewStepState: ReviewStepState;
  RoleAssignmentInput: RoleAssignmentInput;
  RubricLevel: ResolverTypeWrapper<RubricLevel>;
  RubricLevelInput: RubricLevelInput;
  ShareLink: ResolverTypeWrapper<ShareLinkModel>;
  SigningKey: ResolverTypeWrapper<IssuerKeyModel>;
  Stack: ResolverTypeWrapper<StackModel>;
  StackPart: ResolverTypeWrapper<StackPartModel>;
  StackPartInput: StackPartInput;
  StackPartKind: StackPartKind;
  StackRule: StackRule;
  StackStatus: StackStatus;
  StepTime: ResolverTypeWrapper<StepTime>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Submission: ResolverTypeWrapper<SubmissionModel>;
  SubmissionConnection: ResolverTypeWrapper<Omit<SubmissionConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['Submission']> }>;
  SubmitEndorsementInput: SubmitEndorsementInput;
  SubmitEvidenceInput: SubmitEvidenceInput;
  SubmitForReviewInput: SubmitForReviewInput;
  SubscribeWebhookInput: SubscribeWebhookInput;
  SupplyReviewFieldsInput: SupplyReviewFieldsInput;
  UpdateInstitutionInput: UpdateInstitutionInput;
  UpdateMicroCredentialInput: UpdateMicroCredentialInput;
  UpdatePartnerInput: UpdatePartnerInput;
  UploadTicket: ResolverTypeWrapper<UploadTicketModel>;
  VerificationCheck: ResolverTypeWrapper<VerificationCheck>;
  VerificationResult: ResolverTypeWrapper<VerificationResultModel>;
  VerificationStatus: VerificationStatus;
  VerifiedAchievement: ResolverTypeWrapper<VerifiedAchievement>;
  VerifiedEndorsement: ResolverTypeWrapper<VerifiedEndorsement>;
  VerifiedIssuer: ResolverTypeWrapper<VerifiedIssuer>;
  VerifyCredentialInput: VerifyCredentialInput;
  Viewer: ResolverTypeWrapper<Viewer>;
  Visibility: Visibility;
  WebhookDelivery: ResolverTypeWrapper<DeliveryModel>;
  WebhookDeliveryConnection: ResolverTypeWrapper<Omit<WebhookDeliveryConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversTypes['WebhookDelivery']> }>;
  WebhookSubscription: ResolverTypeWrapper<WebhookSubscriptionModel>;
  Workload: ResolverTypeWrapper<Workload>;
  WorkloadInput: WorkloadInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Actor: Actor;
  Address: Address;
  AddressInput: AddressInput;
  ApiKey: ApiKeyModel;
  AssessEvidenceInput: AssessEvidenceInput;
  Assessment: Assessment;
  Attachment: Attachment;
  AttachmentInput: AttachmentInput;
  AwardFailure: AwardFailure;
  Boolean: Scalars['Boolean']['output'];
  BulkIssuanceFailure: BulkRowModel;
  BulkIssuanceFailureConnection: Omit<BulkIssuanceFailureConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['BulkIssuanceFailure']> };
  BulkIssuanceInput: BulkIssuanceInput;
  BulkIssuanceJob: BulkJobModel;
  Competency: Competency;
  CompetencyInput: CompetencyInput;
  Component: Component;
  ComponentInput: ComponentInput;
  ComponentProgress: ComponentProgressViewModel;
  Components: Components;
  ComponentsInput: ComponentsInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateInstitutionInput: CreateInstitutionInput;
  CreateMicroCredentialInput: CreateMicroCredentialInput;
  CreatePartnerInput: CreatePartnerInput;
  CreatedApiKey: CreatedApiKeyModel;
  CreatedShareLink: CreatedShareLinkModel;
  CreatedWebhookSubscription: SubscriptionWithSecretModel;
  Credential: CredentialRecordModel;
  CredentialConnection: Omit<CredentialConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['Credential']> };
  CredentialStatusChange: StatusAuditEntryModel;
  DateTime: Scalars['DateTime']['output'];
  DefineStackInput: DefineStackInput;
  DeliveryAttempt: DeliveryAttempt;
  DesignAssessment: DesignAssessment;
  DesignAssessmentInput: DesignAssessmentInput;
  DesignElements: DesignElements;
  DesignElementsInput: DesignElementsInput;
  DesignQualityAssurance: DesignQualityAssurance;
  DesignQualityAssuranceInput: DesignQualityAssuranceInput;
  DomainEvent: DomainEventModel;
  DomainEventConnection: Omit<DomainEventConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['DomainEvent']> };
  EndorsedDesignStatistics: EndorsedDesignStatistics;
  Endorsement: EndorsementModel;
  EndorsementConnection: Omit<EndorsementConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['Endorsement']> };
  EndorsementInvitation: InvitationModel;
  Enrolment: EnrolmentModel;
  EnrolmentConnection: Omit<EnrolmentConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['Enrolment']> };
  EvidenceFile: EvidenceFileViewModel;
  EvidenceLink: EvidenceLink;
  EvidenceLinkInput: EvidenceLinkInput;
  EvidenceUploadInput: EvidenceUploadInput;
  FirstAdminInput: FirstAdminInput;
  Float: Scalars['Float']['output'];
  HeldStackPart: HeldPartModel;
  ID: Scalars['ID']['output'];
  Image: Image;
  ImageInput: ImageInput;
  ImportedCredential: ImportedCredentialModel;
  Institution: InstitutionModel;
  InstitutionConnection: Omit<InstitutionConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['Institution']> };
  InstitutionSettings: InstitutionSettings;
  InstitutionSettingsInput: InstitutionSettingsInput;
  Int: Scalars['Int']['output'];
  InviteMemberInput: InviteMemberInput;
  IssueCredentialInput: IssueCredentialInput;
  JSON: Scalars['JSON']['output'];
  Level: Level;
  LevelInput: LevelInput;
  Member: MemberModel;
  MemberConnection: Omit<MemberConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['Member']> };
  MicroCredential: MicroCredentialModel;
  MicroCredentialConnection: Omit<MicroCredentialConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['MicroCredential']> };
  Mutation: Record<PropertyKey, never>;
  MyCredentials: MyCredentialsViewModel;
  NotificationPreference: PreferenceViewModel;
  NotificationPreferenceInput: NotificationPreferenceInput;
  PageInfo: PageInfo;
  Partner: PartnerModel;
  PartnerConnection: Omit<PartnerConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['Partner']> };
  PathwayProgress: PathwayProgressModel;
  PublicationGate: PublicationGate;
  QaRequiredField: QaRequiredField;
  QaRequiredFieldInput: QaRequiredFieldInput;
  QaStatistics: QaStatistics;
  QaStep: QaStep;
  QaStepInput: QaStepInput;
  QaWorkflow: QaWorkflowModel;
  QaWorkflowInput: QaWorkflowInput;
  Query: Record<PropertyKey, never>;
  QueueItem: QueueEntryModel;
  RecipientInput: RecipientInput;
  RespondToInvitationInput: RespondToInvitationInput;
  Review: ReviewModel;
  ReviewConnection: Omit<ReviewConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['Review']> };
  ReviewDecisionInput: ReviewDecisionInput;
  ReviewField: ReviewField;
  ReviewFieldInput: ReviewFieldInput;
  ReviewHistoryEntry: HistoryEntryModel;
  ReviewStep: ReviewStepViewModel;
  RoleAssignmentInput: RoleAssignmentInput;
  RubricLevel: RubricLevel;
  RubricLevelInput: RubricLevelInput;
  ShareLink: ShareLinkModel;
  SigningKey: IssuerKeyModel;
  Stack: StackModel;
  StackPart: StackPartModel;
  StackPartInput: StackPartInput;
  StepTime: StepTime;
  String: Scalars['String']['output'];
  Submission: SubmissionModel;
  SubmissionConnection: Omit<SubmissionConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['Submission']> };
  SubmitEndorsementInput: SubmitEndorsementInput;
  SubmitEvidenceInput: SubmitEvidenceInput;
  SubmitForReviewInput: SubmitForReviewInput;
  SubscribeWebhookInput: SubscribeWebhookInput;
  SupplyReviewFieldsInput: SupplyReviewFieldsInput;
  UpdateInstitutionInput: UpdateInstitutionInput;
  UpdateMicroCredentialInput: UpdateMicroCredentialInput;
  UpdatePartnerInput: UpdatePartnerInput;
  UploadTicket: UploadTicketModel;
  VerificationCheck: VerificationCheck;
  VerificationResult: VerificationResultModel;
  VerifiedAchievement: VerifiedAchievement;
  VerifiedEndorsement: VerifiedEndorsement;
  VerifiedIssuer: VerifiedIssuer;
  VerifyCredentialInput: VerifyCredentialInput;
  Viewer: Viewer;
  WebhookDelivery: DeliveryModel;
  WebhookDeliveryConnection: Omit<WebhookDeliveryConnection, 'nodes'> & { nodes: ReadonlyArray<ResolversParentTypes['WebhookDelivery']> };
  WebhookSubscription: WebhookSubscriptionModel;
  Workload: Workload;
  WorkloadInput: WorkloadInput;
};

export type ActorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Actor'] = ResolversParentTypes['Actor']> = {
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AddressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = {
  addressCountry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  addressLocality?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  addressRegion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  streetAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ApiKeyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rotatedFrom?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  scopes?: Resolver<ReadonlyArray<ResolversTypes['ApiKeyScope']>, ParentType, ContextType>;
};

export type ApiKeyScopeResolvers = { ENDORSEMENTS_READ: 'endorsements:read', ENDORSEMENTS_WRITE: 'endorsements:write' };

export type AssessmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Assessment'] = ResolversParentTypes['Assessment']> = {
  assessorId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decidedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  feedback?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rubricLevelId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AttachmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Attachment'] = ResolversParentTypes['Attachment']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AwardFailureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AwardFailure'] = ResolversParentTypes['AwardFailure']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  failedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type BulkIssuanceFailureResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BulkIssuanceFailure'] = ResolversParentTypes['BulkIssuanceFailure']> = {
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  errorMessage?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BulkIssuanceFailureConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BulkIssuanceFailureConnection'] = ResolversParentTypes['BulkIssuanceFailureConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['BulkIssuanceFailure']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type BulkIssuanceJobResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BulkIssuanceJob'] = ResolversParentTypes['BulkIssuanceJob']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failures?: Resolver<ResolversTypes['BulkIssuanceFailureConnection'], ParentType, ContextType, Partial<BulkIssuanceJobFailuresArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  microCredentialId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  processed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BulkJobStatus'], ParentType, ContextType>;
  succeeded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CompetencyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Competency'] = ResolversParentTypes['Competency']> = {
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  framework?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['AlignmentTargetType']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ComponentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Component'] = ResolversParentTypes['Component']> = {
  criteria?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  evidenceGuidance?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rubric?: Resolver<Maybe<ReadonlyArray<ResolversTypes['RubricLevel']>>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ComponentProgressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ComponentProgress'] = ResolversParentTypes['ComponentProgress']> = {
  acceptedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  component?: Resolver<ResolversTypes['ComponentKind'], ParentType, ContextType>;
  latestSubmission?: Resolver<Maybe<ResolversTypes['Submission']>, ParentType, ContextType>;
  round?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ComponentStatus'], ParentType, ContextType>;
};

export type ComponentsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Components'] = ResolversParentTypes['Components']> = {
  demonstration?: Resolver<ResolversTypes['Component'], ParentType, ContextType>;
  educational?: Resolver<ResolversTypes['Component'], ParentType, ContextType>;
  reflective?: Resolver<ResolversTypes['Component'], ParentType, ContextType>;
};

export type CreatedApiKeyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = {
  key?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CreatedShareLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedShareLink'] = ResolversParentTypes['CreatedShareLink']> = {
  link?: Resolver<ResolversTypes['ShareLink'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CreatedWebhookSubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreatedWebhookSubscription'] = ResolversParentTypes['CreatedWebhookSubscription']> = {
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['WebhookSubscription'], ParentType, ContextType>;
};

export type CredentialResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Credential'] = ResolversParentTypes['Credential']> = {
  achievementName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  badgePngUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  badgeSvgUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  designVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  flaggedParts?: Resolver<ReadonlyArray<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  institution?: Resolver<ResolversTypes['Institution'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  json?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  jwt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  microCredentialId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parts?: Resolver<ReadonlyArray<ResolversTypes['ID']>, ParentType, ContextType>;
  recipientEmail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recipientName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shareLinks?: Resolver<ReadonlyArray<ResolversTypes['ShareLink']>, ParentType, ContextType>;
  showName?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CredentialStatus'], ParentType, ContextType>;
  statusHistory?: Resolver<ReadonlyArray<ResolversTypes['CredentialStatusChange']>, ParentType, ContextType>;
  statusReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  visibility?: Resolver<ResolversTypes['Visibility'], ParentType, ContextType>;
};

export type CredentialConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CredentialConnection'] = ResolversParentTypes['CredentialConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Credential']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type CredentialStatusChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CredentialStatusChange'] = ResolversParentTypes['CredentialStatusChange']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeliveryAttemptResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeliveryAttempt'] = ResolversParentTypes['DeliveryAttempt']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  statusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type DesignAssessmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DesignAssessment'] = ResolversParentTypes['DesignAssessment']> = {
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  methods?: Resolver<ReadonlyArray<ResolversTypes['AssessmentMethod']>, ParentType, ContextType>;
};

export type DesignElementsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DesignElements'] = ResolversParentTypes['DesignElements']> = {
  assessment?: Resolver<ResolversTypes['DesignAssessment'], ParentType, ContextType>;
  creditBearing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  identityVerification?: Resolver<ResolversTypes['IdentityVerification'], ParentType, ContextType>;
  integrationOptions?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  languages?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  prerequisites?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  qualityAssurance?: Resolver<ResolversTypes['DesignQualityAssurance'], ParentType, ContextType>;
  stackingOptions?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  supervision?: Resolver<ResolversTypes['AssessmentSupervision'], ParentType, ContextType>;
  transcriptable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type DesignQualityAssuranceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DesignQualityAssurance'] = ResolversParentTypes['DesignQualityAssurance']> = {
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['QualityAssuranceType'], ParentType, ContextType>;
};

export type DomainEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DomainEvent'] = ResolversParentTypes['DomainEvent']> = {
  actorId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  aggregateId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  aggregateType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  data?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DomainEventConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DomainEventConnection'] = ResolversParentTypes['DomainEventConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['DomainEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type EndorsedDesignStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EndorsedDesignStatistics'] = ResolversParentTypes['EndorsedDesignStatistics']> = {
  credentialsIssued?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endorsementId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  microCredentialId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EndorsementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Endorsement'] = ResolversParentTypes['Endorsement']> = {
  comment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  competencies?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  credential?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  expired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  institutionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  partner?: Resolver<ResolversTypes['Partner'], ParentType, ContextType>;
  selfSigned?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['EndorsementStatus'], ParentType, ContextType>;
  targetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  targetKind?: Resolver<ResolversTypes['EndorsementTargetKind'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  withdrawalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  withdrawnAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type EndorsementConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EndorsementConnection'] = ResolversParentTypes['EndorsementConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Endorsement']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type EndorsementInvitationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EndorsementInvitation'] = ResolversParentTypes['EndorsementInvitation']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  designName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endorsementId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  institutionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  microCredentialId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  partnerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  respondedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  response?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvitationStatus'], ParentType, ContextType>;
};

export type EnrolmentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Enrolment'] = ResolversParentTypes['Enrolment']> = {
  awardFailure?: Resolver<Maybe<ResolversTypes['AwardFailure']>, ParentType, ContextType>;
  awardedDesignVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  components?: Resolver<ReadonlyArray<ResolversTypes['ComponentProgress']>, ParentType, ContextType>;
  credential?: Resolver<Maybe<ResolversTypes['Credential']>, ParentType, ContextType>;
  designName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  designVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  enrolledAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  evidenceAttached?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  learnerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  microCredential?: Resolver<ResolversTypes['MicroCredential'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['EnrolmentStatus'], ParentType, ContextType>;
  submissions?: Resolver<ReadonlyArray<ResolversTypes['Submission']>, ParentType, ContextType>;
};

export type EnrolmentConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EnrolmentConnection'] = ResolversParentTypes['EnrolmentConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Enrolment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type EvidenceFileResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EvidenceFile'] = ResolversParentTypes['EvidenceFile']> = {
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  downloadUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EvidenceLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EvidenceLink'] = ResolversParentTypes['EvidenceLink']> = {
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HeldStackPartResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['HeldStackPart'] = ResolversParentTypes['HeldStackPart']> = {
  credentialId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  credentialUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  earnedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  part?: Resolver<ResolversTypes['StackPart'], ParentType, ContextType>;
};

export type ImageResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Image'] = ResolversParentTypes['Image']> = {
  caption?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ImportedCredentialResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportedCredential'] = ResolversParentTypes['ImportedCredential']> = {
  checks?: Resolver<ReadonlyArray<ResolversTypes['VerificationCheck']>, ParentType, ContextType>;
  credential?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  format?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  importedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  issuerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  issuerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  jwt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['VerificationStatus'], ParentType, ContextType>;
};

export type InstitutionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Institution'] = ResolversParentTypes['Institution']> = {
  address?: Resolver<ResolversTypes['Address'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  did?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  didDocumentUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  jwksUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  profileUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['InstitutionSettings'], ParentType, ContextType>;
  signingKeys?: Resolver<ReadonlyArray<ResolversTypes['SigningKey']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InstitutionConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InstitutionConnection'] = ResolversParentTypes['InstitutionConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Institution']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type InstitutionSettingsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['InstitutionSettings'] = ResolversParentTypes['InstitutionSettings']> = {
  allowExternalStackParts?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requiredEndorsements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LevelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Level'] = ResolversParentTypes['Level']> = {
  framework?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MemberResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Member'] = ResolversParentTypes['Member']> = {
  assessedDesigns?: Resolver<ReadonlyArray<ResolversTypes['ID']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  institutionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  invitedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  partnerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  qaRoles?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<ReadonlyArray<ResolversTypes['MemberRole']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MemberStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MemberConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MemberConnection'] = ResolversParentTypes['MemberConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Member']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MemberRoleResolvers = { ASSESSOR: 'assessor', ISSUER_ADMIN: 'issuer-admin', PARTNER_ADMIN: 'partner-admin', PLATFORM_ADMIN: 'platform-admin', QA_REVIEWER: 'qa-reviewer' };

export type MicroCredentialResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MicroCredential'] = ResolversParentTypes['MicroCredential']> = {
  achievementType?: Resolver<ResolversTypes['AchievementType'], ParentType, ContextType>;
  assessmentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  competencies?: Resolver<ReadonlyArray<ResolversTypes['Competency']>, ParentType, ContextType>;
  components?: Resolver<ResolversTypes['Components'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  criteria?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currentReview?: Resolver<Maybe<ResolversTypes['Review']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  designVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  elements?: Resolver<Maybe<ResolversTypes['DesignElements']>, ParentType, ContextType>;
  endorsementInvitations?: Resolver<ReadonlyArray<ResolversTypes['EndorsementInvitation']>, ParentType, ContextType>;
  endorsements?: Resolver<ReadonlyArray<ResolversTypes['Endorsement']>, ParentType, ContextType>;
  fieldOfStudy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  humanCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['Image']>, ParentType, ContextType>;
  institution?: Resolver<ResolversTypes['Institution'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  learningOutcomes?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['Level']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  participationForm?: Resolver<ResolversTypes['ParticipationForm'], ParentType, ContextType>;
  prerequisites?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publicationGate?: Resolver<Maybe<ResolversTypes['PublicationGate']>, ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  publishedDesignVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  specialization?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DesignStatus'], ParentType, ContextType>;
  tags?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validityMonths?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workload?: Resolver<ResolversTypes['Workload'], ParentType, ContextType>;
};

export type MicroCredentialConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MicroCredentialConnection'] = ResolversParentTypes['MicroCredentialConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['MicroCredential']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  _noop?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  assessEvidence?: Resolver<ResolversTypes['Submission'], ParentType, ContextType, RequireFields<MutationAssessEvidenceArgs, 'input' | 'submissionId'>>;
  assignRole?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationAssignRoleArgs, 'input' | 'memberId'>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input' | 'partnerId'>>;
  createInstitution?: Resolver<ResolversTypes['Institution'], ParentType, ContextType, RequireFields<MutationCreateInstitutionArgs, 'input'>>;
  createMicroCredential?: Resolver<ResolversTypes['MicroCredential'], ParentType, ContextType, RequireFields<MutationCreateMicroCredentialArgs, 'input'>>;
  createPartner?: Resolver<ResolversTypes['Partner'], ParentType, ContextType, RequireFields<MutationCreatePartnerArgs, 'input'>>;
  createShareLink?: Resolver<ResolversTypes['CreatedShareLink'], ParentType, ContextType, RequireFields<MutationCreateShareLinkArgs, 'credentialId'>>;
  deactivateMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationDeactivateMemberArgs, 'memberId'>>;
  decideReviewStep?: Resolver<ResolversTypes['Review'], ParentType, ContextType, RequireFields<MutationDecideReviewStepArgs, 'input' | 'reviewId'>>;
  defineStack?: Resolver<ResolversTypes['Stack'], ParentType, ContextType, RequireFields<MutationDefineStackArgs, 'input'>>;
  enrol?: Resolver<ResolversTypes['Enrolment'], ParentType, ContextType, RequireFields<MutationEnrolArgs, 'microCredentialId'>>;
  importCredential?: Resolver<ResolversTypes['ImportedCredential'], ParentType, ContextType, RequireFields<MutationImportCredentialArgs, 'input'>>;
  inviteMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationInviteMemberArgs, 'input' | 'institutionId'>>;
  invitePartnerAdmin?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationInvitePartnerAdminArgs, 'input' | 'partnerId'>>;
  invitePartnerToEndorse?: Resolver<ResolversTypes['EndorsementInvitation'], ParentType, ContextType, RequireFields<MutationInvitePartnerToEndorseArgs, 'microCredentialId' | 'partnerId'>>;
  issueCredential?: Resolver<ResolversTypes['Credential'], ParentType, ContextType, RequireFields<MutationIssueCredentialArgs, 'input'>>;
  linkPartner?: Resolver<ResolversTypes['Partner'], ParentType, ContextType, RequireFields<MutationLinkPartnerArgs, 'institutionId' | 'partnerId'>>;
  publishMicroCredential?: Resolver<ResolversTypes['MicroCredential'], ParentType, ContextType, RequireFields<MutationPublishMicroCredentialArgs, 'expectedVersion' | 'id'>>;
  reactivateMember?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationReactivateMemberArgs, 'memberId'>>;
  reinstateCredential?: Resolver<ResolversTypes['Credential'], ParentType, ContextType, RequireFields<MutationReinstateCredentialArgs, 'id'>>;
  removeImportedCredential?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveImportedCredentialArgs, 'id'>>;
  removeRole?: Resolver<ResolversTypes['Member'], ParentType, ContextType, RequireFields<MutationRemoveRoleArgs, 'memberId' | 'role'>>;
  replayWebhookDelivery?: Resolver<ResolversTypes['WebhookDelivery'], ParentType, ContextType, RequireFields<MutationReplayWebhookDeliveryArgs, 'id'>>;
  requestEvidenceUpload?: Resolver<ResolversTypes['UploadTicket'], ParentType, ContextType, RequireFields<MutationRequestEvidenceUploadArgs, 'enrolmentId' | 'input'>>;
  respondToInvitation?: Resolver<ResolversTypes['EndorsementInvitation'], ParentType, ContextType, RequireFields<MutationRespondToInvitationArgs, 'id' | 'input'>>;
  resumeBulkIssuance?: Resolver<ResolversTypes['BulkIssuanceJob'], ParentType, ContextType, RequireFields<MutationResumeBulkIssuanceArgs, 'id'>>;
  retireMicroCredential?: Resolver<ResolversTypes['MicroCredential'], ParentType, ContextType, RequireFields<MutationRetireMicroCredentialArgs, 'expectedVersion' | 'id'>>;
  retireStack?: Resolver<ResolversTypes['Stack'], ParentType, ContextType, RequireFields<MutationRetireStackArgs, 'expectedVersion' | 'id'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'keyId' | 'partnerId'>>;
  revokeCredential?: Resolver<ResolversTypes['Credential'], ParentType, ContextType, RequireFields<MutationRevokeCredentialArgs, 'id'>>;
  revokeIssuerKey?: Resolver<ResolversTypes['SigningKey'], ParentType, ContextType, RequireFields<MutationRevokeIssuerKeyArgs, 'institutionId' | 'keyId'>>;
  revokeShareLink?: Resolver<ResolversTypes['ShareLink'], ParentType, ContextType, RequireFields<MutationRevokeShareLinkArgs, 'credentialId' | 'linkId'>>;
  rotateApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationRotateApiKeyArgs, 'keyId' | 'partnerId'>>;
  rotateIssuerKeys?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationRotateIssuerKeysArgs, 'institutionId'>>;
  rotateWebhookSecret?: Resolver<ResolversTypes['CreatedWebhookSubscription'], ParentType, ContextType, RequireFields<MutationRotateWebhookSecretArgs, 'id'>>;
  setCredentialVisibility?: Resolver<ResolversTypes['Credential'], ParentType, ContextType, RequireFields<MutationSetCredentialVisibilityArgs, 'id' | 'visibility'>>;
  setNotificationPreference?: Resolver<ReadonlyArray<ResolversTypes['NotificationPreference']>, ParentType, ContextType, RequireFields<MutationSetNotificationPreferenceArgs, 'input'>>;
  startBulkIssuance?: Resolver<ResolversTypes['BulkIssuanceJob'], ParentType, ContextType, RequireFields<MutationStartBulkIssuanceArgs, 'input'>>;
  submitEndorsement?: Resolver<ResolversTypes['Endorsement'], ParentType, ContextType, RequireFields<MutationSubmitEndorsementArgs, 'input'>>;
  submitEvidence?: Resolver<ResolversTypes['Submission'], ParentType, ContextType, RequireFields<MutationSubmitEvidenceArgs, 'enrolmentId' | 'input'>>;
  submitForReview?: Resolver<ResolversTypes['Review'], ParentType, ContextType, RequireFields<MutationSubmitForReviewArgs, 'expectedVersion' | 'microCredentialId'>>;
  subscribeWebhook?: Resolver<ResolversTypes['CreatedWebhookSubscription'], ParentType, ContextType, RequireFields<MutationSubscribeWebhookArgs, 'input'>>;
  supplyReviewFields?: Resolver<ResolversTypes['Review'], ParentType, ContextType, RequireFields<MutationSupplyReviewFieldsArgs, 'expectedVersion' | 'input' | 'reviewId'>>;
  suspendCredential?: Resolver<ResolversTypes['Credential'], ParentType, ContextType, RequireFields<MutationSuspendCredentialArgs, 'id'>>;
  unlinkPartner?: Resolver<ResolversTypes['Partner'], ParentType, ContextType, RequireFields<MutationUnlinkPartnerArgs, 'institutionId' | 'partnerId'>>;
  unsubscribeWebhook?: Resolver<ResolversTypes['WebhookSubscription'], ParentType, ContextType, RequireFields<MutationUnsubscribeWebhookArgs, 'id'>>;
  updateInstitution?: Resolver<ResolversTypes['Institution'], ParentType, ContextType, RequireFields<MutationUpdateInstitutionArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateMicroCredential?: Resolver<ResolversTypes['MicroCredential'], ParentType, ContextType, RequireFields<MutationUpdateMicroCredentialArgs, 'expectedVersion' | 'id' | 'input'>>;
  updatePartner?: Resolver<ResolversTypes['Partner'], ParentType, ContextType, RequireFields<MutationUpdatePartnerArgs, 'expectedVersion' | 'id' | 'input'>>;
  updateQaWorkflow?: Resolver<ResolversTypes['QaWorkflow'], ParentType, ContextType, RequireFields<MutationUpdateQaWorkflowArgs, 'expectedVersion' | 'input' | 'institutionId'>>;
  withdrawEndorsement?: Resolver<ResolversTypes['Endorsement'], ParentType, ContextType, RequireFields<MutationWithdrawEndorsementArgs, 'id'>>;
};

export type MyCredentialsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MyCredentials'] = ResolversParentTypes['MyCredentials']> = {
  imported?: Resolver<ReadonlyArray<ResolversTypes['ImportedCredential']>, ParentType, ContextType>;
  issued?: Resolver<ResolversTypes['CredentialConnection'], ParentType, ContextType>;
};

export type NotificationPreferenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NotificationPreference'] = ResolversParentTypes['NotificationPreference']> = {
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['MessageKind'], ParentType, ContextType>;
  optional?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PartnerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Partner'] = ResolversParentTypes['Partner']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  did?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  institutionIds?: Resolver<ReadonlyArray<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  platformDid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PartnerConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PartnerConnection'] = ResolversParentTypes['PartnerConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Partner']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type PathwayProgressResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PathwayProgress'] = ResolversParentTypes['PathwayProgress']> = {
  credential?: Resolver<Maybe<ResolversTypes['Credential']>, ParentType, ContextType>;
  held?: Resolver<ReadonlyArray<ResolversTypes['HeldStackPart']>, ParentType, ContextType>;
  heldCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  needed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  remaining?: Resolver<ReadonlyArray<ResolversTypes['StackPart']>, ParentType, ContextType>;
  satisfied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  stack?: Resolver<ResolversTypes['Stack'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PublicationGateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PublicationGate'] = ResolversParentTypes['PublicationGate']> = {
  activeEndorsements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  requiredEndorsements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  satisfied?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QaRequiredFieldResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QaRequiredField'] = ResolversParentTypes['QaRequiredField']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['QaFieldKind'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QaStatisticsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QaStatistics'] = ResolversParentTypes['QaStatistics']> = {
  approved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changesRequested?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inProgress?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  institutionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stepTimes?: Resolver<ReadonlyArray<ResolversTypes['StepTime']>, ParentType, ContextType>;
};

export type QaStepResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QaStep'] = ResolversParentTypes['QaStep']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dueWithinDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requiredFields?: Resolver<ReadonlyArray<ResolversTypes['QaRequiredField']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QaWorkflowResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QaWorkflow'] = ResolversParentTypes['QaWorkflow']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  institutionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  steps?: Resolver<ReadonlyArray<ResolversTypes['QaStep']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  apiKeys?: Resolver<ReadonlyArray<ResolversTypes['ApiKey']>, ParentType, ContextType, RequireFields<QueryApiKeysArgs, 'partnerId'>>;
  assessmentQueue?: Resolver<ResolversTypes['SubmissionConnection'], ParentType, ContextType, Partial<QueryAssessmentQueueArgs>>;
  bulkIssuanceJob?: Resolver<Maybe<ResolversTypes['BulkIssuanceJob']>, ParentType, ContextType, RequireFields<QueryBulkIssuanceJobArgs, 'id'>>;
  catalogue?: Resolver<ResolversTypes['MicroCredentialConnection'], ParentType, ContextType, Partial<QueryCatalogueArgs>>;
  credential?: Resolver<Maybe<ResolversTypes['Credential']>, ParentType, ContextType, RequireFields<QueryCredentialArgs, 'id'>>;
  domainEvents?: Resolver<ResolversTypes['DomainEventConnection'], ParentType, ContextType, RequireFields<QueryDomainEventsArgs, 'institutionId'>>;
  endorsement?: Resolver<Maybe<ResolversTypes['Endorsement']>, ParentType, ContextType, RequireFields<QueryEndorsementArgs, 'id'>>;
  endorsementInvitations?: Resolver<ReadonlyArray<ResolversTypes['EndorsementInvitation']>, ParentType, ContextType, Partial<QueryEndorsementInvitationsArgs>>;
  endorsementStatistics?: Resolver<ReadonlyArray<ResolversTypes['EndorsedDesignStatistics']>, ParentType, ContextType>;
  enrolment?: Resolver<Maybe<ResolversTypes['Enrolment']>, ParentType, ContextType, RequireFields<QueryEnrolmentArgs, 'id'>>;
  institution?: Resolver<Maybe<ResolversTypes['Institution']>, ParentType, ContextType, RequireFields<QueryInstitutionArgs, 'id'>>;
  institutions?: Resolver<ResolversTypes['InstitutionConnection'], ParentType, ContextType, Partial<QueryInstitutionsArgs>>;
  issuedCredentials?: Resolver<ResolversTypes['CredentialConnection'], ParentType, ContextType, RequireFields<QueryIssuedCredentialsArgs, 'institutionId'>>;
  members?: Resolver<ResolversTypes['MemberConnection'], ParentType, ContextType, RequireFields<QueryMembersArgs, 'institutionId'>>;
  microCredential?: Resolver<Maybe<ResolversTypes['MicroCredential']>, ParentType, ContextType, RequireFields<QueryMicroCredentialArgs, 'id'>>;
  microCredentials?: Resolver<ResolversTypes['MicroCredentialConnection'], ParentType, ContextType, RequireFields<QueryMicroCredentialsArgs, 'institutionId'>>;
  myCredentials?: Resolver<ResolversTypes['MyCredentials'], ParentType, ContextType, Partial<QueryMyCredentialsArgs>>;
  myEndorsements?: Resolver<ResolversTypes['EndorsementConnection'], ParentType, ContextType, Partial<QueryMyEndorsementsArgs>>;
  myEnrolments?: Resolver<ResolversTypes['EnrolmentConnection'], ParentType, ContextType, Partial<QueryMyEnrolmentsArgs>>;
  myPathways?: Resolver<ReadonlyArray<ResolversTypes['PathwayProgress']>, ParentType, ContextType>;
  myTranscript?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  notificationPreferences?: Resolver<ReadonlyArray<ResolversTypes['NotificationPreference']>, ParentType, ContextType>;
  partner?: Resolver<Maybe<ResolversTypes['Partner']>, ParentType, ContextType, RequireFields<QueryPartnerArgs, 'id'>>;
  partners?: Resolver<ResolversTypes['PartnerConnection'], ParentType, ContextType, RequireFields<QueryPartnersArgs, 'institutionId'>>;
  qaStatistics?: Resolver<ResolversTypes['QaStatistics'], ParentType, ContextType, RequireFields<QueryQaStatisticsArgs, 'institutionId'>>;
  qaWorkflow?: Resolver<ResolversTypes['QaWorkflow'], ParentType, ContextType, RequireFields<QueryQaWorkflowArgs, 'institutionId'>>;
  review?: Resolver<Maybe<ResolversTypes['Review']>, ParentType, ContextType, RequireFields<QueryReviewArgs, 'id'>>;
  reviewQueue?: Resolver<ReadonlyArray<ResolversTypes['QueueItem']>, ParentType, ContextType>;
  reviews?: Resolver<ResolversTypes['ReviewConnection'], ParentType, ContextType, RequireFields<QueryReviewsArgs, 'institutionId'>>;
  stack?: Resolver<Maybe<ResolversTypes['Stack']>, ParentType, ContextType, RequireFields<QueryStackArgs, 'id'>>;
  stacks?: Resolver<ReadonlyArray<ResolversTypes['Stack']>, ParentType, ContextType, RequireFields<QueryStacksArgs, 'institutionId'>>;
  submission?: Resolver<Maybe<ResolversTypes['Submission']>, ParentType, ContextType, RequireFields<QuerySubmissionArgs, 'id'>>;
  verifyCredential?: Resolver<ResolversTypes['VerificationResult'], ParentType, ContextType, RequireFields<QueryVerifyCredentialArgs, 'input'>>;
  viewer?: Resolver<Maybe<ResolversTypes['Viewer']>, ParentType, ContextType>;
  webhookSubscriptions?: Resolver<ReadonlyArray<ResolversTypes['WebhookSubscription']>, ParentType, ContextType, Partial<QueryWebhookSubscriptionsArgs>>;
};

export type QueueItemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QueueItem'] = ResolversParentTypes['QueueItem']> = {
  dueAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  review?: Resolver<ResolversTypes['Review'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['QaStep'], ParentType, ContextType>;
};

export type ReviewResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Review'] = ResolversParentTypes['Review']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  contentDigest?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currentStep?: Resolver<Maybe<ResolversTypes['ReviewStep']>, ParentType, ContextType>;
  designName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  designVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fields?: Resolver<ReadonlyArray<ResolversTypes['ReviewField']>, ParentType, ContextType>;
  history?: Resolver<ReadonlyArray<ResolversTypes['ReviewHistoryEntry']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  microCredential?: Resolver<ResolversTypes['MicroCredential'], ParentType, ContextType>;
  publicationGate?: Resolver<ResolversTypes['PublicationGate'], ParentType, ContextType>;
  qaEndorsement?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  round?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReviewStatus'], ParentType, ContextType>;
  steps?: Resolver<ReadonlyArray<ResolversTypes['ReviewStep']>, ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  submittedBy?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workflowName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workflowVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReviewConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReviewConnection'] = ResolversParentTypes['ReviewConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Review']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ReviewFieldResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReviewField'] = ResolversParentTypes['ReviewField']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReviewHistoryEntryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReviewHistoryEntry'] = ResolversParentTypes['ReviewHistoryEntry']> = {
  action?: Resolver<ResolversTypes['ReviewAction'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  attachments?: Resolver<ReadonlyArray<ResolversTypes['Attachment']>, ParentType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  contentDigest?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hoursOnStep?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  round?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stepKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stepName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ReviewStepResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReviewStep'] = ResolversParentTypes['ReviewStep']> = {
  dueAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missingFields?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ReviewStepState'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['QaStep'], ParentType, ContextType>;
};

export type RubricLevelResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RubricLevel'] = ResolversParentTypes['RubricLevel']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ShareLinkResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ShareLink'] = ResolversParentTypes['ShareLink']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type SigningKeyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SigningKey'] = ResolversParentTypes['SigningKey']> = {
  algorithm?: Resolver<ResolversTypes['KeyAlgorithm'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  generation?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retiredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  revocationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['KeyStatus'], ParentType, ContextType>;
  verificationMethod?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StackResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Stack'] = ResolversParentTypes['Stack']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  institutionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  microCredential?: Resolver<Maybe<ResolversTypes['MicroCredential']>, ParentType, ContextType>;
  microCredentialId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onPartRevoked?: Resolver<ResolversTypes['PartRevocationPolicy'], ParentType, ContextType>;
  parts?: Resolver<ReadonlyArray<ResolversTypes['StackPart']>, ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retiredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['StackRule'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StackStatus'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StackPartResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StackPart'] = ResolversParentTypes['StackPart']> = {
  achievementId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StackPartKind'], ParentType, ContextType>;
  microCredentialId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StepTimeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StepTime'] = ResolversParentTypes['StepTime']> = {
  decisions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianHours?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  stepKey?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stepName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SubmissionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Submission'] = ResolversParentTypes['Submission']> = {
  assessment?: Resolver<Maybe<ResolversTypes['Assessment']>, ParentType, ContextType>;
  component?: Resolver<ResolversTypes['ComponentKind'], ParentType, ContextType>;
  enrolmentId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  files?: Resolver<ReadonlyArray<ResolversTypes['EvidenceFile']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  includeNarrative?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  links?: Resolver<ReadonlyArray<ResolversTypes['EvidenceLink']>, ParentType, ContextType>;
  microCredentialId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  narrative?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  public?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  round?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  submittedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type SubmissionConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SubmissionConnection'] = ResolversParentTypes['SubmissionConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['Submission']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type UploadTicketResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UploadTicket'] = ResolversParentTypes['UploadTicket']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fileId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  headers?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  uploadUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type VerificationCheckResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VerificationCheck'] = ResolversParentTypes['VerificationCheck']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CheckStatus'], ParentType, ContextType>;
};

export type VerificationResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VerificationResult'] = ResolversParentTypes['VerificationResult']> = {
  achievement?: Resolver<Maybe<ResolversTypes['VerifiedAchievement']>, ParentType, ContextType>;
  checks?: Resolver<ReadonlyArray<ResolversTypes['VerificationCheck']>, ParentType, ContextType>;
  credentialId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  endorsements?: Resolver<ReadonlyArray<ResolversTypes['VerifiedEndorsement']>, ParentType, ContextType>;
  format?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  issuer?: Resolver<Maybe<ResolversTypes['VerifiedIssuer']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['VerificationStatus'], ParentType, ContextType>;
  validFrom?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  verified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type VerifiedAchievementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VerifiedAchievement'] = ResolversParentTypes['VerifiedAchievement']> = {
  achievementType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type VerifiedEndorsementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VerifiedEndorsement'] = ResolversParentTypes['VerifiedEndorsement']> = {
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  issuerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  issuerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  verified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  withdrawn?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type VerifiedIssuerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['VerifiedIssuer'] = ResolversParentTypes['VerifiedIssuer']> = {
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registeredHere?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  institutionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  qaRoles?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
};

export type WebhookDeliveryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  attempts?: Resolver<ReadonlyArray<ResolversTypes['DeliveryAttempt']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messageId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookDeliveryConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDeliveryConnection'] = ResolversParentTypes['WebhookDeliveryConnection']> = {
  nodes?: Resolver<ReadonlyArray<ResolversTypes['WebhookDelivery']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type WebhookSubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookSubscription'] = ResolversParentTypes['WebhookSubscription']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveries?: Resolver<ResolversTypes['WebhookDeliveryConnection'], ParentType, ContextType, Partial<WebhookSubscriptionDeliveriesArgs>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventTypes?: Resolver<ReadonlyArray<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ownerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ownerKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WorkloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Workload'] = ResolversParentTypes['Workload']> = {
  ects?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  hours?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Actor?: ActorResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyScope?: ApiKeyScopeResolvers;
  Assessment?: AssessmentResolvers<ContextType>;
  Attachment?: AttachmentResolvers<ContextType>;
  AwardFailure?: AwardFailureResolvers<ContextType>;
  BulkIssuanceFailure?: BulkIssuanceFailureResolvers<ContextType>;
  BulkIssuanceFailureConnection?: BulkIssuanceFailureConnectionResolvers<ContextType>;
  BulkIssuanceJob?: BulkIssuanceJobResolvers<ContextType>;
  Competency?: CompetencyResolvers<ContextType>;
  Component?: ComponentResolvers<ContextType>;
  ComponentProgress?: ComponentProgressResolvers<ContextType>;
  Components?: ComponentsResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  CreatedShareLink?: CreatedShareLinkResolvers<ContextType>;
  CreatedWebhookSubscription?: CreatedWebhookSubscriptionResolvers<ContextType>;
  Credential?: CredentialResolvers<ContextType>;
  CredentialConnection?: CredentialConnectionResolvers<ContextType>;
  CredentialStatusChange?: CredentialStatusChangeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeliveryAttempt?: DeliveryAttemptResolvers<ContextType>;
  DesignAssessment?: DesignAssessmentResolvers<ContextType>;
  DesignElements?: DesignElementsResolvers<ContextType>;
  DesignQualityAssurance?: DesignQualityAssuranceResolvers<ContextType>;
  DomainEvent?: DomainEventResolvers<ContextType>;
  DomainEventConnection?: DomainEventConnectionResolvers<ContextType>;
  EndorsedDesignStatistics?: EndorsedDesignStatisticsResolvers<ContextType>;
  Endorsement?: EndorsementResolvers<ContextType>;
  EndorsementConnection?: EndorsementConnectionResolvers<ContextType>;
  EndorsementInvitation?: EndorsementInvitationResolvers<ContextType>;
  Enrolment?: EnrolmentResolvers<ContextType>;
  EnrolmentConnection?: EnrolmentConnectionResolvers<ContextType>;
  EvidenceFile?: EvidenceFileResolvers<ContextType>;
  EvidenceLink?: EvidenceLinkResolvers<ContextType>;
  HeldStackPart?: HeldStackPartResolvers<ContextType>;
  Image?: ImageResolvers<ContextType>;
  ImportedCredential?: ImportedCredentialResolvers<ContextType>;
  Institution?: InstitutionResolvers<ContextType>;
  InstitutionConnection?: InstitutionConnectionResolvers<ContextType>;
  InstitutionSettings?: InstitutionSettingsResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Level?: LevelResolvers<ContextType>;
  Member?: MemberResolvers<ContextType>;
  MemberConnection?: MemberConnectionResolvers<ContextType>;
  MemberRole?: MemberRoleResolvers;
  MicroCredential?: MicroCredentialResolvers<ContextType>;
  MicroCredentialConnection?: MicroCredentialConnectionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  MyCredentials?: MyCredentialsResolvers<ContextType>;
  NotificationPreference?: NotificationPreferenceResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Partner?: PartnerResolvers<ContextType>;
  PartnerConnection?: PartnerConnectionResolvers<ContextType>;
  PathwayProgress?: PathwayProgressResolvers<ContextType>;
  PublicationGate?: PublicationGateResolvers<ContextType>;
  QaRequiredField?: QaRequiredFieldResolvers<ContextType>;
  QaStatistics?: QaStatisticsResolvers<ContextType>;
  QaStep?: QaStepResolvers<ContextType>;
  QaWorkflow?: QaWorkflowResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  QueueItem?: QueueItemResolvers<ContextType>;
  Review?: ReviewResolvers<ContextType>;
  ReviewConnection?: ReviewConnectionResolvers<ContextType>;
  ReviewField?: ReviewFieldResolvers<ContextType>;
  ReviewHistoryEntry?: ReviewHistoryEntryResolvers<ContextType>;
  ReviewStep?: ReviewStepResolvers<ContextType>;
  RubricLevel?: RubricLevelResolvers<ContextType>;
  ShareLink?: ShareLinkResolvers<ContextType>;
  SigningKey?: SigningKeyResolvers<ContextType>;
  Stack?: StackResolvers<ContextType>;
  StackPart?: StackPartResolvers<ContextType>;
  StepTime?: StepTimeResolvers<ContextType>;
  Submission?: SubmissionResolvers<ContextType>;
  SubmissionConnection?: SubmissionConnectionResolvers<ContextType>;
  UploadTicket?: UploadTicketResolvers<ContextType>;
  VerificationCheck?: VerificationCheckResolvers<ContextType>;
  VerificationResult?: VerificationResultResolvers<ContextType>;
  VerifiedAchievement?: VerifiedAchievementResolvers<ContextType>;
  VerifiedEndorsement?: VerifiedEndorsementResolvers<ContextType>;
  VerifiedIssuer?: VerifiedIssuerResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookDeliveryConnection?: WebhookDeliveryConnectionResolvers<ContextType>;
  WebhookSubscription?: WebhookSubscriptionResolvers<ContextType>;
  Workload?: WorkloadResolvers<ContextType>;
};

