/**
 * Ports for signing keys. Private keys never leave the key service: the domain asks for a
 * signature over bytes and for public keys, nothing else.
 */
import type { OwnerKind } from '../shared/owners';
import type { EventActor } from '../shared/domain-events';
import type { DomainEvent } from '../shared/events';
import type { IssuerKey } from './model';

/** The signature algorithms Tessera uses: Ed25519 for Data Integrity, RS256 for VC-JWT. */
export type SignatureAlgorithm = 'Ed25519' | 'RS256';

export interface CreatedKey {
  /** Opaque reference to the key in the key service (the KMS key ARN). */
  readonly keyRef: string;
  readonly algorithm: SignatureAlgorithm;
  /** DER-encoded SubjectPublicKeyInfo, exactly as the key service returns it. */
  readonly publicKeySpki: Uint8Array;
}

export interface KeyLabels {
  /** Who the key signs for: an institution or a partner id. */
  readonly ownerId: string;
  readonly ownerKind: OwnerKind;
  /** Human-readable purpose, kept in the key's description and tags. */
  readonly purpose: string;
  /**
   * A name unique to this key (e.g. `institution/<id>/g2-ed25519`), kept as its alias. Asking
   * again for a name that exists returns that key instead of creating another, which makes
   * provisioning safe to retry.
   */
  readonly name: string;
}

/** Creates keys. A narrower permission than signing: only key-administration code holds it. */
export interface KeyProvisioner {
  createKey(algorithm: SignatureAlgorithm, labels: KeyLabels): Promise<CreatedKey>;
}

/** Signs with, and reads public keys of, existing keys. */
export interface Signer {
  /** Signs `message` (the whole message; the key service hashes it as the algorithm says). */
  sign(keyRef: string, algorithm: SignatureAlgorithm, message: Uint8Array): Promise<Uint8Array>;
  getPublicKey(keyRef: string): Promise<Uint8Array>;
}

export type KeyOwner = { readonly ownerKind: OwnerKind; readonly ownerId: string };

export interface KeyRepository {
  list(owner: KeyOwner): Promise<IssuerKey[]>;
  /** Stores a new key record unless one with the same id exists (idempotent provisioning). */
  addIfAbsent(key: IssuerKey): Promise<void>;
  /** Writes changed keys (each checked against the version read) and events atomically. */
  update(
    changes: readonly { next: IssuerKey; expectedVersion: number }[],
    events: readonly DomainEvent[],
  ): Promise<void>;
  /** Records a rotation request for `generation`; ConflictError when one exists already. */
  requestRotation(owner: KeyOwner, generation: number, event: DomainEvent): Promise<void>;
}

/*
 * What other modules may ask of an owner's keys, one function each, so that a service depends
 * on the one capability it uses rather than on the whole key service. The composition root
 * wires them to KeyService.
 */

/** The key an owner signs with now for an algorithm; ConflictError while it has none. */
export type ActiveSigningKey = (
  owner: KeyOwner,
  algorithm: SignatureAlgorithm,
) => Promise<IssuerKey>;

/** Every key an owner publishes (active, retired, revoked), for DID documents and verifiers. */
export type PublishedKeys = (owner: KeyOwner) => Promise<IssuerKey[]>;

/** Creates an owner's keys of a generation (the worker's answer to a rotation request). */
export type ProvisionKeys = (owner: KeyOwner, generation: number) => Promise<IssuerKey[]>;

/** Asks for an owner's first keys unless it has some; safe to call often. */
export type EnsureKeysProvisioned = (owner: KeyOwner) => Promise<void>;

/** The event, recorded with a new owner, that asks the worker for its first keys. */
export type KeyProvisioningEvent = (owner: KeyOwner, actor: EventActor) => DomainEvent;
