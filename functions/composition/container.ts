import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Services } from '../../graphql/context';
import { lazily, type ClientSource } from '../adapters/aws-clients';
import { JwtAuthenticator } from '../adapters/auth/jwt-authenticator';
import { DynamoDbBulkJobRepository } from '../adapters/dynamodb/bulk-job-repository';
import { DynamoDbInstitutionRepository } from '../adapters/dynamodb/institution-repository';
import { DynamoDbCredentialRepository } from '../adapters/dynamodb/credential-repository';
import { DynamoDbKeyRepository } from '../adapters/dynamodb/key-repository';
import { DynamoDbStatusListRepository } from '../adapters/dynamodb/status-list-repository';
import { DynamoDbMicroCredentialRepository } from '../adapters/dynamodb/micro-credential-repository';
import { DynamoDbEndorsementRepository } from '../adapters/dynamodb/endorsement-repository';
import { DynamoDbInvitationRepository } from '../adapters/dynamodb/invitation-repository';
import {
  DynamoDbApiKeyRepository,
  DynamoDbPartnerRepository,
} from '../adapters/dynamodb/partner-repository';
import { DynamoDbQaRepository } from '../adapters/dynamodb/qa-repository';
import {
  DynamoDbStackingHoldings,
  DynamoDbStackRepository,
} from '../adapters/dynamodb/stack-repository';
import { DynamoDbTranscriptRepository } from '../adapters/dynamodb/transcript-repository';
import { DynamoDbLearningRepository } from '../adapters/dynamodb/learning-repository';
import { createDocumentClient, DynamoTable } from '../adapters/dynamodb/table';
import { S3EvidenceStore } from '../adapters/s3/s3-evidence-store';
import { KmsKeyProvisioner, KmsSigner } from '../adapters/kms/kms-signer';
import { KmsCredentialSigner } from '../adapters/proofs/kms-credential-signer';
import { CanonicalizationPool, type WorkerScript } from '../adapters/proofs/canonicalization-pool';
import { CachingProofVerifier } from '../adapters/proofs/proof-verifier';
import { HttpResolver } from '../adapters/verification/http-resolver';
import {
  DynamoDbBackpackRepository,
  DynamoDbShareLinkRepository,
} from '../adapters/dynamodb/sharing-repositories';
import { systemClock, uuidGenerator } from '../adapters/system';
import type { Authenticator } from '../core/auth/ports';
import { MicroCredentialService } from '../core/designs/micro-credential-service';
import { InstitutionService } from '../core/institutions/institution-service';
import { BulkJobs } from '../core/issuance/bulk-jobs';
import { BulkJobProcessor } from '../core/issuance/bulk-processing';
import { CredentialMinting } from '../core/issuance/credential-minting';
import { CredentialStatusChanges } from '../core/issuance/credential-status';
import { IssueCredential } from '../core/issuance/issue-credential';
import { IssuedCredentials } from '../core/issuance/issued-credentials';
import { PublicDocuments } from '../core/issuance/public-documents';
import { Assessment } from '../core/learning/assessment';
import { EnrolmentAward } from '../core/learning/award';
import { Enrolments } from '../core/learning/enrolment';
import { Evidence } from '../core/learning/evidence';
import { StatusListService } from '../core/credential/status-list';
import { ed25519RawFromSpki } from '../core/keys/model';
import { KeyService } from '../core/keys/key-service';
import type { ActiveSigningKey, PublishedKeys } from '../core/keys/ports';
import { EndorsementService, endorsementWithdrawals } from '../core/partners/endorsement-service';
import { PartnerService } from '../core/partners/partner-service';
import { DesignPublication } from '../core/qa/publication';
import { QaReporting } from '../core/qa/reporting';
import { ReviewLifecycle } from '../core/qa/review-lifecycle';
import { QaWorkflowAdmin } from '../core/qa/workflow-admin';
import { Pathways } from '../core/stacking/pathways';
import { StackAwards } from '../core/stacking/stack-awards';
import { StackDefinitions } from '../core/stacking/stack-definitions';
import { Transcripts } from '../core/stacking/transcripts';
import { LearnerWallets } from '../core/stacking/wallet';
import { SharingService, shareLinkAccess } from '../core/sharing/sharing-service';
import { VerificationService } from '../core/verification/verification-service';
import { EventService } from '../core/institutions/event-service';
import { PublicUrls } from '../core/shared/public-urls';
import type { Clock, IdGenerator } from '../core/shared/runtime';
import type { EventDispatcher } from '../core/worker/event-dispatcher';
import { platformReactions } from '../core/worker/reactions';
import type { Config } from './config';
import { verificationPorts } from './verification';

