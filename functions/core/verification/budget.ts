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
