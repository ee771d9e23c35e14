import * as z from 'zod';

/**
 * A fact the platform records when state changes (a QA step decided, a design published, a
 * credential issued). Events are written in the same transaction as the change, so they are
 * never lost or invented; the stream worker and the API read them.
 */
export const domainEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  institutionId: z.string(),
  aggregateType: z.string(),
  aggregateId: z.string(),
  occurredAt: z.iso.datetime(),
  actor: z.object({ kind: z.string(), id: z.string() }),
  /** The payload's version (see `defineEvent`); the item's `version`, so old events read as 1. */
  version: z.int().positive().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type DomainEvent = z.output<typeof domainEventSchema>;
