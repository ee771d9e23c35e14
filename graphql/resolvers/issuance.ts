import type {
  BulkIssuanceFailureResolvers,
  BulkIssuanceJobResolvers,
  CredentialResolvers,
  CredentialStatusChangeResolvers,
  InstitutionResolvers,
  MutationResolvers,
  QueryResolvers,
  SigningKeyResolvers,
} from '../generated/resolvers-types';
import { toConnection } from './connection';

export const issuanceQueries: Pick<
  QueryResolvers,
  'credential' | 'issuedCredentials' | 'bulkIssuanceJob'
> = {
  credential: (_parent, { id }, { principal, services }) => services.credentials.get(principal, id),
  issuedCredentials: async (_parent, { institutionId, first, after }, { principal, services }) =>
    toConnection(await services.credentials.listIssued(principal, institutionId, first, after)),
  bulkIssuanceJob: (_parent, { id }, { principal, services }) =>
    services.bulkJobs.get(principal, id),
};

export const issuanceMutations: Pick<
  MutationResolvers,
  | 'issueCredential'
  | 'startBulkIssuance'
  | 'resumeBulkIssuance'
  | 'revokeCredential'
  | 'suspendCredential'
  | 'reinstateCredential'
  | 'rotateIssuerKeys'
  | 'revokeIssuerKey'
> = {
  issueCredential: (_parent, { input }, { principal, services }) =>
    services.issuing.issue(principal, input),
  startBulkIssuance: (_parent, { input }, { principal, services }) =>
    services.bulkJobs.start(principal, input),
  resumeBulkIssuance: (_parent, { id }, { principal, services }) =>
    services.bulkJobs.resume(principal, id),
  revokeCredential: (_parent, { id, reason }, { principal, services }) =>
    services.credentialStatus.revoke(principal, id, reason),
  suspendCredential: (_parent, { id, reason }, { principal, services }) =>
    services.credentialStatus.suspend(principal, id, reason),
  reinstateCredential: (_parent, { id, reason }, { principal, services }) =>
    services.credentialStatus.reinstate(principal, id, reason),
  rotateIssuerKeys: (_parent, { institutionId }, { principal, services }) =>
    services.keys.rotate(principal, { ownerKind: 'institution', ownerId: institutionId }),
  revokeIssuerKey: (_parent, { institutionId, keyId, reason }, { principal, services }) =>
    services.keys.revoke(
      principal,
      { ownerKind: 'institution', ownerId: institutionId },
      keyId,
      reason,
    ),
};

export const institutionKeys: Pick<
  InstitutionResolvers,
  'did' | 'didDocumentUrl' | 'jwksUrl' | 'signingKeys'
> = {
  did: (institution, _args, { urls }) => urls.issuerDid(institution.id),
  didDocumentUrl: (institution, _args, { urls }) => urls.didDocument('institution', institution.id),
  jwksUrl: (institution, _args, { urls }) => urls.jwks('institution', institution.id),
  signingKeys: (institution, _args, { principal, services }) =>
    services.keys.keysFor(principal, { ownerKind: 'institution', ownerId: institution.id }),
};

export const SigningKey: SigningKeyResolvers = {
  verificationMethod: (key, _args, { urls }) =>
    urls.verificationMethod(key.ownerKind, key.ownerId, key.keyId),
};

export const Credential: CredentialResolvers = {
  url: (record, _args, { urls }) => urls.credential(record.id),
  institution: (record, _args, { loaders }) => loaders.institution(record.institutionId),
  recipientName: (record) => record.recipient.name,
  recipientEmail: (record, _args, { principal, services }) =>
    services.credentials.recipientEmailFor(principal, record),
  json: (record) => record.credential,
  badgePngUrl: (record, _args, { urls }) => `${urls.credential(record.id)}/badge.png`,
  badgeSvgUrl: (record, _args, { urls }) => `${urls.credential(record.id)}/badge.svg`,
  statusHistory: (record, _args, { principal, services }) =>
    services.credentials.statusHistory(principal, record.id),
};

export const CredentialStatusChange: CredentialStatusChangeResolvers = {
  actorId: (entry) => entry.actor.id,
};

export const BulkIssuanceJob: BulkIssuanceJobResolvers = {
  failures: async (job, { first, after }, { principal, services }) =>
    toConnection(await services.bulkJobs.failures(principal, job.id, first, after)),
};

export const BulkIssuanceFailure: BulkIssuanceFailureResolvers = {
  email: (row) => (typeof row.recipient.email === 'string' ? row.recipient.email : null),
  errorCode: (row) => row.errorCode ?? 'UNKNOWN',
  errorMessage: (row) => row.errorMessage ?? '',
};
