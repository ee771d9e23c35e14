import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { lambdaBuildOptions, lambdaBundle } from './bundle-options';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type * as z from 'zod';
import { tableDesign } from '../../functions/adapters/dynamodb/table-design';
import type { configSchema } from '../../functions/composition/config';
import { keyStageTag, kmsAliasPrefix, type DeploymentStage } from '../stage';
import type { EvidenceAccess } from './evidence-store';
import { acknowledgeNagFindings, wildcardResourceFinding } from './nag';

/** The Cognito admin APIs the identity directory adapter calls (adapters/identity). */
export const identityDirectoryActions = [
  'AdminGetUser',
  'AdminCreateUser',
  'AdminUpdateUserAttributes',
  'AdminDeleteUserAttributes',
  'AdminListGroupsForUser',
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'AdminDisableUser',
  'AdminEnableUser',
  'AdminUserGlobalSignOut',
] as const;

/** The repository root: esbuild bundles from here, with its tsconfig. */
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Environment variables the runtime configuration reads (functions/composition/config.ts). Typed
 * from the schema, so renaming a variable there breaks the infrastructure build, not a cold start.
 * AWS_REGION is set by Lambda itself; the endpoint overrides exist only for the local services.
 */
export type ConfigVariable = Exclude<
  keyof z.input<typeof configSchema>,
  'AWS_REGION' | 'DYNAMODB_ENDPOINT' | 'KMS_ENDPOINT' | 'S3_ENDPOINT'
>;

export type LogLevel = z.input<typeof configSchema>['LOG_LEVEL'] & string;

/** Key specs the KMS key provisioner creates: Ed25519 (Data Integrity) and RSA 2048 (VC-JWT). */
export const signingKeySpecs = ['ECC_NIST_EDWARDS25519', 'RSA_2048'] as const;

/** Properties of a {@link TesseraFunction}. */
export interface TesseraFunctionProps {
  /** Absolute path of the handler module; it must export `handler`. */
  readonly entry: string;
  /** Stage the function serves; sets `STAGE` and scopes every KMS permission. */
  readonly stage: DeploymentStage;
  /** Name the function's logs and traces carry (`POWERTOOLS_SERVICE_NAME`). */
  readonly serviceName: string;
  /**
   * What the function is for, shown in the Lambda console.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Memory in MB; on Lambda it also buys CPU, which signing and JSON-LD canonicalisation use.
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * How long one invocation may run.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * Concurrent executions reserved for (and capping) this function.
   * @default - none: the function shares the account's unreserved concurrency
   */
  readonly reservedConcurrentExecutions?: number;
  /**
   * How long the function's log events are kept.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * What happens to the log group when the stack deletes it.
   * @default RemovalPolicy.RETAIN
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /**
   * Lowest level the function logs (`LOG_LEVEL`).
   * @default 'INFO'
   */
  readonly logLevel?: LogLevel;
}

/**
 * A Tessera Lambda function: Node.js 22 on arm64, bundled by the local esbuild as minified,
 * code-split ESM with source maps ({@link lambdaBuildOptions}), JSON logs in its own log group, X-Ray tracing, and an execution role that
 * starts with nothing but writing its logs and traces. Every other permission comes from a
 * `use…` method, which sets the environment variable the runtime reads and grants exactly what
 * that needs, so the two never drift apart.
 */
export class TesseraFunction extends LambdaFunction {
  /** The execution role; it starts with only log writing and X-Ray. */
  readonly executionRole: Role;
  private readonly stage: DeploymentStage;

  constructor(scope: Construct, id: string, props: TesseraFunctionProps) {
    // The role and log group exist before the function so that the role can be limited to this
    // one log group: AWSLambdaBasicExecutionRole would allow writing to every log group.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.serviceName} function`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      code: bundledCode(props.entry),
      handler: `${lambdaBundle.entryName}.handler`,
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        STAGE: props.stage,
        LOG_LEVEL: props.logLevel ?? 'INFO',
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        // Stack traces point at the TypeScript sources instead of the minified bundle.
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    this.executionRole = role;
    this.stage = props.stage;

    acknowledgeNagFindings(this, {
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is pinned on purpose (a supported LTS runtime; the bundle targets node22). ' +
        'Moving to a newer runtime is a deliberate upgrade with its own test run, not a side ' +
        'effect of a cdk-nag release that knows a newer one.',
    });
    acknowledgeNagFindings(role, {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing (Tracing.ACTIVE) needs xray:PutTraceSegments and ' +
        'xray:PutTelemetryRecords, which support no resource-level permissions.',
    });
  }

