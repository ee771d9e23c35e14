import { describe, expect, it } from 'vitest';
import { keyAttributeNames, tableDesign } from '../../functions/adapters/dynamodb/table-design';
import { roleGroups } from '../../infra/constructs/identity';
import { deploymentStages } from '../../infra/stage';
import { resourceNamed, synthesizeStage, unacknowledgedNagFindings } from './app-fixture';

describe('StatefulStack', () => {
  describe('table', () => {
    it('builds the keys and indexes from the shared table design when synthesized', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('dev');

      // Act
      const table = resourceNamed(statefulTemplate, 'AWS::DynamoDB::GlobalTable', 'Table');

      // Assess
      expect(table.properties.KeySchema).toEqual([
        { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
      ]);
      expect(table.properties.GlobalSecondaryIndexes).toEqual(
        tableDesign.globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
      );
      expect(table.properties.AttributeDefinitions).toEqual(
        expect.arrayContaining(
          keyAttributeNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        ),
      );
    });

    it('streams both images, expires items on the TTL attribute and bills per request when synthesized', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('dev');

      // Act
      const table = resourceNamed(statefulTemplate, 'AWS::DynamoDB::GlobalTable', 'Table');

      // Assess
      expect(table.properties).toMatchObject({
        StreamSpecification: { StreamViewType: tableDesign.streamViewType },
        TimeToLiveSpecification: {
          AttributeName: tableDesign.timeToLiveAttribute,
          Enabled: true,
        },
        BillingMode: 'PAY_PER_REQUEST',
      });
    });

    it.each(deploymentStages)('keeps point-in-time recovery on when the stage is %s', (stage) => {
      // Prepare
      const { statefulTemplate } = synthesizeStage(stage);

      // Act
      const table = resourceNamed(statefulTemplate, 'AWS::DynamoDB::GlobalTable', 'Table');

      // Assess
      expect(table.properties.Replicas).toEqual([
        expect.objectContaining({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ]);
    });

    it('protects the table from deletion and retains it when the stage is prod', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('prod');

      // Act
      const tables = statefulTemplate.findResources('AWS::DynamoDB::GlobalTable');

      // Assess
      expect(Object.values(tables)).toEqual([
        expect.objectContaining({
          DeletionPolicy: 'Retain',
          Properties: expect.objectContaining({
            Replicas: [expect.objectContaining({ DeletionProtectionEnabled: true })],
          }) as unknown,
        }),
      ]);
    });

    it('lets the table be torn down when the stage is dev', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('dev');

      // Act
      const tables = statefulTemplate.findResources('AWS::DynamoDB::GlobalTable');

      // Assess
      expect(Object.values(tables)).toEqual([
        expect.objectContaining({
          DeletionPolicy: 'Delete',
          Properties: expect.objectContaining({
            Replicas: [expect.objectContaining({ DeletionProtectionEnabled: false })],
          }) as unknown,
        }),
      ]);
    });
  });

  describe('evidence bucket', () => {
    it('blocks public access, encrypts, versions and logs when synthesized', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('prod');

      // Act
      const bucket = resourceNamed(statefulTemplate, 'AWS::S3::Bucket', 'EvidenceBucket');

      // Assess
      expect(bucket.properties).toMatchObject({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
          ],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: expect.anything() as unknown },
      });
    });

    it('aborts abandoned multipart uploads and allows presigned browser uploads when synthesized', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('dev');

      // Act
      const bucket = resourceNamed(statefulTemplate, 'AWS::S3::Bucket', 'EvidenceBucket');

      // Assess
      expect(bucket.properties.LifecycleConfiguration).toEqual({
        Rules: expect.arrayContaining([
          { AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' },
        ]) as unknown,
      });
      expect(bucket.properties.CorsConfiguration).toEqual({
        CorsRules: [
          expect.objectContaining({
            AllowedMethods: expect.arrayContaining(['PUT', 'GET']) as unknown,
          }),
        ],
      });
    });

    it('refuses requests without TLS when synthesized', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('dev');
      const bucket = resourceNamed(statefulTemplate, 'AWS::S3::Bucket', 'EvidenceBucket');

      // Act
      const policies = statefulTemplate.findResources('AWS::S3::BucketPolicy', {
        Properties: { Bucket: { Ref: bucket.logicalId } },
      });

      // Assess
      expect(Object.values(policies)).toEqual([
        expect.objectContaining({
          Properties: expect.objectContaining({
            PolicyDocument: expect.objectContaining({
              Statement: expect.arrayContaining([
                expect.objectContaining({
                  Effect: 'Deny',
                  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                }),
              ]) as unknown,
            }) as unknown,
          }) as unknown,
        }),
      ]);
    });

    it('grants one object action per evidence policy when synthesized', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('dev');

      // Act
      const read = resourceNamed(statefulTemplate, 'AWS::IAM::ManagedPolicy', 'EvidenceRead');
      const write = resourceNamed(statefulTemplate, 'AWS::IAM::ManagedPolicy', 'EvidenceWrite');

      // Assess
      expect(read.properties.PolicyDocument).toMatchObject({
        Statement: [{ Action: 's3:GetObject', Effect: 'Allow' }],
      });
      expect(write.properties.PolicyDocument).toMatchObject({
        Statement: [{ Action: 's3:PutObject', Effect: 'Allow' }],
      });
    });
  });

  describe('identity', () => {
    it('creates one group per platform role when synthesized', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('dev');

      // Act
      const groups = Object.values(statefulTemplate.findResources('AWS::Cognito::UserPoolGroup'));

      // Assess
      expect(groups.map((group) => (group.Properties as { GroupName: string }).GroupName)).toEqual([
        ...roleGroups,
      ]);
    });

    it('closes self sign-up and requires strong passwords when synthesized', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('dev');

      // Act
      const pool = resourceNamed(statefulTemplate, 'AWS::Cognito::UserPool', 'IdentityUserPool');

      // Assess
      expect(pool.properties).toMatchObject({
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        MfaConfiguration: 'OPTIONAL',
        Policies: {
          PasswordPolicy: {
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          },
        },
        Schema: expect.arrayContaining([
          expect.objectContaining({ Name: 'institutionId', AttributeDataType: 'String' }),
          expect.objectContaining({ Name: 'qaRoles', AttributeDataType: 'String' }),
        ]) as unknown,
      });
    });

    it('enforces threat protection and deletion protection when the stage is prod', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('prod');

      // Act
      const pool = resourceNamed(statefulTemplate, 'AWS::Cognito::UserPool', 'IdentityUserPool');

      // Assess
      expect(pool.properties).toMatchObject({
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        DeletionProtection: 'ACTIVE',
      });
    });

    it('lets the portal client write no custom attribute when synthesized', () => {
      // Prepare
      const { statefulTemplate } = synthesizeStage('dev');

      // Act
      const client = resourceNamed(
        statefulTemplate,
        'AWS::Cognito::UserPoolClient',
        'IdentityUserPoolPortalClient',
      );

      // Assess
      expect(client.properties.WriteAttributes).toEqual(['name']);
      expect(client.properties.ReadAttributes).toEqual(
        expect.arrayContaining([
          'custom:institutionId',
          'custom:qaRoles',
          'custom:assessedDesigns',
        ]),
      );
      expect(client.properties).toMatchObject({ GenerateSecret: false });
      expect(client.properties.AllowedOAuthFlows).toBeUndefined();
    });
  });

  it.each(deploymentStages)(
    'leaves no cdk-nag AwsSolutions finding unacknowledged when the stage is %s',
    (stage) => {
      // Prepare
      const { stateful } = synthesizeStage(stage);

      // Act
      const findings = unacknowledgedNagFindings(stateful);

      // Assess
      expect(findings).toEqual([]);
    },
  );
});
