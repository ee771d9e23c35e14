import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Schema-first: the SDL in graphql/schema is the source of truth. `npm run codegen` writes the
 * resolver types (mapped to core types) and the SDL module; CI runs `npm run codegen:check`.
 */
const config: CodegenConfig = {
  schema: 'graphql/schema/*.graphql',
  generates: {
    'graphql/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context#GraphQLContext',
        useTypeImports: true,
        enumsAsTypes: true,
        immutableTypes: true,
        useIndexSignature: false,
        mapperTypeSuffix: 'Model',
        maybeValue: 'T | null | undefined',
        scalars: { DateTime: 'string', JSON: 'unknown' },
        // GraphQL enum names carry the internal values (Apollo maps them via the resolvers).
        enumValues: {
          MemberRole: {
            PLATFORM_ADMIN: 'platform-admin',
            ISSUER_ADMIN: 'issuer-admin',
            QA_REVIEWER: 'qa-reviewer',
            ASSESSOR: 'assessor',
            PARTNER_ADMIN: 'partner-admin',
          },
          ApiKeyScope: {
            ENDORSEMENTS_WRITE: 'endorsements:write',
            ENDORSEMENTS_READ: 'endorsements:read',
          },
        },
        mappers: {
          Institution: '../../functions/core/institutions/model#Institution',
          MicroCredential: '../../functions/core/designs/model#MicroCredential',
          QaWorkflow: '../../functions/core/qa/model#QaWorkflow',
          Review: '../../functions/core/qa/model#Review',
          ReviewHistoryEntry: '../../functions/core/qa/model#HistoryEntry',
          ReviewStep: '../views#ReviewStepView',
          QueueItem: '../../functions/core/qa/model#QueueEntry',
          DomainEvent: '../../functions/core/shared/events#DomainEvent',
          SigningKey: '../../functions/core/keys/model#IssuerKey',
          Credential: '../../functions/core/credential/credential#CredentialRecord',
          CredentialStatusChange: '../../functions/core/credential/credential#StatusAuditEntry',
          BulkIssuanceJob: '../../functions/core/issuance/model#BulkJob',
          BulkIssuanceFailure: '../../functions/core/issuance/model#BulkRow',
          VerificationResult: '../../functions/core/verification/model#VerificationResult',
          ShareLink: '../../functions/core/sharing/model#ShareLink',
          CreatedShareLink: '../../functions/core/sharing/model#CreatedShareLink',
          ImportedCredential: '../../functions/core/sharing/model#ImportedCredential',
          MyCredentials: '../views#MyCredentialsView',
          Partner: '../../functions/core/partners/model#Partner',
          ApiKey: '../../functions/core/partners/model#ApiKey',
          CreatedApiKey: '../../functions/core/partners/model#CreatedApiKey',
          Endorsement: '../../functions/core/partners/model#Endorsement',
          EndorsementInvitation: '../../functions/core/partners/model#Invitation',
          Enrolment: '../../functions/core/learning/model#Enrolment',
          Submission: '../../functions/core/learning/model#Submission',
          EvidenceFile: '../views#EvidenceFileView',
          ComponentProgress: '../views#ComponentProgressView',
          UploadTicket: '../../functions/core/learning/model#UploadTicket',
          Stack: '../../functions/core/stacking/model#Stack',
          StackPart: '../../functions/core/stacking/model#StackPart',
          HeldStackPart: '../../functions/core/stacking/model#HeldPart',
          PathwayProgress: '../../functions/core/stacking/model#PathwayProgress',
          Member: '../../functions/core/people/model#Member',
          WebhookSubscription: '../../functions/core/notifications/model#WebhookSubscription',
          CreatedWebhookSubscription:
            '../../functions/core/notifications/webhooks#SubscriptionWithSecret',
          WebhookDelivery: '../../functions/core/notifications/model#Delivery',
          NotificationPreference: '../../functions/core/notifications/preferences#PreferenceView',
        },
      },
    },
    'graphql/generated/type-defs.ts': {
      plugins: ['graphql/codegen/type-defs-plugin.cjs'],
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
