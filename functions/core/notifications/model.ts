import * as z from 'zod';
import { httpUrl, limits, text } from '../shared/validation';

/**
 * Every kind of message the platform sends, with who receives it and whether the recipient may
 * turn it off. Status and security messages (a credential revoked, suspended or reinstated) are
 * always sent: the person must know their credential changed.
 */
export const messageKinds = {
  CREDENTIAL_AWARDED: { audience: 'learner', optional: true },
  EVIDENCE_RETURNED: { audience: 'learner', optional: true },
  CREDENTIAL_REVOKED: { audience: 'learner', optional: false },
  CREDENTIAL_SUSPENDED: { audience: 'learner', optional: false },
  CREDENTIAL_REINSTATED: { audience: 'learner', optional: false },
  CREDENTIAL_EXPIRING: { audience: 'learner', optional: true },
  EVIDENCE_WAITING: { audience: 'assessor', optional: true },
  QA_STEP_ASSIGNED: { audience: 'qa-reviewer', optional: true },
  QA_STEP_DUE: { audience: 'qa-reviewer', optional: true },
  QA_STEP_OVERDUE: { audience: 'qa-reviewer', optional: true },
  DESIGN_SENT_BACK: { audience: 'design-author', optional: true },
  DESIGN_APPROVED: { audience: 'design-author', optional: true },
  DESIGN_REJECTED: { audience: 'design-author', optional: true },
  ENDORSEMENT_INVITED: { audience: 'partner', optional: true },
  ENDORSEMENT_WITHDRAWN: { audience: 'issuer-admin', optional: true },
  ENDORSEMENT_EXPIRING: { audience: 'issuer-admin', optional: true },
  BULK_JOB_FINISHED: { audience: 'issuer-admin', optional: true },
} as const satisfies Record<string, { audience: string; optional: boolean }>;
export type MessageKind = keyof typeof messageKinds;
export const messageKindNames = Object.keys(messageKinds) as [MessageKind, ...MessageKind[]];

/** A rendered email: what the templates produce and the mail senders send. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /**
   * A stable `Message-ID` per event and recipient: if a send is repeated after a crash between
   * sending and recording it, mail systems see the same message.
   */
  readonly messageId: string;
}

/** Who an outgoing delivery goes to. */
export const deliveryChannels = ['EMAIL', 'WEBHOOK'] as const;
export const deliveryStatuses = ['PENDING', 'DELIVERED', 'DEAD'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const attemptSchema = z.object({
  at: z.iso.datetime(),
  ok: z.boolean(),
  /** HTTP status of a webhook receiver, when it answered. */
  statusCode: z.int().optional(),
  error: z.string().optional(),
});
export type DeliveryAttempt = z.output<typeof attemptSchema>;

/**
 * One message to one recipient (an email address or a webhook subscription) for one event: an
 * outbox entry. Its id is derived from the event and the recipient, so it is created at most
 * once however often the stream delivers the event; it is then delivered and retried on its own
 * schedule, never inside the transaction or the stream batch that recorded the event.
 */
export const deliverySchema = z.object({
  id: z.string(),
  channel: z.enum(deliveryChannels),
  status: z.enum(deliveryStatuses),
  eventId: z.string(),
  eventType: z.string(),
  institutionId: z.string(),
  /**
   * The message's stable id: the email `Message-ID`, the webhook `webhook-id`. Retries and
   * replays keep it, so a receiver that has the message already can tell.
   */
  messageId: z.string(),
  /** The message kind (emails). */
  kind: z.enum(messageKindNames).optional(),
  /** The address (emails) or the subscription (webhooks). */
  to: z.string().optional(),
  subscriptionId: z.string().optional(),
  subject: z.string().optional(),
  text: z.string().optional(),
  html: z.string().optional(),
  /** The JSON body (webhooks), signed afresh at each attempt. */
  payload: z.string().optional(),
  /** When the next attempt may start (also the lease of an attempt under way). */
  nextAttemptAt: z.iso.datetime(),
  attempts: z.array(attemptSchema),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().optional(),
  version: z.int().positive(),
});
export type Delivery = z.output<typeof deliverySchema>;

/**
 * Seconds to wait after each failed attempt: the Standard Webhooks recommendation (immediately,
 * 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), about 27.5 hours in all; after the last one the
 * delivery is dead-lettered (status DEAD, kept and visible, replayable).
 */
export const retryDelaysSeconds = [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000] as const;

/** How long an attempt holds a delivery before another worker may try it (a lease). */
export const attemptLeaseSeconds = 120;

/** At most this many attempts are kept on a delivery (its log). */
export const maxLoggedAttempts = 20;

/** Domain event types a webhook may subscribe to (`*` for all its owner's events). */
export const eventTypePattern = /^(\*|[a-z_]+(\.([a-z_]+|\*)){1,3})$/;

export const webhookOwnerKinds = ['institution', 'partner'] as const;
export type WebhookOwnerKind = (typeof webhookOwnerKinds)[number];

/** A receiver subscribed to an owner's events. Its secret signs each delivery. */
export const webhookSubscriptionSchema = z.object({
  id: z.string(),
  ownerKind: z.enum(webhookOwnerKinds),
  ownerId: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string().optional(),
  /** `whsec_` + base64 key (Standard Webhooks); never returned after it is shown once. */
  secret: z.string(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.int().positive(),
});
export type WebhookSubscription = z.output<typeof webhookSubscriptionSchema>;

export const subscribeInput = z.strictObject({
  /** The institution (issuer admins) or partner (partner admins) whose events are sent. */
  institutionId: z.string().max(100).optional(),
  partnerId: z.string().max(100).optional(),
  url: httpUrl(),
  eventTypes: z
    .array(
      z
        .string()
        .max(100)
        .regex(eventTypePattern, 'must be an event type such as credential.issued, or *'),
    )
    .min(1)
    .max(50),
  description: text(limits.description).optional(),
});

/** Which messages a person turned off (by the hash of their normalised email). */
export const preferencesSchema = z.object({
  emailHash: z.string(),
  optedOut: z.array(z.enum(messageKindNames)),
  updatedAt: z.iso.datetime(),
  version: z.int().positive(),
});
export type NotificationPreferences = z.output<typeof preferencesSchema>;

export const preferenceInput = z.strictObject({
  kind: z.enum(messageKindNames),
  enabled: z.boolean(),
});

export const reminderKinds = [
  'QA_STEP_DUE',
  'QA_STEP_OVERDUE',
  'CREDENTIAL_EXPIRING',
  'ENDORSEMENT_EXPIRING',
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/**
 * A reminder to raise at `remindAt`, scheduled when the thing with a due date appears (a QA
 * step starts, a credential or an endorsement with an end date is issued). Its id is derived
 * from what it reminds of, so it is scheduled once; when it fires, the schedule checks that it
 * still applies (the step still waits, the credential is still active) before raising it.
 */
export const reminderSchema = z.object({
  id: z.string(),
  kind: z.enum(reminderKinds),
  institutionId: z.string(),
  aggregateId: z.string(),
  remindAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  microCredentialId: z.string().optional(),
  stepKey: z.string().optional(),
  partnerId: z.string().optional(),
  version: z.int().positive(),
});
export type Reminder = z.output<typeof reminderSchema>;

/** Reminders before a due date: QA steps two days ahead, expiries thirty days ahead. */
export const reminderLeadDays: Readonly<Record<ReminderKind, number>> = {
  QA_STEP_DUE: 2,
  QA_STEP_OVERDUE: 0,
  CREDENTIAL_EXPIRING: 30,
  ENDORSEMENT_EXPIRING: 30,
};
