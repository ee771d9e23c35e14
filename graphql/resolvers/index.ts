import type { Resolvers } from '../generated/resolvers-types';
import { Institution, institutionMutations, institutionQueries } from './institution';
import {
  MicroCredential,
  microCredentialMutations,
  microCredentialQueries,
} from './micro-credential';
import { viewerQueries } from './viewer';

/** Every resolver, one file per GraphQL type. */
export const resolvers: Resolvers = {
  Query: { ...viewerQueries, ...institutionQueries, ...microCredentialQueries },
  Mutation: { ...institutionMutations, ...microCredentialMutations },
  Institution,
  MicroCredential,
};
