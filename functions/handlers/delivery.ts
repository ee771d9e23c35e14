import { loadConfig } from '../composition/config';
import { createContainer } from '../composition/container';
import { createDeliveryHandler } from './delivery-handler';

// Cold start: validate the environment once.
const container = createContainer(loadConfig(process.env), { role: 'worker' });

export const handler = createDeliveryHandler({
  deliveries: container.notifications.deliveries,
  log: { error: (message, details) => container.logger.error(message, details) },
});
