import * as z from 'zod';
import type { Clock } from '../shared/runtime';
import {
  preAuthorizedGrantType,
  walletLimits,
  WalletProtocolError,
  type AccessGrant,
} from './model';
import type { WalletStore } from './ports';
import { epochSeconds, newSecret, sameHash, secretHash } from './secrets';

export interface TokenEndpointDeps {
  readonly store: Pick<WalletStore, 'getOffer' | 'redeemOffer' | 'recordWrongTxCode'>;
  /** Refuses codes of credentials revoked or suspended since the offer was made. */
  readonly isActive: (credentialId: string) => Promise<boolean>;
  readonly clock: Clock;
}

const tokenRequest = z.object({
  grant_type: z.string().max(100),
  'pre-authorized_code': z.string().min(1).max(200).optional(),
  tx_code: z.string().max(100).optional(),
});

const invalidGrant = (code: string, message: string) =>
  new WalletProtocolError('BAD_USER_INPUT', code, 'invalid_grant', message);

/**
 * The token endpoint of the pre-authorized code flow (OpenID4VCI 1.0 §6): a code (and its
 * transaction code, when the offer has one) buys one access token, once.
 */
export class TokenEndpoint {
  constructor(private readonly deps: TokenEndpointDeps) {}

  async exchange(form: Record<string, string>) {
    const parsed = tokenRequest.safeParse(form);
    if (!parsed.success) {
      throw new WalletProtocolError(
        'BAD_USER_INPUT',
        'TOKEN_REQUEST_INVALID',
        'invalid_request',
        'The token request is malformed.',
      );
    }
    const request = parsed.data;
    if (request.grant_type !== preAuthorizedGrantType) {
      throw new WalletProtocolError(
        'BAD_USER_INPUT',
        'GRANT_TYPE_UNSUPPORTED',
        'unsupported_grant_type',
        'Only the pre-authorized code grant is supported.',
      );
    }
    const code = request['pre-authorized_code'];
    if (!code) throw invalidGrant('CODE_MISSING', 'The pre-authorized code is missing.');
    const nowEpoch = epochSeconds(this.deps.clock.now());
    const offer = await this.deps.store.getOffer(secretHash(code));
    if (!offer) throw invalidGrant('CODE_UNKNOWN', 'The pre-authorized code is not valid.');
    if (offer.status !== 'OPEN') throw invalidGrant('CODE_USED', 'The code was already used.');
    if (offer.expiresAtEpoch <= nowEpoch) throw invalidGrant('CODE_EXPIRED', 'The code expired.');
    if (offer.txCodeHash) await this.checkTxCode(offer, request.tx_code);
    if (!(await this.deps.isActive(offer.credentialId))) {
      throw invalidGrant('CREDENTIAL_NOT_ACTIVE', 'The credential is no longer active.');
    }
    const token = newSecret();
    const grant: AccessGrant = {
      tokenHash: secretHash(token),
      credentialId: offer.credentialId,
      institutionId: offer.institutionId,
      status: 'OPEN',
      expiresAtEpoch: nowEpoch + walletLimits.accessTokenSeconds,
      version: 1,
    };
    if (!(await this.deps.store.redeemOffer(offer, grant, nowEpoch))) {
      throw invalidGrant('CODE_USED', 'The code was already used.');
    }
    return {
      access_token: token,
      token_type: 'Bearer',
      expires_in: walletLimits.accessTokenSeconds,
    };
  }

  private async checkTxCode(
    offer: Parameters<WalletStore['recordWrongTxCode']>[0],
    txCode: string | undefined,
  ) {
    if (txCode !== undefined && sameHash(secretHash(txCode), offer.txCodeHash!)) return;
    const left = await this.deps.store.recordWrongTxCode(offer, walletLimits.txCodeAttempts);
    throw invalidGrant(
      left ? 'TX_CODE_WRONG' : 'TX_CODE_ATTEMPTS_EXHAUSTED',
      left
        ? 'The transaction code is wrong.'
        : 'Too many wrong transaction codes; ask for a new offer.',
    );
  }
}
