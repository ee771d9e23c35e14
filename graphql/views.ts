import type { QaStep, Review } from '../functions/core/qa/model';

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

/** An evidence file as listed in a submission. */
export interface EvidenceFileView {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
}

/** One component of an enrolment, with the enrolment it belongs to. */
export interface ComponentProgressView {
  readonly component: 'EDUCATIONAL' | 'DEMONSTRATION' | 'REFLECTIVE';
  readonly status: 'NOT_STARTED' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED';
  readonly round: number;
  readonly latestSubmissionId?: string;
  readonly acceptedAt?: string;
}
