import { simple } from './layout';

export const credentialSuspended = simple(
  (d) => `Your credential ${d.title} was suspended`,
  (d) => [
    `${d.institution ?? 'The issuing institution'} suspended your credential "${d.title}" for now. Verifiers see it as suspended until it is reinstated.`,
    d.reason ? `Reason: ${d.reason}` : '',
  ],
  'View the credential',
);
