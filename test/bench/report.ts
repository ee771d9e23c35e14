/**
 * One measured number, printed by `npm run bench` as one JSON line. A figure measured beside a
 * baseline (the same measurement of a bare Apollo Server, say) carries it and the ratio, so a
 * trend can be read without knowing how fast the machine was.
 */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: number;
  readonly baselineName?: string;
  /** `value / baseline`. */
  readonly ratio?: number;
  /** Context of the measurement (sample counts, concurrency, what the clock measured). */
  readonly [extra: string]: unknown;
}

/** A group of related benchmarks, selected by name on the command line. */
export interface BenchGroup {
  readonly name: string;
  readonly description: string;
  /** Yields figures as they are measured; releases everything it started when it ends. */
  run(): AsyncIterable<Figure>;
}

/** A figure without a baseline. */
export function figure(
  name: string,
  value: number,
  unit: string,
  extra: Record<string, unknown> = {},
): Figure {
  return { name, value: round(value), unit, ...rounded(extra) };
}

/** A figure beside its baseline, with `ratio = value / baseline`. */
export function comparedFigure(
  name: string,
  value: number,
  unit: string,
  baseline: { readonly name: string; readonly value: number },
  extra: Record<string, unknown> = {},
): Figure {
  return {
    name,
    value: round(value),
    unit,
    baseline: round(baseline.value),
    baselineName: baseline.name,
    ratio: round(value / baseline.value, 3),
    ...rounded(extra),
  };
}

function rounded(extra: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(extra).map(([key, value]) => [
      key,
      typeof value === 'number' ? round(value) : value,
    ]),
  );
}

/** Rounds for printing; sub-hundredth digits of a timing are noise. */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Progress and diagnostics go to stderr: stdout carries only figures. */
export function progress(message: string): void {
  console.error(`[bench] ${message}`);
}
