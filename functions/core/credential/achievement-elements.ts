import type { DesignContent } from '../designs/model';
import type { JsonObject } from './document';

/**
 * The EU and Ontario elements of a design as properties of its OB 3.0 `Achievement`, named by
 * Tessera's extension context (core/credential/extension-context.ts). ECTS credits are OB 3.0's
 * own `creditsAvailable` and the main language its `inLanguage`, set by the achievement itself.
 * A design stated before the elements were data has none (its criteria narrative has them).
 */
export function achievementElements(content: DesignContent): JsonObject {
  const elements = content.elements;
  if (!elements) return {};
  return {
    assessmentMethods: [...elements.assessment.methods],
    assessmentDetail: elements.assessment.detail ?? content.assessmentType,
    participationForm: content.participationForm,
    assessmentSupervision: elements.supervision,
    identityVerification: elements.identityVerification,
    qualityAssuranceType: elements.qualityAssurance.type,
    creditBearing: elements.creditBearing,
    transcriptable: elements.transcriptable,
    ...(elements.prerequisites.length ? { prerequisites: [...elements.prerequisites] } : {}),
    ...(elements.integrationOptions ? { integrationOptions: elements.integrationOptions } : {}),
    ...(elements.stackingOptions ? { stackingOptions: elements.stackingOptions } : {}),
    instructionLanguages: [...elements.languages],
    ...(content.workload.hours !== undefined ? { workloadHours: content.workload.hours } : {}),
  };
}

/** Whether an achievement built from `content` uses the extension context's terms. */
export function usesExtensionTerms(content: DesignContent): boolean {
  return content.elements !== undefined;
}
