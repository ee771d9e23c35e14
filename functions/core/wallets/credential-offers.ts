import { authorizeOrHide, requireSignedIn } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { Clock } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import {
  allConfigurationIds,
  createOfferInput,
  preAuthorizedGrantType,
  walletLimits,
  type CreatedOffer,
  type CreateOfferInput,
  type WalletOffer,
  type WalletUrls,
} from './model';
import type { FindCredential, RenderQr, WalletStore } from './ports';
import { epochSeconds, newSecret, newTxCode, secretHash } from './secrets';

export interface CredentialOffersDeps {
  readonly store: Pick<WalletStore, 'putOffer'>;
  readonly findCredential: FindCredential;
  readonly renderQr: RenderQr;
  readonly urls: WalletUrls;
  readonly clock: Clock;
}

/**
 * Credential offers (OpenID4VCI 1.0 §4.1) with a pre-authorized code for one of a learner's
 * credentials, made by the learner or by an admin of the issuing institution for them.
 */
export class CredentialOffers {
  constructor(private readonly deps: CredentialOffersDeps) {}

  async create(principal: Principal, raw: CreateOfferInput): Promise<CreatedOffer> {
    const input = parseInput(createOfferInput, raw);
    requireSignedIn(principal);
    const record = await this.deps.findCredential(input.credentialId);
    if (!record) throw new NotFoundError('Credential', input.credentialId);
    authorizeOrHide(
      principal,
      'credential.toWallet',
      { institutionId: record.institutionId, recipientEmailHash: record.recipient.emailHash },
      'Credential',
      record.id,
    );
    if (record.status !== 'ACTIVE') {
      throw new ConflictError(
        'CREDENTIAL_NOT_ACTIVE',
        `The credential is ${record.status.toLowerCase()}; it cannot be offered to a wallet.`,
      );
    }
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + input.validMinutes * 60_000);
    const code = newSecret();
    const txCode = input.txCode ? newTxCode(walletLimits.txCodeDigits) : null;
    const offer: WalletOffer = {
      codeHash: secretHash(code),
      credentialId: record.id,
      institutionId: record.institutionId,
      ...(txCode ? { txCodeHash: secretHash(txCode) } : {}),
      failedTxCodes: 0,
      status: 'OPEN',
      createdAt: now.toISOString(),
      expiresAtEpoch: epochSeconds(expiresAt),
      createdBy: actorOf(principal),
      version: 1,
    };
    await this.deps.store.putOffer(offer);
    const offerUri = `openid-credential-offer://?credential_offer=${encodeURIComponent(
      JSON.stringify(this.offerObject(code, txCode !== null)),
    )}`;
    return {
      credentialId: record.id,
      offerUri,
      qrSvg: await this.deps.renderQr(offerUri),
      expiresAt: expiresAt.toISOString(),
      txCode,
    };
  }

  /** The Credential Offer object, passed by value in the URI (no offer endpoint to poll). */
  private offerObject(code: string, withTxCode: boolean) {
    return {
      credential_issuer: this.deps.urls.credentialIssuer,
      credential_configuration_ids: [...allConfigurationIds],
      grants: {
        [preAuthorizedGrantType]: {
          'pre-authorized_code': code,
          ...(withTxCode
            ? {
                tx_code: {
                  input_mode: 'numeric',
                  length: walletLimits.txCodeDigits,
                  description: 'The code shown beside the QR code in Tessera.',
                },
              }
            : {}),
        },
      },
    };
  }
}
