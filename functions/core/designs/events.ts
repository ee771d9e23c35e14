import * as z from 'zod';
import { defineEvent } from '../shared/domain-events';

/** A design version passed QA and is now the one credentials are issued from. */
export const DesignPublished = defineEvent({
  name: 'design.published',
  version: 1,
  aggregateType: 'MicroCredential',
  schema: z.object({
    designVersion: z.int().positive(),
    supersededVersion: z.int().positive().nullable(),
  }),
});

/** A design was retired: no new credentials are issued from it. */
export const DesignRetired = defineEvent({
  name: 'design.retired',
  version: 1,
  aggregateType: 'MicroCredential',
  schema: z.object({ reason: z.string().nullable() }),
});

export const designEvents = [DesignPublished, DesignRetired] as const;
