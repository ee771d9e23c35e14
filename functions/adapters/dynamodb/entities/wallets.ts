/**
 * Wallet issuance: pre-authorized codes, access tokens and proof nonces (all by the SHA-256 of
 * the secret, all expiring through the table's TTL), VC-API exchanges, and the holder-bound
 * copies of credentials handed to wallets.
 */
import { byIssue, defineEntity } from '../entity';

export const walletOfferEntity = defineEntity({
  name: 'WalletOffer',
  primary: {
    pk: ({ codeHash }: { readonly codeHash: string }) => `WALLET_OFFER#${codeHash}`,
    sk: () => 'OFFER',
  },
  indexes: {},
});

export const walletAccessGrantEntity = defineEntity({
  name: 'WalletAccessGrant',
  primary: {
    pk: ({ tokenHash }: { readonly tokenHash: string }) => `WALLET_TOKEN#${tokenHash}`,
    sk: () => 'TOKEN',
  },
  indexes: {},
});

export const walletNonceEntity = defineEntity({
  name: 'WalletNonce',
  primary: {
    pk: ({ nonceHash }: { readonly nonceHash: string }) => `WALLET_NONCE#${nonceHash}`,
    sk: () => 'NONCE',
  },
  indexes: {},
});

export const walletExchangeEntity = defineEntity({
  name: 'WalletExchange',
  primary: {
    pk: ({ id }: { readonly id: string }) => `WALLET_EXCHANGE#${id}`,
    sk: () => 'EXCHANGE',
  },
  indexes: {},
});

/** A copy by its own id (its public URL), listed under its credential by when it was issued. */
export const walletCopyEntity = defineEntity({
  name: 'WalletCopy',
  primary: {
    pk: ({ id }: { readonly id: string }) => `WALLET_COPY#${id}`,
    sk: () => 'COPY',
  },
  indexes: {
    byCredential: {
      index: 'gsi1',
      pk: ({ credentialId }: { readonly credentialId: string }) =>
        `CREDENTIAL#${credentialId}#WALLET_COPIES`,
      sk: byIssue,
    },
  },
});
