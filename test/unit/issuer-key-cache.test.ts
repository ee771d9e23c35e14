import { describe, expect, it } from 'vitest';
import { cachingPlatformKeys } from '../../functions/core/verification/caches';
import { issuerKeyTtlMs } from '../../functions/core/verification/model';
import type { PlatformKey, PlatformKeys } from '../../functions/core/verification/ports';

const owner = { ownerKind: 'institution', ownerId: 'inst-1' } as const;

/** The key store of another instance: what the one that revoked the key wrote. */
function keyStore() {
  let status: PlatformKey['status'] = 'ACTIVE';
  let reads = 0;
  const read: PlatformKeys = () => {
    reads += 1;
    return Promise.resolve([
      { keyId: 'g1-ed25519', algorithm: 'Ed25519', publicKeySpki: 'AAAA', status },
    ]);
  };
  return {
    read,
    revoke: () => (status = 'REVOKED'),
    reads: () => reads,
  };
}

describe('issuer keys cached by an instance that did not revoke them', () => {
  it('sees a key revoked elsewhere within one second', async () => {
    expect(issuerKeyTtlMs).toBeLessThanOrEqual(1_000);
    let now = 0;
    const store = keyStore();
    const keys = cachingPlatformKeys(store.read, { now: () => now });
    expect((await keys(owner, 'g1-ed25519'))[0]!.status).toBe('ACTIVE');

    store.revoke();
    now = issuerKeyTtlMs - 1;
    // Still within the bound: the copy read before the revocation may be reused.
    expect((await keys(owner, 'g1-ed25519'))[0]!.status).toBe('ACTIVE');
    expect(store.reads()).toBe(1);

    now = issuerKeyTtlMs;
    expect((await keys(owner, 'g1-ed25519'))[0]!.status).toBe('REVOKED');
    expect(store.reads()).toBe(2);
  });

  it('sees a revocation at once on the instance whose own write revoked it', async () => {
    let writes = 0;
    const store = keyStore();
    const keys = cachingPlatformKeys(store.read, { now: () => 0, writes: () => writes });
    await keys(owner);
    store.revoke();
    writes += 1;
    expect((await keys(owner))[0]!.status).toBe('REVOKED');
  });
});
