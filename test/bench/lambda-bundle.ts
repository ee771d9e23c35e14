import { build, type Metafile } from 'esbuild';
import { join, resolve } from 'node:path';
import { lambdaBuildOptions, lambdaBundle } from '../../infra/constructs/bundle-options';

export interface LambdaBundle {
  /** The file Lambda loads. */
  readonly file: string;
  /**
   * What a cold start reads and compiles: the entry file and the chunks it imports statically
   * (chunks loaded with `import()` wait for first use).
   */
  readonly bytes: number;
  /** Every JavaScript file of the bundle, lazily loaded chunks included. */
  readonly totalBytes: number;
  /** Source maps of the files a cold start loads (read with `--enable-source-maps`). */
  readonly sourceMapBytes: number;
}

/**
 * Bundles `entry` as a Lambda function into `outdir/index.mjs` (and `outdir/chunks/`), with the
 * options the `TesseraFunction` construct uses (`lambdaBuildOptions`).
 */
export async function bundleLambda(entry: string, outdir: string): Promise<LambdaBundle> {
  const { metafile } = await build(lambdaBuildOptions(entry, outdir));
  const file = join(outdir, `${lambdaBundle.entryName}.mjs`);
  const outputs = metafile!.outputs;
  // Chunks that code loads with `import()` are entry points of their own; the handler's file
  // is the one at the top of `outdir`.
  const entryOutput = Object.keys(outputs).find((path) => resolve(path) === resolve(file))!;
  const loaded = staticallyLoaded(outputs, entryOutput);
  const javaScript = Object.keys(outputs).filter((path) => path.endsWith('.mjs'));
  const bytes = (paths: Iterable<string>) =>
    [...paths].reduce((sum, path) => sum + (outputs[path]?.bytes ?? 0), 0);
  return {
    file,
    bytes: bytes(loaded),
    totalBytes: bytes(javaScript),
    sourceMapBytes: bytes([...loaded].map((path) => `${path}.map`)),
  };
}

/** `entry` and every output it imports statically, transitively. */
function staticallyLoaded(outputs: Metafile['outputs'], entry: string): Set<string> {
  const loaded = new Set<string>();
  const pending = [entry];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (loaded.has(path)) continue;
    loaded.add(path);
    for (const imported of outputs[path]!.imports)
      if (imported.kind === 'import-statement' && imported.path in outputs)
        pending.push(imported.path);
  }
  return loaded;
}
