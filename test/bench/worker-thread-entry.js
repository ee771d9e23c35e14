// Entry of a bench worker thread (worker-thread.ts): registers the TypeScript loader the bench
// runs under, then calls one export of one module with the given input and posts its result.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { moduleUrl, exportName, input } = workerData;
const module = await import(moduleUrl);
parentPort.postMessage(await module[exportName](input));
