import * as z from 'zod';
import { limits, requiredText } from '../shared/validation';
import { qaStepSchema, type QaWorkflow } from './model';
import type { QaWorkflowRepository } from './ports';

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
      const quorum = step.quorum;
      if (quorum && (quorum.rule === 'N_OF_M') !== (quorum.approvalsRequired !== undefined)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'quorum', 'approvalsRequired'],
          message: 'give approvalsRequired with the N_OF_M rule, and only with it',
        });
      }
      if (quorum?.approvalsRequired !== undefined && quorum.approvalsRequired > quorum.members) {
        context.addIssue({
          code: 'custom',
          path: [index, 'quorum', 'approvalsRequired'],
          message: 'cannot exceed the number of members',
        });
      }
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

/** The workflow new reviews start with: the institution's latest, else the default. */
export async function currentWorkflow(
  workflows: QaWorkflowRepository,
  institutionId: string,
): Promise<QaWorkflow> {
  return (
    (await workflows.latest(institutionId)) ??
    defaultQaWorkflow(institutionId, new Date(0).toISOString())
  );
}
