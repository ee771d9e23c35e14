import type { DesignContent } from '../../functions/core/designs/model';
import type {
  MicroCredentialResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers-types';
import { toConnection } from './connection';

export const microCredentialQueries: Pick<
  QueryResolvers,
  'microCredential' | 'microCredentials' | 'catalogue'
> = {
  microCredential: (_parent, { id }, { principal, services }) =>
    services.microCredentials.get(principal, id),
  microCredentials: async (_parent, { institutionId, ...args }, { principal, services }) =>
    toConnection(await services.microCredentials.listByInstitution(principal, institutionId, args)),
  catalogue: async (_parent, args, { services }) =>
    toConnection(await services.microCredentials.catalogue(args)),
};

export const microCredentialMutations: Pick<
  MutationResolvers,
  'createMicroCredential' | 'updateMicroCredential'
> = {
  createMicroCredential: (_parent, { input }, { principal, services }) =>
    services.microCredentials.create(principal, input),
  updateMicroCredential: (_parent, { id, expectedVersion, input }, { principal, services }) =>
    services.microCredentials.update(principal, id, expectedVersion, input),
};

/** Reads a field of the design's content (the version the caller may see). */
const content =
  <K extends keyof DesignContent>(key: K) =>
  (design: { content: DesignContent }) =>
    design.content[key];

export const MicroCredential: MicroCredentialResolvers = {
  institution: (design, _args, { loaders }) => loaders.institution(design.institutionId),
  name: content('name'),
  description: content('description'),
  criteria: content('criteria'),
  achievementType: content('achievementType'),
  learningOutcomes: content('learningOutcomes'),
  competencies: content('competencies'),
  level: content('level'),
  workload: content('workload'),
  language: content('language'),
  assessmentType: content('assessmentType'),
  participationForm: content('participationForm'),
  prerequisites: content('prerequisites'),
  image: content('image'),
  tags: content('tags'),
  humanCode: content('humanCode'),
  fieldOfStudy: content('fieldOfStudy'),
  specialization: content('specialization'),
  validityMonths: content('validityMonths'),
  components: content('components'),
  elements: content('elements'),
  publishedDesignVersion: (design) => design.published?.designVersion ?? null,
  publishedAt: (design) => design.published?.publishedAt ?? null,
};
