import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Stats,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Properties of {@link OperationalAlarms}. */
export interface OperationalAlarmsProps {
  /**
   * An address that receives every alarm and recovery by email.
   * @default - no subscription; subscribe on-call tooling to `topic` instead
   */
  readonly email?: string;
}

/**
 * CloudWatch alarms that tell someone when Tessera is failing, all published to one SNS topic.
 * Thresholds are "anything at all": at this platform's volume a single unhandled error, throttle
 * or dead-lettered stream batch is worth a look.
 */
export class OperationalAlarms extends Construct {
  /** Every alarm and its recovery (OK) is published here. */
  readonly topic: Topic;
  /** All alarms created so far, for dashboards and tests. */
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationalAlarmsProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    this.topic = new Topic(this, 'Topic', {
      displayName: `Tessera alarms (${stack.stackName})`,
      enforceSSL: true,
    });
    // A topic policy replaces SNS's default one, so CloudWatch must be allowed to publish
    // explicitly; only alarms of this account may.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'cloudwatch',
              resource: 'alarm',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
  }

  /** Alarms on any error (unhandled exception or timeout) and any throttle of `fn`. */
  watchFunction(name: string, fn: IFunction): void {
    this.addAlarm(`${name}Errors`, {
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: Stats.SUM }),
      description: `The ${name} function failed (unhandled error or timeout).`,
    });
    this.addAlarm(`${name}Throttles`, {
      metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: Stats.SUM }),
      description: `The ${name} function was throttled: it hit its concurrency limit.`,
    });
  }

  /** Alarms as soon as a message waits in a dead-letter queue: something was given up on. */
  watchDeadLetterQueue(name: string, queue: IQueue): void {
    this.addAlarm(`${name}Messages`, {
      metric: queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: Stats.MAXIMUM,
      }),
      description:
        `${name} holds stream batches the worker gave up on; the stream keeps their items ` +
        'for 24 hours only, so replay or investigate them now.',
    });
  }

  /**
   * Alarms when a stream consumer falls behind by more than `threshold` (records wait that long
   * before the function sees them); streams keep records for 24 hours only.
   */
  watchIteratorAge(name: string, fn: IFunction, threshold: Duration): void {
    this.addAlarm(`${name}IteratorAge`, {
      metric: fn.metric('IteratorAge', {
        period: Duration.minutes(5),
        statistic: Stats.MAXIMUM,
      }),
      threshold: threshold.toMilliseconds(),
      description:
        `The ${name} function is more than ${threshold.toHumanString()} behind the table ` +
        'stream; stacking and issuance are delayed.',
    });
  }

  /** Alarms on 5xx responses of the HTTP API (function failures and integration errors). */
  watchHttpApi(name: string, api: IHttpApi): void {
    this.addAlarm(`${name}ServerErrors`, {
      metric: api.metricServerError({ period: Duration.minutes(5), statistic: Stats.SUM }),
      description: `The ${name} HTTP API answered with server errors (5xx).`,
    });
  }

  private addAlarm(
    id: string,
    options: { metric: IMetric; description: string; threshold?: number },
  ): void {
    const alarm = new Alarm(this, id, {
      metric: options.metric,
      alarmDescription: options.description,
      threshold: options.threshold ?? 1,
      comparisonOperator:
        options.threshold === undefined
          ? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD
          : ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      // No invocations means no errors, not an unknown state.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const action = new SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push(alarm);
  }
}
