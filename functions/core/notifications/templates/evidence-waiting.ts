import { simple } from './layout';

export const evidenceWaiting = simple(
  (d) => `Evidence waiting for assessment: ${d.title}`,
  (d) => [
    `A learner submitted evidence for ${d.step ?? 'a component'} of "${d.title}". It is in your assessment queue.`,
  ],
);
