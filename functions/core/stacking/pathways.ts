import type { Principal } from '../auth/principal';
import { emailHash } from '../issuance/model';
import type { PathwayProgress, Stack } from './model';
import type { StackRepository } from './ports';
import { learnerOf, progressOn, type LearnerWallets } from './wallet';

export interface PathwaysDeps {
  readonly stacks: Pick<StackRepository, 'listByPart'>;
  readonly wallets: LearnerWallets;
}

/** Learners see where they stand on the stacks their credentials count toward. */
export class Pathways {
  constructor(private readonly deps: PathwaysDeps) {}

  /** For each stack the caller holds a part of, what counts and what remains. */
  async pathways(principal: Principal): Promise<PathwayProgress[]> {
    const learner = learnerOf(principal, 'Pathways');
    const wallet = await this.deps.wallets.read(emailHash(learner.email));
    const holdings = this.deps.wallets.storedHoldings(wallet);
    const stacks = new Map<string, Stack>();
    for (const key of new Set(holdings.map((holding) => holding.partKey)))
      for (const stack of await this.deps.stacks.listByPart(key)) stacks.set(stack.id, stack);
    return [...stacks.values()]
      .map((stack) => progressOn(stack, wallet, holdings))
      .sort((a, b) => b.held.length / b.needed - a.held.length / a.needed);
  }
}
