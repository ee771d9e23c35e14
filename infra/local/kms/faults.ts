/**
 * Failure injection for the local KMS endpoint: tests and benchmarks make chosen operations
 * fail the way AWS KMS fails under load or in an outage, to exercise retries and error mapping.
 */
import * as z from 'zod';
import { KmsError } from './protocol';

export const kmsOperations = [
  'CreateKey',
  'DescribeKey',
  'GetPublicKey',
  'Sign',
  'Verify',
  'ListKeys',
  'CreateAlias',
  'UpdateAlias',
  'DeleteAlias',
  'ListAliases',
  'TagResource',
  'UntagResource',
  'ListResourceTags',
  'EnableKey',
  'DisableKey',
  'ScheduleKeyDeletion',
  'CancelKeyDeletion',
] as const;

export type KmsOperation = (typeof kmsOperations)[number];

export const injectableErrors = [
  'ThrottlingException',
  'KMSInternalException',
  'DependencyTimeoutException',
  'DisabledException',
] as const;

export type InjectableError = (typeof injectableErrors)[number];

/** How AWS KMS sends each injectable failure: its HTTP status and a message like AWS's. */
const errorResponses: Readonly<Record<InjectableError, { status: number; message: string }>> = {
  ThrottlingException: {
    status: 400,
    message:
      'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.',
  },
  KMSInternalException: { status: 500, message: 'An internal error occurred.' },
  DependencyTimeoutException: {
    status: 500,
    message: 'The system timed out while trying to fulfill the request.',
  },
  DisabledException: { status: 400, message: 'The key is disabled.' },
};

export const faultSchema = z.object({
  operation: z.enum([...kmsOperations, '*']),
  error: z.enum(injectableErrors),
  /** How many matching calls fail; without it, every matching call fails until cleared. */
  times: z.number().int().positive().optional(),
  /** Matching calls that succeed before the fault starts (e.g. 1: the second Sign fails). */
  after: z.number().int().nonnegative().optional(),
});

export type KmsFault = z.infer<typeof faultSchema>;

/** What tests hold to make the endpoint fail. */
export interface KmsFaults {
  /** Makes the next `times` calls of `operation` (`'*'`: any operation) fail with `error`. */
  inject(fault: KmsFault): void;
  /** Removes every injected fault. */
  clear(): void;
}

interface ActiveFault {
  readonly operation: KmsOperation | '*';
  readonly error: InjectableError;
  remaining: number;
  skip: number;
}

/** Faults in injection order; the oldest one matching a call is the one that fires. */
export class FaultTable implements KmsFaults {
  private faults: ActiveFault[] = [];

  inject(fault: KmsFault): void {
    const parsed = faultSchema.parse(fault);
    this.faults.push({
      operation: parsed.operation,
      error: parsed.error,
      remaining: parsed.times ?? Number.POSITIVE_INFINITY,
      skip: parsed.after ?? 0,
    });
  }

  clear(): void {
    this.faults = [];
  }

  /** The error the call of `operation` must fail with, if a fault matches; uses up one time. */
  take(operation: KmsOperation): KmsError | undefined {
    const fault = this.faults.find((f) => f.operation === '*' || f.operation === operation);
    if (!fault) return undefined;
    if (fault.skip > 0) {
      fault.skip -= 1;
      return undefined;
    }
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    const { status, message } = errorResponses[fault.error];
    return new KmsError(fault.error, message, status);
  }
}
