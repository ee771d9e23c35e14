import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../functions/composition/config';
import { createContainer, type Container } from '../../functions/composition/container';
import { createApiHandler } from '../../functions/handlers/api-handler';
import type { Clock } from '../../functions/core/shared/runtime';
import { handler as publicWebHandler } from '../../functions/handlers/public-web';
import {
  ensureTable,
  localDynamoDbClient,
  localRegion,
  startDynamoDbLocal,
  type DynamoDbLocal,
} from './dynamodb';
import { createHttpGateway, type HttpLambdaHandler } from './http-gateway';
import { LocalIdentityIssuer, localAudience, localIssuer, localJwksPath } from './identity';

export interface PlatformOptions {
  /** Port of the HTTP server; 0 picks a free one. @default 4000 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Folder for data that survives restarts (DynamoDB, KMS keys, dev identity key). Absent: in memory. */
  readonly dataDir?: string;
  /** Use an already running DynamoDB Local instead of starting one. */
  readonly dynamodbEndpoint?: string;
  /** @default 'tessera' */
  readonly tableName?: string;
  readonly logLevel?: Config['LOG_LEVEL'];
  /** Replaces the system clock (tests move time forward to reach due dates). */
  readonly clock?: Clock;
}

export interface RunningPlatform {
  readonly url: string;
  readonly config: Config;
  readonly container: Container;
  readonly identity: LocalIdentityIssuer;
  stop(): Promise<void>;
}

/**
 * Runs the whole platform on one machine: DynamoDB Local, the dev identity issuer, and the
 * HTTP gateway in front of the same handlers that run in AWS.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const host = options.host ?? '127.0.0.1';
  const dataDir = options.dataDir;
  const identity = await LocalIdentityIssuer.open(
    dataDir ? join(dataDir, 'identity', 'signing-key.json') : undefined,
  );
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne();
  };
  try {
    let dynamodbEndpoint = options.dynamodbEndpoint;
    if (!dynamodbEndpoint) {
      const dynamodb: DynamoDbLocal = await startDynamoDbLocal({
        dataDir: dataDir ? join(dataDir, 'dynamodb') : undefined,
      });
      stops.push(() => dynamodb.stop());
      dynamodbEndpoint = dynamodb.endpoint;
    }

    // Handlers are bound once the port is known, because the public URLs contain it.
    const bound: { api?: HttpLambdaHandler } = {};
    const notReady: HttpLambdaHandler = () =>
      Promise.resolve({ statusCode: 503, body: '{"message":"starting"}' });
    const server = createHttpGateway({
      api: (event, context, callback) => (bound.api ?? notReady)(event, context, callback),
      publicWeb: publicWebHandler,
      local: {
        [localJwksPath]: (_request, response) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(identity.jwks()));
        },
      },
    });
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

    const config = loadConfig({
      STAGE: 'local',
      AWS_REGION: localRegion,
      TABLE_NAME: options.tableName ?? 'tessera',
      PUBLIC_BASE_URL: url,
      AUTH_JWKS_URL: `${url}${localJwksPath}`,
      AUTH_ISSUER: localIssuer,
      AUTH_AUDIENCE: localAudience,
      DYNAMODB_ENDPOINT: dynamodbEndpoint,
      LOG_LEVEL: options.logLevel ?? 'WARN',
    });
    const dynamodbClient = localDynamoDbClient(dynamodbEndpoint);
    stops.push(() => Promise.resolve(dynamodbClient.destroy()));
    await ensureTable(dynamodbClient, config.TABLE_NAME);
    const container = createContainer(config, { dynamodb: dynamodbClient, clock: options.clock });
    bound.api = createApiHandler(container);
    return { url, config, container, identity, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
