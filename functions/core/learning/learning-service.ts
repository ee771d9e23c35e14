import { createHash } from 'node:crypto';
import { assessedDesignsOf, authorize, authorizeOrHide, requireSignedIn } from '../auth/policy';
import { actorOf, withVerifiedEmail, type Principal } from '../auth/principal';
import type { ComponentKind } from '../designs/micro-credential';
import type { MicroCredentialRepository } from '../designs/ports';
import type { CredentialRecord } from '../credential/credential';
import type { IssuanceService } from '../issuance/issuance-service';
import { rubricIds } from '../credential/open-badge';
import type { JsonObject } from '../issuance/ports';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import { pageRequest } from '../shared/paging';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { identifier, parseInput } from '../shared/validation';
import {
  allowedFileTypes,
  assessInput,
  submitEvidenceInput,
  uploadInput,
  type Enrolment,
  type EvidenceFile,
  type Submission,
} from './model';
import type { EvidenceStore, LearningRepository } from './ports';
import { normaliseEmail } from '../shared/email';

export interface LearningServiceDeps {
  readonly learning: LearningRepository;
  readonly store: EvidenceStore;
  readonly designs: MicroCredentialRepository;
  readonly issuance: IssuanceService;
  readonly urls: PublicUrls;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /**
   * Whether a stack (not retired) makes this design its stacked credential: such a design is
   * earned through the stack's rule only, never by enrolling (supplied by stacking).
   */
  readonly isStackTarget?: (microCredentialId: string) => Promise<boolean>;
}

const componentKey = {
  EDUCATIONAL: 'educational',
  DEMONSTRATION: 'demonstration',
  REFLECTIVE: 'reflective',
} as const;
const componentLabel = {
  EDUCATIONAL: 'Educational',
  DEMONSTRATION: 'Demonstration',
  REFLECTIVE: 'Reflective',
} as const;
const components: readonly ComponentKind[] = ['EDUCATIONAL', 'DEMONSTRATION', 'REFLECTIVE'];

/**
 * Refusals of an award that the same award may pass later besides retryable errors (keys still
 * being created): a write that lost a race. Every other domain refusal is final and is
 * recorded on the enrolment.
 */
const transientCodes = new Set(['VERSION_CONFLICT', 'ROTATION_IN_PROGRESS']);

/**
 * Whether a submission's narrative goes inside the credential: public evidence the learner did
 * not keep out, or private evidence the learner chose to include. A private submission made
 * before the choice was recorded says nothing either way, so its narrative stays out.
 */
function narrativeShared(submission: Submission): boolean {
  return (
    submission.includeNarrative &&
    submission.narrative.length > 0 &&
    (submission.public || submission.narrativeChosen === true)
  );
}

/** The platform acting for an enrolment (the award's actor in events and audit trails). */
const awardActor = (enrolment: Enrolment) => ({
  kind: 'platform',
  id: `enrolment:${enrolment.id}`,
});

/** A file the learner may upload now, and where to. */
export interface UploadTicket {
  readonly file: EvidenceFile;
  readonly uploadUrl: string;
  readonly expiresAt: string;
  /** Headers the PUT must carry (the signed content type). */
  readonly headers: Record<string, string>;
}

/**
 * The learner pathway of the framework seeds: enrol in a published micro-credential, submit
 * evidence for its educational, demonstration and reflective components, have assessors
 * accept or return each, and receive the credential automatically once all three are accepted.
 */
export class LearningService {
  constructor(private readonly deps: LearningServiceDeps) {}

