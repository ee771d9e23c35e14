import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/**
 * How every Tessera Lambda is bundled, shared by the CDK construct and the benchmark (which
 * bundles the same way to measure size and cold start). No esbuild import: the construct runs
 * esbuild itself, only when CDK asks for the asset.
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
  /** The file Lambda loads (`index.handler`); the lazily loaded chunks sit in `chunks/`. */
  entryName: 'index',
  /**
   * The canonicalization worker threads' code, a second entry point written beside `index.mjs`
   * (the handlers name it relative to their own file). esbuild does not follow
   * `new Worker(new URL(…))` by itself.
   */
  workerEntries: {
    'canonicalization-worker': 'functions/adapters/proofs/canonicalization-worker.ts',
  },
} as const;

/**
 * Packages whose CommonJS build a CommonJS dependent would bundle beside the ESM build Tessera
 * imports: `@as-integrations/aws-lambda` is CommonJS only and `require`s `@apollo/server`, which
 * brought in a second Apollo Server, and with it second copies of `@graphql-tools/*` and
 * `lru-cache` (about 370 kB loaded at every cold start, and two `HeaderMap` classes). Pointing
 * the package at its ESM entry makes both kinds of import share one copy.
 */
const singleCopyPackages = ['@apollo/server', '@apollo/server/plugin/disabled'] as const;
// Every specifier of the package that bundled code imports is listed: an alias also rewrites
// the package's subpaths, so an unlisted one fails the build (loudly) instead of resolving.

/**
 * esbuild options for one Lambda: `entry` bundled into `outdir/index.mjs`, Node 22, minified
 * ESM with linked source maps (Lambda runs with `--enable-source-maps`), the AWS SDK bundled.
 *
 * Code splitting is on, so what the code loads with `import()` (JSON-LD and canonicalization,
 * the contexts, jose, PNG baking, Apollo's usage reporting…) is written to chunks that Node
 * reads and compiles only on first use, instead of parsing them at every cold start. CDK's
 * `NodejsFunction` cannot do this (it always passes `--outfile`), hence the construct's own
 * local bundling.
 */
export function lambdaBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: {
      [lambdaBundle.entryName]: entry,
      ...Object.fromEntries(
        Object.entries(lambdaBundle.workerEntries).map(([name, source]) => [
          name,
          fileURLToPath(new URL(`../../${source}`, import.meta.url)),
        ]),
      ),
    },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: lambdaBundle.target,
    minify: lambdaBundle.minify,
    mainFields: [...lambdaBundle.mainFields],
    alias: {
      ...Object.fromEntries(
        singleCopyPackages.map((name) => [name, fileURLToPath(import.meta.resolve(name))]),
      ),
      '@apollo/utils.createhash': fileURLToPath(
        new URL('./bundle-shims/apollo-createhash.ts', import.meta.url),
      ),
    },
    sourcemap: 'linked',
    sourcesContent: lambdaBundle.sourcesContent,
    banner: { js: lambdaBundle.banner },
    metafile: true,
    logLevel: 'warning',
  };
}
