import { actorOf, type Principal } from '../auth/principal';
import { ConflictError } from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import type { Clock, IdGenerator } from '../shared/runtime';
import { MemberInvited } from './events';
import { accessOf, type Member } from './model';
import type { IdentityDirectory, MemberRepository } from './ports';

export interface MembershipDeps {
  readonly members: MemberRepository;
  readonly directory: IdentityDirectory;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Who a new member is and what they may do, before they have an account. */
export interface Newcomer {
  readonly email: string;
  readonly name?: string;
  readonly institutionId?: string;
  readonly partnerId?: string;
  readonly roles: Member['roles'];
  readonly qaRoles: readonly string[];
  readonly assessedDesigns: readonly string[];
}

/**
 * The steps every change of membership shares: the record (with its audit event, in one
 * transaction) first, then the identity provider, which puts the change in the next token.
 * The record goes first because it is the one with a version check: a change refused there
 * never reaches the identity provider. Every write to the identity provider sets the whole of
 * a member's access, so the next change repairs one that did not arrive.
 */
export class Membership {
  constructor(readonly deps: MembershipDeps) {}

  /** Creates the account (with its invitation) if needed, the member record, then the access. */
  async enrol(principal: Principal, newcomer: Newcomer, auditInstitutionId: string) {
    const user = await this.deps.directory.ensureUser(newcomer.email, newcomer.name);
    const existing = await this.deps.members.get(user.userId);
    if (existing)
      throw new ConflictError(
        'ALREADY_A_MEMBER',
        `${newcomer.email} is already a member${existing.institutionId === newcomer.institutionId && existing.partnerId === newcomer.partnerId ? '' : ' elsewhere'}; change their roles instead.`,
      );
    const now = this.deps.clock.now().toISOString();
    const member: Member = {
      id: user.userId,
      email: newcomer.email,
      ...(newcomer.name ? { name: newcomer.name } : {}),
      ...(newcomer.institutionId ? { institutionId: newcomer.institutionId } : {}),
      ...(newcomer.partnerId ? { partnerId: newcomer.partnerId } : {}),
      roles: [...newcomer.roles],
      qaRoles: [...newcomer.qaRoles],
      assessedDesigns: [...newcomer.assessedDesigns],
      status: 'ACTIVE',
      auditInstitutionId,
      invitedAt: now,
      updatedAt: now,
      version: 1,
    };
    const invited = MemberInvited.create(
      {
        email: member.email,
        ...(member.name ? { name: member.name } : {}),
        ...(member.partnerId ? { partnerId: member.partnerId } : {}),
        newAccount: user.created,
        roles: member.roles,
        qaRoles: member.qaRoles,
        assessedDesigns: member.assessedDesigns,
      },
      this.origin(principal, auditInstitutionId, member.id, now),
    );
    await this.deps.members.create(member, [invited]);
    await this.deps.directory.applyAccess(member.id, accessOf(member));
    return member;
  }

  /** Stores `next` over `current` with its event, then gives the identity provider its access. */
  async change(
    current: Member,
    next: Omit<Member, 'updatedAt' | 'version'>,
    event: (origin: ReturnType<Membership['origin']>, member: Member) => DomainEvent,
    principal: Principal,
  ): Promise<Member> {
    const now = this.deps.clock.now().toISOString();
    const member: Member = { ...next, updatedAt: now, version: current.version + 1 };
    const audit = event(
      this.origin(principal, current.auditInstitutionId, current.id, now),
      member,
    );
    await this.deps.members.update(member, current.version, [audit]);
    if (current.status !== member.status)
      await this.deps.directory.setEnabled(member.id, member.status === 'ACTIVE');
    await this.deps.directory.applyAccess(member.id, accessOf(member));
    return member;
  }

  origin(principal: Principal, institutionId: string, memberId: string, occurredAt: string) {
    return {
      id: this.deps.ids.newId(),
      institutionId,
      aggregateId: memberId,
      occurredAt,
      actor: actorOf(principal),
    };
  }
}
