/**
 * What a verification is and what it answers: the named checks, the status, the summary a
 * verifier is shown, the forms a credential is presented in, and what one request may spend.
 */
import type { JsonObject } from '../credential/document';

export { recipientMatch } from './recipient-match';

export const checkStatuses = ['PASS', 'FAIL', 'WARN', 'SKIP'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

export const verificationStatuses = [
  'ACTIVE',
  'REVOKED',
  'SUSPENDED',
  'EXPIRED',
  'NOT_YET_VALID',
  'UNKNOWN',
] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

/** One named check of a verification, as a verifier shows it. */
export interface Check {
  readonly name: string;
  readonly status: CheckStatus;
  readonly message: string;
}

/** The checks whose failure makes a credential unverified (the others inform). */
export const essentialChecks = new Set([
  'well-formed',
  'proof',
  'issuer-key',
  'status',
  'validity-window',
  'achievement-approval',
  'endorsements',
  'recipient',
  /** An EndorsementCredential its endorser withdrew. */
  'withdrawal',
]);

/** One embedded endorsement, as a verifier is told of it. */
export interface EndorsementSummary {
  readonly id?: string;
  readonly issuerName?: string;
  readonly issuerId?: string;
  readonly verified: boolean;
  readonly withdrawn: boolean;
}

/** What a verifier is told about the issuer, achievement and endorsements it checked. */
export interface VerificationSummary {
  readonly credentialId?: string;
  readonly issuer?: { id: string; name?: string; url?: string; registeredHere: boolean };
  readonly achievement?: {
    id?: string;
    name?: string;
    description?: string;
    achievementType?: string;
    image?: string;
  };
  readonly endorsements: readonly EndorsementSummary[];
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly format?: 'JSON-LD' | 'VC-JWT';
}

export interface VerificationResult extends VerificationSummary {
  readonly verified: boolean;
  readonly status: VerificationStatus;
  readonly checks: readonly Check[];
}

/** A credential as its holder presented it: JSON-LD, or a VC-JWT with the credential it carries. */
export type Presented =
  | { readonly format: 'JSON-LD'; readonly credential: JsonObject }
  | { readonly format: 'VC-JWT'; readonly jwt: string; readonly credential: JsonObject };

/** A verification, with the credential that was presented (null when none was found by id). */
export interface Inspection {
  readonly result: VerificationResult;
  readonly presented: Presented | null;
}

/** Limits on what a verifier may send (documented in docs/limits.md). */
export const verificationLimits = {
  credentialBytes: 1_000_000,
  jwtBytes: 512_000,
  imageBytes: 5_000_000,
  depth: 40,
  /**
   * Counts checked before any JSON-LD processing (`exceededComplexity`): expansion runs before
   * canonicalization can be interrupted, and its cost follows these counts, not the bytes (a
   * 400 KB credential of 40,000 tags took 15 s). A credential with 20 embedded endorsements
   * has about 1,250 values and 200 objects.
   */
  complexity: { values: 10_000, objects: 1_000, arrayItems: 1_000, propertyNames: 500 },
} as const;

/**
 * What one verification request may spend on work that its input decides (docs/protection.md,
 * "Verification"), shared by every check of the request, its embedded endorsements included:
 * time canonicalizing JSON-LD, and fetches of documents elsewhere (a cached document is free).
 */
export interface VerificationBudget {
  /** Milliseconds of canonicalization left. */
  canonicalizationMs: number;
  /** Fetches of documents elsewhere left. */
  fetches: number;
}

/** The budget of one request. */
export const verificationBudgetLimits = {
  canonicalizationMs: 2_000,
  /**
   * An issuer's key (one or two documents), a status list, and one key for each of 20 embedded
   * endorsements fit.
   */
  fetches: 24,
} as const;

/** A full budget for one request. */
export function freshBudget(): VerificationBudget {
  return { ...verificationBudgetLimits };
}

/** The bound, in ms, on how stale a cached endorsement withdrawal may be (documented). */
export const verificationCacheTtlMs = 5_000;
/**
 * The bound, in ms, on how stale a cached issuer key may be in a process that did not revoke
 * it: a revoked key is refused by every instance within a second. A key read costs one
 * GetItem-sized query per owner and second at most, whatever the request rate.
 */
export const issuerKeyTtlMs = 1_000;
/**
 * The bound, in ms, on how stale the record state of a credential verified by id may be in a
 * process that did not make the change: far below the time the worker takes to republish a
 * status list, which is what verification by id waited for before.
 */
export const verificationStateTtlMs = 100;
