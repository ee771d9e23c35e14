import type { QueryResolvers } from '../generated/resolvers-types';

export const viewerQueries: Pick<QueryResolvers, 'viewer'> = {
  viewer: (_parent, _args, { principal }) => {
    switch (principal.kind) {
      case 'user':
        return {
          id: principal.userId,
          kind: 'user',
          roles: principal.roles,
          institutionId: principal.institutionId ?? null,
          qaRoles: principal.qaRoles,
        };
      case 'partner':
        return {
          id: principal.partnerId,
          kind: 'partner',
          roles: [],
          institutionId: null,
          qaRoles: [],
        };
      default:
        return null;
    }
  },
};
