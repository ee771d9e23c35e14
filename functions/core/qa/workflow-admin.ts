import { authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import { ConflictError } from '../shared/errors';
import type { Clock } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import type { QaWorkflow } from './model';
import type { QaWorkflowRepository } from './ports';
import { currentWorkflow, updateQaWorkflowInput } from './workflow';

export interface QaWorkflowAdminDeps {
  readonly workflows: QaWorkflowRepository;
  readonly clock: Clock;
}

/** An institution's QA workflow: reading it and storing new versions of it. */
export class QaWorkflowAdmin {
  constructor(private readonly deps: QaWorkflowAdminDeps) {}

  /** The workflow new reviews start with (the default until the institution changes it). */
  async workflow(principal: Principal, institutionId: string): Promise<QaWorkflow> {
    authorize(principal, 'qa.workflow.read', { institutionId });
    return currentWorkflow(this.deps.workflows, institutionId);
  }

  /** Stores a new workflow version; reviews under way keep the steps they started with. */
  async updateWorkflow(
    principal: Principal,
    institutionId: string,
    expectedVersion: number,
    input: unknown,
  ): Promise<QaWorkflow> {
    authorize(principal, 'qa.workflow.update', { institutionId });
    const { name, steps } = parseInput(updateQaWorkflowInput, input);
    const current = await currentWorkflow(this.deps.workflows, institutionId);
    if (current.workflowVersion !== expectedVersion) {
      throw new ConflictError(
        'VERSION_CONFLICT',
        `The workflow is at version ${current.workflowVersion}, not ${expectedVersion}.`,
      );
    }
    const workflow: QaWorkflow = {
      institutionId,
      workflowVersion: current.workflowVersion + 1,
      name,
      steps,
      isDefault: false,
      createdAt: this.deps.clock.now().toISOString(),
      createdBy: actorOf(principal).id,
    };
    await this.deps.workflows.add(workflow);
    return workflow;
  }
}
