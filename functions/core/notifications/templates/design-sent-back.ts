import { simple } from './layout';

export const designSentBack = simple(
  (d) => `Changes requested: ${d.title}`,
  (d) => [
    `The QA step "${d.step ?? ''}" sent the design "${d.title}" back with a request for changes. Resubmit it once they are made.`,
  ],
);
