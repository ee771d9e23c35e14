import type { KeyOwner, SignatureAlgorithm } from '../keys/ports';
import type { DomainEvent } from '../shared/events';
import type { Page, PageRequest } from '../shared/runtime';
import type {
  CredentialRecord,
  CredentialState,
  Reservation,
  StatusAuditEntry,
  StatusEntry,
  StatusPurpose,
} from '../credential/credential';
import type { BulkJob, BulkRow, BulkRowOutcome } from './model';

/** A JSON object (a credential, a proof, a DID document), as the credential kernel names it. */
import type { JsonObject } from '../credential/document';
export type { JsonObject };

/** Proof formats, computed with keys that never leave the key service. */
export interface CredentialSigner {
  /** Adds an `eddsa-rdfc-2022` DataIntegrityProof signed by `keyRef`. */
  addDataIntegrityProof(
    document: JsonObject,
    key: { keyRef: string; verificationMethod: string },
    created: string,
  ): Promise<JsonObject>;
  /** Checks a Data Integrity proof against an Ed25519 public key (raw 32 bytes). */
  verifyDataIntegrityProof(document: JsonObject, publicKeyRaw: Uint8Array): Promise<boolean>;
  /** Signs a compact JWS (RS256) with `keyRef`. */
  signJwt(header: JsonObject, payload: JsonObject, keyRef: string): Promise<string>;
  /**
   * The hashData (base64) of a document this signer just secured with a Data Integrity proof,
   * if it still holds it: stored with the record so that verification need not canonicalize.
   */
  proofHashOf?(credential: JsonObject): string | undefined;
}

export interface CredentialRepository {
  get(id: string): Promise<CredentialRecord | null>;
  /** The record without its signed forms (which never change once issued): a smaller read. */
  getState(id: string): Promise<CredentialState | null>;
  getReservation(institutionId: string, key: string): Promise<Reservation | null>;
  /** Stores the reservation unless one exists for the key; returns whichever is stored. */
  reserve(reservation: Reservation): Promise<Reservation>;
  /**
   * Stores the signed credential and completes its reservation atomically. Returns `exists`
   * when another attempt stored it first (the caller then reads that one).
   */
  complete(record: CredentialRecord, events: readonly DomainEvent[]): Promise<'stored' | 'exists'>;
  /** Changes a credential's status with its status-list bit, audit entry and event, atomically. */
  changeStatus(change: {
    next: CredentialRecord;
    expectedVersion: number;
    bit: { entry: StatusEntry; set: boolean } | null;
    audit: StatusAuditEntry;
    events: readonly DomainEvent[];
  }): Promise<void>;
  statusHistory(credentialId: string): Promise<StatusAuditEntry[]>;
  /** Stores the earner's sharing choices (visibility, name display) if the version matches. */
  updateSharing(next: CredentialRecord, expectedVersion: number): Promise<void>;
  listByRecipient(emailHash: string, page: PageRequest): Promise<Page<CredentialRecord>>;
  listByInstitution(institutionId: string, page: PageRequest): Promise<Page<CredentialRecord>>;
  /** How many credentials were issued under a design (all versions). */
  countByDesign(microCredentialId: string): Promise<number>;
  /** Email hashes of the learners issued a design (all versions, any status), a page at a time. */
  recipientsOfDesign(microCredentialId: string, page: PageRequest): Promise<Page<string>>;
  /**
   * The credentials of a design issued at or after `since` (ISO time, within the last two days),
   * read consistently: every credential stored before the call is listed, which an index does
   * not promise. Stacking reads it beside `recipientsOfDesign` when a stack starts to apply.
   */
  recentRecipientsOfDesign(microCredentialId: string, since: string): Promise<RecentRecipient[]>;
}

/** A credential of a design issued in the last days, and whom to. */
export interface RecentRecipient {
  readonly credentialId: string;
  readonly emailHash: string;
}

export interface StatusListRepository {
  /** Allocates the next free position of the institution's current list for `purpose`. */
  allocate(institutionId: string, purpose: StatusPurpose): Promise<StatusEntry>;
  /** Allocates the next `count` positions at once (a bulk job's block), in one write. */
  allocateBlock(
    institutionId: string,
    purpose: StatusPurpose,
    count: number,
  ): Promise<StatusEntry[]>;
  /** Positions set (revoked/suspended) in one list. */
  setPositions(
    institutionId: string,
    purpose: StatusPurpose,
    listNumber: number,
  ): Promise<number[]>;
  getPublished(
    institutionId: string,
    purpose: StatusPurpose,
    listNumber: number,
  ): Promise<PublishedStatusList | null>;
  /** Stores a newly signed list unless a newer one (later `publishedAt`) is stored already. */
  putPublished(list: PublishedStatusList): Promise<void>;
  /** Whether a list was ever allocated from (lists that do not exist are not signed on demand). */
  exists(institutionId: string, purpose: StatusPurpose, listNumber: number): Promise<boolean>;
}

export interface PublishedStatusList {
  readonly institutionId: string;
  readonly purpose: StatusPurpose;
  readonly listNumber: number;
  readonly credential: JsonObject;
  readonly publishedAt: string;
}

/** The key an issuer signs with now, as issuance uses it. */
export interface SigningKey {
  /** The fragment of its verification method, e.g. `g1-ed25519`. */
  readonly keyId: string;
  /** The key service's reference to the private key. */
  readonly keyRef: string;
  /** DER SubjectPublicKeyInfo, base64. */
  readonly publicKeySpki: string;
}

/** The owner's active key for `algorithm` (ConflictError while it has none yet). */
export type ActiveSigningKey = (
  owner: KeyOwner,
  algorithm: SignatureAlgorithm,
) => Promise<SigningKey>;

/** Whether a Data Integrity proof just made verifies against the public key of `key`. */
export type VerifyIssuedProof = (credential: JsonObject, key: SigningKey) => Promise<boolean>;

/**
 * Endorsements to embed in an achievement version, each naming that version as its subject
 * (supplied by the endorsement capability).
 */
export type EndorsementSource = (
  microCredentialId: string,
  designVersion: number,
) => Promise<readonly JsonObject[]>;

/**
 * The signed QA endorsement of an approved achievement version (signed on first use), or null
 * when the version has none (supplied by the QA capability).
 */
export type QaEndorsementSource = (
  microCredentialId: string,
  designVersion: number,
) => Promise<JsonObject | null>;

export interface BulkJobRepository {
  /** Stores the job and its rows, then the event that starts processing; idempotent per job id. */
  create(job: BulkJob, rows: readonly BulkRow[], event: DomainEvent): Promise<'created' | 'exists'>;
  /** The job with its counters, read consistently. */
  get(id: string): Promise<BulkJob | null>;
  /** Rows in order; by status through an index, which can lag a moment behind the writes. */
  rows(jobId: string, page: PageRequest, status?: BulkRow['status']): Promise<Page<BulkRow>>;
  /** Records a row's outcome and adds it to the job's counters, once (the row must be PENDING). */
  finishRow(row: BulkRow, outcome: BulkRowOutcome): Promise<boolean>;
  /** Counts a failed attempt of a row that stays pending (retryable failure). */
  countAttempt(row: BulkRow): Promise<void>;
  updateJob(job: BulkJob, expectedVersion: number, events: readonly DomainEvent[]): Promise<void>;
}

/** The worker's pass over a bulk job ({@link BulkJobProcessor}). */
export interface BulkJobPasses {
  /** Issues pending rows until none remain or `deadline` (epoch ms) nears. */
  process(jobId: string, deadline: number): Promise<BulkJob>;
}
