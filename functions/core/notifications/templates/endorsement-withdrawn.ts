import { simple } from './layout';

export const endorsementWithdrawn = simple(
  (d) => `Endorsement withdrawn: ${d.title}`,
  (d) => [
    `${d.partner ?? 'A partner'} withdrew its endorsement of "${d.title}". If the design now has fewer endorsements than it requires, it is acted on as your settings say.`,
  ],
  'About the partner',
);
