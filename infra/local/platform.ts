import type { AddressInfo } from 'node:net';
import type { Logger } from '@aws-lambda-powertools/logger';
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { loadConfig, type Config } from '../../functions/composition/config';
import { createContainer, type Container } from '../../functions/composition/container';
import { platformOwnerId } from '../../functions/core/shared/owners';
import type { Clock } from '../../functions/core/shared/runtime';
import { createApiHandler } from '../../functions/handlers/api-handler';
import { createPublicWebHandler } from '../../functions/handlers/public-web-handler';
import { createWalletsHandler } from '../../functions/handlers/wallets-handler';
import { createWorkerHandler } from '../../functions/handlers/worker-handler';
import {
  ensureTable,
  localCredentials,
  localDynamoDbClient,
  localRegion,
  startDynamoDbLocal,
} from './dynamodb';
import { claimDataDir } from './data-dir-lock';
import { createHttpGateway, type HttpLambdaHandler } from './http-gateway';
import { LocalIdentityIssuer, localAudience, localIssuer, localJwksPath } from './identity';
import { LocalIdentityDirectory, type LocalMessage } from './identity-directory';
import { signInPath, signInRoutes } from './sign-in-page';
import { startKmsServer, type LocalKms } from './kms/server';
import { localS3Credentials, startObjectStorage } from './object-storage';
import { startStreamPoller, type StreamPoller } from './stream-poller';
import { LocalDeliveryQueue } from './delivery-queue';
import { startMailServer, type LocalMailServer } from './mail-server';
import { mailInboxRoutes, startSchedule, type LocalNotifications } from './notifications';
import { emulateTransactionConflicts } from './transaction-conflicts';
import { apiClientThrottle, apiStageThrottle, type StageThrottle } from '../stage';

/** The canonicalization worker threads run the TypeScript source, through tsx's loader. */
export const localCanonicalizationWorker = {
  url: new URL('./typescript-worker.js', import.meta.url),
  workerData: {
    module: new URL('../../functions/adapters/proofs/canonicalization-worker.ts', import.meta.url)
      .href,
  },
};

export interface PlatformOptions {
  /** Port of the HTTP server; 0 picks a free one. @default 4000 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /**
   * Folder for data that survives restarts (DynamoDB, KMS keys, dev identity key), held by one
   * platform at a time (`DataDirInUseError` otherwise). Absent: in memory.
   */
  readonly dataDir?: string;
  /** Use an already running DynamoDB Local instead of starting one. */
  readonly dynamodbEndpoint?: string;
  /** @default 'tessera' */
  readonly tableName?: string;
  readonly logLevel?: Config['LOG_LEVEL'];
  /** Replaces the system clock (tests move time forward to reach due dates). */
  readonly clock?: Clock;
  /**
   * GraphQL requests a minute per client, as `RATE_LIMIT_*_PER_MINUTE` sets them in AWS.
   * @default the configuration's defaults (300 anonymous per IP, 600 per user, 1,200 per partner)
   */
  readonly rateLimitsPerMinute?: { anonymous?: number; user?: number; partner?: number };
  /**
   * The gateway's stage throttle, for all clients together, as the CDK stack sets it on the
   * HTTP API stage.
   * @default apiStageThrottle (100 requests a second, bursts of 200)
   */
  readonly stageThrottle?: StageThrottle;
  /**
   * The gateway's per-client rule in front of the stage throttle (a WAF rate-based rule in AWS).
   * @default apiClientThrottle (25 requests a second per source address, bursts of 50)
   */
  readonly clientThrottle?: StageThrottle;
  /**
   * Where the local identity issuer's invitations and sign-in codes go.
   * @default printed to the console
   */
  readonly deliverIdentityMessage?: (message: LocalMessage) => void;
  /** The functions' logger (tests pass one that keeps the errors they provoke). */
  readonly logger?: Logger;
  /** How often the schedule (reminders, delivery retries) runs. 0: only when asked. @default 15000 */
  readonly scheduleIntervalMs?: number;
}

