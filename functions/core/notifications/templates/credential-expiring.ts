import { day, simple } from './layout';

export const credentialExpiring = simple(
  (d) => `Your credential ${d.title} expires on ${day(d.dueAt)}`,
  (d) => [
    `Your credential "${d.title}" is valid until ${day(d.dueAt)}. Ask ${d.institution ?? 'the issuing institution'} how to renew it if you need it after that.`,
  ],
  'View the credential',
);
