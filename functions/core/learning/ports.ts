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
