import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { tableDesign } from '../../functions/adapters/dynamodb/table-design';
import { deploymentStages } from '../../infra/stage';
import { resourceNamed, synthesizeStage, unacknowledgedNagFindings } from './app-fixture';

const statementSchema = z.object({
  Effect: z.string(),
  Action: z.union([z.string(), z.array(z.string())]),
  Condition: z.record(z.string(), z.unknown()).optional(),
});

/** The Allow statements of a function's execution role (its default policy). */
function roleStatements(template: Template, functionId: string) {
  const policy = resourceNamed(template, 'AWS::IAM::Policy', `${functionId}RoleDefaultPolicy`);
  const document = z
    .object({ Statement: z.array(statementSchema) })
    .parse(policy.properties.PolicyDocument);
  return document.Statement.filter((statement) => statement.Effect === 'Allow').map(
    (statement) => ({
      ...statement,
      actions: [statement.Action].flat(),
    }),
  );
}

function actionsOf(template: Template, functionId: string): string[] {
  return roleStatements(template, functionId).flatMap((statement) => statement.actions);
}

/** Environment variable names of a function. */
function environmentOf(template: Template, functionId: string): string[] {
  const fn = resourceNamed(template, 'AWS::Lambda::Function', functionId);
  return Object.keys(
    z.object({ Variables: z.record(z.string(), z.unknown()) }).parse(fn.properties.Environment)
      .Variables,
  );
}

const functionIds = ['Api', 'PublicWeb', 'Worker', 'Wallets'] as const;

/** What functions/composition/config.ts reads, plus what Powertools and Node read. */
const runtimeVariables = [
  'STAGE',
  'TABLE_NAME',
  'PUBLIC_BASE_URL',
  'AUTH_JWKS_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'KMS_ALIAS_PREFIX',
  'LOG_LEVEL',
  'POWERTOOLS_SERVICE_NAME',
  'NODE_OPTIONS',
];

