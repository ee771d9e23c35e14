import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { walletRoutes } from '../../functions/handlers/wallet-routes';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { EvidenceAccess } from '../constructs/evidence-store';
import { acknowledgeNagFindings } from '../constructs/nag';
import { OperationalAlarms } from '../constructs/operational-alarms';
import { TesseraFunction, type LogLevel } from '../constructs/tessera-function';
import { apiStageThrottle, type DeploymentStage } from '../stage';

/** Lambda entry points; their paths and the `handler` export are a stable contract. */
const handlerEntry = (name: 'api' | 'public-web' | 'worker' | 'wallets') =>
  fileURLToPath(new URL(`../../functions/handlers/${name}.ts`, import.meta.url));

/** Properties of the {@link StatelessStack}. */
export interface StatelessStackProps extends StackProps {
  /** Stage the functions serve; scopes their KMS permissions and log retention. */
  readonly stage: DeploymentStage;
  /** The single table; it must have a stream, which the worker consumes. */
  readonly table: ITableV2;
  /** The evidence bucket and its read/write policies. */
  readonly evidence: EvidenceAccess;
  /** The user pool whose tokens the functions accept. */
  readonly userPool: IUserPool;
  /** The app client the tokens are issued to (their `aud`). */
  readonly userPoolClient: IUserPoolClient;
  /**
   * Base of the public URLs the platform mints; they end up inside signed credentials, so a
   * custom domain should be chosen before production issues anything.
   * @default - the HTTP API's own `execute-api` endpoint
   */
  readonly publicBaseUrl?: string;
  /**
   * Browser origins that may call the API (the portal's origins).
   * @default ['*'] - any origin: callers authenticate with bearer tokens, never cookies
   */
  readonly corsAllowedOrigins?: string[];
  /**
   * Request throttling of the API stage (all routes).
   * @default apiStageThrottle - { rateLimit: 100, burstLimit: 200 }
   */
  readonly throttle?: ThrottleSettings;
  /**
   * Concurrent executions reserved for, and capping, the stream worker.
   *
   * The worker signs in bulk (stacked credentials, status lists, bulk issuance), and KMS
   * throttles asymmetric signing per account and region: by default 300 requests/s for ECC keys
   * (Ed25519) and 500 for RSA, shared by every function of the account. One worker execution
   * signs one record after another, at most roughly 40–50 signatures/s (a Sign round trip is
   * some 20–25 ms), so 4 executions stay below about 200/s and leave a third of the ECC quota
   * to the API, whose signing is interactive. Raise it together with a KMS quota increase.
   *
   * Note: an account must keep 10 executions unreserved; new accounts with a total limit of 10
   * cannot reserve any until the limit is raised.
   * @default 4
   */
  readonly workerReservedConcurrency?: number;
  /**
   * Stream records per worker invocation.
   * @default 25
   */
  readonly workerBatchSize?: number;
  /**
   * Retries of a failing stream batch before its records go to the dead-letter queue.
   * @default 5
   */
  readonly workerRetryAttempts?: number;
  /**
   * How far the worker may fall behind the stream before the iterator-age alarm fires.
   * @default Duration.minutes(5)
   */
  readonly iteratorAgeAlarmThreshold?: Duration;
  /**
   * An address that receives the alarms by email.
   * @default - none; subscribe to the alarm topic instead
   */
  readonly alarmEmail?: string;
  /**
   * Retention of function and access logs.
   * @default RetentionDays.THREE_MONTHS in prod, RetentionDays.ONE_MONTH otherwise
   */
  readonly logRetention?: RetentionDays;
  /**
   * Lowest level the functions log.
   * @default 'INFO'
   */
  readonly logLevel?: LogLevel;
}

/**
 * The code and its wiring, safe to replace at any time: the three functions, the HTTP API in
 * front of two of them, the stream consumer with its dead-letter queue, and the alarms.
 */
