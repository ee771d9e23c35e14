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
  /** Stacks (active or retired) whose stacked credential is this design. */
  listByTarget(microCredentialId: string): Promise<Stack[]>;
}

/**
 * The credentials issued here that the stacking worker has seen each learner receive, kept
 * beside the index of a learner's credentials, which may not list one issued a moment ago.
 */
export interface StackingHoldings {
  /**
   * Records that the learner holds `credentialId` and returns every credential recorded for
   * them, this one included, in one atomic write: of two credentials recorded at the same
   * moment, the second to be recorded sees the first.
   */
  record(learnerEmailHash: string, credentialId: string): Promise<readonly string[]>;
}
