import * as z from 'zod';
import { ValidationError } from '../shared/errors';
import { httpUrl, identifier, languageTag, limits, requiredText, text } from '../shared/validation';
import { designElementsSchema } from './eu-elements';

export * from './eu-elements';

/** Open Badges 3.0 `AchievementType` vocabulary (the spec's enumeration, extensible with `ext:`). */
export const achievementTypes = [
  'Achievement',
  'ApprenticeshipCertificate',
  'Assessment',
  'Assignment',
  'AssociateDegree',
  'Award',
  'Badge',
  'BachelorDegree',
  'Certificate',
  'CertificateOfCompletion',
  'Certification',
  'CommunityService',
  'Competency',
  'Course',
  'CoCurricular',
  'Degree',
  'Diploma',
  'DoctoralDegree',
  'Fieldwork',
  'GeneralEducationDevelopment',
  'JourneymanCertificate',
  'LearningProgram',
  'License',
  'Membership',
  'ProfessionalDoctorate',
  'QualityAssuranceCredential',
  'MasterCertificate',
  'MasterDegree',
  'MicroCredential',
  'ResearchDoctorate',
  'SecondarySchoolDiploma',
] as const;
export type AchievementType = (typeof achievementTypes)[number];

/** Open Badges 3.0 `AlignmentTargetType`, named so every value is a valid GraphQL enum name. */
export const alignmentTargetTypes = {
  CEASN_COMPETENCY: 'ceasn:Competency',
  CETERMS_CREDENTIAL: 'ceterms:Credential',
  CF_ITEM: 'CFItem',
  CF_RUBRIC: 'CFRubric',
  CF_RUBRIC_CRITERION: 'CFRubricCriterion',
  CF_RUBRIC_CRITERION_LEVEL: 'CFRubricCriterionLevel',
  CTDL: 'CTDL',
} as const;
export type AlignmentTargetType = keyof typeof alignmentTargetTypes;

/** EU "form of participation in the learning activity". */
export const participationForms = [
  'ONLINE',
  'ONSITE',
  'BLENDED',
  'WORK_BASED',
  'VOLUNTEERING',
] as const;
export type ParticipationForm = (typeof participationForms)[number];

/** The three components every micro-credential is earned through (see the framework seeds). */
export const componentKinds = ['EDUCATIONAL', 'DEMONSTRATION', 'REFLECTIVE'] as const;
export type ComponentKind = (typeof componentKinds)[number];

/** A competency the micro-credential certifies, aligned to a framework (OB 3.0 `Alignment`). */
export const competencySchema = z.strictObject({
  name: requiredText(limits.name),
  description: text(limits.shortText).optional(),
  /** Name of the framework, e.g. `ESCO`, `SFIA 8`, `Ontario Skills Passport`. */
  framework: text(limits.name).optional(),
  /** The competency's code inside the framework. */
  code: text(100).optional(),
  url: httpUrl(),
  type: z.enum(Object.keys(alignmentTargetTypes) as [AlignmentTargetType]).optional(),
});
export type Competency = z.infer<typeof competencySchema>;

/** Level within a qualifications framework, e.g. EQF 5. */
export const levelSchema = z.strictObject({
  framework: requiredText(100),
  value: requiredText(50),
  name: text(limits.name).optional(),
});
export type Level = z.infer<typeof levelSchema>;

/** Notional learning time (the EU element "workload"), in hours and/or ECTS credits. */
export const workloadSchema = z
  .strictObject({
    hours: z.number().positive().max(10_000).optional(),
    ects: z.number().positive().max(240).multipleOf(0.5).optional(),
  })
  .refine((value) => value.hours !== undefined || value.ects !== undefined, {
    message: 'give hours, ECTS credits, or both',
  });
export type Workload = z.infer<typeof workloadSchema>;

/** A level of a component's rubric (OB 3.0 `RubricCriterionLevel`). */
export const rubricLevelSchema = z.strictObject({
  id: identifier(),
  name: requiredText(limits.name),
  description: text(limits.shortText).optional(),
  points: z.number().min(0).max(1_000).optional(),
});
export type RubricLevel = z.infer<typeof rubricLevelSchema>;

export const componentSchema = z.strictObject({
  title: requiredText(limits.name),
  description: text(limits.description).optional(),
  /** What the learner must show for this component to be accepted (markdown). */
  criteria: requiredText(limits.narrative),
  /** Guidance on the evidence to submit (formats, length, examples). */
  evidenceGuidance: text(limits.description).optional(),
  /** Optional rubric: the assessor picks a level when accepting (an OB 3.0 `ResultDescription`). */
  rubric: z
    .array(rubricLevelSchema)
    .min(2, 'a rubric needs at least two levels')
    .max(10)
    .refine(
      (levels) => new Set(levels.map((level) => level.id)).size === levels.length,
      'level ids must be unique',
    )
    .optional(),
});
export type Component = z.infer<typeof componentSchema>;

