import { loadConfig } from '../composition/config';
import { createContainer } from '../composition/container';
import { createApiHandler } from './api-handler';

// Cold start: validate the environment once and build the clients at module scope.
const container = createContainer(loadConfig(process.env));

export const handler = createApiHandler(container);
