import type { Stack } from './model';
import type { StackRepository } from './ports';

export interface PublicStacksDeps {
  readonly stacks: Pick<StackRepository, 'get' | 'listByPart' | 'listByTarget'>;
}

/**
 * Stacks as anyone may see them: what a pathway is made of, its rule and the credential it
 * leads to. No learner data; retired stacks are not shown.
 */
export class PublicStacks {
  constructor(private readonly deps: PublicStacksDeps) {}

  /** An active stack, or null (retired and unknown alike). */
  async find(id: string): Promise<Stack | null> {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return null;
    const stack = await this.deps.stacks.get(id);
    return stack?.status === 'ACTIVE' ? stack : null;
  }

  /** The active stacks a design is a part of, and those whose stacked credential it is. */
  async ofDesign(microCredentialId: string): Promise<{ partOf: Stack[]; leadsTo: Stack[] }> {
    const [partOf, leadsTo] = await Promise.all([
      this.deps.stacks.listByPart(microCredentialId),
      this.deps.stacks.listByTarget(microCredentialId),
    ]);
    const active = (stacks: Stack[]) => stacks.filter((stack) => stack.status === 'ACTIVE');
    return { partOf: active(partOf), leadsTo: active(leadsTo) };
  }
}
