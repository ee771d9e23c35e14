import { simple } from './layout';

export const credentialRevoked = simple(
  (d) => `Your credential ${d.title} was revoked`,
  (d) => [
    `${d.institution ?? 'The issuing institution'} revoked your credential "${d.title}". Verifiers now see it as revoked.`,
    d.reason ? `Reason: ${d.reason}` : '',
  ],
  'View the credential',
);