  /** Enrols the caller (once per design: enrolling again returns the same enrolment). */
  async enrol(principal: Principal, microCredentialId: string): Promise<Enrolment> {
    authorize(principal, 'learning.enrol');
    const learner = withVerifiedEmail(
      principal,
      'Enrolling needs a verified email address: credentials are issued to it.',
    );
    const id = parseInput(identifier(), microCredentialId, 'microCredentialId');
    const design = await this.deps.designs.getPublished(id);
    if (!design?.published || design.status !== 'PUBLISHED') {
      throw new ConflictError(
        'DESIGN_NOT_OPEN',
        'Only published micro-credentials are open for enrolment.',
      );
    }
    if (await this.deps.isStackTarget?.(design.id)) {
      throw new ConflictError(
        'STACK_TARGET_NOT_ENROLLABLE',
        'This micro-credential is awarded by its stack to holders of the credentials it stacks; it cannot be enrolled in.',
      );
    }
    // Enrolled already: found by learner and design, or, for an enrolment made before ids were
    // random, by the id that learner and design gave it then.
    const existing =
      (await this.deps.learning.findEnrolment(learner.userId, design.id)) ??
      (await this.deps.learning.getEnrolment(
        createHash('sha256').update(`${learner.userId}:${design.id}`).digest('hex').slice(0, 32),
      ));
    if (existing) return existing;
    const now = this.deps.clock.now().toISOString();
    const fresh = { status: 'NOT_STARTED' as const, round: 0 };
    const enrolment: Enrolment = {
      // Random: an id derived from the learner and design would let anyone who knows both
      // tell whether that learner is enrolled.
      id: this.deps.ids.newId(),
      learnerId: learner.userId,
      learnerEmail: normaliseEmail(learner.email),
      ...(learner.name ? { learnerName: learner.name } : {}),
      microCredentialId: design.id,
      institutionId: design.institutionId,
      designName: design.content.name,
      designVersion: design.published.designVersion,
      status: 'ACTIVE',
      components: { EDUCATIONAL: fresh, DEMONSTRATION: fresh, REFLECTIVE: fresh },
      enrolledAt: now,
      version: 1,
    };
    return this.deps.learning.enrol(enrolment, [
      this.event('enrolment.created', enrolment, actorOf(principal), {}),
    ]);
  }

