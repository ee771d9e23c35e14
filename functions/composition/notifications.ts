import { lazily } from '../adapters/aws-clients';
import { DynamoDbBulkJobRepository } from '../adapters/dynamodb/bulk-job-repository';
import { DynamoDbEndorsementRepository } from '../adapters/dynamodb/endorsement-repository';
import { DynamoDbLearningRepository } from '../adapters/dynamodb/learning-repository';
import {
  DynamoDbDeliveryRepository,
  DynamoDbPreferenceRepository,
  DynamoDbReminderRepository,
  DynamoDbWebhookSubscriptionRepository,
  eventRecorder,
} from '../adapters/dynamodb/notification-repository';
import { DynamoDbPartnerRepository } from '../adapters/dynamodb/partner-repository';
import { SesMailSender } from '../adapters/mail/ses-mail-sender';
import { SmtpMailSender } from '../adapters/mail/smtp-mail-sender';
import { SqsDeliveryQueue } from '../adapters/sqs/sqs-delivery-queue';
import { HttpWebhookSender, webhookTargetCheck } from '../adapters/webhooks/http-webhook-sender';
import { DeliveryAttempts } from '../core/notifications/delivery';
import { EventNotifications } from '../core/notifications/notify';
import type { DeliveryQueue, NotificationDirectory } from '../core/notifications/ports';
import { NotificationPreferencesService } from '../core/notifications/preferences';
import { Reminders } from '../core/notifications/reminders';
import { WebhookSubscriptions } from '../core/notifications/webhooks';
import type { Runtime, Stores } from './runtime';

/** Failures listed in a bulk job's message at most. */
const listedFailures = 20;

/**
 * What notifications read of other modules, from their stores. Staff addresses: the platform
 * keeps no directory of staff people yet (they sign in through the identity provider), so
 * messages for issuer admins, assessors and QA reviewers go to the institution's contact
 * address, the one address the institution gave for such mail.
 */
function directoryOf(rt: Runtime, stores: Stores): NotificationDirectory {
  return { ...learnerSide(rt, stores), ...staffSide(rt, stores) };
}

/** Credentials, enrolments and reviews. */
function learnerSide(
  rt: Runtime,
  stores: Stores,
): Pick<NotificationDirectory, 'credential' | 'enrolment' | 'feedback' | 'review'> {
  const learning = new DynamoDbLearningRepository(rt.table);
  return {
    async credential(id) {
      const record = await stores.credentials.get(id);
      if (!record) return null;
      return {
        recipientEmail: record.recipient.email,
        ...(record.recipient.name ? { recipientName: record.recipient.name } : {}),
        achievementName: record.achievementName,
        institutionId: record.institutionId,
        microCredentialId: record.microCredentialId,
        designVersion: record.designVersion,
        status: record.status,
        ...(record.validUntil ? { validUntil: record.validUntil } : {}),
      };
    },
    async enrolment(id) {
      const enrolment = await learning.getEnrolment(id);
      if (!enrolment) return null;
      return {
        learnerEmail: enrolment.learnerEmail,
        ...(enrolment.learnerName ? { learnerName: enrolment.learnerName } : {}),
        designName: enrolment.designName,
        microCredentialId: enrolment.microCredentialId,
        designVersion: enrolment.designVersion,
      };
    },
    async feedback(submissionId) {
      return (await learning.getSubmission(submissionId))?.assessment?.feedback ?? null;
    },
    async review(id) {
      const review = await stores.qa.get(id);
      if (!review) return null;
      const current = review.steps[review.currentStepIndex];
      return {
        designName: review.designName,
        ...(review.submittedBy.email ? { authorEmail: review.submittedBy.email } : {}),
        steps: review.steps.map(({ key, name, role }) => ({ key, name, role })),
        status: review.status,
        ...(current ? { currentStepKey: current.key } : {}),
        ...(review.currentStepDueAt ? { currentStepDueAt: review.currentStepDueAt } : {}),
      };
    },
  };
}

