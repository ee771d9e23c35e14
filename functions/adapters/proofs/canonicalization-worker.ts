import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../core/shared/errors';
import { canonize, hashData, type JsonObject } from './eddsa-rdfc-2022';

/**
 * A thread of the canonicalization pool (`canonicalization-pool.ts`): computes the hashData of
 * `eddsa-rdfc-2022` for one document at a time and posts it back with the time it took. It
 * loads jsonld.js and the bundled contexts first, then says it is ready, so that no job's time
 * includes loading them.
 */
export interface HashRequest {
  readonly id: number;
  readonly document: JsonObject;
  readonly proofConfig: JsonObject;
}

export type HashAnswer =
  | { readonly kind: 'ready' }
  | { readonly kind: 'hash'; readonly id: number; readonly data: Uint8Array; readonly ms: number }
  | {
      readonly kind: 'failed';
      readonly id: number;
      readonly code?: string;
      readonly message: string;
    };

const port = parentPort!;
await canonize({
  '@context': ['https://www.w3.org/ns/credentials/v2'],
  type: ['VerifiableCredential'],
});
port.on('message', (request: HashRequest) => {
  const started = performance.now();
  hashData(request.document, request.proofConfig).then(
    (data) =>
      port.postMessage({
        kind: 'hash',
        id: request.id,
        data,
        ms: performance.now() - started,
      } satisfies HashAnswer),
    (error: unknown) =>
      port.postMessage({
        kind: 'failed',
        id: request.id,
        // A domain error (an unknown context) keeps its code and message; jsonld.js's own are
        // summarised, as they would be shown to a verifier.
        ...(error instanceof DomainError
          ? { code: error.code, message: error.message }
          : { message: 'The credential is not valid JSON-LD in safe mode.' }),
      } satisfies HashAnswer),
  );
});
port.postMessage({ kind: 'ready' } satisfies HashAnswer);
