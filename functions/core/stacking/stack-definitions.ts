import * as z from 'zod';
import { authorize, authorizeOrHide, requireSignedIn } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import type { InstitutionRepository } from '../institutions/ports';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import type { Clock, IdGenerator } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import { StackDefined, StackRetired } from './events';
import { defineStackInput, partKey, type Stack, type StackPart } from './model';
import type { StackRepository } from './ports';

export interface StackDefinitionsDeps {
  readonly stacks: StackRepository;
  readonly designs: Pick<MicroCredentialRepository, 'get'>;
  readonly institutions: Pick<InstitutionRepository, 'get'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

type StackRequest = z.output<typeof defineStackInput>;
type Problem = { path: string; message: string };

const retireInput = z.strictObject({ expectedVersion: z.int().positive() });

/**
 * Institutions define stacks (all of a set, N of M, or an ordered chain, over their own designs
 * or achievements issued elsewhere) and retire them.
 */
export class StackDefinitions {
  constructor(private readonly deps: StackDefinitionsDeps) {}

  /** Defines a stack, refusing impossible rules, unknown or foreign parts, and cycles. */
  async define(principal: Principal, input: unknown): Promise<Stack> {
    const request = parseInput(defineStackInput, input);
    authorize(principal, 'stack.define', { institutionId: request.institutionId });
    const institution = await this.deps.institutions.get(request.institutionId);
    if (!institution) throw new NotFoundError('Institution', request.institutionId);
    const target = await this.deps.designs.get(request.microCredentialId);
    if (!target || target.institutionId !== request.institutionId) {
      throw new ValidationError(
        "The stacked credential must be one of the institution's designs.",
        [{ path: 'input.microCredentialId', message: 'is not a design of this institution' }],
        'STACK_TARGET_INVALID',
      );
    }
    const problems: Problem[] = [];
    if (target.status === 'RETIRED')
      problems.push({ path: 'input.microCredentialId', message: 'is retired' });
    const allowExternal = institution.settings.allowExternalStackParts;
    const parts = await this.parts(request, allowExternal, problems);
    const keys = parts.map(partKey);
    problems.push(...ruleProblems(request, keys));
    if (problems.length)
      throw new ValidationError('The stack rule is not valid.', problems, 'STACK_INVALID');
    if (await this.createsCycle(request.microCredentialId, keys)) {
      throw new ValidationError(
        'The stack would make a cycle: its credential is already needed, at some depth, by one of its parts.',
        [{ path: 'input.parts', message: 'forms a cycle' }],
        'STACK_CYCLE',
      );
    }
    const stack: Stack = {
      id: this.deps.ids.newId(),
      institutionId: request.institutionId,
      name: request.name,
      ...(request.description ? { description: request.description } : {}),
      microCredentialId: request.microCredentialId,
      rule: request.rule,
      required: request.rule === 'N_OF_M' ? request.required! : parts.length,
      parts,
      onPartRevoked: request.onPartRevoked,
      status: 'ACTIVE',
      createdAt: this.deps.clock.now().toISOString(),
      createdBy: actorOf(principal).id,
      version: 1,
    };
    await this.deps.stacks.add(stack, [this.event(principal, stack, StackDefined)]);
    return stack;
  }

  /** Retires a stack: no new stacked credentials; those already issued are untouched. */
  async retire(principal: Principal, id: string, input: unknown): Promise<Stack> {
    const { expectedVersion } = parseInput(retireInput, input);
    const stack = await this.requireStack(id);
    authorize(principal, 'stack.define', { institutionId: stack.institutionId });
    if (stack.version !== expectedVersion)
      throw new ConflictError(
        'VERSION_CONFLICT',
        `Stack changed since version ${expectedVersion}; reload it and try again.`,
      );
    if (stack.status === 'RETIRED') return stack;
    const next: Stack = {
      ...stack,
      status: 'RETIRED',
      retiredAt: this.deps.clock.now().toISOString(),
      version: stack.version + 1,
    };
    await this.deps.stacks.update(next, stack.version, [this.event(principal, next, StackRetired)]);
    return next;
  }

