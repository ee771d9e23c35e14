import type {
  CredentialResolvers,
  MutationResolvers,
  WalletCopyResolvers,
} from '../generated/resolvers-types';

export const walletMutations: Pick<
  MutationResolvers,
  'createCredentialOffer' | 'createWalletExchange'
> = {
  createCredentialOffer: (_parent, { input }, { principal, services }) =>
    services.wallets.offers.create(principal, {
      credentialId: input.credentialId,
      txCode: input.txCode ?? false,
      validMinutes: input.validMinutes ?? undefined,
    }),
  createWalletExchange: (_parent, { credentialId }, { principal, services }) =>
    services.wallets.exchanges.create(principal, credentialId),
};

export const credentialWalletCopies: Pick<CredentialResolvers, 'walletCopies'> = {
  walletCopies: (record, _args, { principal, services }) =>
    services.wallets.copies.list(principal, record.id),
};

export const WalletCopy: WalletCopyResolvers = {
  url: (copy, _args, { services }) => services.wallets.urls.copy(copy.id),
};
