import type { DesignVersion, MicroCredential } from '../designs/model';
import type { DomainEvent } from '../shared/events';
import type { Page, PageRequest } from '../shared/runtime';
import type { DueStep, ReviewComment, ReviewRound, VoteRecord } from './governance-model';
import type { EndorsementCount, HistoryEntry, QaWorkflow, Review, ReviewStatus } from './model';

export interface QaWorkflowRepository {
  /** The institution's latest stored workflow, or null if it still uses the default. */
  latest(institutionId: string): Promise<QaWorkflow | null>;
  /** Stores a new workflow version; ConflictError if that version number exists already. */
  add(workflow: QaWorkflow): Promise<void>;
}

export interface ReviewRepository {
  get(id: string): Promise<Review | null>;
  history(reviewId: string): Promise<HistoryEntry[]>;
  listByInstitution(
    institutionId: string,
    page: PageRequest,
    status?: ReviewStatus,
  ): Promise<Page<Review>>;
  /** Reviews waiting on a step decided by `role`, earliest due first. */
  queue(institutionId: string, role: string, page: PageRequest): Promise<Page<Review>>;
  /** Decisions (approve, request changes, reject) taken since `since`, newest first. */
  decisionsSince(institutionId: string, since: string, limit: number): Promise<HistoryEntry[]>;
  /** What the author submitted in each round, oldest first. */
  rounds(reviewId: string): Promise<ReviewRound[]>;
  /** The discussion of a review, oldest first (at most `limit`). */
  comments(reviewId: string, limit: number): Promise<ReviewComment[]>;
  /** Waiting steps of every institution due before `until`, earliest first (at most `limit`). */
  dueBefore(until: string, limit: number): Promise<DueStep[]>;
}

/**
 * The public projection of a design's published version. `listed` puts it in the catalogue;
 * a retired design stays readable (credentials point to it) but is no longer listed.
 */
export interface PublishedChange {
  readonly projection: MicroCredential;
  readonly listed: boolean;
}

/**
 * Everything one lifecycle step changes, written atomically: the design (checked against the
 * version read), its version snapshot(s), the review and its next audit entry, the public
 * projection, and the domain events. Either all of it is stored or none (ConflictError when
 * anything changed underneath).
 */
export interface DesignChange {
  readonly design?: { readonly next: MicroCredential; readonly expectedVersion: number };
  readonly snapshots?: readonly DesignVersion[];
  readonly review?: { readonly next: Review; readonly expectedVersion: number | null };
  readonly history?: HistoryEntry;
  /** The submission of a round (stored once per round). */
  readonly round?: ReviewRound;
  /** A quorum member's vote; ConflictError ALREADY_VOTED when they have voted already. */
  readonly vote?: VoteRecord;
  /** A comment on a step (created once, never overwritten). */
  readonly comment?: ReviewComment;
  readonly published?: PublishedChange;
  readonly events: readonly DomainEvent[];
}

export interface DesignUnitOfWork {
  commit(change: DesignChange): Promise<void>;
  getSnapshot(microCredentialId: string, designVersion: number): Promise<DesignVersion | null>;
}

export interface EventRepository {
  /** An institution's domain events, newest first. */
  list(institutionId: string, page: PageRequest): Promise<Page<DomainEvent>>;
}

/**
 * Industry endorsements a design has, and how many its institution requires before it may be
 * published (the endorsement gate; supplied by the partners module).
 */
export type EndorsementGate = (design: MicroCredential) => Promise<EndorsementCount>;

/**
 * Signed QA endorsements, one per approved design version: the first stored is the one (a
 * second signature of the same version returns the stored document instead).
 */
export interface QaEndorsementRepository {
  get(microCredentialId: string, designVersion: number): Promise<Record<string, unknown> | null>;
  add(
    microCredentialId: string,
    designVersion: number,
    credential: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
}

/**
 * Adds an `eddsa-rdfc-2022` Data Integrity proof made with the institution's active Ed25519
 * key (the one its credentials are signed with); ConflictError while it has none yet.
 */
export type SignAsInstitution = (
  institutionId: string,
  unsigned: Record<string, unknown>,
  created: string,
) => Promise<Record<string, unknown>>;
