import * as z from 'zod';
import { defineEvent } from '../shared/domain-events';

/**
 * Reminders the schedule raises when a due date comes near or passes. They are domain events
 * like any other, so the messages and the webhooks of the notifications module read them the
 * same way; each is recorded at most once (its id is derived from what it reminds of).
 */
const dueStep = z.object({
  microCredentialId: z.string(),
  stepKey: z.string(),
  dueAt: z.iso.datetime(),
});

export const QaStepDueSoon = defineEvent({
  name: 'reminder.qa_step_due',
  version: 1,
  aggregateType: 'Review',
  schema: dueStep,
});

export const QaStepOverdue = defineEvent({
  name: 'reminder.qa_step_overdue',
  version: 1,
  aggregateType: 'Review',
  schema: dueStep,
});

export const CredentialExpiring = defineEvent({
  name: 'reminder.credential_expiring',
  version: 1,
  aggregateType: 'Credential',
  schema: z.object({ validUntil: z.iso.datetime() }),
});

export const EndorsementExpiring = defineEvent({
  name: 'reminder.endorsement_expiring',
  version: 1,
  aggregateType: 'Endorsement',
  schema: z.object({
    partnerId: z.string(),
    microCredentialId: z.string(),
    validUntil: z.iso.datetime(),
  }),
});

export const reminderEvents = [
  QaStepDueSoon,
  QaStepOverdue,
  CredentialExpiring,
  EndorsementExpiring,
] as const;
