import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/**
 * esbuild options of a Tessera Lambda bundle, the ones the `TesseraFunction` construct passes to
 * CDK's NodejsFunction (cdk-stacks branch): Node 22, minified ESM with an external source map,
 * and the AWS SDK v3 bundled (`bundleAwsSDK: true`). CDK's default would leave `@aws-sdk/*`
 * out and use the runtime's copy; Tessera ships the versions its tests ran against, and a single
 * file also loads faster than the runtime's SDK spread over node_modules.
 */
export const lambdaBundleOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  mainFields: ['module', 'main'],
  sourcemap: 'external',
  sourcesContent: false,
  // An ESM bundle has no `require`; CommonJS code inside the bundle still calls it.
  banner: {
    js: "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
};

export interface LambdaBundle {
  readonly file: string;
  /** Size of the JavaScript file (what Node loads at cold start). */
  readonly bytes: number;
  /** Size of the source map beside it (loaded only with `--enable-source-maps`). */
  readonly sourceMapBytes: number;
}

/** Bundles `entry` as a Lambda function into `outdir/<name>.mjs`. */
export async function bundleLambda(entry: string, outdir: string): Promise<LambdaBundle> {
  const file = join(outdir, `${basename(entry).replace(/\.ts$/, '')}.mjs`);
  await build({ ...lambdaBundleOptions, entryPoints: [entry], outfile: file });
  const [code, map] = await Promise.all([stat(file), stat(`${file}.map`)]);
  return { file, bytes: code.size, sourceMapBytes: map.size };
}
