import { fileURLToPath } from 'node:url';
import { Duration, Stack } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNagFindings } from './nag';
import { TesseraFunction, type TesseraFunctionProps } from './tessera-function';

/** Properties of {@link Notifications}. */
export interface NotificationsProps {
  /** What every Tessera function shares (stage, log settings). */
  readonly common: Omit<TesseraFunctionProps, 'entry' | 'serviceName' | 'description'>;
  /**
   * The address mail is sent from; its domain is the SES identity (verified by DNS records
   * CloudFormation outputs). @default `no-reply@tessera.example.com`
   */
  readonly mailFrom?: string;
  /** Functions that create deliveries (the stream worker) or replay them (the API). */
  readonly producers: readonly TesseraFunction[];
}

const entry = (name: string) =>
  fileURLToPath(new URL(`../../functions/handlers/${name}.ts`, import.meta.url));

/**
 * Emails, webhooks and reminders in AWS: an SES v2 identity for the sending domain, an SQS
 * delivery queue (with a DLQ) read by the delivery function, and a rule that runs the schedule
 * function every minute (reminders due, deliveries whose back-off ended). Producers get only
 * sqs:SendMessage on the queue; only the delivery function may send mail, from the identity.
 */
export class Notifications extends Construct {
  readonly deliveryFunction: TesseraFunction;
  readonly scheduleFunction: TesseraFunction;
  readonly deliveryQueue: Queue;
  readonly deliveryDeadLetterQueue: Queue;
  readonly identity: EmailIdentity;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);
    const mailFrom = props.mailFrom ?? 'no-reply@tessera.example.com';
    const domain = mailFrom.split('@')[1] ?? 'tessera.example.com';
    this.identity = new EmailIdentity(this, 'MailIdentity', {
      identity: Identity.domain(domain),
    });

    this.deliveryDeadLetterQueue = new Queue(this, 'DeliveryDeadLetterQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledgeNagFindings(this.deliveryDeadLetterQueue, {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the delivery queue.',
    });
    this.deliveryQueue = new Queue(this, 'DeliveryQueue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the delivery function's timeout, as Lambda advises for SQS sources.
      visibilityTimeout: Duration.seconds(180),
      deadLetterQueue: { queue: this.deliveryDeadLetterQueue, maxReceiveCount: 5 },
    });

    this.deliveryFunction = new TesseraFunction(this, 'Delivery', {
      ...props.common,
      entry: entry('delivery'),
      serviceName: 'tessera-delivery',
      description: 'Tessera deliveries: emails through SES and signed webhooks, with back-off',
      timeout: Duration.seconds(30),
      memorySize: 512,
    });
    this.deliveryFunction.addEventSource(
      new SqsEventSource(this.deliveryQueue, { batchSize: 10, reportBatchItemFailures: true }),
    );
    this.deliveryFunction.addEnvironment('MAIL_FROM', mailFrom);
    this.deliveryFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          Stack.of(this).formatArn({
            service: 'ses',
            resource: 'identity',
            resourceName: this.identity.emailIdentityName,
          }),
        ],
      }),
    );

    this.scheduleFunction = new TesseraFunction(this, 'Schedule', {
      ...props.common,
      entry: entry('schedule'),
      serviceName: 'tessera-schedule',
      description: 'Tessera schedule: reminders of due dates, retries of deliveries',
      timeout: Duration.seconds(60),
      memorySize: 512,
      reservedConcurrentExecutions: 1,
    });
    new Rule(this, 'EveryMinute', {
      description: 'Runs the Tessera schedule (reminders, delivery retries)',
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaTarget(this.scheduleFunction, { retryAttempts: 2 })],
    });

    for (const fn of [...props.producers, this.scheduleFunction, this.deliveryFunction]) {
      this.deliveryQueue.grantSendMessages(fn);
      fn.addEnvironment('DELIVERY_QUEUE_URL', this.deliveryQueue.queueUrl);
    }
  }

  /** The functions this construct adds, for wiring shared settings and alarms. */
  get functions(): readonly TesseraFunction[] {
    return [this.deliveryFunction, this.scheduleFunction];
  }
}
