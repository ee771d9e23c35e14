import type { Principal } from '../auth/principal';
import type { Page, PageRequest } from '../shared/runtime';
import type { DesignStatus, MicroCredential } from './model';

export interface MicroCredentialRepository {
  /** Stores a new design; ConflictError if the id exists. */
  create(design: MicroCredential): Promise<void>;
  /** Replaces the design if its stored version is `expectedVersion`; else ConflictError. */
  update(design: MicroCredential, expectedVersion: number): Promise<void>;
  /** The working version, as staff see it. */
  get(id: string): Promise<MicroCredential | null>;
  /**
   * The public projection of the published version; null unless published. `consistent` reads
   * every publication acknowledged before the call (stacking decides on it).
   */
  getPublished(id: string, consistent?: boolean): Promise<MicroCredential | null>;
  listByInstitution(
    institutionId: string,
    page: PageRequest,
    status?: DesignStatus,
  ): Promise<Page<MicroCredential>>;
  /** Published, not retired designs, newest first; optionally of one institution. */
  listPublished(page: PageRequest, institutionId?: string): Promise<Page<MicroCredential>>;
}

/** Whether an institution is registered (a design must belong to one). */
export type InstitutionExists = (institutionId: string) => Promise<boolean>;

/** Whether the caller is a partner linked to the institution. */
export type IsLinkedPartner = (principal: Principal, institutionId: string) => Promise<boolean>;
