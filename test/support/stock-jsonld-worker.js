// Canonicalizes with jsonld.js as published, in a worker thread: its own module instances, so
// nothing Tessera changes in the main thread's jsonld.js (jsonld-shared-terms.ts) reaches it.
// Plain JavaScript: a worker thread runs outside the test runner's TypeScript transform.
import { parentPort } from 'node:worker_threads';
import jsonld from 'jsonld';

const pendingContexts = new Map();
let nextRequest = 0;

/** Contexts come from the main thread's bundled document loader, as Tessera's own do. */
function documentLoader(url) {
  const request = nextRequest++;
  return new Promise((resolve, reject) => {
    pendingContexts.set(request, { resolve, reject });
    parentPort.postMessage({ kind: 'context', request, url });
  });
}

parentPort.on('message', (message) => {
  if (message.kind === 'context') {
    const pending = pendingContexts.get(message.request);
    pendingContexts.delete(message.request);
    if (message.error) pending.reject(new Error(message.error));
    else pending.resolve(message.loaded);
    return;
  }
  jsonld
    .canonize(message.document, {
      documentLoader,
      safe: true,
      canonizeOptions: { algorithm: 'RDFC-1.0', maxWorkFactor: 1 },
    })
    .then(
      (nquads) => parentPort.postMessage({ kind: 'result', id: message.id, nquads }),
      (error) => parentPort.postMessage({ kind: 'result', id: message.id, error: String(error) }),
    );
});
