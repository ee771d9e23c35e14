import type { CredentialRecord } from '../credential/credential';
import type { JsonObject } from '../credential/document';
import type { DomainEvent } from '../shared/events';
import type { AccessGrant, WalletCopy, WalletExchange, WalletOffer } from './model';

/** Where offers, tokens, nonces, exchanges and copies are kept (codes and nonces expire by TTL). */
export interface WalletStore {
  putOffer(offer: WalletOffer): Promise<void>;
  getOffer(codeHash: string): Promise<WalletOffer | null>;
  /**
   * Marks an open, unexpired code redeemed and stores the access token it buys, atomically: the
   * one write that makes a code single-use. False when the code was redeemed or expired first.
   */
  redeemOffer(offer: WalletOffer, grant: AccessGrant, nowEpoch: number): Promise<boolean>;
  /** Counts a wrong transaction code; false once `maxAttempts` are used up. */
  recordWrongTxCode(offer: WalletOffer, maxAttempts: number): Promise<boolean>;
  getGrant(tokenHash: string): Promise<AccessGrant | null>;
  putNonce(nonce: string, expiresAtEpoch: number): Promise<void>;
  /** Deletes the nonce if it exists and is unexpired; true only for the one caller that did. */
  consumeNonce(nonce: string, nowEpoch: number): Promise<boolean>;
  /**
   * Stores the copy and uses up what paid for it (an access token, or an exchange), atomically;
   * false when that was used first.
   */
  putCopy(
    copy: WalletCopy,
    spend: { kind: 'grant'; tokenHash: string } | { kind: 'exchange'; id: string },
    events: readonly DomainEvent[],
  ): Promise<boolean>;
  getCopy(id: string): Promise<WalletCopy | null>;
  listCopies(credentialId: string): Promise<WalletCopy[]>;
  putExchange(exchange: WalletExchange): Promise<void>;
  getExchange(id: string): Promise<WalletExchange | null>;
}

/** A stored credential by id (the issuance module's records). */
export type FindCredential = (id: string) => Promise<CredentialRecord | null>;

/** The holder-bound copy of a credential, signed by the institution's active keys. */
export type SignBoundCopy = (
  record: CredentialRecord,
  unsigned: JsonObject,
  issuedAt: string,
) => Promise<{ credential: JsonObject; jwt: string }>;

/** What a checked proof of possession says. */
export interface CheckedProof {
  /** The holder's DID (did:key or did:jwk), without fragment. */
  readonly holder: string;
  readonly nonce: string;
}

/**
 * Checks an OpenID4VCI `jwt` proof: its header (`typ`, `alg`, a did:key/did:jwk `kid` or a
 * `jwk`), its signature by that key, its audience and the freshness of `iat`. Throws a
 * WalletProtocolError (`invalid_proof`) for any failure; the nonce is checked by the caller.
 */
export type CheckHolderProof = (
  jwt: string,
  expected: { audience: string; nowEpoch: number; maxAgeSeconds: number; futureSeconds: number },
) => Promise<CheckedProof>;

/**
 * Checks a DIDAuth VerifiablePresentation: a proof (`authentication`) by a key of the holder's
 * did:key over the presentation with the expected challenge and domain. Returns the holder DID.
 */
export type CheckDidAuth = (
  presentation: unknown,
  expected: { challenge: string; domain: string },
) => Promise<{ holder: string }>;

/** A QR code of `text`, as SVG markup. */
export type RenderQr = (text: string) => Promise<string>;
