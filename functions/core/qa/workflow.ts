import * as z from 'zod';
import { identifier, limits, requiredText, text } from '../shared/validation';

/** Kinds of information a QA step may require from the author. */
export const requiredFieldKinds = ['TEXT', 'URL'] as const;

export const requiredFieldSchema = z.strictObject({
  /** Stable key the author supplies a value under, e.g. `conceptForm`. */
  key: identifier(),
  label: requiredText(limits.name),
  kind: z.enum(requiredFieldKinds).default('TEXT'),
});
export type RequiredField = z.output<typeof requiredFieldSchema>;

export const qaStepSchema = z.strictObject({
  /** Stable key of the step within the workflow, e.g. `board-approval`. */
  key: identifier(),
  name: requiredText(limits.name),
  description: text(limits.description).optional(),
  /** The QA role that decides this step, e.g. `senior-management`. */
  role: identifier(),
  /** Days the deciders have once the step starts; absent means no due date. */
  dueWithinDays: z.int().min(1).max(365).optional(),
  /** Information that must be supplied before the step can be approved. */
  requiredFields: z.array(requiredFieldSchema).max(10).default([]),
});
export type QaStep = z.output<typeof qaStepSchema>;

export const qaStepsSchema = z
  .array(qaStepSchema)
  .min(1, 'a workflow needs at least one step')
  .max(20)
  .superRefine((steps, context) => {
    const seen = new Set<string>();
    steps.forEach((step, index) => {
      if (seen.has(step.key)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: `duplicate step key ${step.key}`,
        });
      }
      seen.add(step.key);
      const fieldKeys = step.requiredFields.map((field) => field.key);
      if (new Set(fieldKeys).size !== fieldKeys.length) {
        context.addIssue({
          code: 'custom',
          path: [index, 'requiredFields'],
          message: 'duplicate field key',
        });
      }
    });
  });

export const updateQaWorkflowInput = z.strictObject({
  name: requiredText(limits.name),
  steps: qaStepsSchema,
});

/** An institution's QA workflow, as data. Every change stores a new version. */
export const qaWorkflowSchema = z.object({
  institutionId: z.string(),
  workflowVersion: z.int().positive(),
  name: z.string(),
  steps: z.array(qaStepSchema),
  /** True for the built-in default an institution has not changed yet. */
  isDefault: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
});
export type QaWorkflow = z.output<typeof qaWorkflowSchema>;

/**
 * The default workflow every institution starts with, modelled on the framework seeds
 * (concept → assessment within 2–4 weeks → senior management → advisory team development →
 * full proposal review → board approval).
 */
export function defaultQaWorkflow(institutionId: string, createdAt: string): QaWorkflow {
  return {
    institutionId,
    workflowVersion: 1,
    name: 'Micro-credential approval',
    isDefault: true,
    createdAt,
    createdBy: 'platform',
    steps: [
      {
        key: 'concept-assessment',
        name: 'Concept assessment',
        description:
          'The curriculum committee assesses the concept form: competency-based, a summative assessment, an industry need, aligned with the education plan.',
        role: 'curriculum-committee',
        dueWithinDays: 28,
        requiredFields: [
          { key: 'conceptForm', label: 'Concept form', kind: 'URL' },
          { key: 'industryNeed', label: 'Industry need statement', kind: 'TEXT' },
        ],
      },
      {
        key: 'senior-management-endorsement',
        name: 'Senior management endorsement',
        description:
          'Senior management decides whether to support development and form an advisory team.',
        role: 'senior-management',
        dueWithinDays: 14,
        requiredFields: [],
      },
      {
        key: 'advisory-development',
        name: 'Advisory team development',
        description:
          'The advisory team leads development and, for an existing program, a curriculum quality review.',
        role: 'advisory-team',
        dueWithinDays: 56,
        requiredFields: [{ key: 'developmentPlan', label: 'Development plan', kind: 'URL' }],
      },
      {
        key: 'full-proposal-review',
        name: 'Full proposal review',
        description: 'Senior management reviews the full proposal and development plan.',
        role: 'senior-management',
        dueWithinDays: 21,
        requiredFields: [{ key: 'fullProposal', label: 'Full proposal document', kind: 'URL' }],
      },
      {
        key: 'board-approval',
        name: 'Board approval',
        description: 'The board of governors gives formal approval.',
        role: 'board',
        dueWithinDays: 42,
        requiredFields: [],
      },
    ],
  };
}
