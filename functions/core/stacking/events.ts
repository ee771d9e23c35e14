import * as z from 'zod';
import { defineEvent } from '../shared/domain-events';
import { stackRuleKinds } from './model';

const stack = z.object({
  stackId: z.string(),
  microCredentialId: z.string(),
  rule: z.enum(stackRuleKinds),
});

/** A stack was defined; the worker awards it to learners who already hold its parts. */
export const StackDefined = defineEvent({
  name: 'stack.defined',
  version: 1,
  aggregateType: 'Stack',
  schema: stack,
});

export const StackRetired = defineEvent({
  name: 'stack.retired',
  version: 1,
  aggregateType: 'Stack',
  schema: stack,
});

export const stackingEvents = [StackDefined, StackRetired] as const;
