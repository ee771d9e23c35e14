import * as z from 'zod';
import { defineEvent } from '../shared/domain-events';
import { credentialKinds, statusEntrySchema } from '../credential/credential';

/** A credential was signed and stored for a recipient. */
export const CredentialIssued = defineEvent({
  name: 'credential.issued',
  version: 1,
  aggregateType: 'Credential',
  schema: z.object({
    microCredentialId: z.string(),
    designVersion: z.int().positive(),
    kind: z.enum(credentialKinds),
    emailHash: z.string(),
    parts: z.array(z.string()),
  }),
});

/**
 * A credential's status changed. `statusList` is the entry whose bit was set or cleared; the
 * suspension entry and former status let the worker re-sign the list a reinstatement clears.
 */
const statusChange = z.object({
  reason: z.string().nullable(),
  statusList: statusEntrySchema.nullable(),
  /** Absent on events recorded before it was added. */
  wasSuspended: z.boolean().optional(),
  /** Absent on events recorded before it was added. */
  suspensionEntry: statusEntrySchema.nullable().optional(),
});

export const CredentialRevoked = defineEvent({
  name: 'credential.revoked',
  version: 1,
  aggregateType: 'Credential',
  schema: statusChange,
});

export const CredentialSuspended = defineEvent({
  name: 'credential.suspended',
  version: 1,
  aggregateType: 'Credential',
  schema: statusChange,
});

export const CredentialReinstated = defineEvent({
  name: 'credential.reinstated',
  version: 1,
  aggregateType: 'Credential',
  schema: statusChange,
});

/** A stacked credential lost one of its parts (the part was revoked). */
export const CredentialPartRevoked = defineEvent({
  name: 'credential.part_revoked',
  version: 1,
  aggregateType: 'Credential',
  schema: z.object({ partId: z.string() }),
});

const bulkJob = z.object({
  jobId: z.string(),
  microCredentialId: z.string(),
  total: z.int().min(0),
});

/** A bulk issuance job was accepted; the worker processes it. */
export const BulkIssuanceRequested = defineEvent({
  name: 'bulk_issuance.requested',
  version: 1,
  aggregateType: 'BulkIssuanceJob',
  schema: bulkJob,
});

/** A bulk issuance job has rows left: the worker takes the next pass. */
export const BulkIssuanceContinue = defineEvent({
  name: 'bulk_issuance.continue',
  version: 1,
  aggregateType: 'BulkIssuanceJob',
  schema: bulkJob,
});

export const BulkIssuanceCompleted = defineEvent({
  name: 'bulk_issuance.completed',
  version: 1,
  aggregateType: 'BulkIssuanceJob',
  schema: bulkJob,
});

export const issuanceEvents = [
  CredentialIssued,
  CredentialRevoked,
  CredentialSuspended,
  CredentialReinstated,
  CredentialPartRevoked,
  BulkIssuanceRequested,
  BulkIssuanceContinue,
  BulkIssuanceCompleted,
] as const;
