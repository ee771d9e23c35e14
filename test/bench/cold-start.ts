import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { build } from 'esbuild';

const execFileAsync = promisify(execFile);

/** What the probe (`cold-start-probe.ts`) prints from inside the fresh process. */
export interface ColdStartProbeResult {
  /** `performance.now()` (ms since the process started) just before the import. */
  readonly processStartToImportMs: number;
  /** Evaluating the bundle: the Lambda init phase up to the handler being ready. */
  readonly moduleLoadMs: number;
  /** The first invocation, with its lazily created clients and connections. */
  readonly firstRequestMs: number;
  readonly statusCode: number;
  readonly body: string;
}

/** A Lambda bundle to start cold, with the environment its function would have. */
export interface ColdStartTarget {
  readonly name: string;
  readonly bundle: string;
  readonly env: Readonly<Record<string, string>>;
  readonly event: APIGatewayProxyEventV2;
  /** Returns why a response is not the expected one, or nothing when it is. */
  readonly check: (result: ColdStartProbeResult) => string | undefined;
}

export interface ColdStartSample {
  /** Module load plus first request, from just before the import. */
  readonly coldStartMs: number;
  readonly moduleLoadMs: number;
  readonly firstRequestMs: number;
  /** From process start (`performance.timeOrigin`) to the first response. */
  readonly sinceProcessStartMs: number;
}

export interface ColdStartResult {
  readonly samples: readonly ColdStartSample[];
  readonly failures: number;
  readonly firstFailure?: string;
}

/** Bundles the probe that runs inside each fresh process into `outdir`. */
export async function buildColdStartProbe(outdir: string): Promise<string> {
  const outfile = join(outdir, 'cold-start-probe.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./cold-start-probe.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    logLevel: 'warning',
  });
  return outfile;
}

/**
 * Starts each target `runs` times in a fresh `node` process, interleaving the targets so that
 * drift in the machine's load affects them alike. The first `warmupRuns` rounds only fill the
 * OS file cache (a deployed function's bundle is read from local disk as well) and are dropped.
 */
export async function measureColdStarts(
  probe: string,
  targets: readonly ColdStartTarget[],
  options: { readonly runs: number; readonly warmupRuns: number; readonly nodeOptions: string },
): Promise<Map<string, ColdStartResult>> {
  const results = new Map<string, { samples: ColdStartSample[]; failures: string[] }>(
    targets.map((target) => [target.name, { samples: [], failures: [] }]),
  );
  for (let round = 0; round < options.warmupRuns + options.runs; round += 1) {
    for (const target of targets) {
      const outcome = await startCold(probe, target, options.nodeOptions);
      if (round < options.warmupRuns) continue;
      const result = results.get(target.name)!;
      if (typeof outcome === 'string') result.failures.push(outcome);
      else result.samples.push(outcome);
    }
  }
  return new Map(
    [...results].map(([name, { samples, failures }]) => [
      name,
      {
        samples,
        failures: failures.length,
        ...(failures[0] === undefined ? {} : { firstFailure: failures[0] }),
      },
    ]),
  );
}

/** One cold start; a string says why it failed. */
async function startCold(
  probe: string,
  target: ColdStartTarget,
  nodeOptions: string,
): Promise<ColdStartSample | string> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(
      process.execPath,
      [probe, target.bundle, JSON.stringify(target.event)],
      // Only the function's own environment, as in a Lambda sandbox: nothing of this shell's.
      { env: { ...target.env, NODE_OPTIONS: nodeOptions }, timeout: 30_000 },
    ));
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    return `${target.name}: ${stderr || (error instanceof Error ? error.message : String(error))}`;
  }
  const result = JSON.parse(stdout) as ColdStartProbeResult;
  const problem = target.check(result);
  if (problem) return `${target.name}: ${problem}`;
  return {
    coldStartMs: result.moduleLoadMs + result.firstRequestMs,
    moduleLoadMs: result.moduleLoadMs,
    firstRequestMs: result.firstRequestMs,
    sinceProcessStartMs:
      result.processStartToImportMs + result.moduleLoadMs + result.firstRequestMs,
  };
}
