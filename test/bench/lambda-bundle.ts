import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { lambdaBundle } from '../../infra/constructs/bundle-options';

/**
 * esbuild options of a Tessera Lambda bundle, from the same `lambdaBundle` settings the
 * `TesseraFunction` construct passes to CDK's NodejsFunction: Node 22, minified ESM with an external source map,
 * and the AWS SDK v3 bundled (`bundleAwsSDK: true`). CDK's default would leave `@aws-sdk/*`
 * out and use the runtime's copy; Tessera ships the versions its tests ran against, and a single
 * file also loads faster than the runtime's SDK spread over node_modules.
 */
export const lambdaBundleOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: lambdaBundle.target,
  minify: lambdaBundle.minify,
  mainFields: [...lambdaBundle.mainFields],
  sourcemap: 'external',
  sourcesContent: lambdaBundle.sourcesContent,
  banner: { js: lambdaBundle.banner },
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