export class StatelessStack extends Stack {
  /** GraphQL at `POST /graphql`. */
  readonly apiFunction: TesseraFunction;
  /** Public, dereferenceable URLs (`GET /` and `GET /{proxy+}`). */
  readonly publicWebFunction: TesseraFunction;
  /** Consumes the table stream. */
  readonly workerFunction: TesseraFunction;
  /** OpenID4VCI and VC-API wallet issuance (the paths of `wallet-routes.ts`). */
  readonly walletsFunction: TesseraFunction;
  /** The one HTTP API in front of the api and public-web functions. */
  readonly httpApi: HttpApi;
  /**
   * Where Lambda records the stream batches the worker gave up on: shard and sequence numbers,
   * not the items, which stay readable from the stream for 24 hours only.
   */
  readonly workerDeadLetterQueue: Queue;
  /** The alarms and the SNS topic they publish to. */
  readonly alarms: OperationalAlarms;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const production = props.stage === 'prod';
    const logRetention =
      props.logRetention ?? (production ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH);
    const logRemovalPolicy = production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const common = {
      stage: props.stage,
      logRetention,
      logRemovalPolicy,
      logLevel: props.logLevel,
    };

    this.apiFunction = new TesseraFunction(this, 'Api', {
      ...common,
      entry: handlerEntry('api'),
      serviceName: 'tessera-api',
      description: 'Tessera GraphQL API',
      // API Gateway gives up on an integration after 30 s; fail well before that.
      timeout: Duration.seconds(10),
    });
    this.apiFunction.useTable(props.table, 'read-write');
    this.apiFunction.useEvidenceBucket(props.evidence, 'read-write');
    this.apiFunction.useIdentity(props.userPool, props.userPoolClient);
    // Only the API manages people (invitations, roles), and only in its own pool.
    this.apiFunction.useIdentityDirectory(props.userPool);
    this.apiFunction.useSigningKeys();

    this.publicWebFunction = new TesseraFunction(this, 'PublicWeb', {
      ...common,
      entry: handlerEntry('public-web'),
      serviceName: 'tessera-public-web',
      description: 'Tessera public credential, issuer and status-list pages',
      timeout: Duration.seconds(10),
    });
    // Public pages only show what exists: no writes.
    this.publicWebFunction.useTable(props.table, 'read');
    this.publicWebFunction.useEvidenceBucket(props.evidence, 'read');
    this.publicWebFunction.useIdentity(props.userPool, props.userPoolClient);
    this.publicWebFunction.useSigningKeys();

    this.walletsFunction = new TesseraFunction(this, 'Wallets', {
      ...common,
      entry: handlerEntry('wallets'),
      serviceName: 'tessera-wallets',
      description: 'Tessera wallet issuance: OpenID4VCI 1.0 and VC-API exchanges',
      timeout: Duration.seconds(10),
    });
    // Codes, tokens, nonces and copies are written (conditionally); copies are signed in KMS.
    this.walletsFunction.useTable(props.table, 'read-write');
    this.walletsFunction.useIdentity(props.userPool, props.userPoolClient);
    this.walletsFunction.useSigningKeys();

    this.workerFunction = new TesseraFunction(this, 'Worker', {
      ...common,
      entry: handlerEntry('worker'),
      serviceName: 'tessera-worker',
      description: 'Tessera table-stream worker: stacking, bulk issuance, status lists',
      timeout: Duration.seconds(60),
      reservedConcurrentExecutions: props.workerReservedConcurrency ?? 4,
    });
    this.workerFunction.useTable(props.table, 'read-write');
    this.workerFunction.useIdentity(props.userPool, props.userPoolClient);
    this.workerFunction.useSigningKeys();
    // Only the worker provisions keys (institution and partner keys, from stream events), so
    // a compromised API function cannot mint keys.
    this.workerFunction.useKeyProvisioning();

