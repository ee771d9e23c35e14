import { day, simple } from './layout';

export const qaStepOverdue = simple(
  (d) => `QA step overdue: ${d.title}`,
  (d) => [
    `The QA step "${d.step ?? ''}" of "${d.title}" was due by ${day(d.dueAt)} and still waits for a decision.`,
  ],
);
