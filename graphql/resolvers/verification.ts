import type {
  CredentialResolvers,
  ImportedCredentialResolvers,
  MutationResolvers,
  MyCredentialsResolvers,
  QueryResolvers,
  ShareLinkResolvers,
} from '../generated/resolvers-types';
import { toConnection } from './connection';

export const verificationQueries: Pick<QueryResolvers, 'verifyCredential' | 'myCredentials'> = {
  verifyCredential: (_parent, { input, recipientEmail }, { services }) =>
    services.verification.verify(input, recipientEmail),
  myCredentials: (_parent, { first, after }) => ({ first, after }),
};

export const MyCredentials: MyCredentialsResolvers = {
  issued: async ({ first, after }, _args, { principal, services }) =>
    toConnection(await services.sharing.myCredentials(principal, first, after)),
  imported: (_parent, _args, { principal, services }) => services.backpack.list(principal),
};

export const sharingMutations: Pick<
  MutationResolvers,
  | 'setCredentialVisibility'
  | 'createShareLink'
  | 'revokeShareLink'
  | 'importCredential'
  | 'removeImportedCredential'
> = {
  setCredentialVisibility: (_parent, { id, visibility, showName }, { principal, services }) =>
    services.sharing.setVisibility(principal, id, {
      visibility,
      ...(showName === null || showName === undefined ? {} : { showName }),
    }),
  createShareLink: (_parent, { credentialId, expiresInDays }, { principal, services }) =>
    services.sharing.createShareLink(
      principal,
      credentialId,
      expiresInDays ? { expiresInDays } : {},
    ),
  revokeShareLink: (_parent, { credentialId, linkId }, { principal, services }) =>
    services.sharing.revokeShareLink(principal, credentialId, linkId),
  importCredential: (_parent, { input }, { principal, services }) =>
    services.backpack.importCredential(principal, input),
  removeImportedCredential: (_parent, { id }, { principal, services }) =>
    services.backpack.remove(principal, id),
};

export const credentialSharing: Pick<CredentialResolvers, 'shareLinks'> = {
  shareLinks: (record, _args, { principal, services }) =>
    services.sharing.shareLinks(principal, record.id),
};

export const ShareLink: ShareLinkResolvers = {
  id: (link) => link.linkId,
  expiresAt: (link) => link.expiresOn,
};

export const ImportedCredential: ImportedCredentialResolvers = {
  status: (item) => item.status as 'ACTIVE',
};
