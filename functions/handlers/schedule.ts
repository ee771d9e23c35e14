import { loadConfig } from '../composition/config';
import { createContainer } from '../composition/container';
import { createScheduleHandler } from './schedule-handler';

// Cold start: validate the environment once.
const container = createContainer(loadConfig(process.env), { role: 'worker' });

export const handler = createScheduleHandler({
  deliveries: container.notifications.deliveries,
  reminders: container.notifications.reminders,
});
