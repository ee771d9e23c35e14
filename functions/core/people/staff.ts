import { authorize, authorizeOrHide } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { pageRequest } from '../shared/paging';
import type { Page } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import { MemberRolesChanged, MemberStatusChanged } from './events';
import type { Membership } from './membership';
import {
  inviteMemberInput,
  memberRoleSchema,
  roleAssignmentInput,
  staffRoles,
  type Member,
  type RoleAssignment,
} from './model';

/**
 * An institution's staff, managed by its issuer admins (and platform admins): invitations,
 * roles, deactivation. Partner admins manage their own partner's admins the same way. Every
 * change is in the institution's audit trail and in the member's next token.
 */
export class StaffManagement {
  constructor(private readonly membership: Membership) {}

  async list(
    principal: Principal,
    institutionId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Member>> {
    authorize(principal, 'member.read', { institutionId });
    return this.membership.deps.members.listForInstitution(
      institutionId,
      pageRequest(first, after),
    );
  }

  /** Invites `input.email` to the institution's staff with the roles given. */
  async invite(principal: Principal, institutionId: string, input: unknown): Promise<Member> {
    authorize(principal, 'member.manage', { institutionId });
    const fields = parseInput(inviteMemberInput, input);
    const roles = fields.roles.map((assignment) => grantable(assignment, { institutionId }));
    const unique = new Set(roles.map((assignment) => assignment.role));
    if (unique.size !== roles.length)
      throw new ValidationError('Invalid input: input.roles.', [
        { path: 'input.roles', message: 'must name each role once' },
      ]);
    return this.membership.enrol(
      principal,
      {
        email: fields.email,
        name: fields.name,
        institutionId,
        roles: [...unique],
        qaRoles: roles.find((assignment) => assignment.role === 'qa-reviewer')?.qaRoles ?? [],
        assessedDesigns:
          roles.find((assignment) => assignment.role === 'assessor')?.assessedDesigns ?? [],
      },
      institutionId,
    );
  }

  /** Gives a member a role (again, with new QA step roles or designs when it has them). */
  async assignRole(principal: Principal, memberId: string, input: unknown): Promise<Member> {
    const member = await this.manageable(principal, memberId);
    const assignment = grantable(parseInput(roleAssignmentInput, input), member);
    return this.membership.change(
      member,
      {
        ...member,
        roles: member.roles.includes(assignment.role)
          ? member.roles
          : [...member.roles, assignment.role],
        qaRoles: assignment.role === 'qa-reviewer' ? (assignment.qaRoles ?? []) : member.qaRoles,
        assessedDesigns:
          assignment.role === 'assessor'
            ? (assignment.assessedDesigns ?? [])
            : member.assessedDesigns,
      },
      rolesChanged(member),
      principal,
    );
  }

  /** Takes a role away, with its QA step roles or designs. */
  async removeRole(principal: Principal, memberId: string, role: string): Promise<Member> {
    const member = await this.manageable(principal, memberId);
    const removed = parseInput(memberRoleSchema, role, 'role');
    grantable({ role: removed }, member);
    if (removed === 'issuer-admin') refuseOwnAccount(principal, member);
    if (!member.roles.includes(removed))
      throw new ConflictError('ROLE_NOT_HELD', `The member does not hold ${removed}.`);
    return this.membership.change(
      member,
      {
        ...member,
        roles: member.roles.filter((held) => held !== removed),
        qaRoles: removed === 'qa-reviewer' ? [] : member.qaRoles,
        assessedDesigns: removed === 'assessor' ? [] : member.assessedDesigns,
      },
      rolesChanged(member),
      principal,
    );
  }

  /** Stops a member signing in (`DEACTIVATED`), or lets them again (`ACTIVE`). */
  async setStatus(
    principal: Principal,
    memberId: string,
    status: Member['status'],
  ): Promise<Member> {
    const member = await this.manageable(principal, memberId);
    if (status === 'DEACTIVATED') refuseOwnAccount(principal, member);
    if (member.status === status) return member;
    return this.membership.change(
      member,
      { ...member, status },
      (origin) => MemberStatusChanged.create({ status }, origin),
      principal,
    );
  }

  /** The member, if the caller manages them; NOT_FOUND as for an unknown id otherwise. */
  private async manageable(principal: Principal, memberId: string): Promise<Member> {
    const member = await this.membership.deps.members.get(memberId);
    if (!member) throw new NotFoundError('Member', memberId);
    authorizeOrHide(
      principal,
      'member.manage',
      { institutionId: member.institutionId, partnerId: member.partnerId },
      'Member',
      memberId,
    );
    return member;
  }
}

/** The audit event of a change of roles, from the member before and after it. */
function rolesChanged(before: Member) {
  return (origin: Parameters<typeof MemberRolesChanged.create>[1], after: Member) =>
    MemberRolesChanged.create(
      {
        roles: after.roles,
        qaRoles: after.qaRoles,
        assessedDesigns: after.assessedDesigns,
        previousRoles: before.roles,
      },
      origin,
    );
}

/**
 * The roles a member of an institution, or of a partner, may be given through the API. Platform
 * admins are appointed in the identity provider by whoever runs the platform, never here.
 */
function grantable(
  assignment: RoleAssignment,
  member: Pick<Member, 'institutionId'>,
): RoleAssignment {
  if (assignment.role === 'platform-admin')
    throw new ForbiddenError(
      'Platform administrators are not appointed through the API.',
      'ROLE_NOT_GRANTABLE',
    );
  const allowed: readonly string[] = member.institutionId ? staffRoles : ['partner-admin'];
  if (!allowed.includes(assignment.role))
    throw new ValidationError(`Invalid input: role.`, [
      {
        path: 'input.role',
        message: `must be one of ${allowed.join(', ')} for this member`,
      },
    ]);
  return assignment;
}

/** An admin cannot lock themselves out (another admin can). */
function refuseOwnAccount(principal: Principal, member: Member): void {
  if (principal.kind === 'user' && principal.userId === member.id)
    throw new ConflictError(
      'OWN_ACCOUNT',
      'You cannot remove your own admin role or deactivate yourself; ask another admin.',
    );
}