  /** An institution's stacks, for its staff. */
  async list(principal: Principal, institutionId: string): Promise<Stack[]> {
    authorize(principal, 'stack.read', { institutionId });
    return this.deps.stacks.listByInstitution(institutionId);
  }

  async get(principal: Principal, id: string): Promise<Stack> {
    requireSignedIn(principal);
    const stack = await this.requireStack(id);
    authorizeOrHide(principal, 'stack.read', { institutionId: stack.institutionId }, 'Stack', id);
    return stack;
  }

  /** The parts as stored, noting in `problems` those that are foreign, retired or not allowed. */
  private async parts(
    request: StackRequest,
    allowExternal: boolean,
    problems: Problem[],
  ): Promise<StackPart[]> {
    const parts: StackPart[] = [];
    for (const [index, part] of request.parts.entries()) {
      if (!('microCredentialId' in part)) {
        if (!allowExternal)
          problems.push({
            path: `input.parts.${index}`,
            message: 'credentials from other issuers are not allowed by this institution',
          });
        parts.push({ kind: 'EXTERNAL', achievementId: part.achievementId, name: part.name });
        continue;
      }
      const design = await this.deps.designs.get(part.microCredentialId);
      if (!design || design.institutionId !== request.institutionId)
        problems.push({
          path: `input.parts.${index}.microCredentialId`,
          message: 'is not a design of this institution',
        });
      else if (design.status === 'RETIRED')
        problems.push({ path: `input.parts.${index}.microCredentialId`, message: 'is retired' });
      parts.push({
        kind: 'DESIGN',
        microCredentialId: part.microCredentialId,
        name: design?.content.name ?? part.microCredentialId,
      });
    }
    return parts;
  }

  /** True when a part, at any depth of the stacks below it, is the target itself. */
  private async createsCycle(target: string, partKeys: readonly string[]): Promise<boolean> {
    const seen = new Set<string>();
    const queue = [...partKeys];
    while (queue.length) {
      const key = queue.shift()!;
      if (key === target) return true;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const stack of await this.deps.stacks.listByTarget(key))
        if (stack.status === 'ACTIVE') queue.push(...stack.parts.map(partKey));
    }
    return false;
  }

  private async requireStack(id: string): Promise<Stack> {
    const stack = await this.deps.stacks.get(id);
    if (!stack) throw new NotFoundError('Stack', id);
    return stack;
  }

  private event(
    principal: Principal,
    stack: Stack,
    definition: typeof StackDefined | typeof StackRetired,
  ): DomainEvent {
    return definition.create(
      { stackId: stack.id, microCredentialId: stack.microCredentialId, rule: stack.rule },
      {
        id: this.deps.ids.newId(),
        institutionId: stack.institutionId,
        aggregateId: stack.id,
        occurredAt: this.deps.clock.now().toISOString(),
        actor: actorOf(principal),
      },
    );
  }
}

/** What is wrong with the rule itself: repeated parts, the target as a part, N out of range. */
function ruleProblems(request: StackRequest, keys: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  if (new Set(keys).size !== keys.length)
    problems.push({ path: 'input.parts', message: 'lists a part twice' });
  if (keys.includes(request.microCredentialId))
    problems.push({
      path: 'input.parts',
      message: 'cannot contain the stacked credential itself',
    });
  if (request.rule === 'N_OF_M') {
    if (request.required === undefined)
      problems.push({ path: 'input.required', message: 'is required for N_OF_M' });
    else if (request.required > keys.length)
      problems.push({
        path: 'input.required',
        message: `cannot exceed the ${keys.length} parts listed`,
      });
  } else if (request.required !== undefined) {
    problems.push({ path: 'input.required', message: 'applies only to N_OF_M' });
  }
  return problems;
}
