import { demoDesigns, demoInstitution } from '../../infra/local/demo-content';

/** A valid CreateInstitutionInput; override any field. */
export function institutionInput(overrides: Record<string, unknown> = {}) {
  return { ...structuredClone(demoInstitution), ...overrides };
}

/** A valid CreateMicroCredentialInput for `institutionId`; override any field. */
export function designInput(institutionId: string, overrides: Record<string, unknown> = {}) {
  const [design] = demoDesigns;
  return { ...structuredClone(design!), institutionId, ...overrides };
}
