import { simple } from './layout';

export const memberInvited = simple(
  (d) => `You are invited to ${d.title} on Tessera`,
  (d) => [
    `You were given access to ${d.title} on Tessera${d.step ? ` as ${d.step}` : ''}.`,
    'Sign in with this email address; the sign-in page sends you a one-time code.',
  ],
  'About the organisation',
);
