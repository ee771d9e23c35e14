/**
 * Wallets: copies of an issued credential bound to a holder's DID, handed to the holder's wallet
 * through OpenID for Verifiable Credential Issuance 1.0 (pre-authorized code flow) or through a
 * VC-API exchange (the DIDAuth exchange DCC's Learner Credential Wallet speaks).
 */
import * as z from 'zod';
import { DomainError, type ErrorCategory } from '../shared/errors';

/** The credential configurations the issuer metadata offers (ids are stable: wallets store them). */
export const configurationIds = {
  ldpVc: 'OpenBadgeCredential_ldp_vc',
  jwtVcJson: 'OpenBadgeCredential_jwt_vc_json',
} as const;
export type ConfigurationId = (typeof configurationIds)[keyof typeof configurationIds];
export const allConfigurationIds: readonly ConfigurationId[] = Object.values(configurationIds);

export const preAuthorizedGrantType = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** How long things live. Codes are short-lived by default; the learner may ask up to a day. */
export const walletLimits = {
  offerMinutes: { default: 15, min: 1, max: 24 * 60 },
  accessTokenSeconds: 600,
  nonceSeconds: 300,
  /** A proof's `iat` may be this old (and at most `proofFutureSeconds` ahead of our clock). */
  proofMaxAgeSeconds: 300,
  proofFutureSeconds: 60,
  txCodeDigits: 6,
  /** Wrong transaction codes a pre-authorized code survives. */
  txCodeAttempts: 5,
  exchangeMinutes: 15,
  /** Bytes of a credential request, a token request or an exchange message. */
  requestBytes: 64 * 1024,
  /** Characters of a proof JWT. */
  proofChars: 8_000,
} as const;

/** A pre-authorized code, stored by its SHA-256 only. */
export const walletOfferSchema = z.object({
  codeHash: z.string(),
  credentialId: z.string(),
  institutionId: z.string(),
  /** SHA-256 of the transaction code the holder must type, when one was asked for. */
  txCodeHash: z.string().optional(),
  failedTxCodes: z.int().min(0).default(0),
  status: z.enum(['OPEN', 'REDEEMED']),
  createdAt: z.iso.datetime(),
  /** Epoch seconds (also the item's TTL). */
  expiresAtEpoch: z.int(),
  createdBy: z.object({ kind: z.string(), id: z.string() }),
  version: z.int().positive(),
});
export type WalletOffer = z.output<typeof walletOfferSchema>;

/** An access token of the token endpoint, stored by its SHA-256; good for one credential. */
export const accessGrantSchema = z.object({
  tokenHash: z.string(),
  credentialId: z.string(),
  institutionId: z.string(),
  status: z.enum(['OPEN', 'USED']),
  expiresAtEpoch: z.int(),
  version: z.int().positive(),
});
export type AccessGrant = z.output<typeof accessGrantSchema>;

/** A holder-bound copy of a credential, as handed to a wallet. */
export const walletCopySchema = z.object({
  id: z.string(),
  credentialId: z.string(),
  institutionId: z.string(),
  holder: z.string(),
  /** How it reached the wallet. */
  protocol: z.enum(['OID4VCI', 'VC_API']),
  format: z.enum(['ldp_vc', 'jwt_vc_json']),
  issuedAt: z.iso.datetime(),
  credential: z.record(z.string(), z.unknown()),
  jwt: z.string(),
  version: z.int().positive(),
});
export type WalletCopy = z.output<typeof walletCopySchema>;

/** A VC-API exchange: a DIDAuth challenge, then the bound copy. */
export const walletExchangeSchema = z.object({
  id: z.string(),
  credentialId: z.string(),
  institutionId: z.string(),
  challenge: z.string(),
  status: z.enum(['OPEN', 'COMPLETE']),
  createdAt: z.iso.datetime(),
  expiresAtEpoch: z.int(),
  version: z.int().positive(),
});
export type WalletExchange = z.output<typeof walletExchangeSchema>;

/** What a learner (or an issuer admin for them) asks for when creating an offer. */
export const createOfferInput = z.strictObject({
  credentialId: z.string().trim().min(1).max(100),
  txCode: z.boolean().default(false),
  validMinutes: z
    .int()
    .min(walletLimits.offerMinutes.min)
    .max(walletLimits.offerMinutes.max)
    .default(walletLimits.offerMinutes.default),
});
export type CreateOfferInput = z.input<typeof createOfferInput>;

/** A created offer, as the learner's portal shows it. */
export interface CreatedOffer {
  readonly credentialId: string;
  readonly offerUri: string;
  readonly qrSvg: string;
  readonly expiresAt: string;
  /** Shown once, to type into the wallet; never stored. */
  readonly txCode: string | null;
}

/** A created VC-API exchange, as the learner's portal shows it. */
export interface CreatedExchange {
  readonly credentialId: string;
  readonly exchangeUrl: string;
  /** The link that opens Learner Credential Wallet on the exchange. */
  readonly deepLink: string;
  readonly qrSvg: string;
  readonly expiresAt: string;
}

/**
 * A refusal of a wallet protocol request, with the protocol's own error code (OAuth 2.0 and
 * OpenID4VCI error responses, e.g. `invalid_grant`, `invalid_proof`) beside the stable code.
 */
export class WalletProtocolError extends DomainError {
  constructor(
    readonly category: ErrorCategory,
    code: string,
    readonly protocolError: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** The public URLs of the wallet endpoints, all under the platform's base URL. */
export class WalletUrls {
  constructor(readonly base: string) {}
  get credentialIssuer() {
    return this.base;
  }
  get issuerMetadata() {
    return `${this.base}/.well-known/openid-credential-issuer`;
  }
  get authorizationServerMetadata() {
    return `${this.base}/.well-known/oauth-authorization-server`;
  }
  get token() {
    return `${this.base}/oid4vci/token`;
  }
  get nonce() {
    return `${this.base}/oid4vci/nonce`;
  }
  get credential() {
    return `${this.base}/oid4vci/credential`;
  }
  get logo() {
    return `${this.base}/oid4vci/logo.svg`;
  }
  copy(id: string) {
    return `${this.base}/wallet-copies/${id}`;
  }
  exchange(id: string) {
    return `${this.base}/exchanges/${id}`;
  }
}
