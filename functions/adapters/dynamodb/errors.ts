import {
  ConflictError,
  DependencyUnavailableError,
  DomainError,
  ValidationError,
} from '../../core/shared/errors';

const transientNames = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
  'TimeoutError',
]);

/** Node's codes for a connection that could not be made or was lost (DynamoDB unreachable). */
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : '';
}

function errorName(error: unknown): string {
  if (error instanceof Error) return error.name;
  return 'Unknown';
}

/** True when DynamoDB refused the write because a condition expression did not hold. */
export function isConditionFailure(error: unknown): boolean {
  return errorName(error) === 'ConditionalCheckFailedException';
}

/**
 * The cancellation reasons of a failed transaction, one per item in request order
 * (`None` for items that were fine). DynamoDB reports them only on TransactionCanceledException.
 */
export function cancellationReasons(error: unknown): string[] {
  if (errorName(error) !== 'TransactionCanceledException') return [];
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return (reasons ?? []).map((reason) => reason.Code ?? 'None');
}

/**
 * Translates a DynamoDB failure into the domain vocabulary. Throttling, outages and a
 * connection that cannot be made become retryable DependencyUnavailableError; a transaction that lost a race becomes ConflictError;
 * anything else is rethrown untouched (an unknown error is a bug, reported as internal).
 */
export function translateDynamoError(error: unknown, what: string): never {
  if (error instanceof DomainError) throw error;
  const name = errorName(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (
    transientNames.has(name) ||
    (error as { $retryable?: unknown }).$retryable ||
    (typeof code === 'string' && connectionCodes.has(code))
  ) {
    throw new DependencyUnavailableError(
      'STORAGE_UNAVAILABLE',
      'Storage is busy; try again shortly.',
      { cause: error },
    );
  }
  // Input too big for an item is the caller's to fix; services bound sizes, this is the backstop.
  if (
    name === 'ValidationException' &&
    /item size|maximum allowed size/i.test(errorMessage(error))
  ) {
    throw new ValidationError('The data is too large to store; shorten it.', [], 'ITEM_TOO_LARGE');
  }
  if (
    name === 'TransactionConflictException' ||
    cancellationReasons(error).includes('TransactionConflict')
  ) {
    // Nothing was written and the other change passes by itself: the caller may retry.
    throw new ConflictError(
      'CONCURRENT_UPDATE',
      `Another change to ${what} happened at the same time; try again.`,
      { cause: error, retryable: true },
    );
  }
  throw error;
}
