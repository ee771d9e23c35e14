import { day, simple } from './layout';

export const qaStepAssigned = simple(
  (d) => `QA review waiting for you: ${d.title}`,
  (d) => [
    `The design "${d.title}" is waiting on the QA step "${d.step ?? ''}", which your role decides.`,
    d.dueAt ? `It is due by ${day(d.dueAt)}.` : '',
  ],
);
