import * as z from 'zod';
import type { Role } from '../auth/principal';
import { email, identifier, limits, text } from '../shared/validation';

/** The roles an issuer admin gives the institution's staff. */
export const staffRoles = ['issuer-admin', 'qa-reviewer', 'assessor'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Every role a member record can show (partner admins and platform admins are members too). */
const memberRoles = [
  'platform-admin',
  'issuer-admin',
  'qa-reviewer',
  'assessor',
  'partner-admin',
] as const satisfies readonly Role[];

/** One role, by its name. */
export const memberRoleSchema = z.enum(memberRoles);

/**
 * Bounds that keep a member's access within Cognito's custom attributes (`qaRoles` 1,000
 * characters, `assessedDesigns` 2,048, both comma separated).
 */
export const memberLimits = { qaRoles: 20, assessedDesigns: 50 } as const;

const qaRoleList = z
  .array(identifier().pipe(z.string().max(40, 'must be at most 40 characters')))
  .max(memberLimits.qaRoles, `must list at most ${memberLimits.qaRoles} QA roles`);
const designList = z
  .array(identifier())
  .max(memberLimits.assessedDesigns, `must list at most ${memberLimits.assessedDesigns} designs`);

/** One role to give a member, with what it needs: QA step roles, or an assessor's designs. */
export const roleAssignmentInput = z
  .strictObject({
    /** Any role name is accepted here so that asking for another is refused by name, not shape. */
    role: z.enum(memberRoles),
    /** A QA reviewer's step roles (e.g. `board`); required for `qa-reviewer`. */
    qaRoles: qaRoleList.optional(),
    /** The designs an assessor assesses; absent or empty: all of the institution's. */
    assessedDesigns: designList.optional(),
  })
  .refine((value) => value.role !== 'qa-reviewer' || (value.qaRoles?.length ?? 0) > 0, {
    message: 'a QA reviewer needs at least one QA step role',
    path: ['qaRoles'],
  })
  .refine((value) => value.role === 'qa-reviewer' || value.qaRoles === undefined, {
    message: 'only a QA reviewer has QA step roles',
    path: ['qaRoles'],
  })
  .refine((value) => value.role === 'assessor' || value.assessedDesigns === undefined, {
    message: 'only an assessor has designs to assess',
    path: ['assessedDesigns'],
  });
export type RoleAssignment = z.output<typeof roleAssignmentInput>;

/** Inviting a person by email into an institution, with the roles they start with. */
export const inviteMemberInput = z.strictObject({
  email: email(),
  name: text(limits.name).optional(),
  roles: z.array(roleAssignmentInput).min(1, 'must give at least one role').max(3),
});
export type InviteMemberInput = z.input<typeof inviteMemberInput>;

/** The first admin of a new institution or partner. */
export const firstAdminInput = z.strictObject({
  email: email(),
  name: text(limits.name).optional(),
});
export type FirstAdminInput = z.input<typeof firstAdminInput>;

export const memberStatuses = ['ACTIVE', 'DEACTIVATED'] as const;

/**
 * A person with staff access: to an institution (issuer admin, QA reviewer, assessor) or to an
 * industry partner (partner admin). Their id is the identity provider's subject, and what this
 * record grants is what the identity provider puts in their next token.
 */
export const memberSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  name: z.string().optional(),
  /** The institution of a staff member; absent for a partner admin. */
  institutionId: z.string().optional(),
  /** The partner a partner admin manages. */
  partnerId: z.string().optional(),
  roles: z.array(z.enum(memberRoles)),
  qaRoles: z.array(z.string()),
  assessedDesigns: z.array(z.string()),
  status: z.enum(memberStatuses),
  /**
   * The institution whose audit trail records the member's changes: their own, or for a partner
   * admin the institution that invited them (the partner's first one when a platform admin did).
   */
  auditInstitutionId: z.string(),
  invitedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.int().positive(),
});
export type Member = z.output<typeof memberSchema>;

/** What a member's token carries, in the identity provider's terms. */
export interface MemberAccess {
  readonly roles: readonly Role[];
  readonly institutionId?: string;
  readonly partnerId?: string;
  readonly qaRoles: readonly string[];
  readonly assessedDesigns: readonly string[];
}

export function accessOf(member: Member): MemberAccess {
  return {
    roles: member.status === 'ACTIVE' ? member.roles : [],
    institutionId: member.institutionId,
    partnerId: member.partnerId,
    qaRoles: member.qaRoles,
    assessedDesigns: member.assessedDesigns,
  };
}
