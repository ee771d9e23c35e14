import type {
  ApiKeyResolvers,
  ApiKeyScopeResolvers,
  EndorsementInvitationResolvers,
  EndorsementResolvers,
  MicroCredentialResolvers,
  MutationResolvers,
  PartnerResolvers,
  QueryResolvers,
  ReviewResolvers,
} from '../generated/resolvers-types';
import { toConnection } from './connection';

export const partnerQueries: Pick<
  QueryResolvers,
  | 'partner'
  | 'partners'
  | 'apiKeys'
  | 'endorsement'
  | 'myEndorsements'
  | 'endorsementInvitations'
  | 'endorsementStatistics'
> = {
  partner: (_parent, { id }, { services }) => services.partners.find(id),
  partners: async (_parent, { institutionId, first, after }, { principal, services }) =>
    toConnection(
      await services.partners.listForInstitution(principal, institutionId, first, after),
    ),
  apiKeys: (_parent, { partnerId }, { principal, services }) =>
    services.apiKeys.list(principal, partnerId),
  endorsement: (_parent, { id }, { services }) => services.endorsements.find(id),
  myEndorsements: async (_parent, { first, after }, { principal, services }) =>
    toConnection(await services.endorsements.mine(principal, first, after)),
  endorsementInvitations: (_parent, { status }, { principal, services }) =>
    services.endorsementInvitations.forPartner(principal, status),
  endorsementStatistics: (_parent, _args, { principal, services }) =>
    services.endorsementStatistics.statistics(principal),
};

export const partnerMutations: Pick<
  MutationResolvers,
  | 'createPartner'
  | 'updatePartner'
  | 'linkPartner'
  | 'unlinkPartner'
  | 'createApiKey'
  | 'rotateApiKey'
  | 'revokeApiKey'
  | 'submitEndorsement'
  | 'withdrawEndorsement'
  | 'invitePartnerToEndorse'
  | 'respondToInvitation'
> = {
  createPartner: (_parent, { input, admin }, { principal, services }) =>
    services.people.onboarding.partner(principal, input, admin),
  updatePartner: (_parent, { id, expectedVersion, input }, { principal, services }) =>
    services.partners.update(principal, id, expectedVersion, input),
  linkPartner: (_parent, { partnerId, institutionId }, { principal, services }) =>
    services.partners.link(principal, partnerId, institutionId),
  unlinkPartner: (_parent, { partnerId, institutionId }, { principal, services }) =>
    services.partners.unlink(principal, partnerId, institutionId),
  createApiKey: (_parent, { partnerId, input }, { principal, services }) =>
    services.apiKeys.create(principal, partnerId, input),
  rotateApiKey: (_parent, { partnerId, keyId, graceHours }, { principal, services }) =>
    services.apiKeys.rotate(principal, partnerId, keyId, graceHours ?? undefined),
  revokeApiKey: (_parent, { partnerId, keyId }, { principal, services }) =>
    services.apiKeys.revoke(principal, partnerId, keyId),
  submitEndorsement: (_parent, { input: { expiresAt, ...input } }, { principal, services }) =>
    services.endorsementSubmission.submit(principal, {
      ...input,
      ...(expiresAt ? { expiresOn: expiresAt } : {}),
    }),
  withdrawEndorsement: (_parent, { id, reason }, { principal, services }) =>
    services.endorsementWithdrawal.withdraw(principal, id, reason),
  invitePartnerToEndorse: (_parent, args, { principal, services }) =>
    services.endorsementInvitations.invite(principal, args),
  respondToInvitation: (_parent, { id, input }, { principal, services }) =>
    services.endorsementInvitations.respond(principal, id, input),
};

export const ApiKeyScope: ApiKeyScopeResolvers = {
  ENDORSEMENTS_WRITE: 'endorsements:write',
  ENDORSEMENTS_READ: 'endorsements:read',
};

export const Partner: PartnerResolvers = {
  platformDid: (partner, _args, { urls }) => urls.partnerDid(partner.id),
};

export const ApiKey: ApiKeyResolvers = {
  id: (key) => key.keyId,
  expiresAt: (key) => key.expiresOn,
};

export const Endorsement: EndorsementResolvers = {
  url: (endorsement, _args, { urls }) => urls.endorsement(endorsement.id),
  partner: (endorsement, _args, { services }) => services.partners.get(endorsement.partnerId),
  targetKind: (endorsement) => endorsement.target.kind,
  targetId: (endorsement) => endorsement.target.id,
  expiresAt: (endorsement) => endorsement.expiresOn,
  expired: (endorsement, _args, { services }) => services.endorsements.isExpired(endorsement),
};

export const EndorsementInvitation: EndorsementInvitationResolvers = {};

export const microCredentialEndorsements: Pick<
  MicroCredentialResolvers,
  'endorsements' | 'publicationGate' | 'endorsementInvitations'
> = {
  endorsements: (design, _args, { services }) => services.endorsements.forDesign(design.id),
  publicationGate: (design, _args, { principal, services }) =>
    services.qa.publication.gateFor(principal, design),
  endorsementInvitations: (design, _args, { principal, services }) =>
    services.qa.reporting.canReadReviews(principal, design.institutionId)
      ? services.endorsementInvitations.forDesign(principal, design.id)
      : [],
};

export const reviewGate: Pick<ReviewResolvers, 'publicationGate'> = {
  publicationGate: (review, _args, { principal, services }) =>
    services.qa.publication.gateForReview(principal, review),
};
