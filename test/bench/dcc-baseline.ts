import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { didWebLoader } from '../support/independent-verifier';
import * as load from './load';

export interface DccBaselineInput {
  readonly credential: Record<string, unknown>;
  readonly requests: number;
  readonly concurrency: number;
  readonly warmup: number;
}

/**
 * The DCC / Digital Bazaar verifier (as test/support/independent-verifier wires it) verifying
 * one credential `requests` times, given its best case: bundled contexts, and the did:web
 * document fetched over HTTP once and then served from memory. Run it through
 * `runInWorkerThread`, so that it uses jsonld.js as published.
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
  const verify = async () => {
    const result = await vc.verifyCredential({
      credential: input.credential,
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      documentLoader,
      checkStatus: () => Promise.resolve({ verified: true }),
    });
    if (!result.verified) throw new Error(`DCC vc did not verify: ${String(result.error)}`);
  };
  return load.run(verify, input);
}
