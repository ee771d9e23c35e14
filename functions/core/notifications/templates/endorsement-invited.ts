import { simple } from './layout';

export const endorsementInvited = simple(
  (d) => `${d.institution ?? 'An institution'} invites ${d.partner ?? 'you'} to endorse ${d.title}`,
  (d) => [
    `${d.institution ?? 'An institution'} asks ${d.partner ?? 'your organisation'} to endorse the micro-credential "${d.title}". Your portal or API key lists the invitation; you may endorse or decline it.`,
  ],
  'About the institution',
);