/**
 * AWS clients, built once per process; tests pass clients pointed at the local services. Every
 * request of the API and the public pages reads DynamoDB, so its client is made at start; KMS
 * and S3 are made (and their SDK packages loaded) by the first call that needs them.
 */
export interface AwsClients {
  readonly dynamodb: DynamoDBClient;
  readonly kms: ClientSource<KMSClient>;
  readonly s3: ClientSource<S3Client>;
}

/**
 * Which function the container serves. Only the worker may create keys (kms:CreateKey is a
 * narrower grant than kms:Sign), so only its container gets a key provisioner.
 */
export type FunctionRole = 'api' | 'public-web' | 'worker';

export interface ContainerOverrides extends Partial<AwsClients> {
  readonly role?: FunctionRole;
  /**
   * The code of the canonicalization worker threads (`CanonicalizationPool`): the Lambda entry
   * points name the bundle's `canonicalization-worker.mjs`, the local runner a TypeScript
   * loader. Without one, presented credentials are canonicalized on the calling thread.
   */
  readonly canonicalizationWorker?: WorkerScript;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly logger?: Logger;
}

/** Everything a handler needs, wired from validated configuration. */
export interface Container {
  readonly config: Config;
  readonly services: Services;
  readonly reactions: EventDispatcher;
  readonly authenticator: Authenticator;
  readonly urls: PublicUrls;
  readonly logger: Logger;
  /** The one clock every service uses, for handlers that show "now" (the credential page). */
  readonly clock: Clock;
  readonly clients: AwsClients;
  /** Use cases only the worker runs, for tests that drive them directly. */
  readonly workerUseCases: { readonly stackAwards: StackAwards; readonly bulk: BulkJobProcessor };
  /** Cumulative proof timings (canonicalization vs signing), for the benchmarks. */
  readonly proofTimings: { canonicalizeMs: number; signMs: number };
}

/** Builds AWS SDK clients for `config` (with the local endpoint overrides when set). */
export function createAwsClients(config: Config): AwsClients {
  return {
    dynamodb: new DynamoDBClient({
      region: config.AWS_REGION,
      ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
    }),
    kms: lazily(async () => {
      const { KMSClient } = await import('@aws-sdk/client-kms');
      return new KMSClient({
        region: config.AWS_REGION,
        ...(config.KMS_ENDPOINT ? { endpoint: config.KMS_ENDPOINT } : {}),
      });
    }),
    s3: lazily(async () => {
      const { S3Client } = await import('@aws-sdk/client-s3');
      return new S3Client({
        region: config.AWS_REGION,
        // A local S3-compatible server is addressed by path, and needs no optional checksums.
        ...(config.S3_ENDPOINT
          ? {
              endpoint: config.S3_ENDPOINT,
              forcePathStyle: true,
              requestChecksumCalculation: 'WHEN_REQUIRED' as const,
              responseChecksumValidation: 'WHEN_REQUIRED' as const,
            }
          : {}),
      });
    }),
  };
}

