import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Container } from '../../functions/composition/container';
import { escapeHtml } from '../../functions/core/notifications/templates/layout';
import { createDeliveryHandler } from '../../functions/handlers/delivery-handler';
import { createScheduleHandler } from '../../functions/handlers/schedule-handler';
import type { LocalDeliveryQueue } from './delivery-queue';
import type { LocalMailServer } from './mail-server';

/** The local platform's delivery queue and schedule timer. */
export interface LocalNotifications {
  /** Runs the schedule once now: reminders due, deliveries whose retry time came. */
  runSchedule(): Promise<{ reminders: number; deliveries: number }>;
  /** Waits until every delivery handed to the queue was attempted. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Feeds the local delivery queue to the same delivery handler the SQS-triggered function runs,
 * and runs the schedule handler on a timer (an EventBridge rule in AWS).
 */
export function startSchedule(
  worker: Container,
  queue: LocalDeliveryQueue,
  intervalMs: number,
): LocalNotifications {
  const deliver = createDeliveryHandler({
    deliveries: worker.notifications.deliveries,
    log: { error: (message, details) => worker.logger.error(message, details) },
  });
  queue.attach((id) => deliver({ Records: [{ body: id, messageId: id } as never] }));
  const schedule = createScheduleHandler({
    deliveries: worker.notifications.deliveries,
    reminders: worker.notifications.reminders,
  });
  let running: Promise<unknown> = Promise.resolve();
  const runSchedule = () => {
    const run = running.then(() => schedule());
    running = run.catch(() => undefined);
    return run;
  };
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          runSchedule().catch((error: unknown) =>
            worker.logger.error('Schedule run failed', { error }),
          );
        }, intervalMs)
      : undefined;
  timer?.unref();
  return {
    runSchedule,
    drain: () => queue.drained(),
    async stop() {
      if (timer) clearInterval(timer);
      await running;
      await queue.drained();
    },
  };
}

/** `/local/mail`: the local inbox page; `/local/mail.json`: the same messages as JSON. */
export function mailInboxRoutes(mail: LocalMailServer) {
  return {
    '/local/mail.json': (_request: IncomingMessage, response: ServerResponse) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(mail.messages().map(({ raw: _raw, ...message }) => message)));
    },
    '/local/mail': (_request: IncomingMessage, response: ServerResponse) => {
      const rows = [...mail.messages()]
        .reverse()
        .slice(0, 200)
        .map(
          (message) =>
            `<article><h2>${escapeHtml(message.subject)}</h2><p>To ${escapeHtml(message.to.join(', '))} · ${escapeHtml(message.receivedAt)}</p><pre>${escapeHtml(message.text)}</pre></article>`,
        )
        .join('<hr>');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="en"><head><title>Local mail</title></head><body style="font-family:sans-serif"><h1>Local mail (${mail.messages().length})</h1><p>Also written as .eml files to ${escapeHtml(mail.folder ?? 'memory only')}.</p>${rows}</body></html>`,
      );
    },
  };
}
