import * as z from 'zod';
import { defineEvent } from '../shared/domain-events';
import { ownerKinds } from '../shared/owners';

/** An owner's signing key was revoked (a replacement is requested when it was the active one). */
export const KeyRevoked = defineEvent({
  name: 'keys.revoked',
  version: 1,
  aggregateType: 'SigningKey',
  schema: z.object({
    ownerKind: z.enum(ownerKinds),
    ownerId: z.string(),
    keyId: z.string(),
    reason: z.string().nullable(),
  }),
});

/** Asks the worker to provision a generation of keys for an owner (first keys or rotation). */
export const KeyRotationRequested = defineEvent({
  name: 'keys.rotation_requested',
  version: 1,
  aggregateType: 'SigningKey',
  schema: z.object({
    ownerKind: z.enum(ownerKinds),
    ownerId: z.string(),
    generation: z.int().positive(),
  }),
});

export const keyEvents = [KeyRevoked, KeyRotationRequested] as const;
