import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { didWebLoader } from '../support/independent-verifier';
import * as load from './load';

export interface DccBaselineInput {
  /** Verified in turn, `requests` in all (each once when there are as many). */
  readonly credentials: readonly Record<string, unknown>[];
  readonly requests: number;
  readonly concurrency: number;
  /** Verified first and not measured (JIT, the DID document's fetch). */
  readonly warmupCredentials?: readonly Record<string, unknown>[];
}

/**
 * The DCC / Digital Bazaar verifier (as test/support/independent-verifier wires it) verifying
 * credentials, given its best case: bundled contexts, and the did:web document fetched over HTTP
 * once and then served from memory (an offline loader). Run it through `runInWorkerThread`, so
 * that it uses jsonld.js as published.
 */
export function measureDccVerification(input: DccBaselineInput): Promise<load.LoadResult> {
  const resolved = new Map<string, Promise<unknown>>();
  const documentLoader = (url: string) => {
    let document = resolved.get(url);
    if (!document) {
      document = didWebLoader(url);
      resolved.set(url, document);
    }
    return document;
  };
  const verifyOne = async (credential: Record<string, unknown>) => {
    const result = await vc.verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader,
      checkStatus: () => Promise.resolve({ verified: true }),
    });
    if (!result.verified) throw new Error(`DCC vc did not verify: ${String(result.error)}`);
  };
  const warmups = input.warmupCredentials ?? [];
  let next = 0;
  let warmed = 0;
  const verify = () =>
    warmed < warmups.length
      ? verifyOne(warmups[warmed++]!)
      : verifyOne(input.credentials[next++ % input.credentials.length]!);
  return load.run(verify, { ...input, warmup: warmups.length });
}
