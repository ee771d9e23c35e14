import * as z from 'zod';
import { defineEvent } from '../shared/domain-events';

/** A new issuing institution was registered. */
export const InstitutionCreated = defineEvent({
  name: 'institution.created',
  version: 1,
  aggregateType: 'Institution',
  schema: z.object({ name: z.string() }),
});

export const institutionEvents = [InstitutionCreated] as const;
