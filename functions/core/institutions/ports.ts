import type { Page, PageRequest } from '../shared/runtime';
import type { Institution } from './institution';

export interface InstitutionRepository {
  /** Stores a new institution; fails with ConflictError if the id exists. */
  create(institution: Institution): Promise<void>;
  /** Replaces the institution if its stored version is `expectedVersion`; else ConflictError. */
  update(institution: Institution, expectedVersion: number): Promise<void>;
  get(id: string): Promise<Institution | null>;
  list(page: PageRequest): Promise<Page<Institution>>;
}
