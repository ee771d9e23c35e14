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
