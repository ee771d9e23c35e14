import type { CredentialRecord } from '../credential/credential';
import type { JsonObject } from '../issuance/ports';
import type { DomainEvent } from '../shared/events';
import type { Page, PageRequest } from '../shared/runtime';
import type { Enrolment, EvidenceFile, Submission } from './model';

/** Object storage for evidence files (S3 in AWS; an S3-compatible server locally). */
export interface EvidenceStore {
  /** A short-lived URL the learner's browser PUTs the file to (exact type and size signed in). */
  uploadUrl(
    key: string,
    contentType: string,
    size: number,
  ): Promise<{ url: string; expiresAt: string }>;
  /** A short-lived URL that downloads the file as an attachment (never rendered inline). */
  downloadUrl(key: string, fileName: string, contentType: string): Promise<string>;
  /** Size of the object at `key`, or null when nothing was uploaded there. */
  sizeOf(key: string): Promise<number | null>;
  /**
   * Copies the object at `uploadKey` to `sealedKey` (a key no upload URL targets) and returns
   * the size and SHA-256 of the copy as stored, read back from `sealedKey`; null when nothing
   * was uploaded. The digest describes the copy, so a later PUT to `uploadKey` changes nothing.
   */
  seal(uploadKey: string, sealedKey: string): Promise<{ size: number; sha256: string } | null>;
}

export interface LearningRepository {
  /** Stores an enrolment unless the learner is enrolled already; returns the stored one. */
  enrol(enrolment: Enrolment, events: readonly DomainEvent[]): Promise<Enrolment>;
  getEnrolment(id: string): Promise<Enrolment | null>;
  /** A learner's enrolment in a design made since ids are random (read consistently). */
  findEnrolment(learnerId: string, microCredentialId: string): Promise<Enrolment | null>;
  listEnrolments(learnerId: string, page: PageRequest): Promise<Page<Enrolment>>;
  updateEnrolment(
    enrolment: Enrolment,
    expectedVersion: number,
    events: readonly DomainEvent[],
  ): Promise<void>;

  addFile(file: EvidenceFile): Promise<void>;
  getFile(id: string): Promise<EvidenceFile | null>;
  updateFile(file: EvidenceFile, expectedVersion: number): Promise<void>;

  /** A new submission and the enrolment's component state, atomically. */
  submit(
    submission: Submission,
    enrolment: { next: Enrolment; expectedVersion: number },
    events: readonly DomainEvent[],
  ): Promise<void>;
  /** An assessment: the submission (must still be SUBMITTED) and the enrolment, atomically. */
  assess(
    submission: { next: Submission; expectedVersion: number },
    enrolment: { next: Enrolment; expectedVersion: number },
    events: readonly DomainEvent[],
  ): Promise<void>;
  getSubmission(id: string): Promise<Submission | null>;
  /** Every submission of the enrolment, oldest first (all pages). */
  submissionsOf(enrolmentId: string): Promise<Submission[]>;
  /** Submissions waiting for an assessor of the institution (of one design, if given), oldest first. */
  queue(
    institutionId: string,
    page: PageRequest,
    microCredentialId?: string,
  ): Promise<Page<Submission>>;
}

/**
 * Whether a stack (not retired) makes this design its stacked credential: such a design is
 * earned through the stack's rule only, never by enrolling (supplied by stacking).
 */
export type IsStackTarget = (microCredentialId: string) => Promise<boolean>;

/** What the award asks issuance for: the learner's credential with the pathway's evidence. */
export interface AwardRequest {
  readonly microCredentialId: string;
  readonly recipient: { readonly email: string; readonly name?: string };
  /** OB 3.0 `Evidence` entries. */
  readonly evidence: readonly JsonObject[];
  /** OB 3.0 `Result` entries for `credentialSubject.result`. */
  readonly results: readonly JsonObject[];
  readonly kind: 'micro';
  readonly actor: { readonly kind: string; readonly id: string };
}

/**
 * Issues a credential for a request already authorized (supplied by issuance). Keyed by
 * learner and design version: a credential issued before comes back as it is.
 */
export type IssueCredential = (request: AwardRequest) => Promise<CredentialRecord>;

/** A stored credential by id (supplied by issuance). */
export type FindCredential = (credentialId: string) => Promise<CredentialRecord | null>;

/** Issues the credential of a completed enrolment (the worker's reaction to its completion). */
export type AwardEnrolment = (enrolmentId: string) => Promise<CredentialRecord | null>;
