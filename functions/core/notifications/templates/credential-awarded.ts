import { simple } from './layout';

export const credentialAwarded = simple(
  (d) => `You earned ${d.title}`,
  (d) => [
    `${d.institution ?? 'Your institution'} awarded you the micro-credential "${d.title}".`,
    'Your credential page shows it, lets you share it and download it as a badge.',
  ],
  'View your credential',
);
