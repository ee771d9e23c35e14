import { Worker } from 'node:worker_threads';
import { documentLoader } from '../../functions/adapters/proofs/contexts';

/** jsonld.js as published, canonicalizing in a worker thread of its own. */
export interface StockJsonLd {
  canonize(document: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the worker; contexts are served from Tessera's bundled document loader, so a
 * difference in the N-Quads can only come from the processing.
 */
export function startStockJsonLd(): StockJsonLd {
  const worker = new Worker(new URL('./stock-jsonld-worker.js', import.meta.url));
  const pending = new Map<number, { resolve(nquads: string): void; reject(error: Error): void }>();
  let next = 0;
  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'context') {
      documentLoader(message.url).then(
        (loaded) => worker.postMessage({ kind: 'context', request: message.request, loaded }),
        (error: unknown) =>
          worker.postMessage({ kind: 'context', request: message.request, error: String(error) }),
      );
      return;
    }
    const call = pending.get(message.id)!;
    pending.delete(message.id);
    if (message.error === undefined) call.resolve(message.nquads!);
    else call.reject(new Error(message.error));
  });
  return {
    canonize: (document) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ kind: 'canonize', id, document });
      }),
    stop: () => worker.terminate().then(() => undefined),
  };
}

type WorkerMessage =
  | { kind: 'context'; request: number; url: string }
  | { kind: 'result'; id: number; nquads?: string; error?: string };