describe('StatelessStack', () => {
  describe('functions', () => {
    it.each(functionIds)(
      'runs %s on nodejs22.x, arm64, with active tracing when synthesized',
      (id) => {
        // Prepare
        const { statelessTemplate } = synthesizeStage('dev');

        // Act
        const fn = resourceNamed(statelessTemplate, 'AWS::Lambda::Function', id);

        // Assess
        expect(fn.properties).toMatchObject({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          Handler: 'index.handler',
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: { LogFormat: 'JSON' },
        });
      },
    );

    it.each(functionIds)(
      'gives %s the environment the runtime config reads when synthesized',
      (id) => {
        // Prepare
        const { statelessTemplate } = synthesizeStage('dev');

        // Act
        const variables = environmentOf(statelessTemplate, id);

        // Assess
        expect(variables).toEqual(expect.arrayContaining(runtimeVariables));
      },
    );

    it('gives the evidence bucket only to the functions that serve evidence when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('dev');

      // Act
      const withBucket = functionIds.filter((id) =>
        environmentOf(statelessTemplate, id).includes('EVIDENCE_BUCKET'),
      );

      // Assess
      expect(withBucket).toEqual(['Api', 'PublicWeb']);
    });

    it('reserves the worker concurrency that keeps it inside the KMS signing quota when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('prod');

      // Act
      const worker = resourceNamed(statelessTemplate, 'AWS::Lambda::Function', 'Worker');

      // Assess
      expect(worker.properties.ReservedConcurrentExecutions).toBe(4);
    });

    it('keeps every log group for a limited time when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('prod');

      // Act
      const logGroups = Object.values(statelessTemplate.findResources('AWS::Logs::LogGroup'));

      // Assess
      expect(logGroups).toHaveLength(7);
      for (const logGroup of logGroups) {
        expect(logGroup).toMatchObject({ Properties: { RetentionInDays: 90 } });
      }
    });
  });

  describe('permissions', () => {
    it('lets the api function sign but never create keys when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('dev');

      // Act
      const statements = roleStatements(statelessTemplate, 'Api');
      const kms = statements.filter((statement) =>
        statement.actions.some((action) => action.startsWith('kms:')),
      );

      // Assess
      expect(kms).toEqual([
        expect.objectContaining({
          actions: ['kms:DescribeKey', 'kms:GetPublicKey', 'kms:Sign'],
          Condition: { StringEquals: { 'aws:ResourceTag/tessera:stage': 'dev' } },
        }),
      ]);
      expect(actionsOf(statelessTemplate, 'Api')).not.toContain('kms:CreateKey');
    });

    it('lets only the api function manage people, and only in its own user pool, when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('dev');

      // Act
      const cognito = (id: (typeof functionIds)[number]) =>
        actionsOf(statelessTemplate, id).filter((action) => action.startsWith('cognito-idp:'));
      const statement = z
        .object({
          Statement: z.array(z.object({ Sid: z.string().optional(), Resource: z.unknown() })),
        })
        .parse(
          resourceNamed(statelessTemplate, 'AWS::IAM::Policy', 'ApiRoleDefaultPolicy').properties
            .PolicyDocument,
        )
        .Statement.find((candidate) => candidate.Sid === 'ManagePeopleInUserPool')!;

      // Assess
      expect(cognito('Api')).toEqual(
        expect.arrayContaining([
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminUpdateUserAttributes',
          'cognito-idp:AdminDisableUser',
        ]),
      );
      expect(cognito('Api')).not.toContain('cognito-idp:AdminDeleteUser');
      expect(cognito('PublicWeb')).toEqual([]);
      expect(cognito('Worker')).toEqual([]);
      expect(JSON.stringify(statement.Resource)).not.toContain('*');
      expect(environmentOf(statelessTemplate, 'Api')).toContain('IDENTITY_USER_POOL_ID');
      expect(environmentOf(statelessTemplate, 'Worker')).not.toContain('IDENTITY_USER_POOL_ID');
    });

    it('lets the public-web function read but never write the table or create keys when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('dev');

      // Act
      const actions = actionsOf(statelessTemplate, 'PublicWeb');

      // Assess
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
      for (const forbidden of [
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        'dynamodb:BatchWriteItem',
        'kms:CreateKey',
      ]) {
        expect(actions).not.toContain(forbidden);
      }
    });

    it('lets only the worker create keys, and only tagged with its stage, when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('prod');

      // Act
      const createKey = roleStatements(statelessTemplate, 'Worker').filter((statement) =>
        statement.actions.includes('kms:CreateKey'),
      );

      // Assess
      expect(createKey).toEqual([
        expect.objectContaining({
          Condition: expect.objectContaining({
            StringEquals: expect.objectContaining({
              'aws:RequestTag/tessera:stage': 'prod',
              'kms:KeyUsage': 'SIGN_VERIFY',
            }) as unknown,
          }) as unknown,
        }),
      ]);
      expect(actionsOf(statelessTemplate, 'Worker')).toEqual(
        expect.arrayContaining(['kms:Sign', 'kms:TagResource', 'kms:CreateAlias']),
      );
    });

    it('grants no function a wildcard table index or a Scan when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('dev');

      // Act
      const policies = JSON.stringify(statelessTemplate.findResources('AWS::IAM::Policy'));

      // Assess
      expect(policies).not.toContain('/index/*');
      expect(policies).not.toContain('dynamodb:Scan');
      for (const index of tableDesign.globalSecondaryIndexes) {
        expect(policies).toContain(`/index/${index.indexName}`);
      }
    });

    it('grants no function an AWS managed policy when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('dev');

      // Act
      const roles = JSON.stringify(statelessTemplate.findResources('AWS::IAM::Role'));

      // Assess
      expect(roles).not.toContain(':iam::aws:policy/');
    });
  });

  describe('HTTP API', () => {
    it('routes GraphQL to the api function and page requests to public-web when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('dev');
      const integrationOf = (routeKey: string) => {
        const [route] = Object.values(
          statelessTemplate.findResources('AWS::ApiGatewayV2::Route', {
            Properties: { RouteKey: routeKey },
          }),
        );
        const target = JSON.stringify(
          z.object({ Properties: z.object({ Target: z.unknown() }) }).parse(route).Properties
            .Target,
        );
        const integrationId = /"Ref":"(\w+)"/.exec(target)?.[1] ?? 'missing';
        const integration = resourceNamed(
          statelessTemplate,
          'AWS::ApiGatewayV2::Integration',
          integrationId,
        );
        return JSON.stringify(integration.properties.IntegrationUri);
      };

      // Act
      const graphql = integrationOf('POST /graphql');
      const root = integrationOf('GET /');
      const pages = integrationOf('GET /{proxy+}');
      const walletPaths = [
        'GET /.well-known/openid-credential-issuer',
        'POST /oid4vci/token',
        'POST /oid4vci/credential',
        'POST /exchanges/{id}',
      ].map(integrationOf);

      // Assess
      expect(graphql).toMatch(/"Api[0-9A-F]{8}","Arn"/);
      expect(root).toMatch(/"PublicWeb[0-9A-F]{8}","Arn"/);
      expect(pages).toMatch(/"PublicWeb[0-9A-F]{8}","Arn"/);
      for (const wallet of walletPaths) expect(wallet).toMatch(/"Wallets[0-9A-F]{8}","Arn"/);
    });

    it('throttles and access-logs the default stage when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('dev');

      // Act
      const stage = resourceNamed(statelessTemplate, 'AWS::ApiGatewayV2::Stage', 'HttpApiStage');

      // Assess
      expect(stage.properties).toMatchObject({
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
        AccessLogSettings: { DestinationArn: expect.anything() as unknown },
      });
    });
  });

  describe('stream worker', () => {
    it('reports batch item failures and dead-letters exhausted batches when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('dev');
      const queue = resourceNamed(statelessTemplate, 'AWS::SQS::Queue', 'WorkerDeadLetterQueue');

      // Act
      const mapping = resourceNamed(statelessTemplate, 'AWS::Lambda::EventSourceMapping', 'Worker');

      // Assess
      expect(mapping.properties).toMatchObject({
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 5,
        BatchSize: 25,
        StartingPosition: 'TRIM_HORIZON',
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [queue.logicalId, 'Arn'] } },
        },
      });
    });

    it('encrypts the dead-letter queue and refuses requests without TLS when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('dev');

      // Act
      const queue = resourceNamed(statelessTemplate, 'AWS::SQS::Queue', 'WorkerDeadLetterQueue');
      const policy = resourceNamed(statelessTemplate, 'AWS::SQS::QueuePolicy', 'WorkerDeadLetter');

      // Assess
      expect(queue.properties).toMatchObject({ SqsManagedSseEnabled: true });
      expect(JSON.stringify(policy.properties.PolicyDocument)).toContain(
        '"Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny"',
      );
    });
  });

  describe('alarms', () => {
    it('alarms on errors, throttles, dead letters and iterator age into one topic when synthesized', () => {
      // Prepare
      const { statelessTemplate } = synthesizeStage('dev');
      const topic = resourceNamed(statelessTemplate, 'AWS::SNS::Topic', 'AlarmsTopic');

      // Act
      const alarms = Object.values(statelessTemplate.findResources('AWS::CloudWatch::Alarm')).map(
        (alarm) =>
          z
            .object({
              Properties: z.object({
                MetricName: z.string(),
                Namespace: z.string(),
                AlarmActions: z.array(z.unknown()),
              }),
            })
            .parse(alarm).Properties,
      );

      // Assess
      const metrics = alarms.map((alarm) => `${alarm.Namespace}/${alarm.MetricName}`).sort();
      expect(metrics).toEqual([
        'AWS/ApiGateway/5xx',
        'AWS/Lambda/Errors',
        'AWS/Lambda/Errors',
        'AWS/Lambda/Errors',
        'AWS/Lambda/Errors',
        'AWS/Lambda/Errors',
        'AWS/Lambda/IteratorAge',
        'AWS/Lambda/Throttles',
        'AWS/Lambda/Throttles',
        'AWS/Lambda/Throttles',
        'AWS/Lambda/Throttles',
        'AWS/Lambda/Throttles',
        'AWS/SQS/ApproximateNumberOfMessagesVisible',
        'AWS/SQS/ApproximateNumberOfMessagesVisible',
      ]);
      for (const alarm of alarms) {
        expect(alarm.AlarmActions).toEqual([{ Ref: topic.logicalId }]);
      }
    });
  });

  it.each(deploymentStages)(
    'leaves no cdk-nag AwsSolutions finding unacknowledged when the stage is %s',
    (stage) => {
      // Prepare
      const { stateless } = synthesizeStage(stage);

      // Act
      const findings = unacknowledgedNagFindings(stateless);

      // Assess
      expect(findings).toEqual([]);
    },
  );
});