    this.workerDeadLetterQueue = new Queue(this, 'WorkerDeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time to notice, investigate and replay.
      retentionPeriod: Duration.days(14),
    });
    acknowledgeNagFindings(this.workerDeadLetterQueue, {
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself a dead-letter queue: the on-failure destination of the worker ' +
        'stream mapping. Nothing consumes it automatically, so it needs no DLQ of its own.',
    });
    this.workerFunction.addEventSource(
      new DynamoEventSource(props.table, {
        // Records written before a deploy are still processed after it.
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: props.workerBatchSize ?? 25,
        // A poison record is isolated by halving the batch instead of blocking the shard.
        bisectBatchOnError: true,
        retryAttempts: props.workerRetryAttempts ?? 5,
        // The worker names the records that failed; the rest of the batch is not redone.
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.workerDeadLetterQueue),
      }),
    );
    acknowledgeNagFindings(this.workerFunction.executionRole, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'The stream event source needs dynamodb:ListStreams, which supports no resource-level ' +
        'permissions; reading the stream itself is granted on its ARN.',
    });

    const accessLogs = new LogGroup(this, 'HttpApiAccessLogs', {
      retention: logRetention,
      removalPolicy: logRemovalPolicy,
    });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `tessera-${props.stage}`,
      description: 'Tessera GraphQL API and public credential pages',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.corsAllowedOrigins ?? ['*'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        allowHeaders: ['authorization', 'content-type', 'x-api-key', 'apollo-require-preflight'],
        maxAge: Duration.hours(1),
      },
    });
    new HttpStage(this, 'HttpApiStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? apiStageThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No headers, query strings or bodies: tokens and API keys must not reach the logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            method: '$context.httpMethod',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    const graphql = new HttpLambdaIntegration('GraphqlIntegration', this.apiFunction);
    const publicWeb = new HttpLambdaIntegration('PublicWebIntegration', this.publicWebFunction);
    const wallets = new HttpLambdaIntegration('WalletsIntegration', this.walletsFunction);
    const routes = [
      // Wallet paths are more specific than `/{proxy+}`, so API Gateway routes them here.
      ...walletRoutes.flatMap((route) =>
        this.httpApi.addRoutes({
          path: route.path,
          methods: [route.method === 'GET' ? HttpMethod.GET : HttpMethod.POST, HttpMethod.OPTIONS],
          integration: wallets,
        }),
      ),
      ...this.httpApi.addRoutes({
        path: '/graphql',
        methods: [HttpMethod.POST],
        integration: graphql,
      }),
      ...this.httpApi.addRoutes({ path: '/', methods: [HttpMethod.GET], integration: publicWeb }),
      // The verifier's form posts here (no JavaScript needed); every other page is a GET.
      ...this.httpApi.addRoutes({
        path: '/verify',
        methods: [HttpMethod.POST],
        integration: publicWeb,
      }),
      ...this.httpApi.addRoutes({
        path: '/{proxy+}',
        methods: [HttpMethod.GET],
        integration: publicWeb,
      }),
    ];
    for (const route of routes) {
      acknowledgeNagFindings(route, {
        id: 'AwsSolutions-APIG4',
        reason:
          'Authorization happens in the functions, not at the gateway: GraphQL serves public ' +
          'queries (verifyCredential) without a token and checks Cognito JWTs or partner API ' +
          'keys per field, and the public pages are public by design (verifiers dereference ' +
          'the URLs inside credentials).',
      });
    }

    const publicBaseUrl = props.publicBaseUrl ?? this.httpApi.apiEndpoint;
    for (const fn of [
      this.apiFunction,
      this.publicWebFunction,
      this.workerFunction,
      this.walletsFunction,
    ]) {
      fn.usePublicBaseUrl(publicBaseUrl);
    }

    this.alarms = new OperationalAlarms(this, 'Alarms', { email: props.alarmEmail });
    this.alarms.watchFunction('Api', this.apiFunction);
    this.alarms.watchFunction('PublicWeb', this.publicWebFunction);
    this.alarms.watchFunction('Worker', this.workerFunction);
    this.alarms.watchFunction('Wallets', this.walletsFunction);
    this.alarms.watchIteratorAge(
      'Worker',
      this.workerFunction,
      props.iteratorAgeAlarmThreshold ?? Duration.minutes(5),
    );
    this.alarms.watchDeadLetterQueue('WorkerDeadLetterQueue', this.workerDeadLetterQueue);
    this.alarms.watchHttpApi('HttpApi', this.httpApi);

    new CfnOutput(this, 'ApiUrl', {
      description: 'Base URL: GraphQL at /graphql, public pages beside it',
      value: publicBaseUrl,
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
  }
}
