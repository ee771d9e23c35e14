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

/** A target an issue sets on a ratio: at least or at most `value`. */
export interface Target {
  readonly atLeast?: number;
  readonly atMost?: number;
  /** Which issue set it, and what the ratio is of, in words (printed in the summary). */
  readonly label: string;
}

/**
 * A ratio read against its target: `verdict` is PASS or MISS. Printed like any figure, and
 * again in the summary `npm run bench` ends with, so a full run reads on its own.
 */
export function targetFigure(
  name: string,
  ratio: number,
  target: Target,
  extra: Record<string, unknown> = {},
): Figure {
  const pass =
    Number.isFinite(ratio) &&
    (target.atLeast === undefined || ratio >= target.atLeast) &&
    (target.atMost === undefined || ratio <= target.atMost);
  return {
    ...rounded(extra),
    name,
    value: round(ratio, 3),
    unit: 'ratio',
    target: targetText(target),
    targetLabel: target.label,
    verdict: pass ? 'PASS' : 'MISS',
  };
}

function targetText(target: Target): string {
  return [
    target.atLeast === undefined ? undefined : `>= ${target.atLeast}`,
    target.atMost === undefined ? undefined : `<= ${target.atMost}`,
  ]
    .filter(Boolean)
    .join(' and ');
}
