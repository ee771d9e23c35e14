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
import { systemClock, uuidGenerator } from '../adapters/system';
import type { Authenticator } from '../core/auth/ports';
import { MicroCredentialService } from '../core/designs/micro-credential-service';
import { InstitutionService } from '../core/institutions/institution-service';
import { BulkIssuanceService } from '../core/issuance/bulk-issuance';
import { IssuanceService } from '../core/issuance/issuance-service';
import { PublicDocuments } from '../core/issuance/public-documents';
import { Assessment } from '../core/learning/assessment';
import { EnrolmentAward } from '../core/learning/award';
import { Enrolments } from '../core/learning/enrolment';
import { Evidence } from '../core/learning/evidence';
import { StatusListService } from '../core/credential/status-list';
import { KeyService } from '../core/keys/key-service';
import { DesignPublication } from '../core/qa/publication';
import { QaReporting } from '../core/qa/reporting';
import { ReviewLifecycle } from '../core/qa/review-lifecycle';
import { QaWorkflowAdmin } from '../core/qa/workflow-admin';
import { StackingService } from '../core/stacking/stacking-service';
import { recipientMatch } from '../core/verification/recipient-match';
import { VerificationService } from '../core/verification/verification-service';
import { EventService } from '../core/institutions/event-service';
import { PublicUrls } from '../core/shared/public-urls';
import type { Clock, IdGenerator } from '../core/shared/runtime';
import type { EventDispatcher } from '../core/worker/event-dispatcher';
import { platformReactions } from '../core/worker/reactions';
import type { Config } from './config';
import { partnerModules } from './partners';
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
  readonly clients: AwsClients;
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
  const partnerSide = partnerModules({
    table,
    institutions,
    designs,
    credentials,
    keys,
    signer,
    urls,
    clock,
    ids,
  });
  const { partners, endorsementWithdrawal, endorsementDocuments, shareAccess } =
    partnerSide.services;
  const issuance = new IssuanceService({
    institutions,
    designs,
    snapshots: qa,
    credentials,
    statusLists: statusListStore,
    keys,
    signer,
    urls,
    clock,
    ids,
    endorsements: (microCredentialId, designVersion) =>
      endorsementDocuments.credentialsFor(microCredentialId, designVersion),
  });
  const bulk = new BulkIssuanceService({
    jobs: new DynamoDbBulkJobRepository(table),
    designs,
    issuance,
    clock,
    ids,
  });

  const statusLists = new StatusListService({
    lists: statusListStore,
    signer,
    urls,
    clock,
    activeKey: (institutionId) =>
      keys.activeKey({ ownerKind: 'institution', ownerId: institutionId }, 'Ed25519'),
  });
  const verification = new VerificationService({
    ...verificationPorts(
      {
        credentials,
        keys: signingKeys,
        snapshots: qa,
        statusLists,
        withdrawn: (credentialId, issuerId) =>
          endorsementWithdrawal.isWithdrawn(credentialId, issuerId),
      },
      proofs,
      { writes: () => table.writes },
    ),
    proofs,
    remote: new HttpResolver({ allowHttp: config.STAGE === 'local' || config.STAGE === 'test' }),
    urls,
    clock,
    canSee: async (record, token) => (await shareAccess.access(record, token)).allowed,
  });
  const verifyingPartnerSide = partnerSide.verifying({
    verifyEndorsement: (credential) =>
      verification.verifyPresented({ format: 'JSON-LD', credential }),
    inspect: (input) => verification.inspect(input),
    namesRecipient: (credential, email) => recipientMatch(credential, email) === 'MATCH',
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
      issue: (request) => issuance.issueFor(request),
      findCredential: (credentialId) => issuance.find(credentialId),
      urls,
      clock,
      ids,
    }),
  };

  const stacking = new StackingService({
    stacks: stackStore,
    designs,
    institutions,
    credentials,
    backpack: partnerSide.backpackStore,
    holdings: new DynamoDbStackingHoldings(table),
    transcripts: new DynamoDbTranscriptRepository(table),
    issuance,
    verification,
    keys,
    signer,
    urls,
    clock,
    ids,
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
      institutions,
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
        endorsementGate: (design) => partnerSide.gate.gate(design.id, design.institutionId),
      }),
      reporting: new QaReporting({ reviews: qa, clock }),
    },
    events: new EventService(qa),
    keys,
    issuance,
    statusLists,
    bulk,
    publicDocuments: new PublicDocuments({ institutions, designs, snapshots: qa, keys, urls }),
    verification,
    ...partnerSide.services,
    ...verifyingPartnerSide,
    learning,
    stacking,
  };
  const authenticator = new JwtAuthenticator({
    apiKeys: partnerSide.services.apiKeys,
    jwksUrl: config.AUTH_JWKS_URL,
    issuer: config.AUTH_ISSUER,
    audiences: config.AUTH_AUDIENCE?.split(',')
      .map((audience) => audience.trim())
      .filter(Boolean),
  });
  const reactions = platformReactions({
    keys,
    statusLists,
    bulk,
    learning: learning.award,
    stacking,
    credentials,
  });
  return {
    config,
    services,
    reactions,
    authenticator,
    urls,
    logger,
    clients,
    proofTimings: signer.timings,
  };
}
