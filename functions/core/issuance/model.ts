import { createHash } from 'node:crypto';
import * as z from 'zod';
import { normaliseEmail } from '../shared/email';
import { identifier, limits, text } from '../shared/validation';
import { recipientInput, type RecipientInput } from '../credential/credential';

export const issueCredentialInput = z.strictObject({
  microCredentialId: identifier(),
  recipient: recipientInput,
  /** A client key that makes retries safe (letters, digits, `_`, `-`, `:`, `.`). */
  idempotencyKey: z
    .string()
    .trim()
    .min(8, 'must be at least 8 characters')
    .max(200)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'may contain only letters, digits, _ . : and -')
    .optional(),
});

/** Who issues or changes a credential, as its events record them. */
export interface IssuanceActor {
  readonly kind: string;
  readonly id: string;
}

/** What any issuance path (an admin, a bulk job, the learner pathway, stacking) asks for. */
export interface IssueRequest {
  readonly microCredentialId: string;
  readonly recipient: RecipientInput;
  readonly idempotencyKey?: string;
  readonly kind?: 'micro' | 'stacked';
  /** OB 3.0 `Evidence` entries. */
  readonly evidence?: readonly Record<string, unknown>[];
  /** OB 3.0 `Result` entries for `credentialSubject.result`. */
  readonly results?: readonly Record<string, unknown>[];
  /** Credentials a stacked credential was built from. */
  readonly parts?: readonly string[];
  /** Achievements the credential builds on, added to its alignments (stacked credentials). */
  readonly relatedAchievements?: readonly { name: string; url: string }[];
  readonly actor: IssuanceActor;
}

/** Why a status changed, as an admin gives it. */
export const statusReasonInput = text(limits.shortText).optional();

/** SHA-256 (hex) of a normalised email: the internal key that finds a learner's credentials. */
export function emailHash(address: string): string {
  return createHash('sha256').update(normaliseEmail(address), 'utf8').digest('hex');
}

export const bulkJobStatuses = ['QUEUED', 'RUNNING', 'COMPLETED', 'COMPLETED_WITH_ERRORS'] as const;
export const bulkRowStatuses = ['PENDING', 'ISSUED', 'FAILED'] as const;

export const bulkJobSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  microCredentialId: z.string(),
  status: z.enum(bulkJobStatuses),
  total: z.int().min(0),
  processed: z.int().min(0),
  succeeded: z.int().min(0),
  failed: z.int().min(0),
  /** Worker passes over the job; a pass ends at its time budget and the next resumes. */
  passes: z.int().min(0),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  completedAt: z.iso.datetime().optional(),
  createdBy: z.string(),
  version: z.int().positive(),
});
export type BulkJob = z.output<typeof bulkJobSchema>;

export const bulkRowSchema = z.object({
  jobId: z.string(),
  row: z.int().positive(),
  /** The recipient as given (may be invalid: then the row failed at intake). */
  recipient: z.record(z.string(), z.unknown()),
  status: z.enum(bulkRowStatuses),
  attempts: z.int().min(0),
  credentialId: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});
export type BulkRow = z.output<typeof bulkRowSchema>;

/** What finishing a row records. */
export type BulkRowOutcome = Pick<
  BulkRow,
  'status' | 'credentialId' | 'errorCode' | 'errorMessage'
>;

export const maxBulkRecipients = 10_000;

/**
 * Bounds on each row as given: a recipient is a flat object of a few strings, and a row that
 * fails validation is stored as given (to be reported), so it must fit an item and DynamoDB's
 * 32 levels of nesting. Checked for every row before anything is written.
 */
export const bulkRowLimits = { depth: 4, bytes: 4_096 } as const;

export const startBulkInput = z.strictObject({
  microCredentialId: identifier(),
  // Rows are validated one by one so a bad row is reported, not the whole cohort refused.
  recipients: z.array(z.unknown()).min(1, 'give at least one recipient').max(maxBulkRecipients),
  idempotencyKey: z
    .string()
    .trim()
    .min(8)
    .max(200)
    .regex(/^[A-Za-z0-9_.:-]+$/)
    .optional(),
});

/** Whether a job has nothing left to do. */
export function isFinished(job: BulkJob): boolean {
  return job.status === 'COMPLETED' || job.status === 'COMPLETED_WITH_ERRORS';
}
