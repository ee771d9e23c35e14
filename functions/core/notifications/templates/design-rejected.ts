import { simple } from './layout';

export const designRejected = simple(
  (d) => `Rejected: ${d.title}`,
  (d) => [`The QA step "${d.step ?? ''}" rejected the design "${d.title}". The review is closed.`],
);