  async myEnrolments(
    principal: Principal,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Enrolment>> {
    authorize(principal, 'learning.enrol');
    return principal.kind === 'user'
      ? this.deps.learning.listEnrolments(principal.userId, pageRequest(first, after))
      : { items: [], nextCursor: null };
  }

  async enrolment(principal: Principal, id: string): Promise<Enrolment> {
    requireSignedIn(principal);
    const enrolment = await this.requireEnrolment(id);
    authorizeOrHide(
      principal,
      'learning.read',
      {
        learnerId: enrolment.learnerId,
        institutionId: enrolment.institutionId,
        microCredentialId: enrolment.microCredentialId,
      },
      'Enrolment',
      id,
    );
    return enrolment;
  }

  /** Every submission of an enrolment, oldest first (the full history of rounds). */
  async submissions(principal: Principal, enrolmentId: string): Promise<Submission[]> {
    await this.enrolment(principal, enrolmentId);
    return this.deps.learning.submissionsOf(enrolmentId);
  }

  async submission(principal: Principal, id: string): Promise<Submission> {
    requireSignedIn(principal);
    const submission = await this.requireSubmission(id);
    authorizeOrHide(
      principal,
      'learning.read',
      {
        learnerId: submission.learnerId,
        institutionId: submission.institutionId,
        microCredentialId: submission.microCredentialId,
      },
      'Submission',
      id,
    );
    return submission;
  }

  /** A short-lived upload URL for one evidence file (type and size are checked and signed in). */
  async requestUpload(
    principal: Principal,
    enrolmentId: string,
    input: unknown,
  ): Promise<UploadTicket> {
    const enrolment = await this.requireEnrolment(enrolmentId);
    authorize(principal, 'learning.submit', { learnerId: enrolment.learnerId });
    const { component, fileName, contentType, size } = parseInput(uploadInput, input);
    this.assertOpen(enrolment, component);
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
    const enrolment = await this.requireEnrolment(enrolmentId);
    authorize(principal, 'learning.submit', { learnerId: enrolment.learnerId });
    const request = parseInput(submitEvidenceInput, input);
    this.assertOpen(enrolment, request.component);
    if (!request.narrative && request.links.length === 0 && request.fileIds.length === 0) {
      throw new ValidationError(
        'Evidence needs a narrative, a link or a file.',
        [{ path: 'input', message: 'is empty' }],
        'EVIDENCE_EMPTY',
      );
    }
    const files = await Promise.all(
      request.fileIds.map((fileId) => this.confirmFile(enrolment, fileId)),
    );
    const state = enrolment.components[request.component];
    const now = this.deps.clock.now().toISOString();
    const submission: Submission = {
      id: this.deps.ids.newId(),
      enrolmentId,
      learnerId: enrolment.learnerId,
      institutionId: enrolment.institutionId,
      microCredentialId: enrolment.microCredentialId,
      component: request.component,
      round: state.round + 1,
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
      submittedAt: now,
      version: 1,
    };
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
      this.event('evidence.submitted', enrolment, actorOf(principal), {
        component: request.component,
        submissionId: submission.id,
        round: submission.round,
      }),
    ]);
    return submission;
  }

  /**
   * Submissions waiting for the caller's institution, oldest first (assessors); with
   * `microCredentialId`, only those for that design (another institution's design finds none).
   */
  async queue(
    principal: Principal,
    first?: number | null,
    after?: string | null,
    microCredentialId?: string | null,
  ): Promise<Page<Submission>> {
    const institutionId = principal.kind === 'user' ? (principal.institutionId ?? '') : '';
    const designId =
      microCredentialId == null
        ? undefined
        : parseInput(identifier(), microCredentialId, 'microCredentialId');
    authorize(principal, 'learning.assess', { institutionId, microCredentialId: designId });
    const page = await this.deps.learning.queue(institutionId, pageRequest(first, after), designId);
    // An assessor of some designs sees their submissions only: a page may hold fewer than asked.
    const designs = assessedDesignsOf(principal);
    return designs
      ? { ...page, items: page.items.filter((item) => designs.includes(item.microCredentialId)) }
      : page;
  }

  /**
   * Accepts or returns a submission. When the last component is accepted the enrolment
   * completes and the credential is issued by the worker. Two assessors deciding the last two
   * components at once both succeed (the enrolment update is retried on its new version) and
   * exactly one of them completes the enrolment.
   */
  async assess(principal: Principal, submissionId: string, input: unknown): Promise<Submission> {
    let submission = await this.requireSubmission(submissionId);
    authorize(principal, 'learning.assess', {
      institutionId: submission.institutionId,
      microCredentialId: submission.microCredentialId,
    });
    const decision = parseInput(assessInput, input);
    if (principal.kind === 'user' && principal.userId === submission.learnerId) {
      throw new ForbiddenError(
        'Learners cannot assess their own evidence.',
        'SELF_ASSESSMENT_FORBIDDEN',
      );
    }
    const design = await this.deps.designs.getPublished(submission.microCredentialId);
    const rubric = design?.content.components[componentKey[submission.component]].rubric;
    if (
      decision.decision === 'ACCEPT' &&
      rubric &&
      !rubric.some((level) => level.id === decision.rubricLevelId)
    ) {
      throw new ValidationError(
        'Pick one of the rubric levels to accept this component.',
        [
          {
            path: 'input.rubricLevelId',
            message: `must be one of ${rubric.map((level) => level.id).join(', ')}`,
          },
        ],
        'RUBRIC_LEVEL_REQUIRED',
      );
    }
    if (decision.decision === 'RETURN' && !decision.feedback) {
      throw new ValidationError('Returning evidence needs feedback for the learner.', [
        { path: 'input.feedback', message: 'is required to return' },
      ]);
    }
    for (let attempt = 1; ; attempt += 1) {
      if (submission.status !== 'SUBMITTED')
        throw new ConflictError('ALREADY_ASSESSED', 'This submission has already been assessed.');
      const enrolment = await this.requireEnrolment(submission.enrolmentId);
      const now = this.deps.clock.now().toISOString();
      const next: Submission = {
        ...submission,
        status: decision.decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED',
        assessment: {
          decision: decision.decision,
          assessorId: actorOf(principal).id,
          decidedAt: now,
          ...(decision.feedback ? { feedback: decision.feedback } : {}),
          ...(decision.rubricLevelId && decision.decision === 'ACCEPT'
            ? { rubricLevelId: decision.rubricLevelId }
            : {}),
        },
        version: submission.version + 1,
      };
      const componentsNext = {
        ...enrolment.components,
        [submission.component]: {
          ...enrolment.components[submission.component],
          status: decision.decision === 'ACCEPT' ? ('ACCEPTED' as const) : ('RETURNED' as const),
          ...(decision.decision === 'ACCEPT' ? { acceptedAt: now } : {}),
        },
      };
      const completes =
        enrolment.status === 'ACTIVE' &&
        components.every((kind) => componentsNext[kind].status === 'ACCEPTED');
      const enrolmentNext: Enrolment = {
        ...enrolment,
        components: componentsNext,
        ...(completes ? { status: 'COMPLETED' as const, completedAt: now } : {}),
        version: enrolment.version + 1,
      };
      const actor = actorOf(principal);
      try {
        await this.deps.learning.assess(
          { next, expectedVersion: submission.version },
          { next: enrolmentNext, expectedVersion: enrolment.version },
          [
            this.event(
              decision.decision === 'ACCEPT' ? 'evidence.accepted' : 'evidence.returned',
              enrolment,
              actor,
              { component: submission.component, submissionId },
            ),
            ...(completes ? [this.event('enrolment.completed', enrolmentNext, actor, {})] : []),
          ],
        );
        return next;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 5) throw error;
        submission = await this.requireSubmission(submissionId);
      }
    }
  }

  /**
   * Issues the credential of a completed enrolment (the worker calls this on
   * `enrolment.completed`). Idempotent: issuance is keyed by learner and design version.
   *
   * - It issues the design's published version: the version enrolled in while it is still the
   *   published one, otherwise the version that superseded it (issuance signs only the published
   *   version); `awardedDesignVersion` records which.
   * - A refusal that retrying cannot change (the design was retired, …) is recorded on the
   *   enrolment as AWARD_FAILED with its code and message, so the event does not fail on every
   *   redelivery; retryable failures (a dependency unavailable, keys not ready yet) still throw.
   * - When staff had already issued this design version to the learner by hand, that credential
   *   is linked to the enrolment as it is, without the evidence (`evidenceAttached: false`).
   */
  async award(enrolmentId: string): Promise<CredentialRecord | null> {
    const enrolment = await this.requireEnrolment(enrolmentId);
    if (enrolment.status !== 'COMPLETED') return null;
    if (enrolment.credentialId) return this.deps.issuance.find(enrolment.credentialId);
    let awarded: { credential: CredentialRecord; evidenceAttached: boolean };
    try {
      awarded = await this.issueAward(enrolment);
    } catch (error) {
      if (!(error instanceof DomainError) || error.retryable || transientCodes.has(error.code))
        throw error;
      await this.settleAward(enrolmentId, (current) =>
        current.status !== 'COMPLETED' || current.credentialId
          ? null
          : {
              next: {
                ...current,
                status: 'AWARD_FAILED',
                awardFailure: {
                  code: error.code,
                  message: error.message,
                  failedAt: this.deps.clock.now().toISOString(),
                },
              },
              events: [
                this.event('enrolment.award_failed', current, awardActor(current), {
                  code: error.code,
                  message: error.message,
                }),
              ],
            },
      );
      return null;
    }
    const { credential, evidenceAttached } = awarded;
    await this.settleAward(enrolmentId, (current) =>
      current.credentialId
        ? null
        : {
            next: {
              ...current,
              status: 'COMPLETED',
              credentialId: credential.id,
              awardedDesignVersion: credential.designVersion,
              evidenceAttached,
              awardFailure: undefined,
            },
            events: [
              this.event('enrolment.awarded', current, awardActor(current), {
                credentialId: credential.id,
                designVersion: credential.designVersion,
                evidenceAttached,
              }),
            ],
          },
    );
    return credential;
  }

  /** Builds the evidence and results of a completed enrolment and issues its credential. */
  private async issueAward(
    enrolment: Enrolment,
  ): Promise<{ credential: CredentialRecord; evidenceAttached: boolean }> {
    const design = await this.deps.designs.getPublished(enrolment.microCredentialId);
    if (!design?.published)
      throw new ConflictError('DESIGN_NOT_ISSUABLE', 'The micro-credential is not published.');
    if (design.status === 'RETIRED') {
      throw new ConflictError(
        'DESIGN_RETIRED',
        `The institution retired this micro-credential${design.retiredAt ? ` on ${design.retiredAt.slice(0, 10)}` : ''}, after every component was accepted and before the credential was issued. The accepted evidence is kept; the institution can tell you what happens next.`,
      );
    }
    const accepted = await this.acceptedSubmissions(enrolment);
    const designVersion = design.published.designVersion;
    const achievementUrl = this.deps.urls.achievement(design.id, designVersion);
    const assessedAgainst =
      designVersion === enrolment.designVersion
        ? ''
        : ` (assessed against version ${enrolment.designVersion} of the design)`;
    const evidence: JsonObject[] = accepted.map((submission) => {
      const component = design.content.components[componentKey[submission.component]];
      return {
        id: `${this.deps.urls.base}/evidence/${submission.id}`,
        type: ['Evidence'],
        name: `${componentLabel[submission.component]} component: ${component.title}`,
        genre: componentLabel[submission.component],
        description: `Accepted by an assessor on ${submission.assessment!.decidedAt.slice(0, 10)}${assessedAgainst}${submission.files.length ? `; ${submission.files.length} file${submission.files.length === 1 ? '' : 's'} on record` : ''}.`,
        ...(narrativeShared(submission) ? { narrative: submission.narrative } : {}),
      };
    });
    // A result names a rubric level of the issued version; a level it no longer has is left out.
    const results: JsonObject[] = accepted
      .filter((submission) =>
        design.content.components[componentKey[submission.component]].rubric?.some(
          (level) => level.id === submission.assessment?.rubricLevelId,
        ),
      )
      .map((submission) => ({
        type: ['Result'],
        resultDescription: rubricIds(achievementUrl, componentKey[submission.component]),
        achievedLevel: rubricIds(
          achievementUrl,
          componentKey[submission.component],
          submission.assessment!.rubricLevelId,
        ),
        status: 'Completed',
      }));
    const credential = await this.deps.issuance.issueFor({
      microCredentialId: enrolment.microCredentialId,
      recipient: {
        email: enrolment.learnerEmail,
        ...(enrolment.learnerName ? { name: enrolment.learnerName } : {}),
      },
      evidence,
      results,
      kind: 'micro',
      actor: awardActor(enrolment),
    });
    // Issuance is keyed by learner and design version: a credential staff issued by hand comes
    // back as it is, and is told apart by not carrying this enrolment's evidence.
    const signedEvidence: unknown = credential.credential.evidence;
    const carried = new Set(
      (Array.isArray(signedEvidence) ? (signedEvidence as unknown[]) : []).map((entry) =>
        entry && typeof entry === 'object' && 'id' in entry ? entry.id : undefined,
      ),
    );
    return { credential, evidenceAttached: evidence.every((entry) => carried.has(entry.id)) };
  }

  /**
   * The accepted submission of each component: the latest one the enrolment points at (read by
   * key, strongly consistent), else found among every round.
   */
  private async acceptedSubmissions(enrolment: Enrolment): Promise<Submission[]> {
    let all: Submission[] | undefined;
    const accepted: Submission[] = [];
    for (const kind of components) {
      const latestId = enrolment.components[kind].latestSubmissionId;
      const latest = latestId ? await this.deps.learning.getSubmission(latestId) : null;
      if (latest?.status === 'ACCEPTED') {
        accepted.push(latest);
        continue;
      }
      all ??= await this.deps.learning.submissionsOf(enrolment.id);
      const found = all.find(
        (submission) => submission.component === kind && submission.status === 'ACCEPTED',
      );
      // Not a domain refusal: the index lags behind the write; the worker retries.
      if (!found) throw new Error(`No accepted ${kind} submission found for ${enrolment.id} yet`);
      accepted.push(found);
    }
    return accepted;
  }

  /** Writes an award outcome on the enrolment's current version (retried when it moved). */
  private async settleAward(
    enrolmentId: string,
    settle: (current: Enrolment) => { next: Enrolment; events: DomainEvent[] } | null,
  ): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.requireEnrolment(enrolmentId);
      const change = settle(current);
      if (!change) return;
      try {
        await this.deps.learning.updateEnrolment(
          { ...change.next, version: current.version + 1 },
          current.version,
          change.events,
        );
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 5) throw error;
      }
    }
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
        ? { microCredentialId: (await this.requireEnrolment(file.enrolmentId)).microCredentialId }
        : {}),
    });
    if (file.status !== 'UPLOADED')
      throw new ConflictError('FILE_NOT_UPLOADED', 'The file has not been uploaded.');
    const sealed = file.sealedKey ? file : await this.sealLegacyFile(file);
    return this.deps.store.downloadUrl(sealed.sealedKey!, file.name, file.contentType);
  }

  /** Evidence the learner made public (its page); null when it is not public. */
  async publicEvidence(submissionId: string): Promise<Submission | null> {
    const submission = /^[A-Za-z0-9_-]{1,100}$/.test(submissionId)
      ? await this.deps.learning.getSubmission(submissionId)
      : null;
    return submission?.public && submission.status === 'ACCEPTED' ? submission : null;
  }

  private assertOpen(enrolment: Enrolment, component: ComponentKind) {
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

  /**
   * Checks an uploaded file against what was announced, seals it (a copy under a key no upload
   * URL can write) and records the SHA-256 of that copy. Overwriting the upload afterwards,
   * while its URL still works, changes neither the digest nor what assessors download.
   */
  private async confirmFile(enrolment: Enrolment, fileId: string): Promise<EvidenceFile> {
    const file = await this.deps.learning.getFile(fileId);
    if (!file || file.enrolmentId !== enrolment.id) throw new NotFoundError('EvidenceFile', fileId);
    if (file.status === 'UPLOADED') return file;
    const notUploaded = () =>
      new ValidationError(
        `The file ${file.name} has not been uploaded.`,
        [{ path: 'input.fileIds', message: `${fileId} is not uploaded` }],
        'FILE_NOT_UPLOADED',
      );
    const wrongSize = () =>
      new ValidationError(
        `The file ${file.name} is not the size announced.`,
        [{ path: 'input.fileIds', message: `${fileId} has the wrong size` }],
        'FILE_SIZE_MISMATCH',
      );
    const size = await this.deps.store.sizeOf(file.storageKey);
    if (size === null) throw notUploaded();
    if (size !== file.size) throw wrongSize();
    // A fresh key per attempt: two confirmations racing each seal their own copy, and the
    // versioned write below lets exactly one record (key and digest together) win.
    const sealedKey = this.sealedKeyOf(file);
    const sealed = await this.deps.store.seal(file.storageKey, sealedKey);
    if (!sealed) throw notUploaded();
    if (sealed.size !== file.size) throw wrongSize();
    const next: EvidenceFile = {
      ...file,
      status: 'UPLOADED',
      sealedKey,
      sha256: sealed.sha256,
      version: file.version + 1,
    };
    await this.deps.learning.updateFile(next, file.version);
    return next;
  }

  /**
   * Files confirmed before sealing existed point at their upload key. They are sealed on first
   * download, and only if the bytes still match the recorded digest.
   */
  private async sealLegacyFile(file: EvidenceFile): Promise<EvidenceFile> {
    const sealedKey = this.sealedKeyOf(file);
    const sealed = await this.deps.store.seal(file.storageKey, sealedKey);
    if (!sealed || sealed.sha256 !== file.sha256) {
      throw new ConflictError(
        'EVIDENCE_FILE_CHANGED',
        'The stored file no longer matches the digest recorded when it was submitted.',
      );
    }
    const next: EvidenceFile = { ...file, sealedKey, version: file.version + 1 };
    try {
      await this.deps.learning.updateFile(next, file.version);
      return next;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Sealed at the same time by another download: serve the copy that was recorded.
      const current = await this.deps.learning.getFile(file.id);
      if (!current?.sealedKey) throw error;
      return current;
    }
  }

  private sealedKeyOf(file: EvidenceFile): string {
    return `sealed/${file.institutionId}/${file.enrolmentId}/${file.id}/${this.deps.ids.newId()}.${allowedFileTypes[file.contentType]}`;
  }

  private event(
    type: string,
    enrolment: Enrolment,
    actor: { kind: string; id: string },
    data: Record<string, unknown>,
  ): DomainEvent {
    return {
      id: this.deps.ids.newId(),
      type,
      institutionId: enrolment.institutionId,
      aggregateType: 'Enrolment',
      aggregateId: enrolment.id,
      occurredAt: this.deps.clock.now().toISOString(),
      actor,
      data: { enrolmentId: enrolment.id, microCredentialId: enrolment.microCredentialId, ...data },
    };
  }

  private async requireEnrolment(id: string): Promise<Enrolment> {
    const enrolment = await this.deps.learning.getEnrolment(id);
    if (!enrolment) throw new NotFoundError('Enrolment', id);
    return enrolment;
  }

  private async requireSubmission(id: string): Promise<Submission> {
    const submission = await this.deps.learning.getSubmission(id);
    if (!submission) throw new NotFoundError('Submission', id);
    return submission;
  }
}
