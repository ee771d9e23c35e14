import type { CredentialRecord } from '../credential/credential';
import type { IssueRequest } from '../issuance/model';
import type { JsonObject } from '../issuance/ports';
import type { KeyOwner } from '../keys/ports';
import type { DomainEvent } from '../shared/events';
import type { Stack } from './model';

export interface StackRepository {
  /** Stores a new stack and indexes it by each of its parts, its target design and institution. */
  add(stack: Stack, events: readonly DomainEvent[]): Promise<void>;
  /** Replaces a stack if its stored version is `expectedVersion` (ConflictError otherwise). */
  update(next: Stack, expectedVersion: number, events: readonly DomainEvent[]): Promise<void>;
  get(id: string): Promise<Stack | null>;
  listByInstitution(institutionId: string): Promise<Stack[]>;
  /** Active stacks that count a design or an external achievement among their parts. */
  listByPart(partKey: string): Promise<Stack[]>;
  /**
   * Stacks (active or retired) whose stacked credential is this design. `consistent` also lists
   * a stack stored a moment ago, which the index may not list yet (one more query).
   */
  listByTarget(microCredentialId: string, consistent?: boolean): Promise<Stack[]>;
}

/** The credential issued here, or the import, that the worker is reacting to. */
export interface JustHeld {
  readonly credentialId?: string;
  readonly imported?: ImportRef;
}

/** An imported credential, by its owner and id (`BackpackRepository.get`). */
export interface ImportRef {
  readonly ownerId: string;
  readonly id: string;
}

/** Every credential and import recorded for a learner by {@link StackingHoldings}. */
export interface RecordedHoldings {
  readonly credentialIds: readonly string[];
  readonly imports: readonly ImportRef[];
}

/**
 * The credentials and imports the stacking worker has seen each learner receive, kept beside
 * the indexes of a learner's credentials and imports, which may not list one made a moment ago.
 */
export interface StackingHoldings {
  /**
   * Records what the learner just received and returns everything recorded for them, this
   * included, in one atomic write: of two received at the same moment, the second to be
   * recorded sees the first.
   */
  record(learnerEmailHash: string, held: JustHeld): Promise<RecordedHoldings>;
}

/**
 * A transcript as stored: the signed ClrCredential without the credentials it embeds (and their
 * achievements), which are stored already and never change, so a transcript of any length is a
 * small item, reassembled exactly as it was signed.
 */
export interface StoredTranscript {
  /** The id in the transcript's URL. */
  readonly id: string;
  readonly learnerEmailHash: string;
  /** What the transcript was made from (credentials, stacking, learner name, key): unchanged → reused. */
  readonly digest: string;
  /** The credentials embedded, in order. */
  readonly credentialIds: readonly string[];
  /** The signed document without `credentialSubject.achievement` and `.verifiableCredential`. */
  readonly document: Record<string, unknown>;
  readonly issuedAt: string;
}

export interface TranscriptRepository {
  /** Stores a transcript and makes it the learner's latest, atomically. */
  add(transcript: StoredTranscript): Promise<void>;
  get(id: string): Promise<StoredTranscript | null>;
  /** The learner's most recent transcript. */
  latest(learnerEmailHash: string): Promise<StoredTranscript | null>;
}

/**
 * A credential a learner imported from another issuer, as stacking reads it (what the backpack
 * stores about it: whether it named the learner, what it certifies, whether it verified).
 */
export interface ImportedHolding {
  readonly id: string;
  readonly ownerEmail?: string;
  readonly ownerEmailHash?: string;
  /** True when the credential names the owner's verified email as its recipient. */
  readonly recipientMatched: boolean;
  /** The achievement it certifies: the key of an external stack part. */
  readonly achievementId?: string;
  /** The credential as presented (JSON-LD), and its VC-JWT form when it came as one. */
  readonly credential: JsonObject;
  readonly jwt?: string;
  readonly name?: string;
  /** Its status when imported (`ACTIVE` when it verified). */
  readonly status: string;
  readonly importedAt: string;
}

/** The learners' imported credentials (the backpack). */
export interface ImportedHoldings {
  /** Imports naming a learner, through an index (it can lag a moment behind the import). */
  listByEmailHash(emailHash: string): Promise<readonly ImportedHolding[]>;
  /** One import, read consistently. */
  get(ownerId: string, id: string): Promise<ImportedHolding | null>;
}

/** Verifies an imported credential again now (its status at its issuer included). */
export type VerifyImported = (
  presented: { readonly jwt: string } | { readonly credential: JsonObject },
) => Promise<boolean>;

/** Issues a stacked credential (idempotent per learner and design version). */
export type IssueStacked = (request: IssueRequest) => Promise<CredentialRecord>;

/** Revokes a stacked credential on the platform's authority, giving the reason. */
export type RevokeStacked = (credentialId: string, reason: string) => Promise<unknown>;

/** Records on a stacked credential that one of its parts was revoked. */
export type FlagRevokedPart = (
  credentialId: string,
  part: { readonly id: string; readonly name: string },
) => Promise<unknown>;

/** Asks for an owner's keys to be made (they are created on first use, by the worker). */
export type ProvisionSigningKeys = (owner: KeyOwner) => Promise<void>;

/** The worker's reactions that award stacks and apply their policies ({@link StackAwards}). */
export interface StackAwarding {
  /** A credential issued or imported: issues every stack the learner now qualifies for. */
  evaluate(
    learnerEmailHash: string,
    partKeys: readonly string[],
    just?: JustHeld,
  ): Promise<CredentialRecord[]>;
  /** A stack defined: issues it to every learner who already qualifies. */
  backfill(stackId: string): Promise<number>;
  /** A stacked design published: backfills the stacks it is the credential of. */
  targetPublished(microCredentialId: string, publishedAt: string): Promise<void>;
  /** A credential revoked: revokes or flags the stacked credentials built on it. */
  partRevoked(revoked: CredentialRecord): Promise<void>;
}
