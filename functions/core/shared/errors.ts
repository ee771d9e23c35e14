/**
 * Tessera's one error vocabulary. Every error the domain raises carries a stable `code` (a
 * string that crosses process boundaries, unlike `instanceof`) and a `category` that the
 * transport maps to its own status (GraphQL `extensions.code`, HTTP status). `cause` is kept
 * for logs and never shown to a client.
 */
export type ErrorCategory =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'INTERNAL';

export interface FieldProblem {
  /** Dotted path of the offending input field, e.g. `input.competencies.0.name`. */
  readonly path: string;
  readonly message: string;
}

export abstract class DomainError extends Error {
  abstract readonly category: ErrorCategory;
  /** True when the same call may succeed if retried later (throttling, a dependency outage). */
  readonly retryable: boolean = false;

  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  readonly category = 'BAD_USER_INPUT';
  constructor(
    message: string,
    readonly fields: readonly FieldProblem[] = [],
    code = 'VALIDATION_FAILED',
  ) {
    super(code, message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly category = 'UNAUTHENTICATED';
  constructor(message = 'Authentication is required.', options?: { cause?: unknown }) {
    super('UNAUTHENTICATED', message, options);
  }
}

export class ForbiddenError extends DomainError {
  readonly category = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this.', code = 'FORBIDDEN') {
    super(code, message);
  }
}

export class NotFoundError extends DomainError {
  readonly category = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    // Ids come from clients: the message quotes at most the first 100 characters.
    super(`${toCode(entity)}_NOT_FOUND`, `${entity} ${id.slice(0, 100)} was not found.`);
  }
}

/** A write lost a race or broke a rule about the current state; nothing was written. */
export class ConflictError extends DomainError {
  readonly category = 'CONFLICT';
  /** True for a state that passes by itself (e.g. keys still being created). */
  override readonly retryable: boolean;
  constructor(code: string, message: string, options?: { cause?: unknown; retryable?: boolean }) {
    super(code, message, options);
    this.retryable = options?.retryable ?? false;
  }
}

/** A dependency (KMS, DynamoDB, object storage) failed or throttled; the caller may retry. */
export class DependencyUnavailableError extends DomainError {
  readonly category = 'UNAVAILABLE';
  override readonly retryable = true;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

function toCode(entity: string): string {
  return entity
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/**
 * The HTTP status of each category: the one table the public web function and the GraphQL
 * endpoint (for errors raised before execution) answer with.
 */
const httpStatuses: Readonly<Record<ErrorCategory, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export function httpStatusOf(category: ErrorCategory): number {
  return httpStatuses[category];
}

/**
 * Why a presented credential could not be verified: a document, key or status list that is
 * missing, malformed or not the issuer's. Not a DomainError on purpose: it never fails a
 * request. Verification turns it into a failed check whose message the verifier reads, so
 * resolvers and proof adapters throw it with a message fit to show. `code` names the kind of
 * problem for callers that branch on it.
 */
export class VerificationProblem extends Error {
  constructor(
    message: string,
    readonly code: string = 'VERIFICATION_PROBLEM',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