export interface RunningPlatform {
  readonly url: string;
  readonly config: Config;
  /** The API function's container (its services and clients). */
  readonly container: Container;
  /** The worker function's container (the only one that may create keys). */
  readonly worker: Container;
  readonly identity: LocalIdentityIssuer;
  /** The people the local identity issuer keeps (invited through the API), and its outbox. */
  readonly people: LocalIdentityDirectory;
  readonly kms: LocalKms;
  /** Writes refused for a collision with a transaction, as DynamoDB refuses them (`transaction-conflicts.ts`). */
  readonly transactionConflicts: { readonly cancelled: () => number };
  /** The process of the DynamoDB Local this platform started; undefined on a given endpoint. */
  readonly dynamodbPid: number | undefined;
  /** The local SMTP server every email goes to (its inbox: `/local/mail`). */
  readonly mail: LocalMailServer;
  /** The local delivery queue and schedule. */
  readonly notifications: LocalNotifications;
  /** Waits until the stream worker has handled everything written so far (30 s at most). */
  drain(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the whole platform on one machine: DynamoDB Local, the KMS-compatible endpoint, the dev
 * identity issuer, the stream poller feeding the worker, and the HTTP gateway in front of the
 * same API and public web handlers that run in AWS. Colliding transactions are cancelled as
 * DynamoDB cancels them, which DynamoDB Local does not do by itself.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.dataDir;
  const lock = dataDir ? claimDataDir(dataDir) : undefined;
  const stops: (() => Promise<void>)[] = [];
  if (lock) stops.push(() => Promise.resolve(lock.release()));
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    const identity = await LocalIdentityIssuer.open(
      dataDir ? join(dataDir, 'identity', 'signing-key.json') : undefined,
    );
    const people = new LocalIdentityDirectory(
      dataDir ? join(dataDir, 'identity', 'users.json') : undefined,
      options.deliverIdentityMessage,
    );
    let dynamodbEndpoint = options.dynamodbEndpoint;
    let dynamodbPid: number | undefined;
    if (!dynamodbEndpoint) {
      const dynamodb = await startDynamoDbLocal({
        dataDir: dataDir ? join(dataDir, 'dynamodb') : undefined,
      });
      stops.push(() => dynamodb.stop());
      dynamodbEndpoint = dynamodb.endpoint;
      dynamodbPid = dynamodb.pid;
    }
    const kms = await startKmsServer({
      storePath: dataDir ? join(dataDir, 'kms', 'keys.json') : undefined,
    });
    stops.push(() => kms.close());
    const evidenceBucket = 'tessera-evidence';
    const objects = await startObjectStorage({
      dataDir: dataDir ? join(dataDir, 's3') : undefined,
      buckets: [evidenceBucket],
    });
    stops.push(() => objects.stop());
    const mail = await startMailServer({ folder: dataDir ? join(dataDir, 'mail') : undefined });
    stops.push(() => mail.close());

    // Handlers are bound once the port is known, because the public URLs contain it.
    const bound: {
      api?: HttpLambdaHandler;
      publicWeb?: HttpLambdaHandler;
      wallets?: HttpLambdaHandler;
    } = {};
    const notReady: HttpLambdaHandler = () =>
      Promise.resolve({ statusCode: 503, body: '{"message":"starting"}' });
    const server = createHttpGateway(
      {
        api: (event, context, callback) => (bound.api ?? notReady)(event, context, callback),
        publicWeb: (event, context, callback) =>
          (bound.publicWeb ?? notReady)(event, context, callback),
        wallets: (event, context, callback) =>
          (bound.wallets ?? notReady)(event, context, callback),
        local: {
          [localJwksPath]: (_request, response) => {
            response.writeHead(200, { 'content-type': 'application/json' });
            response.end(JSON.stringify(identity.jwks()));
          },
          ...signInRoutes(identity, people),
          ...mailInboxRoutes(mail),
        },
      },
      {
        throttle: options.stageThrottle ?? apiStageThrottle,
        clientThrottle: options.clientThrottle ?? apiClientThrottle,
      },
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 4000, host, () => resolve());
    });
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const { port } = server.address() as AddressInfo;
    const url = `http://${host}:${port}`;
    people.signInUrl = `${url}${signInPath}`;
    lock?.announce(url);

    const config = loadConfig({
      STAGE: 'local',
      AWS_REGION: localRegion,
      TABLE_NAME: options.tableName ?? 'tessera',
      PUBLIC_BASE_URL: url,
      AUTH_JWKS_URL: `${url}${localJwksPath}`,
      AUTH_ISSUER: localIssuer,
      AUTH_AUDIENCE: localAudience,
      DYNAMODB_ENDPOINT: dynamodbEndpoint,
      KMS_ENDPOINT: kms.url,
      S3_ENDPOINT: objects.endpoint,
      EVIDENCE_BUCKET: evidenceBucket,
      LOG_LEVEL: options.logLevel ?? 'WARN',
      SMTP_URL: mail.url,
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: options.rateLimitsPerMinute?.anonymous?.toString(),
      RATE_LIMIT_USER_PER_MINUTE: options.rateLimitsPerMinute?.user?.toString(),
      RATE_LIMIT_PARTNER_PER_MINUTE: options.rateLimitsPerMinute?.partner?.toString(),
    });
    const dynamodbClient = localDynamoDbClient(dynamodbEndpoint);
    const transactionConflicts = emulateTransactionConflicts(dynamodbClient);
    const kmsClient = new KMSClient({
      endpoint: kms.url,
      region: localRegion,
      credentials: localCredentials,
    });
    const s3Client = new S3Client({
      endpoint: objects.endpoint,
      region: localRegion,
      credentials: localS3Credentials,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    stops.push(() => {
      dynamodbClient.destroy();
      kmsClient.destroy();
      s3Client.destroy();
      return Promise.resolve();
    });
    await ensureTable(dynamodbClient, config.TABLE_NAME);
    const clients = {
      dynamodb: dynamodbClient,
      kms: kmsClient,
      s3: s3Client,
      clock: options.clock,
      canonicalizationWorker: localCanonicalizationWorker,
      ...(options.logger ? { logger: options.logger } : {}),
    };
    const deliveryQueue = new LocalDeliveryQueue();
    const container = createContainer(config, {
      ...clients,
      deliveryQueue,
      role: 'api',
      identityDirectory: people,
    });
    const worker = createContainer(config, { ...clients, deliveryQueue, role: 'worker' });
    const publicWeb = createContainer(config, { ...clients, role: 'public-web' });
    bound.api = createApiHandler(container);
    bound.publicWeb = createPublicWebHandler(publicWeb);
    bound.wallets = createWalletsHandler(publicWeb);

    const workerHandler = createWorkerHandler({
      reactions: worker.reactions,
      log: { error: (message, details) => worker.logger.error(message, details) },
    });
    const poller: StreamPoller = await startStreamPoller({
      dynamodb: dynamodbClient,
      endpoint: dynamodbEndpoint,
      tableName: config.TABLE_NAME,
      handler: (event) => workerHandler(event),
      // The poller retries a failed poll and resumes a trimmed shard by itself, as Lambda's
      // event source mapping does: a warning, not an error (a failed record is the worker's).
      log: (message, details) => worker.logger.warn(message, { details }),
    });
    stops.push(() => poller.stop());
    const notifications = startSchedule(
      worker,
      deliveryQueue,
      options.scheduleIntervalMs ?? 15_000,
    );
    stops.push(() => notifications.stop());
    // The platform's own keys (for transcripts) are otherwise asked for on first use.
    await worker.services.keys.ensureProvisioned({
      ownerKind: 'platform',
      ownerId: platformOwnerId,
    });
    return {
      url,
      config,
      container,
      worker,
      identity,
      people,
      kms,
      transactionConflicts: { cancelled: transactionConflicts.cancelled },
      dynamodbPid,
      mail,
      notifications,
      drain: (timeoutMs) => poller.drain(timeoutMs),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
