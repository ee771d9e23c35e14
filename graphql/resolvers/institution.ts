import type {
  InstitutionResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers-types';
import { toConnection } from './connection';

export const institutionQueries: Pick<QueryResolvers, 'institution' | 'institutions'> = {
  institution: (_parent, { id }, { services }) => services.institutions.find(id),
  institutions: async (_parent, { first, after }, { services }) =>
    toConnection(await services.institutions.list(first, after)),
};

export const institutionMutations: Pick<
  MutationResolvers,
  'createInstitution' | 'updateInstitution'
> = {
  createInstitution: (_parent, { input, admin }, { principal, services }) =>
    services.people.onboarding.institution(principal, input, admin),
  updateInstitution: (_parent, { id, expectedVersion, input }, { principal, services }) =>
    services.institutions.update(principal, id, expectedVersion, input),
};

export const Institution: InstitutionResolvers = {
  profileUrl: (institution, _args, { urls }) => urls.issuerProfile(institution.id),
};
