import { simple } from './layout';

export const designApproved = simple(
  (d) => `Approved: ${d.title}`,
  (d) => [
    `The design "${d.title}" passed every QA step. Once its endorsements are in, it can be published.`,
  ],
);
