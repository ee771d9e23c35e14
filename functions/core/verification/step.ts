import type { CredentialState } from '../credential/credential';
import { DomainError, VerificationProblem } from '../shared/errors';
import { readCredential, type CredentialView, type JsonObject } from '../credential/document';
import {
  type Check,
  type CheckStatus,
  type EndorsementSummary,
  type Presented,
  type VerificationBudget,
  type VerificationStatus,
} from './model';

/** What one verification knows when its steps run. */
export interface StepContext {
  readonly view: CredentialView;
  readonly presented: Presented;
  /** The credential's types, when it has the shape of a VC (none otherwise). */
  readonly types: readonly string[];
  /** The issuer is registered here. */
  readonly ownIssuer: boolean;
  /** 0 for the credential presented, 1 for an endorsement embedded in it. */
  readonly depth: number;
  readonly budget: VerificationBudget;
  readonly recipient?: string;
  /** The proof holds (its signature and its key). */
  readonly proofHolds: boolean;
  /** The record of a credential issued here, read once for those whose proof holds. */
  readonly record: CredentialState | null;
  /** The record came with the request (a credential looked up by id). */
  readonly lookedUp: boolean;
}

/**
 * What one step found: its own check rows, and the status it gives the credential (REVOKED,
 * EXPIRED…), if any. The first step to give a status other than ACTIVE decides it.
 */
export interface StepOutcome {
  readonly checks: readonly Check[];
  readonly status?: VerificationStatus;
  /** The embedded endorsements, as the endorsements step found them. */
  readonly endorsements?: readonly EndorsementSummary[];
}

/** One step of a verification. */
export type Step = (context: StepContext) => Promise<StepOutcome>;

/** The kernel's view of a credential (a JSON object, so there always is one). */
export function viewOf(credential: JsonObject): CredentialView {
  return readCredential(credential)!;
}

export function row(name: string, status: CheckStatus, message: string): Check {
  return { name, status, message };
}

/** The message of a check that failed with `error`: the problem itself, or `fallback`. */
export function describeFailure(error: unknown, fallback: string): string {
  if (error instanceof VerificationProblem) return error.message;
  if (error instanceof DomainError && error.category !== 'INTERNAL')
    return `${fallback}: ${error.message}`;
  return `${fallback}.`;
}
