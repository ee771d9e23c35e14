import type { Page, PageRequest } from '../shared/runtime';
import type { DomainEvent } from '../shared/events';
import type { Institution } from './institution';

export interface InstitutionRepository {
  /** Stores a new institution and its events atomically; ConflictError if the id exists. */
  create(institution: Institution, events: readonly DomainEvent[]): Promise<void>;
  /** Replaces the institution if its stored version is `expectedVersion`; else ConflictError. */
  update(institution: Institution, expectedVersion: number): Promise<void>;
  get(id: string): Promise<Institution | null>;
  list(page: PageRequest): Promise<Page<Institution>>;
}

/** An institution's recorded domain events (the audit trail integrations read). */
export interface InstitutionEventLog {
  /** Newest first. */
  list(institutionId: string, page: PageRequest): Promise<Page<DomainEvent>>;
}
