import { simple } from './layout';

export const evidenceReturned = simple(
  (d) => `Your evidence for ${d.title} was returned`,
  (d) => [
    `An assessor returned your evidence for ${d.step ?? 'a component'} of "${d.title}" so you can improve it and submit again.`,
    d.feedback ? `Feedback: ${d.feedback}` : 'No written feedback was given.',
  ],
);
