import { loadConfig } from '../composition/config';
import { createContainer } from '../composition/container';
import { createWorkerHandler } from './worker-handler';

// The canonicalization worker threads run the bundle's second entry point, written beside this
// one (`lambdaBuildOptions`): this module is the entry, so `import.meta.url` is the bundle's
// `index.mjs`.
const canonicalizationWorker = { url: new URL('./canonicalization-worker.mjs', import.meta.url) };

// Cold start: validate the environment once; the worker is the only role that creates keys.
const container = createContainer(loadConfig(process.env), {
  role: 'worker',
  canonicalizationWorker,
});

export const handler = createWorkerHandler({
  reactions: container.reactions,
  log: { error: (message, details) => container.logger.error(message, details) },
});
