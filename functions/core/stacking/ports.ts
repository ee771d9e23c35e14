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
