import { assessedDesignsOf, authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import type { ComponentKind } from '../designs/micro-credential';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import type { Clock, IdGenerator } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import { readableEnrolment, readableSubmission, requireEnrolment } from './access';
import { EvidenceFiles } from './evidence-files';
import { EvidenceSubmitted } from './events';
import { EnrolmentOrigins, enrolmentRef } from './learning-events';
import {
  allowedFileTypes,
  submitEvidenceInput,
  uploadInput,
  type Enrolment,
  type EvidenceFile,
  type Submission,
  type SubmitEvidenceRequest,
  type UploadTicket,
} from './model';
import type { EvidenceStore, LearningRepository } from './ports';

export interface EvidenceDeps {
  readonly learning: LearningRepository;
  readonly store: EvidenceStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * A learner's evidence for each component: uploading files, submitting (and resubmitting
 * after a return), and reading it back — privately, or on its public page.
 */
export class Evidence {
  private readonly origins: EnrolmentOrigins;
  private readonly files: EvidenceFiles;

  constructor(private readonly deps: EvidenceDeps) {
    this.origins = new EnrolmentOrigins(deps);
    this.files = new EvidenceFiles(deps);
  }

  /** A short-lived upload URL for one evidence file (type and size are checked and signed in). */
  async requestUpload(
    principal: Principal,
    enrolmentId: string,
    input: unknown,
  ): Promise<UploadTicket> {
    const enrolment = await requireEnrolment(this.deps.learning, enrolmentId);
    authorize(principal, 'learning.submit', { learnerId: enrolment.learnerId });
    const { component, fileName, contentType, size } = parseInput(uploadInput, input);
    assertOpen(enrolment, component);
    const id = this.deps.ids.newId();
    const file: EvidenceFile = {
      id,
      enrolmentId,
      learnerId: enrolment.learnerId,
      institutionId: enrolment.institutionId,
      name: fileName,
      contentType,
      size,
      storageKey: `uploads/${enrolment.institutionId}/${enrolment.id}/${id}.${allowedFileTypes[contentType]}`,
      status: 'PENDING',
      createdAt: this.deps.clock.now().toISOString(),
      version: 1,
    };
    await this.deps.learning.addFile(file);
    const { url, expiresAt } = await this.deps.store.uploadUrl(file.storageKey, contentType, size);
    return { file, uploadUrl: url, expiresAt, headers: { 'content-type': contentType } };
  }

  /** Submits (or resubmits, after a return) evidence for one component. */
  async submit(principal: Principal, enrolmentId: string, input: unknown): Promise<Submission> {
    const enrolment = await requireEnrolment(this.deps.learning, enrolmentId);
    authorize(principal, 'learning.submit', { learnerId: enrolment.learnerId });
    const request = parseInput(submitEvidenceInput, input);
    assertOpen(enrolment, request.component);
    if (!request.narrative && request.links.length === 0 && request.fileIds.length === 0) {
      throw new ValidationError(
        'Evidence needs a narrative, a link or a file.',
        [{ path: 'input', message: 'is empty' }],
        'EVIDENCE_EMPTY',
      );
    }
    const files = await Promise.all(
      request.fileIds.map((fileId) => this.files.confirm(enrolment, fileId)),
    );
    const submission = this.newSubmission(enrolment, request, files);
    const next: Enrolment = {
      ...enrolment,
      components: {
        ...enrolment.components,
        [request.component]: {
          status: 'SUBMITTED',
          round: submission.round,
          latestSubmissionId: submission.id,
        },
      },
      version: enrolment.version + 1,
    };
    await this.deps.learning.submit(submission, { next, expectedVersion: enrolment.version }, [
      EvidenceSubmitted.create(
        {
          ...enrolmentRef(enrolment),
          component: request.component,
          submissionId: submission.id,
          round: submission.round,
        },
        this.origins.of(enrolment, actorOf(principal)),
      ),
    ]);
    return submission;
  }

  /** Every submission of an enrolment, oldest first (the full history of rounds). */
  async submissions(principal: Principal, enrolmentId: string): Promise<Submission[]> {
    await readableEnrolment(principal, this.deps.learning, enrolmentId);
    return this.deps.learning.submissionsOf(enrolmentId);
  }

  async submission(principal: Principal, id: string): Promise<Submission> {
    return readableSubmission(principal, this.deps.learning, id);
  }

  /** A short-lived download URL for an evidence file (its learner, or staff of the institution). */
  async fileDownload(principal: Principal, fileId: string): Promise<string> {
    const file = await this.deps.learning.getFile(fileId);
    if (!file) throw new NotFoundError('EvidenceFile', fileId);
    authorize(principal, 'learning.read', {
      learnerId: file.learnerId,
      institutionId: file.institutionId,
      // Files do not record their design; an assessor limited to some designs needs it.
      ...(assessedDesignsOf(principal)
        ? {
            microCredentialId: (await requireEnrolment(this.deps.learning, file.enrolmentId))
              .microCredentialId,
          }
        : {}),
    });
    return this.files.downloadUrl(file);
  }

  /** Evidence the learner made public (its page); null when it is not public. */
  async publicEvidence(submissionId: string): Promise<Submission | null> {
    const submission = /^[A-Za-z0-9_-]{1,100}$/.test(submissionId)
      ? await this.deps.learning.getSubmission(submissionId)
      : null;
    return submission?.public && submission.status === 'ACCEPTED' ? submission : null;
  }

  private newSubmission(
    enrolment: Enrolment,
    request: SubmitEvidenceRequest,
    files: readonly EvidenceFile[],
  ): Submission {
    return {
      id: this.deps.ids.newId(),
      enrolmentId: enrolment.id,
      learnerId: enrolment.learnerId,
      institutionId: enrolment.institutionId,
      microCredentialId: enrolment.microCredentialId,
      component: request.component,
      round: enrolment.components[request.component].round + 1,
      narrative: request.narrative,
      links: request.links,
      files: files.map((file) => ({
        id: file.id,
        name: file.name,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256!,
      })),
      // Private evidence stays out of the credential, which is public by default, unless the
      // learner puts it there.
      includeNarrative:
        request.includeNarrative ?? (request.public && request.component !== 'REFLECTIVE'),
      ...(request.includeNarrative !== undefined ? { narrativeChosen: true } : {}),
      public: request.public,
      status: 'SUBMITTED',
      submittedAt: this.deps.clock.now().toISOString(),
      version: 1,
    };
  }
}

/** Evidence is taken only for an active enrolment's component that is not waiting or done. */
function assertOpen(enrolment: Enrolment, component: ComponentKind): void {
  if (enrolment.status !== 'ACTIVE')
    throw new ConflictError('ENROLMENT_COMPLETED', 'The enrolment is complete.');
  const state = enrolment.components[component];
  if (state.status === 'SUBMITTED')
    throw new ConflictError(
      'EVIDENCE_UNDER_ASSESSMENT',
      'This component is waiting for an assessor.',
    );
  if (state.status === 'ACCEPTED')
    throw new ConflictError('COMPONENT_ACCEPTED', 'This component is already accepted.');
}
