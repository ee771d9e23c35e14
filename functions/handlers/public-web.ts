import { loadConfig } from '../composition/config';
import { createContainer } from '../composition/container';
import { createPublicWebHandler } from './public-web-handler';

// The canonicalization worker threads run the bundle's second entry point, written beside this
// one (`lambdaBuildOptions`): this module is the entry, so `import.meta.url` is the bundle's
// `index.mjs`.
const canonicalizationWorker = { url: new URL('./canonicalization-worker.mjs', import.meta.url) };

// Cold start: validate the environment once and build the clients at module scope.
const container = createContainer(loadConfig(process.env), {
  role: 'public-web',
  canonicalizationWorker,
});

export const handler = createPublicWebHandler(container);
