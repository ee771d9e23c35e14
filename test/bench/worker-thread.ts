import { Worker } from 'node:worker_threads';

/**
 * Calls `exportName` of the module at `moduleUrl` with `input` in a worker thread and resolves
 * with what it returns. The worker has module instances of its own: a baseline measured there
 * runs its libraries as published, untouched by what Tessera changes in this thread (jsonld.js's
 * context clones, jsonld-shared-terms.ts).
 */
export function runInWorkerThread<Input, Output>(
  moduleUrl: URL,
  exportName: string,
  input: Input,
): Promise<Output> {
  const worker = new Worker(new URL('./worker-thread-entry.js', import.meta.url), {
    workerData: { moduleUrl: moduleUrl.href, exportName, input },
  });
  return new Promise<Output>((resolve, reject) => {
    worker.once('message', (result: Output) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker thread exited with code ${code}`)));
  }).finally(() => void worker.terminate());
}
