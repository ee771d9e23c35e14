import * as z from 'zod';
import { email, limits, text } from '../shared/validation';

export const statusPurposes = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof statusPurposes)[number];

/** Positions per status list: 131,072 bits (16 KB), the Bitstring Status List minimum. */
export const statusListSize = 131_072;

export const statusEntrySchema = z.object({
  purpose: z.enum(statusPurposes),
  listNumber: z.int().positive(),
  index: z
    .int()
    .min(0)
    .max(statusListSize - 1),
});
export type StatusEntry = z.output<typeof statusEntrySchema>;

export const credentialStatuses = ['ACTIVE', 'REVOKED', 'SUSPENDED'] as const;
export type CredentialStatus = (typeof credentialStatuses)[number];

export const visibilities = ['PUBLIC', 'PRIVATE', 'LINK'] as const;
export type Visibility = (typeof visibilities)[number];

export const credentialKinds = ['micro', 'stacked'] as const;

/** Who a credential is for, as the issuer names them. */
export const recipientInput = z.strictObject({
  email: email(),
  name: text(limits.name).optional(),
  /** A DID the learner controls; becomes `credentialSubject.id`. */
  did: z
    .string()
    .trim()
    .max(500)
    .regex(/^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/, 'must be a DID such as did:key:z6Mk…')
    .optional(),
});
export type RecipientInput = z.output<typeof recipientInput>;

/** Normalised email used for matching a learner to their credentials (`shared/email.ts`). */
export { normaliseEmail } from '../shared/email';

/** A stored, signed credential and what the platform knows about it. */
export const credentialRecordSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  microCredentialId: z.string(),
  designVersion: z.int().positive(),
  kind: z.enum(credentialKinds),
  achievementName: z.string(),
  recipient: z.object({
    /** SHA-256 of the normalised email (internal lookup; never published). */
    emailHash: z.string(),
    email: z.string(),
    name: z.string().optional(),
    did: z.string().optional(),
  }),
  status: z.enum(credentialStatuses),
  statusReason: z.string().optional(),
  statusChangedAt: z.iso.datetime().optional(),
  statusEntries: z.array(statusEntrySchema),
  issuedAt: z.iso.datetime(),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime().optional(),
  /** The signed OB 3.0 JSON-LD credential, exactly as issued. */
  credential: z.record(z.string(), z.unknown()),
  /** The same credential as a VC-JWT (RS256). */
  jwt: z.string(),
  /**
   * The `eddsa-rdfc-2022` hashData of `credential` (base64, 64 bytes), computed when it was
   * signed: verifying the stored JSON, or JSON identical to it, never canonicalizes again.
   * Absent on credentials issued before it was kept.
   */
  proofHash: z.string().optional(),
  signingKeys: z.object({ dataIntegrity: z.string(), jwt: z.string() }),
  visibility: z.enum(visibilities),
  /** Whether the credential page shows the earner's name (the earner decides). */
  showName: z.boolean().default(false),
  idempotencyKey: z.string(),
  /** Credentials this one was stacked from (stacked credentials only). */
  parts: z.array(z.string()).default([]),
  /** Parts revoked after this stacked credential was issued (stacks that flag rather than revoke). */
  flaggedParts: z.array(z.string()).default([]),
  version: z.int().positive(),
});
export type CredentialRecord = z.output<typeof credentialRecordSchema>;

/** A stored credential without its signed forms: the part of the record that changes. */
export const credentialStateSchema = credentialRecordSchema.omit({
  credential: true,
  jwt: true,
  proofHash: true,
});
export type CredentialState = z.output<typeof credentialStateSchema>;

/**
 * What an issuance request reserved before signing: the credential id, its timestamps and
 * status positions. A retry with the same key rebuilds exactly the same credential, so a
 * failure between signing and storing never yields two credentials.
 */
export const reservationSchema = z.object({
  institutionId: z.string(),
  key: z.string(),
  requestHash: z.string(),
  credentialId: z.string(),
  microCredentialId: z.string(),
  designVersion: z.int().positive(),
  issuedAt: z.iso.datetime(),
  statusEntries: z.array(statusEntrySchema),
  status: z.enum(['PENDING', 'COMPLETE']),
  version: z.int().positive(),
});
export type Reservation = z.output<typeof reservationSchema>;

/** One entry of a credential's status audit trail (revocations, suspensions, reinstatements). */
export const statusAuditEntrySchema = z.object({
  credentialId: z.string(),
  sequence: z.int().positive(),
  /** PART_REVOKED: a credential a stacked credential was built from was revoked (flagged). */
  action: z.enum(['REVOKED', 'SUSPENDED', 'REINSTATED', 'PART_REVOKED']),
  reason: z.string().optional(),
  actor: z.object({ kind: z.string(), id: z.string() }),
  at: z.iso.datetime(),
});
export type StatusAuditEntry = z.output<typeof statusAuditEntrySchema>;
