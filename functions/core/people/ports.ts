import type { Principal } from '../auth/principal';
import type { Institution } from '../institutions/model';
import type { Partner } from '../partners/model';
import type { DomainEvent } from '../shared/events';
import type { Page, PageRequest } from '../shared/runtime';
import type { Member, MemberAccess } from './model';

export interface MemberRepository {
  /** Stores a new member and its events atomically; ConflictError if the member exists. */
  create(member: Member, events: readonly DomainEvent[]): Promise<void>;
  /** Replaces the member if its stored version is `expectedVersion`, with its events. */
  update(member: Member, expectedVersion: number, events: readonly DomainEvent[]): Promise<void>;
  get(id: string): Promise<Member | null>;
  listForInstitution(institutionId: string, page: PageRequest): Promise<Page<Member>>;
  listForPartner(partnerId: string, page: PageRequest): Promise<Page<Member>>;
}

/** A person's account at the identity provider. */
export interface DirectoryUser {
  readonly userId: string;
  /** True when this call created the account (and its invitation went out). */
  readonly created: boolean;
}

/**
 * The identity provider's user directory (Cognito in AWS, the local identity issuer on one
 * machine): accounts, and the roles and attributes their next token carries.
 */
export interface IdentityDirectory {
  /** The account for `email`, created with an invitation when there is none. */
  ensureUser(email: string, name: string | undefined): Promise<DirectoryUser>;
  /** Makes the account's groups and attributes exactly `access` (idempotent). */
  applyAccess(userId: string, access: MemberAccess): Promise<void>;
  /** Stops (or restores) sign-in; existing sessions are signed out. */
  setEnabled(userId: string, enabled: boolean): Promise<void>;
}

/** What people management needs to know of a partner: the institutions it is linked to. */
export type PartnerLinks = (partnerId: string) => Promise<{ institutionIds: string[] } | null>;

/** The institutions module's create use case, for onboarding an institution with its admin. */
export type CreateInstitution = (principal: Principal, input: unknown) => Promise<Institution>;

/** The partners module's create use case, for onboarding a partner with its admin. */
export type CreatePartner = (principal: Principal, input: unknown) => Promise<Partner>;
