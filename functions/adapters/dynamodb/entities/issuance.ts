/** Issued credentials, their status lists, bulk issuance jobs, and issuers' signing keys. */
import type { OwnerKind } from '../../../core/shared/owners';
import { byIssue, defineEntity, padded } from '../entity';

interface Id {
  readonly id: string;
}
interface OfInstitution {
  readonly institutionId: string;
}
export const credentialEntity = defineEntity({
  name: 'Credential',
  primary: { pk: ({ id }: Id) => `CREDENTIAL#${id}`, sk: () => 'CREDENTIAL' },
  indexes: {
    byRecipient: {
      index: 'gsi1',
      pk: ({ emailHash }: { readonly emailHash: string }) => `RECIPIENT#${emailHash}`,
      sk: byIssue,
    },
    byInstitution: {
      index: 'gsi2',
      pk: ({ institutionId }: OfInstitution) => `INSTITUTION#${institutionId}#CREDENTIALS`,
      sk: byIssue,
    },
    byDesign: {
      index: 'gsi3',
      pk: ({ microCredentialId }: { readonly microCredentialId: string }) =>
        `MICROCREDENTIAL#${microCredentialId}#CREDENTIALS`,
      sk: byIssue,
    },
  },
});

/** One change of a credential's status, beside the credential. */
export const credentialAuditEntity = defineEntity({
  name: 'CredentialStatusAudit',
  primary: {
    pk: ({ credentialId }: { readonly credentialId: string }) => `CREDENTIAL#${credentialId}`,
    sk: ({ sequence }: { readonly sequence: number }) => `AUDIT#${padded(sequence)}`,
    skPrefix: 'AUDIT#',
  },
  indexes: {},
});

/**
 * The credentials of a design issued in the last two days, in the base table (an index may not
 * list them yet, a consistent query of this partition does): see `recentRecipientsOfDesign`.
 */
export const recentRecipientEntity = defineEntity({
  name: 'RecentRecipient',
  primary: {
    pk: ({ microCredentialId }: { readonly microCredentialId: string }) =>
      `MICROCREDENTIAL#${microCredentialId}#RECENTLY_ISSUED`,
    sk: byIssue,
  },
  indexes: {},
});

/** An idempotency key of an institution's issuance, held from the first request on. */
export const reservationEntity = defineEntity({
  name: 'Reservation',
  primary: {
    pk: ({ institutionId, key }: OfInstitution & { readonly key: string }) =>
      `RESERVATION#${institutionId}#${key}`,
    sk: () => 'RESERVATION',
  },
  indexes: {},
});

interface Purpose {
  readonly purpose: string;
}
interface StatusList extends OfInstitution, Purpose {
  readonly listNumber: number;
}
const statusListPartition = ({ institutionId, purpose, listNumber }: StatusList) =>
  `STATUSLIST#${institutionId}#${purpose}#${listNumber}`;

/** The counter that hands out status list positions, per institution and purpose. */
export const statusAllocationEntity = defineEntity({
  name: 'StatusAllocation',
  primary: {
    pk: ({ institutionId }: OfInstitution) => `INSTITUTION#${institutionId}`,
    sk: ({ purpose }: Purpose) => `STATUS_ALLOCATION#${purpose}`,
    skPrefix: 'STATUS_ALLOCATION#',
  },
  indexes: {},
});

/** A set bit of a status list; its index is read back from the sort key. */
export const statusBitEntity = defineEntity({
  name: 'StatusBit',
  primary: {
    pk: statusListPartition,
    sk: ({ index }: { readonly index: number }) => `BIT#${padded(index)}`,
    skPrefix: 'BIT#',
  },
  indexes: {},
});

export const publishedStatusListEntity = defineEntity({
  name: 'PublishedStatusList',
  primary: { pk: statusListPartition, sk: () => 'PUBLISHED' },
  indexes: {},
});

interface Owner {
  readonly ownerKind: OwnerKind;
  readonly ownerId: string;
}
const ownerPartition = ({ ownerKind, ownerId }: Owner) =>
  ownerKind === 'institution'
    ? `INSTITUTION#${ownerId}`
    : ownerKind === 'partner'
      ? `PARTNER#${ownerId}`
      : `PLATFORM#${ownerId}`;

/** A signing key, in its owner's partition. */
export const signingKeyEntity = defineEntity({
  name: 'SigningKey',
  primary: {
    pk: ownerPartition,
    sk: ({ keyId }: { readonly keyId: string }) => `KEY#${keyId}`,
    skPrefix: 'KEY#',
  },
  indexes: {},
});

/** Held while a key rotation of that generation is under way: one at a time. */
export const keyRotationEntity = defineEntity({
  name: 'KeyRotation',
  primary: {
    pk: ownerPartition,
    sk: ({ generation }: { readonly generation: number }) => `KEY_ROTATION#${padded(generation)}`,
    skPrefix: 'KEY_ROTATION#',
  },
  indexes: {},
});

interface OfJob {
  readonly jobId: string;
}
interface Row {
  readonly row: number;
}
const rowKey = ({ row }: Row) => `ROW#${padded(row)}`;

export const bulkJobEntity = defineEntity({
  name: 'BulkIssuanceJob',
  primary: { pk: ({ id }: Id) => `BULKJOB#${id}`, sk: () => 'JOB' },
  indexes: {
    byInstitution: {
      index: 'gsi2',
      pk: ({ institutionId }: OfInstitution) => `INSTITUTION#${institutionId}#BULKJOBS`,
      sk: ({ createdAt, id }: Id & { readonly createdAt: string }) => `${createdAt}#${id}`,
    },
  },
});

/** One row of a bulk job, beside the job; listed by job and status. */
export const bulkRowEntity = defineEntity({
  name: 'BulkIssuanceRow',
  primary: { pk: ({ jobId }: OfJob) => `BULKJOB#${jobId}`, sk: rowKey, skPrefix: 'ROW#' },
  indexes: {
    byStatus: {
      index: 'gsi1',
      pk: ({ jobId, status }: OfJob & { readonly status: string }) => `BULKJOB#${jobId}#${status}`,
      sk: rowKey,
    },
  },
});

/** One of the job's row-outcome counters; they sort before the job item and its rows. */
export const bulkJobCounterEntity = defineEntity({
  name: 'BulkIssuanceJobCounter',
  primary: {
    pk: ({ jobId }: OfJob) => `BULKJOB#${jobId}`,
    sk: ({ shard }: { readonly shard: number }) => `COUNT#${padded(shard)}`,
    skPrefix: 'COUNT#',
  },
  indexes: {},
});
