import type { Resolvers } from '../generated/resolvers-types';
import { Institution, institutionMutations, institutionQueries } from './institution';
import {
  MicroCredential,
  microCredentialMutations,
  microCredentialQueries,
} from './micro-credential';
import {
  DomainEvent,
  microCredentialReview,
  qaMutations,
  qaQueries,
  QaWorkflow,
  Review,
  ReviewHistoryEntry,
  ReviewStep,
} from './qa';
import { viewerQueries } from './viewer';

/** Every resolver, one file per GraphQL type. */
export const resolvers: Resolvers = {
  Query: { ...viewerQueries, ...institutionQueries, ...microCredentialQueries, ...qaQueries },
  Mutation: { ...institutionMutations, ...microCredentialMutations, ...qaMutations },
  Institution,
  MicroCredential: { ...MicroCredential, ...microCredentialReview },
  QaWorkflow,
  Review,
  ReviewStep,
  ReviewHistoryEntry,
  DomainEvent,
};
