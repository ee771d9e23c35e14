import extractChunks from 'png-chunks-extract';
import { decodeSync as decodeItxtWithoutCap } from 'png-chunk-itxt';
import { hashData } from '../../../functions/adapters/proofs/eddsa-rdfc-2022';
import { SVG_NAMESPACE, unbakePng, unbakeSvg } from '../../../functions/core/credential/baking';
import { startBenchPlatform } from '../bench-platform';
import { comparedFigure, figure, progress, type BenchGroup, type Figure } from '../report';
import {
  deflatedSpaces,
  elsewhereProofConfig,
  fortyThousandTags,
  longArrays,
  pngWithCompressedItxt,
} from '../../support/costly-credentials';

/**
 * The public edge (issue 17): what a hostile `verifyCredential` cost before the bounds and what
 * it costs now, in one run. "Before" figures run the code the platform used then, kept here as
 * the baseline: canonicalization on the calling thread with no count limits, png-chunk-itxt's
 * uncapped inflate, and the regex that read baked SVGs.
 */
export const edge: BenchGroup = {
  name: 'edge',
  description: 'hostile verifyCredential inputs before and after the bounds of issue 17',
  run: measureEdge,
};

const proofConfig = elsewhereProofConfig;

/** Runs `work` and measures its time and the longest stall of the event loop meanwhile. */
async function measured<T>(work: () => Promise<T> | T) {
  let last = performance.now();
  let longestStallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  const memory = process.memoryUsage();
  try {
    const result = await work();
    const after = process.memoryUsage();
    longestStallMs = Math.max(longestStallMs, performance.now() - last);
    return {
      result,
      ms: performance.now() - started,
      longestStallMs,
      growthMb: (after.rss - memory.rss) / 1e6,
    };
  } finally {
    clearInterval(timer);
  }
}

/** The regex that read baked SVGs before saxes (kept as the baseline). */
function regexUnbakeSvg(svg: string): string | null {
  const element =
    /<openbadges:credential\b([^>]*)>([\s\S]*?)<\/openbadges:credential>/.exec(svg) ??
    /<openbadges:credential\b([^>]*)\/>/.exec(svg);
  return element ? (element[2] ?? null) : null;
}

async function* measureEdge(): AsyncGenerator<Figure> {
  // Warm the calling thread's canonicalizer, so the first figure measures the work alone.
  await hashData(
    { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'] },
    proofConfig,
  );

  progress('40,000-tag credential canonicalized on the calling thread (before)');
  const tags = fortyThousandTags();
  const tagsBefore = await measured(() => hashData(tags, proofConfig));
  const bench = await startBenchPlatform('tessera-bench-edge');
  try {
    const verify = (credential: Record<string, unknown>) =>
      bench.api.request(
        `query ($input: VerifyCredentialInput!) { verifyCredential(input: $input) { verified } }`,
        { input: { credential } },
      );
    // Warm the pool's threads.
    await verify(longArrays());
    progress('40,000-tag credential through verifyCredential (after: refused by its counts)');
    const tagsAfter = await measured(() => verify(tags));
    yield comparedFigure(
      'edge-tags40k-ms',
      tagsAfter.ms,
      'ms',
      {
        name: 'edge-tags40k-before-ms',
        value: tagsBefore.ms,
      },
      {
        refusal: tagsAfter.result.errors?.[0]?.extensions?.errorCode ?? 'none',
        before: 'canonicalized on the calling thread',
        after: 'verifyCredential over HTTP',
      },
    );
    yield comparedFigure(
      'edge-tags40k-event-loop-stall-ms',
      tagsAfter.longestStallMs,
      'ms',
      {
        name: 'edge-tags40k-event-loop-stall-before-ms',
        value: tagsBefore.longestStallMs,
      },
      { measures: 'longest gap of a 1 ms timer in the process serving requests' },
    );

    progress('a costly credential within the limits, and { viewer { id } } meanwhile');
    const learner = {
      token: await bench.platform.identity.mint({ role: 'learner', subject: 'bench-bystander' }),
    };
    const arrays = longArrays();
    const arraysBefore = await measured(() => hashData(arrays, proofConfig));
    let verifying = true;
    const viewerMs: number[] = [];
    const verification = measured(() => verify(arrays)).finally(() => (verifying = false));
    while (verifying) {
      const started = performance.now();
      await bench.api.request('{ viewer { id } }', {}, learner);
      viewerMs.push(performance.now() - started);
    }
    const arraysAfter = await verification;
    yield comparedFigure(
      'edge-concurrent-viewer-delay-ms',
      Math.max(...viewerMs),
      'ms',
      {
        name: 'edge-concurrent-viewer-delay-before-ms',
        value: arraysBefore.longestStallMs,
      },
      {
        viewerRequests: viewerMs.length,
        verifyMs: arraysAfter.ms,
        before:
          'longest event-loop stall while canonicalizing on the calling thread (what a concurrent request waited)',
        after: 'slowest { viewer { id } } over HTTP while the credential was verified',
      },
    );
  } finally {
    await bench.stop();
  }

  progress('PNG bomb: a 150 MB iTXt chunk');
  const bomb = await pngWithCompressedItxt(await deflatedSpaces(150));
  const itxt = extractChunks(bomb).find((chunk) => chunk.name === 'iTXt')!;
  const bombBefore = await measured(() => decodeItxtWithoutCap(itxt.data).text.length);
  const bombAfter = await measured(() => unbakePng(bomb).catch((error: Error) => error.name));
  yield comparedFigure(
    'edge-png-bomb-ms',
    bombAfter.ms,
    'ms',
    { name: 'edge-png-bomb-before-ms', value: bombBefore.ms },
    { pngBytes: bomb.length },
  );
  yield comparedFigure('edge-png-bomb-rss-growth-mb', Math.max(0, bombAfter.growthMb), 'MB', {
    name: 'edge-png-bomb-rss-growth-before-mb',
    value: bombBefore.growthMb,
  });

  progress('quadratic SVG markup: <openbadges:credential> repeated, never closed');
  const open = '<openbadges:credential>';
  const svgOf = (bytes: number) =>
    `<svg xmlns:openbadges="${SVG_NAMESPACE}">${open.repeat(Math.floor(bytes / open.length))}`;
  for (const kb of [200, 400, 800]) {
    const svg = svgOf(kb * 1000);
    const before = await measured(() => regexUnbakeSvg(svg));
    const after = await measured(() => unbakeSvg(svg));
    yield comparedFigure(`edge-svg-${kb}kb-ms`, after.ms, 'ms', {
      name: `edge-svg-${kb}kb-before-ms`,
      value: before.ms,
    });
  }
  const wide = `<svg xmlns="http://www.w3.org/2000/svg">${'<g a="1"></g>'.repeat(380_000)}</svg>`;
  const wideAfter = await measured(() => unbakeSvg(wide));
  yield figure('edge-svg-5mb-wide-ms', wideAfter.ms, 'ms', {
    longestStallMs: wideAfter.longestStallMs,
    measures: '5 MB of well-formed markup read whole by saxes, in slices',
  });
}
