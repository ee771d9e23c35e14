import { loadConfig } from '../composition/config';
import { createContainer } from '../composition/container';
import { createWalletsHandler } from './wallets-handler';

// Cold start: validate the environment once and build the clients at module scope.
const container = createContainer(loadConfig(process.env), { role: 'public-web' });

export const handler = createWalletsHandler(container);