export const componentsSchema = z.strictObject({
  educational: componentSchema,
  demonstration: componentSchema,
  reflective: componentSchema,
});
export type Components = z.infer<typeof componentsSchema>;

export const imageSchema = z.strictObject({
  url: httpUrl(),
  /** Alternative text for people who cannot see the image. */
  caption: text(limits.shortText).optional(),
});
export type DesignImage = z.infer<typeof imageSchema>;

/**
 * Everything an institution says about a micro-credential design: an OB 3.0 `Achievement` plus
 * the EU micro-credential elements (learning outcomes, workload, level, assessment type, form
 * of participation, language, validity). The awarding body, country, learner, date and quality
 * assurance come from the institution, the credential and the QA review respectively.
 */
export const designContentSchema = z.strictObject({
  name: requiredText(limits.name),
  description: requiredText(limits.description),
  /** The criteria narrative (markdown) shown in the credential's `achievement.criteria`. */
  criteria: requiredText(limits.narrative),
  achievementType: z.enum(achievementTypes).default('MicroCredential'),
  learningOutcomes: z
    .array(requiredText(limits.shortText))
    .min(1, 'list at least one learning outcome')
    .max(limits.learningOutcomes),
  competencies: z.array(competencySchema).max(limits.competencies).default([]),
  level: levelSchema.optional(),
  workload: workloadSchema,
  language: languageTag().default('en'),
  assessmentType: requiredText(limits.name),
  participationForm: z.enum(participationForms),
  prerequisites: text(limits.description).optional(),
  image: imageSchema.optional(),
  tags: z.array(requiredText(limits.tag)).max(limits.tags).default([]),
  /** Course or program code, e.g. `MCR-101` (OB 3.0 `humanCode`). */
  humanCode: text(100).optional(),
  fieldOfStudy: text(limits.name).optional(),
  specialization: text(limits.name).optional(),
  /** How long a credential earned under this design stays valid; absent means no expiry. */
  validityMonths: z.int().min(1).max(600).optional(),
  components: componentsSchema,
  /** The EU and Ontario elements as data; required before review (see eu-elements.ts). */
  elements: designElementsSchema.optional(),
});
export type DesignContent = z.output<typeof designContentSchema>;

/**
 * Most bytes a design's content may take (UTF-8 JSON). Each field has its own limit, but a
 * design at every limit at once (or in 3-byte characters) would pass 400 KB, and credentials
 * embed the content twice (JSON-LD and JWT) in one DynamoDB item, which stops at 400 KB.
 */
export const maxDesignBytes = 100_000;

/** Refuses a design whose content as a whole is larger than {@link maxDesignBytes}. */
export function checkDesignSize(content: DesignContent): void {
  const bytes = new TextEncoder().encode(JSON.stringify(content)).length;
  if (bytes > maxDesignBytes) {
    throw new ValidationError(
      `The design takes ${bytes} bytes; at most ${maxDesignBytes} are allowed. Shorten its narratives or lists.`,
      [{ path: 'input', message: `is larger than ${maxDesignBytes} bytes in all` }],
      'DESIGN_TOO_LARGE',
    );
  }
}

export const createMicroCredentialInput = designContentSchema.extend({
  institutionId: identifier(),
});

/** An update names only the fields that change; lists are replaced whole. */
export const updateMicroCredentialInput = designContentSchema
  .partial()
  .extend({
    // Partial objects would silently drop nested required fields; these replace whole.
    components: componentsSchema.optional(),
    workload: workloadSchema.optional(),
    achievementType: z.enum(achievementTypes).optional(),
    language: languageTag().optional(),
    competencies: z.array(competencySchema).max(limits.competencies).optional(),
    tags: z.array(requiredText(limits.tag)).max(limits.tags).optional(),
    elements: designElementsSchema.optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: 'must change at least one field',
  });

/**
 * Lifecycle of the working version of a design. DRAFT → IN_REVIEW → APPROVED → PUBLISHED,
 * with CHANGES_REQUESTED (back to the author) and REJECTED (review ended) on the way, and
 * RETIRED when the institution stops issuing it.
 */
