import type { Review } from '../functions/core/qa/review';
import type { QaStep } from '../functions/core/qa/workflow';

/** A step of a review as the API shows it: the step plus where it stands. */
export interface ReviewStepView {
  readonly review: Review;
  readonly index: number;
  readonly step: QaStep;
}

/** The caller whose credentials `myCredentials` lists (resolved field by field). */
export interface MyCredentialsView {
  readonly first?: number | null;
  readonly after?: string | null;
}
