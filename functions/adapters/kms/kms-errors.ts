import { ConflictError, DependencyUnavailableError, DomainError } from '../../core/shared/errors';

const transient = new Set([
  'ThrottlingException',
  'KMSInternalException',
  'DependencyTimeoutException',
  'LimitExceededException',
  'TimeoutError',
  'ServiceUnavailableException',
]);
const unusable = new Set([
  'DisabledException',
  'KMSInvalidStateException',
  'NotFoundException',
  'KeyUnavailableException',
]);

/**
 * Translates a KMS failure into the domain vocabulary: throttling and outages are retryable
 * KEY_SERVICE_UNAVAILABLE; a disabled, deleted or missing key is SIGNING_KEY_UNUSABLE. Key
 * material and ARNs stay in `cause` (logged), never in the message a client sees.
 */
export function translateKmsError(error: unknown): never {
  if (error instanceof DomainError) throw error;
  const name = error instanceof Error ? error.name : '';
  if (
    transient.has(name) ||
    (error as { $retryable?: unknown }).$retryable ||
    isNetworkError(error)
  ) {
    throw new DependencyUnavailableError(
      'KEY_SERVICE_UNAVAILABLE',
      'The key service is busy; try again shortly.',
      { cause: error },
    );
  }
  if (unusable.has(name)) {
    throw new ConflictError(
      'SIGNING_KEY_UNUSABLE',
      'The signing key cannot be used; rotate the issuer keys.',
      { cause: error },
    );
  }
  throw error;
}

function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code)
  );
}
