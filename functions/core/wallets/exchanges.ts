import * as z from 'zod';
import { authorizeOrHide, requireSignedIn } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { VC_V2_CONTEXT } from '../credential/open-badge';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { Clock, IdGenerator } from '../shared/runtime';
import {
  walletLimits,
  WalletProtocolError,
  type CreatedExchange,
  type WalletExchange,
  type WalletUrls,
} from './model';
import type { CheckDidAuth, FindCredential, RenderQr, WalletStore } from './ports';
import { epochSeconds, newSecret } from './secrets';
import type { WalletCopies } from './wallet-copies';

export interface VcApiExchangesDeps {
  readonly store: Pick<WalletStore, 'putExchange' | 'getExchange'>;
  readonly findCredential: FindCredential;
  readonly copies: Pick<WalletCopies, 'issuable' | 'mint'>;
  readonly checkDidAuth: CheckDidAuth;
  readonly renderQr: RenderQr;
  readonly urls: WalletUrls;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Learner Credential Wallet opens `…/request?request=<JSON>` links (its `deepLink.ts`). */
const lcwRequestLink = 'https://lcw.app/request.html';

const exchangeMessage = z.object({ verifiablePresentation: z.unknown().optional() }).loose();

/**
 * VC-API exchanges as DCC's Learner Credential Wallet drives them: the wallet POSTs `{}` to the
 * exchange and receives a DIDAuth request (a challenge and a domain), then POSTs a
 * VerifiablePresentation signed by its DID with that challenge and receives the credential,
 * bound to that DID, in a presentation. One exchange hands out one copy.
 */
export class VcApiExchanges {
  constructor(private readonly deps: VcApiExchangesDeps) {}

  async create(principal: Principal, credentialId: string): Promise<CreatedExchange> {
    requireSignedIn(principal);
    const record = await this.deps.findCredential(credentialId.slice(0, 100));
    if (!record) throw new NotFoundError('Credential', credentialId);
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
        `The credential is ${record.status.toLowerCase()}; it cannot be sent to a wallet.`,
      );
    }
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + walletLimits.exchangeMinutes * 60_000);
    const exchange: WalletExchange = {
      id: this.deps.ids.newId(),
      credentialId: record.id,
      institutionId: record.institutionId,
      challenge: newSecret(),
      status: 'OPEN',
      createdAt: now.toISOString(),
      expiresAtEpoch: epochSeconds(expiresAt),
      version: 1,
    };
    await this.deps.store.putExchange(exchange);
    const exchangeUrl = this.deps.urls.exchange(exchange.id);
    const request = {
      credentialRequestOrigin: new URL(this.deps.urls.base).origin,
      protocols: { vcapi: exchangeUrl },
    };
    const deepLink = `${lcwRequestLink}?request=${encodeURIComponent(JSON.stringify(request))}`;
    return {
      credentialId: record.id,
      exchangeUrl,
      deepLink,
      qrSvg: await this.deps.renderQr(deepLink),
      expiresAt: expiresAt.toISOString(),
    };
  }

  /** One message of the wallet: `{}` starts the exchange, a presentation finishes it. */
  async participate(id: string, body: unknown) {
    const exchange = await this.open(id);
    const message = exchangeMessage.safeParse(body);
    if (!message.success) {
      throw new WalletProtocolError(
        'BAD_USER_INPUT',
        'EXCHANGE_MESSAGE_INVALID',
        'invalid_request',
        'The exchange message must be a JSON object.',
      );
    }
    const domain = new URL(this.deps.urls.base).host;
    const presentation = message.data.verifiablePresentation;
    if (presentation === undefined) {
      return {
        verifiablePresentationRequest: {
          query: [{ type: 'DIDAuthentication', acceptedMethods: [{ method: 'key' }] }],
          challenge: exchange.challenge,
          domain,
        },
      };
    }
    const { holder } = await this.deps.checkDidAuth(presentation, {
      challenge: exchange.challenge,
      domain,
    });
    const record = await this.deps.copies.issuable(exchange.credentialId);
    const copy = await this.deps.copies.mint(record, holder, {
      protocol: 'VC_API',
      format: 'ldp_vc',
      spend: { kind: 'exchange', id: exchange.id },
    });
    return {
      verifiablePresentation: {
        '@context': [VC_V2_CONTEXT],
        type: ['VerifiablePresentation'],
        verifiableCredential: [copy.credential],
      },
    };
  }

  private async open(id: string): Promise<WalletExchange> {
    const exchange = id.length <= 100 ? await this.deps.store.getExchange(id) : null;
    if (!exchange) throw new NotFoundError('Exchange', id.slice(0, 100));
    if (
      exchange.status !== 'OPEN' ||
      exchange.expiresAtEpoch <= epochSeconds(this.deps.clock.now())
    ) {
      throw new WalletProtocolError(
        'CONFLICT',
        'EXCHANGE_CLOSED',
        'invalid_request',
        'This exchange is complete or expired; start a new one from Tessera.',
      );
    }
    return exchange;
  }
}
