import { day, simple } from './layout';

export const endorsementExpiring = simple(
  (d) => `Endorsement expiring ${day(d.dueAt)}: ${d.title}`,
  (d) => [
    `The endorsement of "${d.title}" by ${d.partner ?? 'a partner'} is valid until ${day(d.dueAt)}. Ask the partner to renew it before then.`,
  ],
  'The endorsement',
);