  /**
   * Reads (and, with `read-write`, writes) the single table; sets `TABLE_NAME`. Grants name the
   * table and its indexes from the shared table design instead of `index/*`, and leave out Scan:
   * every access pattern is a key lookup or a Query.
   */
  useTable(table: ITable, access: 'read' | 'read-write'): void {
    this.setConfig('TABLE_NAME', table.tableName);
    const itemActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
    if (access === 'read-write') {
      // Transactions are authorised per item (TransactWriteItems has no action of its own), so
      // these also cover TransactWrite with condition checks.
      itemActions.push(
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:ConditionCheckItem',
      );
    }
    this.addToRolePolicy(
      new PolicyStatement({ actions: itemActions, resources: [table.tableArn] }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: tableDesign.globalSecondaryIndexes.map(
          (index) => `${table.tableArn}/index/${index.indexName}`,
        ),
      }),
    );
  }

  /**
   * Reads (and, with `read-write`, writes) learner evidence objects, typically through presigned
   * URLs the function signs; sets `EVIDENCE_BUCKET`. The object-level policies come from the
   * stateful stack that owns the bucket (see {@link EvidenceAccess}).
   */
  useEvidenceBucket(evidence: EvidenceAccess, access: 'read' | 'read-write'): void {
    this.setConfig('EVIDENCE_BUCKET', evidence.bucket.bucketName);
    this.executionRole.addManagedPolicy(evidence.readPolicy);
    if (access === 'read-write') this.executionRole.addManagedPolicy(evidence.writePolicy);
  }

  /**
   * Verifies tokens of this user pool and app client; sets `AUTH_JWKS_URL`, `AUTH_ISSUER` and
   * `AUTH_AUDIENCE`. No permission is needed: the JWKS is public.
   */
  useIdentity(userPool: IUserPool, client: IUserPoolClient): void {
    // ProviderName is `cognito-idp.<region>.amazonaws.com/<pool id>`, the token issuer without
    // its scheme.
    const issuer = `https://${userPool.userPoolProviderName}`;
    this.setConfig('AUTH_ISSUER', issuer);
    this.setConfig('AUTH_JWKS_URL', `${issuer}/.well-known/jwks.json`);
    // Cognito ID tokens carry the app client id as `aud`.
    this.setConfig('AUTH_AUDIENCE', client.userPoolClientId);
  }

  /**
   * Manages people in this user pool and no other: invitations (`AdminCreateUser`, which sends
   * Cognito's invitation), the role groups and the scope attributes their tokens carry, and
   * deactivation with sign-out. Sets `IDENTITY_USER_POOL_ID`. Deleting users is not granted.
   */
  useIdentityDirectory(userPool: IUserPool): void {
    this.setConfig('IDENTITY_USER_POOL_ID', userPool.userPoolId);
    this.addToRolePolicy(
      new PolicyStatement({
        sid: 'ManagePeopleInUserPool',
        actions: identityDirectoryActions.map((action) => `cognito-idp:${action}`),
        resources: [userPool.userPoolArn],
      }),
    );
  }

  /** Base of every public URL the function mints (credential ids, issuer profiles, DIDs). */
  usePublicBaseUrl(url: string): void {
    this.setConfig('PUBLIC_BASE_URL', url);
  }

  /**
   * Signs with, and reads public keys of, this stage's KMS keys; sets `KMS_ALIAS_PREFIX`.
   *
   * Keys are created at run time (one per institution or partner), so no key ARN is known here.
   * Access is granted on the `tessera:stage` tag instead (attribute-based access control): the
   * function may use any key of its own stage and no other key in the account. Sign,
   * GetPublicKey and DescribeKey are all it gets: nothing that changes, deletes or exports a key.
   */
  useSigningKeys(): void {
    this.setConfig('KMS_ALIAS_PREFIX', kmsAliasPrefix(this.stage));
    const keys = this.stageKeysArn();
    this.addToRolePolicy(
      new PolicyStatement({
        sid: 'SignWithStageKeys',
        actions: ['kms:Sign', 'kms:GetPublicKey', 'kms:DescribeKey'],
        resources: [keys],
        conditions: { StringEquals: { [`aws:ResourceTag/${keyStageTag}`]: this.stage } },
      }),
    );
    acknowledgeNagFindings(this.executionRole, {
      id: wildcardResourceFinding(this, keys),
      reason:
        'Signing keys are created at run time, one per institution or partner, so their ARNs ' +
        `are unknown at deploy time; the statement only matches keys tagged ${keyStageTag}=` +
        `${this.stage} (aws:ResourceTag condition).`,
    });
  }

  /**
   * Creates this stage's signing keys and their aliases (institution and partner keys); sets
   * `KMS_ALIAS_PREFIX`. Narrower than it looks: a new key must be an asymmetric SIGN_VERIFY key
   * of a spec Tessera uses, must be tagged with this stage (which is what later lets the
   * functions of this stage, and only them, use it), may carry only `tessera:*` tags, and may
   * only be named inside this stage's alias prefix. Deleting, disabling or re-pointing keys is
   * not granted: rotation adds a key, and old keys stay so that old credentials still verify.
   */
  useKeyProvisioning(): void {
    this.setConfig('KMS_ALIAS_PREFIX', kmsAliasPrefix(this.stage));
    const stack = Stack.of(this);
    const keys = this.stageKeysArn();
    const aliases = stack.formatArn({
      service: 'kms',
      resource: 'alias',
      resourceName: `${kmsAliasPrefix(this.stage).slice('alias/'.length)}*`,
    });
    const stageRequestTag = { [`aws:RequestTag/${keyStageTag}`]: this.stage };
    const onlyTesseraTags = { 'aws:TagKeys': ['tessera:*'] };
    this.addToRolePolicy(
      new PolicyStatement({
        sid: 'CreateStageSigningKeys',
        actions: ['kms:CreateKey'],
        // CreateKey has no resource to name; the conditions are the whole restriction.
        resources: ['*'],
        conditions: {
          StringEquals: {
            ...stageRequestTag,
            'kms:KeyUsage': 'SIGN_VERIFY',
            'kms:KeySpec': [...signingKeySpecs],
            'kms:KeyOrigin': 'AWS_KMS',
          },
          'ForAllValues:StringLike': onlyTesseraTags,
          // No custom key policy that skips the lockout safety check.
          Null: { 'kms:BypassPolicyLockoutSafetyCheck': 'true' },
        },
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        sid: 'TagNewStageKeys',
        // CreateKey with Tags is authorised as TagResource too, on a policy that covers every
        // key of the account and region (the new key's ARN does not exist yet).
        actions: ['kms:TagResource'],
        resources: [keys],
        conditions: {
          StringEquals: stageRequestTag,
          'ForAllValues:StringLike': onlyTesseraTags,
        },
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        sid: 'NameKeysInStagePrefix',
        // CreateAlias is authorised on the alias and on the key it points to.
        actions: ['kms:CreateAlias'],
        resources: [aliases],
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        sid: 'NameStageKeys',
        actions: ['kms:CreateAlias'],
        resources: [keys],
        conditions: { StringEquals: { [`aws:ResourceTag/${keyStageTag}`]: this.stage } },
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        sid: 'DiscardRaceLoserKeys',
        // Two deliveries of one provisioning event can both create a key; the one that loses
        // the race for the alias schedules its key for deletion (never an aliased key).
        actions: ['kms:ScheduleKeyDeletion'],
        resources: [keys],
        conditions: { StringEquals: { [`aws:ResourceTag/${keyStageTag}`]: this.stage } },
      }),
    );
    acknowledgeNagFindings(
      this.executionRole,
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'kms:CreateKey supports no resource-level permissions; the statement is limited by ' +
          `conditions instead (request tag ${keyStageTag}=${this.stage}, key usage SIGN_VERIFY, ` +
          'key spec, origin AWS_KMS, tessera:* tag keys only, no lockout-check bypass).',
      },
      {
        id: wildcardResourceFinding(this, keys),
        reason:
          'Keys are created at run time, so their ARNs are unknown at deploy time. TagResource ' +
          `must cover all keys to tag a key while creating it, and requires the ${keyStageTag}=` +
          `${this.stage} request tag; CreateAlias on a key requires that key to carry the tag.`,
      },
      {
        id: wildcardResourceFinding(this, aliases),
        reason: `Aliases are created at run time, one per key; only inside ${kmsAliasPrefix(this.stage)}.`,
      },
    );
  }

  /** Every KMS key of this account and region; statements narrow it with tag conditions. */
  private stageKeysArn(): string {
    return Stack.of(this).formatArn({ service: 'kms', resource: 'key', resourceName: '*' });
  }

  private setConfig(name: ConfigVariable, value: string): void {
    this.addEnvironment(name, value);
  }
}

/**
 * The function's code: `entry` bundled by the local esbuild when CDK stages the asset (never
 * for stacks that `aws:cdk:bundling-stacks` leaves out), hashed by what it produced. There is
 * no Docker fallback: esbuild is a dependency of the project, so the local bundling always runs.
 */
function bundledCode(entry: string): Code {
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('dummy'),
      // Never run (the local bundling always succeeds). CDK reuses a staged asset whose source
      // and serializable bundling options match, and `local` is a function: naming the entry
      // here keeps every function from getting the first one's code.
      command: ['esbuild', relative(projectRoot, entry)],
      local: {
        tryBundle(outputDir) {
          buildSync({ ...lambdaBuildOptions(entry, outputDir), metafile: false });
          return true;
        },
      },
    },
  });
}
