import * as z from 'zod';
import { componentKinds, type ComponentKind } from '../designs/micro-credential';
import { httpUrl, identifier, limits, requiredText, text } from '../shared/validation';

export const componentStatuses = ['NOT_STARTED', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;
export type ComponentStatus = (typeof componentStatuses)[number];

export const componentStateSchema = z.object({
  status: z.enum(componentStatuses),
  /** Submissions so far (1 after the first, +1 per resubmission). */
  round: z.int().min(0),
  latestSubmissionId: z.string().optional(),
  acceptedAt: z.iso.datetime().optional(),
});
export type ComponentState = z.output<typeof componentStateSchema>;

export const enrolmentStatuses = ['ACTIVE', 'COMPLETED', 'AWARD_FAILED'] as const;

/** Why the automatic award of a completed enrolment could not be made. */
export const awardFailureSchema = z.object({
  /** The stable code of the refusal, e.g. `DESIGN_RETIRED`. */
  code: z.string(),
  message: z.string(),
  failedAt: z.iso.datetime(),
});
export type AwardFailure = z.output<typeof awardFailureSchema>;

/** A learner working toward one micro-credential, with the state of each component. */
export const enrolmentSchema = z.object({
  id: z.string(),
  learnerId: z.string(),
  learnerEmail: z.string(),
  learnerName: z.string().optional(),
  microCredentialId: z.string(),
  institutionId: z.string(),
  designName: z.string(),
  designVersion: z.int().positive(),
  /**
   * ACTIVE while components are open; COMPLETED once all three are accepted (the credential
   * follows from the worker); AWARD_FAILED when the award met a rule that retrying cannot change.
   */
  status: z.enum(enrolmentStatuses),
  components: z.object({
    EDUCATIONAL: componentStateSchema,
    DEMONSTRATION: componentStateSchema,
    REFLECTIVE: componentStateSchema,
  }),
  credentialId: z.string().optional(),
  /** The design version of the credential awarded (the published one at award time). */
  awardedDesignVersion: z.int().positive().optional(),
  /**
   * False when staff had already issued this design version to the learner by hand: that
   * credential is linked as it was, without the pathway's evidence.
   */
  evidenceAttached: z.boolean().optional(),
  awardFailure: awardFailureSchema.optional(),
  enrolledAt: z.iso.datetime(),
  completedAt: z.iso.datetime().optional(),
  version: z.int().positive(),
});
export type Enrolment = z.output<typeof enrolmentSchema>;

/** Types evidence files may have: documents, images, text and media; nothing executable. */
export const allowedFileTypes = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
} as const;
export type AllowedFileType = keyof typeof allowedFileTypes;
export const maxFileBytes = 25 * 1024 * 1024;
export const maxFilesPerSubmission = 10;

/** An evidence file: metadata and digest here, the bytes in object storage. */
export const evidenceFileSchema = z.object({
  id: z.string(),
  enrolmentId: z.string(),
  learnerId: z.string(),
  institutionId: z.string(),
  name: z.string(),
  contentType: z.enum(Object.keys(allowedFileTypes) as [AllowedFileType]),
  size: z.int().positive(),
  /** Where the learner's upload URL PUTs the file. Writable until the URL expires; never served. */
  storageKey: z.string(),
  status: z.enum(['PENDING', 'UPLOADED']),
  /**
   * The platform's own copy, made when the file was confirmed: no upload URL can target it, so
   * it always holds the bytes `sha256` describes. Downloads serve only this key.
   */
  sealedKey: z.string().optional(),
  /** SHA-256 (hex) of the sealed copy, computed by the platform. */
  sha256: z.string().optional(),
  createdAt: z.iso.datetime(),
  version: z.int().positive(),
});
export type EvidenceFile = z.output<typeof evidenceFileSchema>;

export const assessmentSchema = z.object({
  decision: z.enum(['ACCEPT', 'RETURN']),
  assessorId: z.string(),
  decidedAt: z.iso.datetime(),
  feedback: z.string().optional(),
  rubricLevelId: z.string().optional(),
});

/** One round of evidence for one component. Every round is kept. */
export const submissionSchema = z.object({
  id: z.string(),
  enrolmentId: z.string(),
  learnerId: z.string(),
  institutionId: z.string(),
  microCredentialId: z.string(),
  component: z.enum(componentKinds),
  round: z.int().positive(),
  narrative: z.string(),
  links: z.array(z.object({ url: z.string(), name: z.string().optional() })),
  files: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      contentType: z.string(),
      size: z.int(),
      sha256: z.string(),
    }),
  ),
  /**
   * The narrative goes inside the credential: by default only for public evidence, and never
   * the reflective one; private evidence only when the learner says so (`narrativeChosen`).
   */
  includeNarrative: z.boolean(),
  /** The learner chose `includeNarrative` explicitly (absent on submissions made before). */
  narrativeChosen: z.boolean().optional(),
  /** The learner makes this evidence public (its page); private otherwise. */
  public: z.boolean(),
  status: z.enum(['SUBMITTED', 'ACCEPTED', 'RETURNED']),
  submittedAt: z.iso.datetime(),
  assessment: assessmentSchema.optional(),
  version: z.int().positive(),
});
export type Submission = z.output<typeof submissionSchema>;

export const uploadInput = z.strictObject({
  component: z.enum(componentKinds),
  fileName: requiredText(200).refine((name) => !/[\\/]/.test(name), 'must be a plain file name'),
  contentType: z.enum(Object.keys(allowedFileTypes) as [AllowedFileType], {
    message: `must be one of ${Object.keys(allowedFileTypes).join(', ')}`,
  }),
  size: z
    .int()
    .positive()
    .max(maxFileBytes, `must be at most ${maxFileBytes / 1024 / 1024} MB`),
});

export const submitEvidenceInput = z.strictObject({
  component: z.enum(componentKinds),
  narrative: text(limits.narrative).default(''),
  links: z
    .array(z.strictObject({ url: httpUrl(), name: text(limits.name).optional() }))
    .max(20)
    .default([]),
  fileIds: z.array(identifier()).max(maxFilesPerSubmission).default([]),
  includeNarrative: z.boolean().optional(),
  public: z.boolean().default(false),
});
export type SubmitEvidenceRequest = z.output<typeof submitEvidenceInput>;

export const assessInput = z.strictObject({
  decision: z.enum(['ACCEPT', 'RETURN']),
  feedback: text(limits.description).optional(),
  rubricLevelId: identifier().optional(),
});
export type AssessRequest = z.output<typeof assessInput>;

/** The three components of every design, in the order a pathway shows them. */
export const components: readonly ComponentKind[] = ['EDUCATIONAL', 'DEMONSTRATION', 'REFLECTIVE'];

/** Where each component sits in a design's content (`content.components[key]`). */
export const componentKey = {
  EDUCATIONAL: 'educational',
  DEMONSTRATION: 'demonstration',
  REFLECTIVE: 'reflective',
} as const;

export const componentLabel = {
  EDUCATIONAL: 'Educational',
  DEMONSTRATION: 'Demonstration',
  REFLECTIVE: 'Reflective',
} as const;

/** A file the learner may upload now, and where to. */
export interface UploadTicket {
  readonly file: EvidenceFile;
  readonly uploadUrl: string;
  readonly expiresAt: string;
  /** Headers the PUT must carry (the signed content type). */
  readonly headers: Record<string, string>;
}
