import { simple } from './layout';

export const credentialReinstated = simple(
  (d) => `Your credential ${d.title} is active again`,
  (d) => [
    `${d.institution ?? 'The issuing institution'} reinstated your credential "${d.title}". It verifies as active again.`,
  ],
  'View the credential',
);
