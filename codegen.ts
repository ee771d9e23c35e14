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
        mappers: {
          Institution: '../../functions/core/institutions/institution#Institution',
          MicroCredential: '../../functions/core/designs/micro-credential#MicroCredential',
          QaWorkflow: '../../functions/core/qa/workflow#QaWorkflow',
          Review: '../../functions/core/qa/review#Review',
          ReviewHistoryEntry: '../../functions/core/qa/review#HistoryEntry',
          ReviewStep: '../views#ReviewStepView',
          QueueItem: '../../functions/core/qa/qa-service#QueueEntry',
          DomainEvent: '../../functions/core/shared/events#DomainEvent',
          SigningKey: '../../functions/core/keys/issuer-key#IssuerKey',
          Credential: '../../functions/core/issuance/credential#CredentialRecord',
          CredentialStatusChange: '../../functions/core/issuance/credential#StatusAuditEntry',
          BulkIssuanceJob: '../../functions/core/issuance/bulk-issuance#BulkJob',
          BulkIssuanceFailure: '../../functions/core/issuance/bulk-issuance#BulkRow',
          VerificationResult:
            '../../functions/core/verification/verification-service#VerificationResult',
          ShareLink: '../../functions/core/sharing/sharing-service#ShareLink',
          CreatedShareLink: '../../functions/core/sharing/sharing-service#CreatedShareLink',
          ImportedCredential: '../../functions/core/sharing/sharing-service#ImportedCredential',
          MyCredentials: '../views#MyCredentialsView',
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
