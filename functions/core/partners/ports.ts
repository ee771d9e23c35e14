import type { JsonObject } from '../issuance/ports';
import type { KeyOwner } from '../keys/ports';
import type { DomainEvent } from '../shared/events';
import type { Page, PageRequest } from '../shared/runtime';
import type { ApiKey, Endorsement, Invitation, Partner } from './model';

export interface PartnerRepository {
  /** Stores a partner, its link to the first institution and its events. */
  create(partner: Partner, events: readonly DomainEvent[]): Promise<void>;
  /**
   * Replaces the profile (if still at `expectedVersion`) with its events, keeps a link for each
   * of its institutions and deletes the links of `unlinkedInstitutionIds`.
   */
  update(
    partner: Partner,
    expectedVersion: number,
    events?: readonly DomainEvent[],
    unlinkedInstitutionIds?: readonly string[],
  ): Promise<void>;
  get(id: string): Promise<Partner | null>;
  /** Partners linked to an institution. */
  listByInstitution(institutionId: string, page: PageRequest): Promise<Page<Partner>>;
}

export interface ApiKeyRepository {
  add(key: ApiKey): Promise<void>;
  get(keyId: string): Promise<ApiKey | null>;
  listByPartner(partnerId: string): Promise<ApiKey[]>;
  update(key: ApiKey, expectedVersion: number): Promise<void>;
  /** Records use, at most once a minute per key (cheap, and never fails the request). */
  touch(keyId: string, at: string): Promise<void>;
}

export interface EndorsementRepository {
  /**
   * Stores an endorsement with its events (and the accepted invitation, when there is one), and
   * indexes it by its credential's `id`. ConflictError `ENDORSEMENT_DUPLICATE` when an
   * endorsement with the same credential id exists, `ENDORSEMENT_EXISTS` when the partner
   * already has an active, unexpired endorsement of the target (both checked in the same
   * transaction).
   */
  add(
    endorsement: Endorsement,
    events: readonly DomainEvent[],
    invitation?: { next: Invitation; expectedVersion: number },
  ): Promise<void>;
  get(id: string): Promise<Endorsement | null>;
  /** The endorsement whose EndorsementCredential has this `id` (platform- or self-signed). */
  findByCredentialId(credentialId: string): Promise<Endorsement | null>;
  update(
    endorsement: Endorsement,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<void>;
  listByTarget(kind: Endorsement['target']['kind'], targetId: string): Promise<Endorsement[]>;
  /**
   * The endorsement that holds the partner's one active place for the target, read
   * consistently (it may have expired since: the caller decides); null when none does.
   */
  activeBy(partnerId: string, target: Endorsement['target']): Promise<Endorsement | null>;
  listByPartner(partnerId: string, page: PageRequest): Promise<Page<Endorsement>>;
  /** The EndorsementCredential signed for one achievement version of the endorsed design. */
  getVersionCredential(
    endorsementId: string,
    designVersion: number,
  ): Promise<Record<string, unknown> | null>;
  /**
   * Stores the EndorsementCredential for an achievement version unless one is stored already;
   * returns whichever is stored (the first one signed).
   */
  addVersionCredential(
    endorsementId: string,
    designVersion: number,
    credential: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
}

export interface InvitationRepository {
  /**
   * Stores a pending invitation; ConflictError `INVITATION_PENDING` when the partner already has
   * one for the design (then `pendingFor` returns it).
   */
  add(invitation: Invitation, events: readonly DomainEvent[]): Promise<void>;
  get(id: string): Promise<Invitation | null>;
  /** The partner's pending invitation to endorse the design, read consistently; null if none. */
  pendingFor(partnerId: string, microCredentialId: string): Promise<Invitation | null>;
  update(
    invitation: Invitation,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<void>;
  listByPartner(partnerId: string, status?: Invitation['status']): Promise<Invitation[]>;
  listByDesign(microCredentialId: string): Promise<Invitation[]>;
}

/** The partner's current Ed25519 signing key; ConflictError while it is being provisioned. */
export type ActivePartnerKey = (
  partnerId: string,
) => Promise<{ readonly keyId: string; readonly keyRef: string }>;

/** The event that asks the worker to create a new owner's signing keys. */
export type KeyProvisioningEvent = (
  owner: KeyOwner,
  actor: { readonly kind: string; readonly id: string },
) => DomainEvent;

/** Adds an `eddsa-rdfc-2022` Data Integrity proof signed by `keyRef` (the key never leaves KMS). */
export type AddDataIntegrityProof = (
  document: JsonObject,
  key: { keyRef: string; verificationMethod: string },
  created: string,
) => Promise<JsonObject>;

/** One named check of a verification. */
export interface EndorsementCheck {
  readonly name: string;
  readonly status: 'PASS' | 'FAIL' | 'WARN' | 'SKIP';
  readonly message: string;
}

/** Verifies an EndorsementCredential a partner signed itself (as presented JSON-LD). */
export type VerifyEndorsementCredential = (credential: JsonObject) => Promise<{
  readonly verified: boolean;
  readonly checks: readonly EndorsementCheck[];
}>;

/** How many credentials were issued under a design (a count, never learner data). */
export type CountIssuedCredentials = (microCredentialId: string) => Promise<number>;
