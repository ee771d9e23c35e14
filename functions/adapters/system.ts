import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../core/shared/runtime';

export const systemClock: Clock = { now: () => new Date() };

/** Random UUIDs (v4): unguessable, so an id never reveals how many of anything exist. */
export const uuidGenerator: IdGenerator = { newId: () => randomUUID() };