export const designStatuses = [
  'DRAFT',
  'IN_REVIEW',
  'CHANGES_REQUESTED',
  'APPROVED',
  'REJECTED',
  'PUBLISHED',
  'RETIRED',
] as const;
export type DesignStatus = (typeof designStatuses)[number];

/** Where the issuable (published) version of a design is, if any. */
export const publishedPointerSchema = z.object({
  designVersion: z.int().positive(),
  publishedAt: z.iso.datetime(),
});
export type PublishedPointer = z.output<typeof publishedPointerSchema>;

/** A micro-credential design: its working version, plus a pointer to the published one. */
export const microCredentialSchema = z.object({
  id: z.string().min(1),
  institutionId: z.string().min(1),
  /** Content of the working version (the one being edited or reviewed). */
  content: designContentSchema,
  /** Number of the working version: 1 at creation, +1 each time a settled design is edited. */
  designVersion: z.int().positive(),
  status: z.enum(designStatuses),
  published: publishedPointerSchema.optional(),
  /** The QA review of the working version, once submitted. */
  currentReviewId: z.string().optional(),
  retiredAt: z.iso.datetime().optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  createdBy: z.string(),
  /** Optimistic-concurrency counter of this record; every update names the version it read. */
  version: z.int().positive(),
});
export type MicroCredential = z.output<typeof microCredentialSchema>;

/** The quality-assurance record of an approved design version (an EU micro-credential element). */
export const qualityAssuranceSchema = z.object({
  reviewId: z.string(),
  workflowName: z.string(),
  workflowVersion: z.int().positive(),
  approvedAt: z.iso.datetime(),
  /** Each approved step: what was decided, by which role, when. */
  steps: z.array(
    z.object({ key: z.string(), name: z.string(), role: z.string(), decidedAt: z.iso.datetime() }),
  ),
});
export type QualityAssurance = z.output<typeof qualityAssuranceSchema>;

export const snapshotStatuses = [
  'IN_REVIEW',
  'CHANGES_REQUESTED',
  'APPROVED',
  'REJECTED',
  'PUBLISHED',
  'SUPERSEDED',
] as const;
export type SnapshotStatus = (typeof snapshotStatuses)[number];

/**
 * A design version as submitted for review: the content reviewers decided on, frozen. Approved
 * versions keep their QA record forever, so a credential's achievement can always be traced
 * to its approval, even after newer versions are published.
 */
export const designVersionSchema = z.object({
  microCredentialId: z.string(),
  institutionId: z.string(),
  designVersion: z.int().positive(),
  content: designContentSchema,
  contentDigest: z.string(),
  status: z.enum(snapshotStatuses),
  reviewId: z.string(),
  submittedAt: z.iso.datetime(),
  qualityAssurance: qualityAssuranceSchema.optional(),
  publishedAt: z.iso.datetime().optional(),
  supersededAt: z.iso.datetime().optional(),
  version: z.int().positive(),
});
export type DesignVersion = z.output<typeof designVersionSchema>;

/** Statuses whose snapshot is QA-approved (and so may be, or may have been, issued). */
export function isApprovedSnapshot(status: SnapshotStatus): boolean {
  return status === 'APPROVED' || status === 'PUBLISHED' || status === 'SUPERSEDED';
}

/**
 * Statuses of a version that was published (and so may have been issued): what the public
 * achievement URLs serve. An approved version the institution has not published is not public.
 */
export function wasPublishedSnapshot(status: SnapshotStatus): boolean {
  return status === 'PUBLISHED' || status === 'SUPERSEDED';
}

/** Statuses in which the working version may be edited in place. */
const editableInPlace: readonly DesignStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];
/** Statuses whose working version is settled: editing starts the next version. */
const startsNewVersion: readonly DesignStatus[] = ['APPROVED', 'PUBLISHED', 'REJECTED'];

export type EditOutcome =
  | { readonly kind: 'in-place' }
  | { readonly kind: 'new-version' }
  | { readonly kind: 'refused'; readonly code: string; readonly reason: string };

/** Decides what an edit of a design in `status` does (pure rule, tested on its own). */
export function editOutcome(status: DesignStatus): EditOutcome {
  if (editableInPlace.includes(status)) return { kind: 'in-place' };
  if (startsNewVersion.includes(status)) return { kind: 'new-version' };
  if (status === 'IN_REVIEW') {
    return {
      kind: 'refused',
      code: 'DESIGN_IN_REVIEW',
      reason: 'The design is under review; it can be edited when changes are requested.',
    };
  }
  return { kind: 'refused', code: 'DESIGN_RETIRED', reason: 'A retired design cannot be edited.' };
}
