import type {
  HeldStackPartResolvers,
  MutationResolvers,
  PathwayProgressResolvers,
  QueryResolvers,
  StackPartResolvers,
  StackResolvers,
} from '../generated/resolvers-types';
import { progressSummary } from '../../functions/core/stacking/model';

export const stackingQueries: Pick<
  QueryResolvers,
  'stacks' | 'stack' | 'myPathways' | 'myTranscript'
> = {
  stacks: (_parent, { institutionId }, { principal, services }) =>
    services.stacks.list(principal, institutionId),
  stack: (_parent, { id }, { principal, services }) => services.stacks.get(principal, id),
  myPathways: (_parent, _args, { principal, services }) => services.pathways.pathways(principal),
  myTranscript: (_parent, _args, { principal, services }) =>
    services.transcripts.transcript(principal),
};

export const stackingMutations: Pick<MutationResolvers, 'defineStack' | 'retireStack'> = {
  defineStack: (_parent, { input }, { principal, services }) =>
    services.stacks.define(principal, input),
  retireStack: (_parent, { id, expectedVersion }, { principal, services }) =>
    services.stacks.retire(principal, id, { expectedVersion }),
};

export const Stack: StackResolvers = {
  microCredential: (stack, _args, { principal, services }) =>
    services.microCredentials.get(principal, stack.microCredentialId),
};

export const StackPart: StackPartResolvers = {
  microCredentialId: (part) => (part.kind === 'DESIGN' ? part.microCredentialId : null),
  achievementId: (part) => (part.kind === 'EXTERNAL' ? part.achievementId : null),
};

export const HeldStackPart: HeldStackPartResolvers = {
  credentialId: (held) => held.holding.credentialId,
  credentialUrl: (held) => held.holding.credentialUrl,
  origin: (held) => held.holding.origin,
  earnedAt: (held) => held.holding.earnedAt,
};

export const PathwayProgress: PathwayProgressResolvers = {
  heldCount: (progress) => Math.min(progress.held.length, progress.needed),
  summary: (progress) => progressSummary(progress),
  credential: (progress, _args, { principal, services }) =>
    progress.credentialId ? services.credentials.get(principal, progress.credentialId) : null,
};
