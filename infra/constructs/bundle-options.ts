/**
 * How every Tessera Lambda is bundled, shared by the CDK construct and the benchmark (which
 * bundles the same way to measure size and cold start). Plain data: no CDK or esbuild import.
 */
export const lambdaBundle = {
  target: 'node22',
  /** Prefer packages' ESM builds; CommonJS dependencies still load through `require` below. */
  mainFields: ['module', 'main'],
  /** An ESM bundle has no `require`; CommonJS code inside the bundle still calls it. */
  banner:
    "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
  minify: true,
  /** Node needs only the mappings; the embedded sources would triple the map's size. */
  sourcesContent: false,
} as const;
