import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 has no exports map: Node (and so every dependency vitest leaves to Node, such
    // as @graphql-tools/schema) loads its CommonJS entry, while vite would pick the ESM one
    // for the code it transforms. Two copies of graphql cannot share a schema, so the tests
    // load the one Node loads, as `npm start` does.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules', 'cdk.out', '.local'],
    // DynamoDB Local and the KMS-compatible endpoint start once for the whole run.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at a time, each on a table of its own in the shared DynamoDB Local: about half
    // the time of one at a time on two cores. More would only queue on DynamoDB Local's CPU.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
