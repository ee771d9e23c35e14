import * as z from 'zod';
import { defineEvent } from '../shared/domain-events';

/**
 * A learner imported a credential issued elsewhere into their backpack. Recorded under the
 * `learners` stream key: imports belong to a learner, not an institution.
 */
export const BackpackImported = defineEvent({
  name: 'backpack.imported',
  version: 1,
  aggregateType: 'ImportedCredential',
  schema: z.object({
    /** Null unless the credential's recipient matched the learner. */
    emailHash: z.string().nullable(),
    achievementId: z.string().nullable(),
    /** Absent on events recorded before it was added. */
    ownerId: z.string().optional(),
  }),
});

export const sharingEvents = [BackpackImported] as const;
