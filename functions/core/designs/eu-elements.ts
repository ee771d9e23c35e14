/**
 * The EU (Council Recommendation 2022/C 243/02, Annex I) and Ontario micro-credential elements
 * OB 3.0 has no property for, held as data rather than free text: how learning is assessed,
 * supervised and identity-checked, the type of quality assurance, credit and transcript
 * status, prerequisites, integration and stacking options, and the languages of instruction.
 * Participation form and workload are the design's `participationForm` and `workload`.
 * Issued achievements carry them as terms of Tessera's extension context
 * (core/credential/extension-context.ts).
 */
import * as z from 'zod';
import { ConflictError, ValidationError } from '../shared/errors';
import { languageTag, limits, requiredText, text } from '../shared/validation';

/** EU "type of assessment", enumerated; `detail` says more in words. */
export const assessmentMethods = [
  'EXAMINATION',
  'PROJECT',
  'PORTFOLIO',
  'PRACTICAL_DEMONSTRATION',
  'PRESENTATION',
  'WRITTEN_ASSIGNMENT',
  'WORKPLACE_OBSERVATION',
  'PEER_ASSESSMENT',
  'SELF_ASSESSMENT',
  'RECOGNITION_OF_PARTS',
  'OTHER',
] as const;

/** EU "supervision … during assessment". */
export const supervisionKinds = [
  'SUPERVISED_ON_SITE',
  'SUPERVISED_ONLINE',
  'UNSUPERVISED',
] as const;

/** EU "… and identity verification during assessment". */
export const identityVerificationKinds = ['ON_SITE', 'ONLINE', 'NONE'] as const;

/** EU "type of quality assurance used to underpin the micro-credential". */
export const qualityAssuranceTypes = [
  'INTERNAL',
  'EXTERNAL',
  'INTERNAL_AND_EXTERNAL',
  'ACCREDITED_PROGRAM',
] as const;

export const designElementsSchema = z.strictObject({
  assessment: z.strictObject({
    methods: z
      .array(z.enum(assessmentMethods))
      .min(1, 'name at least one assessment method')
      .max(assessmentMethods.length)
      .refine((methods) => new Set(methods).size === methods.length, 'methods must be unique'),
    detail: text(limits.description).optional(),
  }),
  supervision: z.enum(supervisionKinds),
  identityVerification: z.enum(identityVerificationKinds),
  qualityAssurance: z.strictObject({
    type: z.enum(qualityAssuranceTypes),
    detail: text(limits.shortText).optional(),
  }),
  /** Ontario: bears academic credit toward a credential of the institution. */
  creditBearing: z.boolean(),
  /** Ontario: recorded on the learner's official transcript. */
  transcriptable: z.boolean(),
  prerequisites: z.array(requiredText(limits.shortText)).max(10).default([]),
  integrationOptions: text(limits.description).optional(),
  stackingOptions: text(limits.description).optional(),
  /** Every language of instruction (BCP 47); the design's `language` must be among them. */
  languages: z
    .array(languageTag())
    .min(1, 'name at least one language of instruction')
    .max(10)
    .refine((tags) => new Set(tags).size === tags.length, 'languages must be unique'),
});
export type DesignElements = z.output<typeof designElementsSchema>;

/** Where elements and the rest of a design disagree; empty when they are consistent. */
export function elementProblems(content: {
  readonly language: string;
  readonly elements?: DesignElements;
}): { path: string; message: string }[] {
  const elements = content.elements;
  if (!elements) return [];
  return elements.languages.includes(content.language)
    ? []
    : [
        {
          path: 'input.elements.languages',
          message: `must include the design's language (${content.language})`,
        },
      ];
}

/** Refuses a design whose elements contradict the rest of it (code DESIGN_ELEMENTS_INVALID). */
export function checkElements(content: Parameters<typeof elementProblems>[0]): void {
  const problems = elementProblems(content);
  if (problems.length) {
    throw new ValidationError(
      `The design's micro-credential elements are inconsistent: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}.`,
      problems,
      'DESIGN_ELEMENTS_INVALID',
    );
  }
}

/**
 * The QA gate's rule: a design enters review only with its micro-credential elements stated
 * (code DESIGN_ELEMENTS_REQUIRED), so every approved, and so every issued, version has them.
 */
export function checkElementsForReview(content: {
  readonly language: string;
  readonly elements?: DesignElements;
}): void {
  if (!content.elements) {
    throw new ConflictError(
      'DESIGN_ELEMENTS_REQUIRED',
      'Before review, state the micro-credential elements: assessment methods, supervision, identity verification, type of quality assurance, credit and transcript status, prerequisites and languages of instruction.',
    );
  }
  checkElements(content);
}
