import { loadConfig } from '../composition/config';
import { createContainer } from '../composition/container';
import { createWorkerHandler } from './worker-handler';

// Cold start: validate the environment once; the worker is the only role that creates keys.
const container = createContainer(loadConfig(process.env), { role: 'worker' });

export const handler = createWorkerHandler({
  reactions: container.reactions,
  log: { error: (message, details) => container.logger.error(message, details) },
});
