import * as z from 'zod';
import { defineEvent } from '../shared/domain-events';
import { componentKinds } from '../designs/micro-credential';

/** Every enrolment event names its enrolment and the design it leads to. */
const enrolment = z.object({ enrolmentId: z.string(), microCredentialId: z.string() });
const evidence = enrolment.extend({
  component: z.enum(componentKinds),
  submissionId: z.string(),
});

export const EnrolmentCreated = defineEvent({
  name: 'enrolment.created',
  version: 1,
  aggregateType: 'Enrolment',
  schema: enrolment,
});

export const EvidenceSubmitted = defineEvent({
  name: 'evidence.submitted',
  version: 1,
  aggregateType: 'Enrolment',
  schema: evidence.extend({ round: z.int().positive() }),
});

export const EvidenceAccepted = defineEvent({
  name: 'evidence.accepted',
  version: 1,
  aggregateType: 'Enrolment',
  schema: evidence,
});

export const EvidenceReturned = defineEvent({
  name: 'evidence.returned',
  version: 1,
  aggregateType: 'Enrolment',
  schema: evidence,
});

/** Every component was accepted: the worker awards the credential. */
export const EnrolmentCompleted = defineEvent({
  name: 'enrolment.completed',
  version: 1,
  aggregateType: 'Enrolment',
  schema: enrolment,
});

export const EnrolmentAwarded = defineEvent({
  name: 'enrolment.awarded',
  version: 1,
  aggregateType: 'Enrolment',
  schema: enrolment.extend({
    credentialId: z.string(),
    designVersion: z.int().positive(),
    /** False when the evidence could not be attached and the credential was issued without. */
    evidenceAttached: z.boolean(),
  }),
});

/** Issuing the award failed for a reason a retry will not fix (the error is recorded). */
export const EnrolmentAwardFailed = defineEvent({
  name: 'enrolment.award_failed',
  version: 1,
  aggregateType: 'Enrolment',
  schema: enrolment.extend({ code: z.string(), message: z.string() }),
});

export const learningEvents = [
  EnrolmentCreated,
  EvidenceSubmitted,
  EvidenceAccepted,
  EvidenceReturned,
  EnrolmentCompleted,
  EnrolmentAwarded,
  EnrolmentAwardFailed,
] as const;
