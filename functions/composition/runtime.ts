import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Logger } from '@aws-lambda-powertools/logger';
import { lazily, type ClientSource } from '../adapters/aws-clients';
import { DynamoDbInstitutionRepository } from '../adapters/dynamodb/institution-repository';
import { DynamoDbCredentialRepository } from '../adapters/dynamodb/credential-repository';
import { DynamoDbKeyRepository } from '../adapters/dynamodb/key-repository';
import { DynamoDbStatusListRepository } from '../adapters/dynamodb/status-list-repository';
import { DynamoDbMicroCredentialRepository } from '../adapters/dynamodb/micro-credential-repository';
import { DynamoDbQaRepository } from '../adapters/dynamodb/qa-repository';
import { DynamoDbStackRepository } from '../adapters/dynamodb/stack-repository';
import { createDocumentClient, DynamoTable } from '../adapters/dynamodb/table';
import { KmsSigner } from '../adapters/kms/kms-signer';
import { KmsCredentialSigner } from '../adapters/proofs/kms-credential-signer';
import { CanonicalizationPool, type WorkerScript } from '../adapters/proofs/canonicalization-pool';
import { CachingProofVerifier } from '../adapters/proofs/proof-verifier';
import { systemClock, uuidGenerator } from '../adapters/system';
import type { DeliveryQueue } from '../core/notifications/ports';
import { PublicUrls } from '../core/shared/public-urls';
import type { IdentityDirectory } from '../core/people/ports';
import type { Clock, IdGenerator } from '../core/shared/runtime';
import type { Config } from './config';

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
  /** The identity directory people are managed in (the local identity issuer on one machine). */
  readonly identityDirectory?: IdentityDirectory;
  /** Where new deliveries are handed over when no SQS queue is configured (the local platform). */
  readonly deliveryQueue?: DeliveryQueue;
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

/** The runtime every module shares: clients, clock, ids, URLs, the table and the signer. */
export interface Runtime {
  readonly config: Config;
  readonly clients: AwsClients;
  readonly role: FunctionRole;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly urls: PublicUrls;
  readonly table: DynamoTable;
  readonly proofs: CachingProofVerifier;
  readonly signer: KmsCredentialSigner;
}

export function runtimeOf(config: Config, overrides: ContainerOverrides): Runtime {
  const built =
    overrides.dynamodb && overrides.kms && overrides.s3 ? null : createAwsClients(config);
  const clients: AwsClients = {
    dynamodb: overrides.dynamodb ?? built!.dynamodb,
    kms: overrides.kms ?? built!.kms,
    s3: overrides.s3 ?? built!.s3,
  };
  const proofs = new CachingProofVerifier(
    overrides.canonicalizationWorker
      ? new CanonicalizationPool({ script: overrides.canonicalizationWorker })
      : undefined,
  );
  return {
    config,
    clients,
    role: overrides.role ?? 'api',
    clock: overrides.clock ?? systemClock,
    ids: overrides.ids ?? uuidGenerator,
    urls: new PublicUrls(config.PUBLIC_BASE_URL),
    table: new DynamoTable(createDocumentClient(clients.dynamodb), config.TABLE_NAME),
    proofs,
    signer: new KmsCredentialSigner(new KmsSigner(clients.kms), proofs),
  };
}

/** The repositories more than one module reads. */
export function storesOf(table: DynamoTable) {
  return {
    institutions: new DynamoDbInstitutionRepository(table),
    designs: new DynamoDbMicroCredentialRepository(table),
    qa: new DynamoDbQaRepository(table),
    credentials: new DynamoDbCredentialRepository(table),
    statusLists: new DynamoDbStatusListRepository(table),
    signingKeys: new DynamoDbKeyRepository(table),
    stacks: new DynamoDbStackRepository(table),
  };
}
export type Stores = ReturnType<typeof storesOf>;
