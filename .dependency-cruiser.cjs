/**
 * Layering rules (imports point down only):
 *   functions/handlers -> graphql -> functions/core <- functions/adapters
 *   functions/composition wires adapters into core for the handlers.
 *   infra may use anything; nothing in functions or graphql imports infra or test.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'The domain imports no infrastructure, transport or other layer.',
      severity: 'error',
      from: { path: '^functions/core' },
      to: {
        path: [
          '^functions/(adapters|handlers|composition)',
          '^graphql',
          '^infra',
          '^test',
          '^scripts',
          '@aws-sdk',
          '@smithy',
          'node_modules/graphql/',
          'node_modules/@apollo',
          'node_modules/aws-lambda',
          'node_modules/@types/aws-lambda',
          'node_modules/@aws-lambda-powertools',
          'node_modules/aws-cdk-lib',
        ],
      },
    },
    {
      name: 'adapters-implement-ports',
      comment:
        'Adapters implement ports: from the core they import only models, ports, events, the ' +
        'credential kernel and shared building blocks, never a service or a use case.',
      severity: 'error',
      from: { path: '^functions/adapters' },
      to: {
        path: '^functions/core/',
        pathNot: [
          '^functions/core/[^/]+/(model|ports|events)\\.ts$',
          '^functions/core/(shared|credential)/',
          '^functions/core/auth/principal\\.ts$',
        ],
      },
    },
    {
      name: 'core-modules-meet-through-ports',
      comment:
        'A core module reaches another only through its model, ports or events; it never calls ' +
        "into another module's services. The credential kernel, shared and the authorization " +
        'policy are for everyone.',
      severity: 'error',
      from: { path: '^functions/core/([^/]+)/' },
      to: {
        path: '^functions/core/',
        pathNot: [
          '^functions/core/($1|shared|credential)/',
          '^functions/core/auth/(principal|policy)\\.ts$',
          '^functions/core/[^/]+/(model|ports|events)\\.ts$',
        ],
      },
    },
    {
      name: 'adapters-below-transport',
      comment: 'Adapters implement core ports; they know nothing of GraphQL or handlers.',
      severity: 'error',
      from: { path: '^functions/adapters' },
      to: {
        path: ['^functions/(handlers|composition)', '^graphql', '^infra', '^test', '^scripts'],
      },
    },
    {
      name: 'graphql-uses-core-only',
      comment: 'Resolvers call use cases through the context; they never reach adapters.',
      severity: 'error',
      from: { path: '^graphql' },
      to: {
        path: [
          '^functions/(adapters|handlers|composition)',
          '^infra',
          '^test',
          '^scripts',
          '@aws-sdk',
        ],
      },
    },
    {
      name: 'runtime-does-not-import-infra-or-tests',
      severity: 'error',
      from: { path: '^functions' },
      to: { path: ['^infra', '^test', '^scripts'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-dev-dep',
      comment: 'Code that ships in a Lambda bundle may only use production dependencies.',
      severity: 'error',
      from: { path: '^(functions|graphql)', pathNot: ['\\.test\\.ts$', '^graphql/codegen/'] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
