import type { JsonObject } from '../issuance/ports';
import type { DomainEvent } from '../shared/events';
import type { ImportedCredential, ShareLink } from './model';

export interface ShareLinkRepository {
  add(link: ShareLink): Promise<void>;
  list(credentialId: string): Promise<ShareLink[]>;
  revoke(link: ShareLink, revokedAt: string): Promise<void>;
}

export interface BackpackRepository {
  /** Stores an imported credential and its events (stacking listens for them). */
  add(item: ImportedCredential, events: readonly DomainEvent[]): Promise<void>;
  /** Imports naming a learner, through an index (it can lag a moment behind `add`). */
  listByEmailHash(emailHash: string): Promise<ImportedCredential[]>;
  /** One import, read consistently. */
  get(ownerId: string, id: string): Promise<ImportedCredential | null>;
  list(ownerId: string): Promise<ImportedCredential[]>;
  remove(ownerId: string, id: string): Promise<void>;
}

/** One named check of a verification, as kept with an import. */
export interface InspectedCheck {
  readonly name: string;
  readonly status: 'PASS' | 'FAIL' | 'WARN' | 'SKIP';
  readonly message: string;
}

/** A credential presented for import, as verification found it. */
export interface InspectedCredential {
  readonly result: {
    readonly verified: boolean;
    readonly status: string;
    readonly checks: readonly InspectedCheck[];
    readonly achievement?: { readonly id?: string; readonly name?: string };
    readonly issuer?: { readonly id: string; readonly name?: string };
  };
  /** What was presented (the JSON-LD, or the JWT and its claims); null when nothing was. */
  readonly presented:
    | { readonly format: 'JSON-LD'; readonly credential: JsonObject }
    | { readonly format: 'VC-JWT'; readonly jwt: string; readonly credential: JsonObject }
    | null;
}

/** Verifies a credential presented for import (JSON-LD, a JWT or a baked image). */
export type InspectCredential = (input: unknown) => Promise<InspectedCredential>;

/** Whether a credential's subject names this email address as its recipient. */
export type NamesRecipient = (credential: JsonObject, email: string) => boolean;

/**
 * The hash a credential's recipient is indexed by (issuance decides it): how a learner's
 * verified email finds the credentials issued to them.
 */
export type RecipientEmailHash = (email: string) => string;
