import type { DomainEvent } from '../shared/events';
import type { Page, PageRequest } from '../shared/runtime';
import type {
  Delivery,
  EmailMessage,
  NotificationPreferences,
  Reminder,
  WebhookOwnerKind,
  WebhookSubscription,
} from './model';

/** Sends one email (SMTP locally, Amazon SES in AWS). Throws when it was not accepted. */
export interface MailSender {
  send(message: EmailMessage): Promise<void>;
}

/** A webhook request as Standard Webhooks describes it: id, timestamp, JSON body. */
export interface WebhookRequest {
  readonly url: string;
  readonly secret: string;
  readonly messageId: string;
  readonly timestamp: Date;
  readonly payload: string;
}

/**
 * Posts one signed webhook request with a bounded timeout; resolves with the receiver's status
 * when it answered 2xx, throws `WebhookDeliveryFailed` otherwise.
 */
export interface WebhookSender {
  send(request: WebhookRequest): Promise<{ readonly statusCode: number }>;
}

/** Why a webhook attempt failed (the receiver's status when it answered). */
export class WebhookDeliveryFailed extends Error {
  constructor(
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
    this.name = 'WebhookDeliveryFailed';
  }
}

/**
 * Refuses (ValidationError `WEBHOOK_TARGET_FORBIDDEN`) a URL whose host is, or resolves to, an
 * address webhooks may not reach; the same guard as verification fetches.
 */
export type CheckWebhookTarget = (url: string) => Promise<void>;

/** The outbox: deliveries created once, claimed with a lease, and updated by version. */
export interface DeliveryRepository {
  /** Stores a new delivery; 'exists' when one with its id was created already. */
  create(delivery: Delivery): Promise<'created' | 'exists'>;
  get(id: string): Promise<Delivery | null>;
  /** Replaces `next.version - 1`; false when the delivery changed meanwhile (another attempt). */
  update(next: Delivery): Promise<boolean>;
  /** Pending deliveries whose next attempt is due at `now`, earliest first. */
  due(now: string, limit: number): Promise<Delivery[]>;
  /** A subscription's deliveries, newest first (its delivery log). */
  bySubscription(subscriptionId: string, page: PageRequest): Promise<Page<Delivery>>;
}

/**
 * Hands deliveries to the delivery function: SQS in AWS, an in-process queue locally. The
 * schedule also finds due deliveries in the outbox, so an id lost here is only delayed.
 */
export interface DeliveryQueue {
  enqueue(ids: readonly string[]): Promise<void>;
}

export interface WebhookSubscriptionRepository {
  create(subscription: WebhookSubscription): Promise<void>;
  get(id: string): Promise<WebhookSubscription | null>;
  /** Replaces the subscription stored at `next.version - 1` (ConflictError otherwise). */
  update(next: WebhookSubscription): Promise<void>;
  listByOwner(ownerKind: WebhookOwnerKind, ownerId: string): Promise<WebhookSubscription[]>;
}

export interface PreferenceRepository {
  get(emailHash: string): Promise<NotificationPreferences | null>;
  /** Stores preferences over `expectedVersion` (null: none stored yet); ConflictError otherwise. */
  put(preferences: NotificationPreferences, expectedVersion: number | null): Promise<void>;
}

/** Reminders by the time they are due. */
export interface ReminderRepository {
  /** Stores a reminder unless one with its id exists (then nothing changes). */
  schedule(reminder: Reminder): Promise<void>;
  /** Reminders due at `now`, earliest first. */
  due(now: string, limit: number): Promise<Reminder[]>;
  remove(reminder: Reminder): Promise<void>;
}

/** Records events the platform itself raises (reminders), each at most once by its id. */
export type RecordEvents = (events: readonly DomainEvent[]) => Promise<void>;

/** Staff who act for an institution, by platform role or QA role. */
export type StaffAudience =
  { readonly role: 'issuer-admin' | 'assessor' } | { readonly qaRole: string };

/**
 * What notifications read from other modules to address and fill a message, one function each.
 * Each returns null when the thing is gone (the message is then not sent).
 */
export interface NotificationDirectory {
  credential(id: string): Promise<{
    readonly recipientEmail: string;
    readonly recipientName?: string;
    readonly achievementName: string;
    readonly institutionId: string;
    readonly microCredentialId: string;
    readonly designVersion: number;
    readonly status: string;
    readonly validUntil?: string;
  } | null>;
  enrolment(id: string): Promise<{
    readonly learnerEmail: string;
    readonly learnerName?: string;
    readonly designName: string;
    readonly microCredentialId: string;
    readonly designVersion: number;
  } | null>;
  /** The assessor's feedback on a returned submission. */
  feedback(submissionId: string): Promise<string | null>;
  review(id: string): Promise<{
    readonly designName: string;
    readonly authorEmail?: string;
    readonly steps: readonly {
      readonly key: string;
      readonly name: string;
      readonly role: string;
    }[];
    readonly status: string;
    readonly currentStepKey?: string;
    readonly currentStepDueAt?: string;
  } | null>;
  endorsement(id: string): Promise<{
    readonly partnerId: string;
    readonly institutionId: string;
    readonly targetId: string;
    readonly active: boolean;
    readonly expiresOn?: string;
  } | null>;
  designName(microCredentialId: string): Promise<string | null>;
  partner(id: string): Promise<{ readonly name: string; readonly email?: string } | null>;
  institution(id: string): Promise<{ readonly name: string; readonly email?: string } | null>;
  bulkJob(id: string): Promise<{
    readonly total: number;
    readonly succeeded: number;
    readonly failed: number;
    readonly failures: readonly { readonly row: number; readonly message: string }[];
  } | null>;
  /** Addresses of the institution's staff in `audience`. */
  staff(institutionId: string, audience: StaffAudience): Promise<string[]>;
}