/** Designs, partners, institutions, endorsements, bulk jobs and staff addresses. */
function staffSide(
  rt: Runtime,
  stores: Stores,
): Omit<NotificationDirectory, 'credential' | 'enrolment' | 'feedback' | 'review'> {
  const partners = new DynamoDbPartnerRepository(rt.table);
  const endorsements = new DynamoDbEndorsementRepository(rt.table);
  const jobs = new DynamoDbBulkJobRepository(rt.table);
  return {
    async designName(id) {
      return (await stores.designs.get(id))?.content.name ?? null;
    },
    async partner(id) {
      const partner = await partners.get(id);
      return partner
        ? { name: partner.name, ...(partner.email ? { email: partner.email } : {}) }
        : null;
    },
    async institution(id) {
      const institution = await stores.institutions.get(id);
      return institution
        ? { name: institution.name, ...(institution.email ? { email: institution.email } : {}) }
        : null;
    },
    async endorsement(id) {
      const endorsement = await endorsements.get(id);
      if (!endorsement) return null;
      return {
        partnerId: endorsement.partnerId,
        institutionId: endorsement.institutionId,
        targetId: endorsement.target.id,
        active: endorsement.status === 'ACTIVE',
        ...(endorsement.expiresOn ? { expiresOn: endorsement.expiresOn } : {}),
      };
    },
    async bulkJob(id) {
      const job = await jobs.get(id);
      if (!job) return null;
      const failed = await jobs.rows(id, { limit: listedFailures }, 'FAILED');
      return {
        total: job.total,
        succeeded: job.succeeded,
        failed: job.failed,
        failures: failed.items.map((row) => ({
          row: row.row,
          message: row.errorMessage ?? row.errorCode ?? 'failed',
        })),
      };
    },
    async staff(institutionId) {
      const institution = await stores.institutions.get(institutionId);
      return institution?.email ? [institution.email] : [];
    },
  };
}

/** The queue deliveries go through: SQS in AWS, or the one the local platform passes. */
function queueOf(rt: Runtime, local: DeliveryQueue | undefined): DeliveryQueue {
  const url = rt.config.DELIVERY_QUEUE_URL;
  if (url)
    return new SqsDeliveryQueue(
      lazily(async () => {
        const { SQSClient } = await import('@aws-sdk/client-sqs');
        return new SQSClient({ region: rt.config.AWS_REGION });
      }),
      url,
    );
  // Without a queue the schedule's sweep finds new deliveries in the outbox (a minute later).
  return local ?? { enqueue: () => Promise.resolve() };
}

function mailOf(rt: Runtime) {
  const { SMTP_URL, MAIL_FROM, SES_CONFIGURATION_SET, AWS_REGION } = rt.config;
  if (SMTP_URL) return new SmtpMailSender(SMTP_URL, MAIL_FROM);
  return new SesMailSender(
    lazily(async () => {
      const { SESv2Client } = await import('@aws-sdk/client-sesv2');
      return new SESv2Client({ region: AWS_REGION });
    }),
    MAIL_FROM,
    SES_CONFIGURATION_SET,
  );
}

/** Messages, webhooks and reminders: the notifications module wired to its adapters. */
export function notificationModules(rt: Runtime, stores: Stores, localQueue?: DeliveryQueue) {
  const { clock, ids, urls, table } = rt;
  const deliveries = new DynamoDbDeliveryRepository(table);
  const subscriptions = new DynamoDbWebhookSubscriptionRepository(table);
  const preferences = new DynamoDbPreferenceRepository(table);
  const directory = directoryOf(rt, stores);
  const queue = queueOf(rt, localQueue);
  const network = {
    allowPrivateNetworks: rt.config.STAGE === 'local' || rt.config.STAGE === 'test',
  };
  return {
    events: new EventNotifications({
      directory,
      deliveries,
      subscriptions,
      preferences,
      queue,
      urls,
      clock,
    }),
    deliveries: new DeliveryAttempts({
      deliveries,
      subscriptions,
      mail: mailOf(rt),
      webhooks: new HttpWebhookSender(network),
      queue,
      clock,
    }),
    webhooks: new WebhookSubscriptions({
      subscriptions,
      deliveries,
      queue,
      checkTarget: webhookTargetCheck(network),
      clock,
      ids,
    }),
    preferences: new NotificationPreferencesService({ preferences, clock }),
    reminders: new Reminders({
      reminders: new DynamoDbReminderRepository(table),
      directory,
      recordEvents: eventRecorder(table),
      clock,
    }),
  };
}
export type NotificationModules = ReturnType<typeof notificationModules>;