/** The composition root: the only place adapters are chosen and wired into the core. */
export function createContainer(config: Config, overrides: ContainerOverrides = {}): Container {
  const built =
    overrides.dynamodb && overrides.kms && overrides.s3 ? null : createAwsClients(config);
  const clients: AwsClients = {
    dynamodb: overrides.dynamodb ?? built!.dynamodb,
    kms: overrides.kms ?? built!.kms,
    s3: overrides.s3 ?? built!.s3,
  };
  const role = overrides.role ?? 'api';
  const logger =
    overrides.logger ?? new Logger({ serviceName: `tessera-${role}`, logLevel: config.LOG_LEVEL });
  const clock = overrides.clock ?? systemClock;
  const ids = overrides.ids ?? uuidGenerator;
  const urls = new PublicUrls(config.PUBLIC_BASE_URL);

  const table = new DynamoTable(createDocumentClient(clients.dynamodb), config.TABLE_NAME);
  const institutions = new DynamoDbInstitutionRepository(table);
  const designs = new DynamoDbMicroCredentialRepository(table);
  const qa = new DynamoDbQaRepository(table);
  const credentials = new DynamoDbCredentialRepository(table);
  const statusListStore = new DynamoDbStatusListRepository(table);
  const signingKeys = new DynamoDbKeyRepository(table);

  const proofs = new CachingProofVerifier(
    overrides.canonicalizationWorker
      ? new CanonicalizationPool({ script: overrides.canonicalizationWorker })
      : undefined,
  );
  const signer = new KmsCredentialSigner(new KmsSigner(clients.kms), proofs);
  const keys = new KeyService({
    keys: signingKeys,
    provisioner:
      role === 'worker'
        ? new KmsKeyProvisioner(clients.kms, config.KMS_ALIAS_PREFIX, {
            'tessera:stage': config.STAGE,
          })
        : undefined,
    clock,
    ids,
  });
  // Other modules reach the keys through one narrow function each (see keys/ports.ts).
  const activeKey: ActiveSigningKey = (owner, algorithm) => keys.activeKey(owner, algorithm);
  const publishedKeys: PublishedKeys = (owner) => keys.publicKeys(owner);
  const partnerStore = new DynamoDbPartnerRepository(table);
  const partners = new PartnerService({
    partners: partnerStore,
    apiKeys: new DynamoDbApiKeyRepository(table),
    institutions,
    keyProvisioningEvent: (owner, actor) => keys.provisioningEvent(owner, actor),
    clock,
    ids,
  });
  const statusLists = new StatusListService({
    lists: statusListStore,
    signer,
    urls,
    clock,
    activeKey: (institutionId) =>
      activeKey({ ownerKind: 'institution', ownerId: institutionId }, 'Ed25519'),
  });
  // Verification reads withdrawals and share links from their stores, not from the services
  // that verify through it, so each dependency points one way.
  const endorsementStore = new DynamoDbEndorsementRepository(table);
  const shareLinks = new DynamoDbShareLinkRepository(table);
  const shareAccess = shareLinkAccess({ links: shareLinks, clock });
  const verification = new VerificationService({
    ...verificationPorts(
      {
        credentials,
        keys: signingKeys,
        snapshots: qa,
        statusLists,
        withdrawn: endorsementWithdrawals({ endorsements: endorsementStore, urls }),
      },
      proofs,
      { writes: () => table.writes },
    ),
    proofs,
    remote: new HttpResolver({ allowHttp: config.STAGE === 'local' || config.STAGE === 'test' }),
    urls,
    clock,
    canSee: async (record, token) => (await shareAccess(record, token)).allowed,
  });
  const endorsements = new EndorsementService({
    endorsements: endorsementStore,
    invitations: new DynamoDbInvitationRepository(table),
    partners: partnerStore,
    designs,
    institutions,
    credentials,
    activeKey,
    signer,
    // Self-signed endorsements are verified before they are accepted.
    verifyPresented: (presented) => verification.verifyPresented(presented),
    urls,
    clock,
    ids,
  });
  const issuing = new IssueCredential({
    designs,
    credentials,
    statusLists: statusListStore,
    minting: new CredentialMinting({
      institutions,
      snapshots: qa,
      activeKey,
      signer,
      verifyIssuedProof: (credential, key) =>
        signer.verifyDataIntegrityProof(
          credential,
          ed25519RawFromSpki(Buffer.from(key.publicKeySpki, 'base64')),
        ),
      urls,
      ids,
      endorsements: (microCredentialId, designVersion) =>
        endorsements.credentialsFor(microCredentialId, designVersion),
    }),
    clock,
    ids,
  });
  const issued = new IssuedCredentials({ credentials });
  const credentialStatus = new CredentialStatusChanges({ credentials, clock, ids });
  const bulkJobStore = new DynamoDbBulkJobRepository(table);
  const bulk = new BulkJobProcessor({ jobs: bulkJobStore, issuing, clock, ids });

  const backpack = new DynamoDbBackpackRepository(table);
  const sharing = new SharingService({
    credentials,
    links: shareLinks,
    backpack,
    inspect: (input) => verification.inspect(input),
    urls,
    clock,
    ids,
  });

  const stackStore = new DynamoDbStackRepository(table);
  const learningStore = new DynamoDbLearningRepository(table);
  const learning = {
    enrolments: new Enrolments({
      learning: learningStore,
      designs,
      clock,
      ids,
      isStackTarget: async (microCredentialId) =>
        (await stackStore.listByTarget(microCredentialId, true)).some(
          (stack) => stack.status !== 'RETIRED',
        ),
    }),
    evidence: new Evidence({
      learning: learningStore,
      store: new S3EvidenceStore(clients.s3, config.EVIDENCE_BUCKET),
      clock,
      ids,
    }),
    assessment: new Assessment({ learning: learningStore, designs, clock, ids }),
    award: new EnrolmentAward({
      learning: learningStore,
      designs,
      issue: (request) => issuing.issueFor(request),
      findCredential: (credentialId) => issued.find(credentialId),
      urls,
      clock,
      ids,
    }),
  };

  const wallets = new LearnerWallets({ credentials, imports: backpack, urls, clock });
  const stackAwards = new StackAwards({
    stacks: stackStore,
    designs,
    credentials,
    holdings: new DynamoDbStackingHoldings(table),
    wallets,
    issueStacked: (request) => issuing.issueFor(request),
    revokeStacked: (id, reason) => credentialStatus.revokeAsPlatform(id, reason),
    flagRevokedPart: (id, part) => credentialStatus.flagPart(id, part),
    verifyImported: async (presented) => (await verification.verify(presented)).verified,
  });

  const services: Services = {
    institutions: new InstitutionService({
      institutions,
      clock,
      ids,
      creationEvents: (institution, actor) => [
        keys.provisioningEvent({ ownerKind: 'institution', ownerId: institution.id }, actor),
      ],
    }),
    microCredentials: new MicroCredentialService({
      designs,
      institutionExists: async (institutionId) => (await institutions.get(institutionId)) !== null,
      clock,
      ids,
      isLinkedPartner: (principal, institutionId) =>
        partners.isLinkedPartner(principal, institutionId),
    }),
    qa: {
      workflows: new QaWorkflowAdmin({ workflows: qa, clock }),
      lifecycle: new ReviewLifecycle({
        designs,
        workflows: qa,
        reviews: qa,
        unitOfWork: qa,
        clock,
        ids,
      }),
      publication: new DesignPublication({
        designs,
        unitOfWork: qa,
        clock,
        ids,
        endorsementGate: (design) => endorsements.gate(design.id, design.institutionId),
      }),
      reporting: new QaReporting({ reviews: qa, clock }),
    },
    events: new EventService(qa),
    keys,
    issuing,
    credentials: issued,
    credentialStatus,
    statusLists,
    bulkJobs: new BulkJobs({ jobs: bulkJobStore, designs, clock, ids }),
    publicDocuments: new PublicDocuments({
      institutions,
      designs,
      snapshots: qa,
      publishedKeys,
      urls,
    }),
    verification,
    sharing,
    partners,
    endorsements,
    learning,
    stacks: new StackDefinitions({ stacks: stackStore, designs, institutions, clock, ids }),
    pathways: new Pathways({ stacks: stackStore, wallets }),
    transcripts: new Transcripts({
      stacks: stackStore,
      credentials,
      wallets,
      transcripts: new DynamoDbTranscriptRepository(table),
      activeKey,
      provisionKeys: (owner) => keys.ensureProvisioned(owner),
      signer,
      urls,
      clock,
      ids,
    }),
  };
  const authenticator = new JwtAuthenticator({
    apiKeys: partners,
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.AUTH_ISSUER,
    audiences: config.AUTH_AUDIENCE?.split(',')
      .map((audience) => audience.trim())
      .filter(Boolean),
  });
  const reactions = platformReactions({
    provisionKeys: (owner, generation) => keys.provision(owner, generation),
    republishStatusList: (institutionId, purpose, listNumber) =>
      statusLists.publish(institutionId, purpose, listNumber),
    processBulkJob: (jobId, deadline) => bulk.process(jobId, deadline),
    awardEnrolment: (enrolmentId) => learning.award.award(enrolmentId),
    credential: (id) => credentials.get(id),
    evaluateStacks: (learnerEmailHash, partKeys, just) =>
      stackAwards.evaluate(learnerEmailHash, partKeys, just),
    stackPartRevoked: (revoked) => stackAwards.partRevoked(revoked),
    backfillStack: (stackId) => stackAwards.backfill(stackId),
    stackTargetPublished: (microCredentialId, publishedAt) =>
      stackAwards.targetPublished(microCredentialId, publishedAt),
  });
  return {
    config,
    services,
    reactions,
    authenticator,
    urls,
    logger,
    clock,
    clients,
    workerUseCases: { stackAwards, bulk },
    proofTimings: signer.timings,
  };
}
