import type {
  MemberRoleResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers-types';
import { toConnection } from './connection';

export const peopleQueries: Pick<QueryResolvers, 'members'> = {
  members: async (_parent, { institutionId, first, after }, { principal, services }) =>
    toConnection(await services.people.staff.list(principal, institutionId, first, after)),
};

export const peopleMutations: Pick<
  MutationResolvers,
  | 'inviteMember'
  | 'assignRole'
  | 'removeRole'
  | 'deactivateMember'
  | 'reactivateMember'
  | 'invitePartnerAdmin'
> = {
  inviteMember: (_parent, { institutionId, input }, { principal, services }) =>
    services.people.staff.invite(principal, institutionId, input),
  assignRole: (_parent, { memberId, input }, { principal, services }) =>
    services.people.staff.assignRole(principal, memberId, input),
  removeRole: (_parent, { memberId, role }, { principal, services }) =>
    services.people.staff.removeRole(principal, memberId, role),
  deactivateMember: (_parent, { memberId }, { principal, services }) =>
    services.people.staff.setStatus(principal, memberId, 'DEACTIVATED'),
  reactivateMember: (_parent, { memberId }, { principal, services }) =>
    services.people.staff.setStatus(principal, memberId, 'ACTIVE'),
  invitePartnerAdmin: (_parent, { partnerId, input }, { principal, services }) =>
    services.people.onboarding.invitePartnerAdmin(principal, partnerId, input),
};

/** GraphQL names of the roles, and the role names tokens carry. */
export const MemberRole: MemberRoleResolvers = {
  PLATFORM_ADMIN: 'platform-admin',
  ISSUER_ADMIN: 'issuer-admin',
  QA_REVIEWER: 'qa-reviewer',
  ASSESSOR: 'assessor',
  PARTNER_ADMIN: 'partner-admin',
};
