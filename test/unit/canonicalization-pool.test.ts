import { afterAll, describe, expect, it } from 'vitest';
import {
  CanonicalizationLimitError,
  CanonicalizationPool,
} from '../../functions/adapters/proofs/canonicalization-pool';
import { hashData } from '../../functions/adapters/proofs/eddsa-rdfc-2022';
import { freshBudget } from '../../functions/core/verification/model';
import { localCanonicalizationWorker } from '../../infra/local/platform';
import {
  elsewhereProofConfig,
  manyEndorsements,
  openBadgeFrom,
} from '../support/costly-credentials';

const script = localCanonicalizationWorker;
const proofConfig = elsewhereProofConfig;

describe('the canonicalization pool', () => {
  const pools: CanonicalizationPool[] = [];
  const pool = (options: { heapMb?: number } = {}) => {
    const created = new CanonicalizationPool({ script, size: 1, ...options });
    pools.push(created);
    return created;
  };
  afterAll(() => Promise.all(pools.map((created) => created.close())));

  it('computes the same hashData as the calling thread, charging the time to the budget', async () => {
    const credential = openBadgeFrom('did:example:elsewhere');
    const budget = freshBudget();

    const data = await pool().hashData(credential, proofConfig, budget);

    expect(data).toEqual(await hashData(credential, proofConfig));
    expect(budget.canonicalizationMs).toBeLessThan(freshBudget().canonicalizationMs);
  });

  it('stops a job at the end of its budget, ending its thread, and goes on with a new one', async () => {
    const threads = pool();
    const costly = manyEndorsements(100);

    const stopped = threads.hashData(costly, proofConfig, { canonicalizationMs: 20, fetches: 0 });
    await expect(stopped).rejects.toBeInstanceOf(CanonicalizationLimitError);
    const next = await threads.hashData(openBadgeFrom('did:example:x'), proofConfig, freshBudget());

    expect(next).toHaveLength(64);
  });

  it('stops a job whose thread needs more memory than allowed', async () => {
    const small = pool({ heapMb: 24 });

    // Far more than a verifier may send (1 MB), in many strings: the thread's heap bounds it.
    // (One huge allocation could abort the whole process instead, which V8 does not guard
    // against: the input limits keep every value small.)
    const huge = openBadgeFrom('did:example:elsewhere', {
      tag: Array.from({ length: 3_000 }, (_, index) => String(index).padEnd(20_000, 'x')),
    });

    const stopped = small.hashData(huge, proofConfig, freshBudget());

    await expect(stopped).rejects.toThrow(/needs more than the 24 MB allowed/);
  });

  it('refuses a job whose request has no time left, without running it', async () => {
    const refused = pool().hashData(openBadgeFrom('did:example:x'), proofConfig, {
      canonicalizationMs: 0,
      fetches: 0,
    });

    await expect(refused).rejects.toBeInstanceOf(CanonicalizationLimitError);
  });
});
