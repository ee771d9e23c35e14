import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, DynamoTable } from '../../functions/adapters/dynamodb/table';
import { CanonicalizationPool } from '../../functions/adapters/proofs/canonicalization-pool';
import { hashData } from '../../functions/adapters/proofs/eddsa-rdfc-2022';
import { CachingProofVerifier } from '../../functions/adapters/proofs/proof-verifier';
import { storesOf } from '../../functions/composition/runtime';
import { verificationPorts } from '../../functions/composition/verification';
import { ed25519RawFromSpki } from '../../functions/core/keys/model';
import type { CredentialRecord } from '../../functions/core/credential/credential';
import { freshBudget } from '../../functions/core/verification/model';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;

/**
 * The hashData of a credential's proof is stored with its record when it is signed: a verifier
 * in another process (which never saw the signing) checks the stored JSON, or JSON identical to
 * it, without canonicalizing; anything else canonicalizes as before.
 */
describe('proof hash data stored at issuance', () => {
  let t: TestPlatform;
  let record: CredentialRecord;
  let publicKeyRaw: Uint8Array;
  let stores: ReturnType<typeof storesOf>;

  beforeAll(async () => {
    t = await startTestPlatform();
    const { institutionId, designId, qa } = await t.publishedDesign();
    const { issueCredential } = await t.api.call<{ issueCredential: { id: string } }>(
      `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`,
      { input: { microCredentialId: designId, recipient: { email: 'hash@example.org' } } },
      qa.admin,
    );
    const { container, config } = t.platform;
    stores = storesOf(
      new DynamoTable(createDocumentClient(container.clients.dynamodb), config.TABLE_NAME),
    );
    record = (await stores.credentials.get(issueCredential.id))!;
    const keys = await stores.signingKeys.list({
      ownerKind: 'institution',
      ownerId: institutionId,
    });
    const key = keys.find((candidate) => candidate.keyId === record.signingKeys.dataIntegrity)!;
    publicKeyRaw = ed25519RawFromSpki(Buffer.from(key.publicKeySpki, 'base64'));
  });

  afterAll(() => t?.stop());

  it('is the hashData that canonicalizing the stored credential gives', async () => {
    const { proofValue: _value, ...proofConfig } = record.credential.proof as Json;
    const canonical = await hashData(record.credential, proofConfig);
    expect(record.proofHash).toBe(canonical.toString('base64'));
  });

  it('lets a verifier that may not canonicalize at all check the stored JSON and only it', async () => {
    // A process of its own: a fresh memo, and a pool that refuses every job (no budget left).
    const pool = new CanonicalizationPool({ script: { url: new URL('data:text/javascript,') } });
    const proofs = new CachingProofVerifier(pool);
    verificationPorts(
      {
        credentials: stores.credentials,
        keys: stores.signingKeys,
        snapshots: stores.qa,
        statusLists: { get: () => Promise.resolve(null) },
        withdrawn: () => Promise.resolve(false),
      },
      proofs,
      {},
      t.platform.container.urls,
    );
    const noCanonicalization = { ...freshBudget(), canonicalizationMs: 0 };
    // The JSON as a holder presents it: parsed again, not the stored object.
    const presented = JSON.parse(JSON.stringify(record.credential)) as Json;
    await expect(
      proofs.verifyDataIntegrity(presented, publicKeyRaw, noCanonicalization),
    ).resolves.toBe(true);

    const changed = { ...presented, name: `${String(presented.name)} (copy)` };
    await expect(
      proofs.verifyDataIntegrity(changed, publicKeyRaw, noCanonicalization),
    ).rejects.toThrow(/longer than a verification may spend/);
    await pool.close();
  });
});
