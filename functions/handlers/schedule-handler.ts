import type { DeliveryAttempts } from '../core/notifications/delivery';
import type { Reminders } from '../core/notifications/reminders';

export interface ScheduleHandlerDeps {
  readonly deliveries: Pick<DeliveryAttempts, 'sweep'>;
  readonly reminders: Pick<Reminders, 'fire'>;
}

/**
 * The scheduled function (an EventBridge rule in AWS, a timer locally): raises the reminders
 * now due, and hands the deliveries whose retry time came to the delivery queue.
 */
export function createScheduleHandler(deps: ScheduleHandlerDeps) {
  return async (): Promise<{ reminders: number; deliveries: number }> => {
    const reminders = await deps.reminders.fire();
    const deliveries = await deps.deliveries.sweep();
    return { reminders, deliveries };
  };
}
