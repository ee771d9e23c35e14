// Entry of a worker thread running TypeScript source (the local runner and the tests): registers
// tsx's loader, which a worker thread does not inherit, then loads the module named in
// `workerData.module`. Plain JavaScript: nothing loads TypeScript before it. In AWS the threads
// run the bundle's own entry instead (`lambdaBundle.workerEntries`).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
