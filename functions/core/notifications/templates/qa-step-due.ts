import { day, simple } from './layout';

export const qaStepDue = simple(
  (d) => `QA step due ${day(d.dueAt)}: ${d.title}`,
  (d) => [
    `The QA step "${d.step ?? ''}" of "${d.title}" is due by ${day(d.dueAt)} and still waits for a decision.`,
  ],
);
