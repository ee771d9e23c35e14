/** Partners, their API keys, endorsements and invitations to endorse. */
import { byIssue, byCreation, defineEntity, hashed, padded } from '../entity';

interface Id {
  readonly id: string;
}
interface OfPartner {
  readonly partnerId: string;
}
interface OfDesign {
  readonly microCredentialId: string;
}
interface Target {
  readonly target: { readonly kind: string; readonly id: string };
}
const partnerPartition = ({ partnerId }: OfPartner) => `PARTNER#${partnerId}`;

export const partnerEntity = defineEntity({
  name: 'Partner',
  primary: { pk: ({ id }: Id) => `PARTNER#${id}`, sk: () => 'PROFILE' },
  indexes: {},
});

/** A partner's link to one institution, carrying the name the institution's list sorts by. */
export const partnerLinkEntity = defineEntity({
  name: 'PartnerLink',
  primary: {
    pk: ({ institutionId }: { readonly institutionId: string }) => `INSTITUTION#${institutionId}`,
    sk: ({ partnerId }: OfPartner) => `PARTNER#${partnerId}`,
    skPrefix: 'PARTNER#',
  },
  indexes: {
    byInstitution: {
      index: 'gsi1',
      pk: ({ institutionId }: { readonly institutionId: string }) =>
        `INSTITUTION#${institutionId}#PARTNERS`,
      sk: ({ name, partnerId }: OfPartner & { readonly name: string }) =>
        `${name.toLowerCase()}#${partnerId}`,
    },
  },
});

export const apiKeyEntity = defineEntity({
  name: 'ApiKey',
  primary: { pk: ({ keyId }: { readonly keyId: string }) => `APIKEY#${keyId}`, sk: () => 'APIKEY' },
  indexes: {
    byPartner: {
      index: 'gsi1',
      pk: ({ partnerId }: OfPartner) => `PARTNER#${partnerId}#APIKEYS`,
      sk: ({ createdAt, keyId }: { readonly createdAt: string; readonly keyId: string }) =>
        `${createdAt}#${keyId}`,
    },
  },
});

export const endorsementEntity = defineEntity({
  name: 'Endorsement',
  primary: { pk: ({ id }: Id) => `ENDORSEMENT#${id}`, sk: () => 'ENDORSEMENT' },
  indexes: {
    byTarget: {
      index: 'gsi1',
      pk: ({ target }: Target) => `ENDORSED#${target.kind}#${target.id}`,
      sk: byIssue,
    },
    byPartner: {
      index: 'gsi2',
      pk: ({ partnerId }: OfPartner) => `PARTNER#${partnerId}#ENDORSEMENTS`,
      sk: byIssue,
    },
  },
});

/** An endorsement's credential for one achievement version, beside the endorsement. */
export const endorsementVersionEntity = defineEntity({
  name: 'EndorsementVersionCredential',
  primary: {
    pk: ({ endorsementId }: { readonly endorsementId: string }) => `ENDORSEMENT#${endorsementId}`,
    sk: ({ designVersion }: { readonly designVersion: number }) =>
      `VERSION#${padded(designVersion)}`,
    skPrefix: 'VERSION#',
  },
  indexes: {},
});

/**
 * Endorsement credential id → endorsement. Credential ids are any IRI the signer chose (a URL
 * of ours, `urn:uuid:…`), so the key holds their hash rather than the id itself.
 */
export const endorsementCredentialEntity = defineEntity({
  name: 'EndorsementCredentialIndex',
  primary: {
    pk: ({ credentialId }: { readonly credentialId: string }) =>
      `ENDORSEMENT_CREDENTIAL#${hashed(credentialId)}`,
    sk: () => 'ENDORSEMENT_CREDENTIAL',
  },
  indexes: {},
});

/** Held while a partner has an active endorsement of a target: at most one at a time. */
export const activeEndorsementEntity = defineEntity({
  name: 'ActiveEndorsement',
  primary: {
    pk: partnerPartition,
    sk: ({ target }: Target) => `ACTIVE_ENDORSEMENT#${target.kind}#${target.id}`,
    skPrefix: 'ACTIVE_ENDORSEMENT#',
  },
  indexes: {},
});

/** Invitations, indexed by partner and status and by design. */
export const invitationEntity = defineEntity({
  name: 'EndorsementInvitation',
  primary: { pk: ({ id }: Id) => `INVITATION#${id}`, sk: () => 'INVITATION' },
  indexes: {
    byPartner: {
      index: 'gsi1',
      pk: ({ partnerId, status }: OfPartner & { readonly status: string }) =>
        `PARTNER#${partnerId}#INVITATIONS#${status}`,
      sk: byCreation,
    },
    byDesign: {
      index: 'gsi2',
      pk: ({ microCredentialId }: OfDesign) => `MICROCREDENTIAL#${microCredentialId}#INVITATIONS`,
      sk: byCreation,
    },
  },
});

/**
 * Held while a partner has a pending invitation to endorse a design: at most one at a time, so
 * an invitation sent twice (a retry, a double click) is the same invitation.
 */
export const pendingInvitationEntity = defineEntity({
  name: 'PendingInvitation',
  primary: {
    pk: partnerPartition,
    sk: ({ microCredentialId }: OfDesign) => `PENDING_INVITATION#${microCredentialId}`,
    skPrefix: 'PENDING_INVITATION#',
  },
  indexes: {},
});
