import type { MicroCredential } from '../designs/micro-credential';
import type { MicroCredentialRepository } from '../designs/ports';
import type { CredentialRecord } from '../credential/credential';
import { rubricIds } from '../credential/open-badge';
import type { JsonObject } from '../issuance/ports';
import { ConflictError, DomainError } from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock, IdGenerator } from '../shared/runtime';
import { requireEnrolment } from './access';
import { EnrolmentAwarded, EnrolmentAwardFailed } from './events';
import { awardActor, EnrolmentOrigins, enrolmentRef } from './learning-events';
import { componentKey, componentLabel, components, type Enrolment, type Submission } from './model';
import type { FindCredential, IssueCredential, LearningRepository } from './ports';

export interface EnrolmentAwardDeps {
  readonly learning: LearningRepository;
  readonly designs: MicroCredentialRepository;
  readonly issue: IssueCredential;
  readonly findCredential: FindCredential;
  readonly urls: PublicUrls;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

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

interface Awarded {
  readonly credential: CredentialRecord;
  readonly evidenceAttached: boolean;
}

/** The credential a completed enrolment earns, issued with the evidence that earned it. */
export class EnrolmentAward {
  private readonly origins: EnrolmentOrigins;

  constructor(private readonly deps: EnrolmentAwardDeps) {
    this.origins = new EnrolmentOrigins(deps);
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
    const enrolment = await requireEnrolment(this.deps.learning, enrolmentId);
    if (enrolment.status !== 'COMPLETED') return null;
    if (enrolment.credentialId) return this.deps.findCredential(enrolment.credentialId);
    let awarded: Awarded;
    try {
      awarded = await this.issueAward(enrolment);
    } catch (error) {
      if (!(error instanceof DomainError) || error.retryable || transientCodes.has(error.code))
        throw error;
      await this.recordFailure(enrolmentId, error);
      return null;
    }
    await this.recordAward(enrolmentId, awarded);
    return awarded.credential;
  }

  /** A refusal that retrying cannot change: the enrolment says why it has no credential. */
  private async recordFailure(enrolmentId: string, error: DomainError): Promise<void> {
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
              EnrolmentAwardFailed.create(
                { ...enrolmentRef(current), code: error.code, message: error.message },
                this.origins.of(current, awardActor(current)),
              ),
            ],
          },
    );
  }

  private async recordAward(enrolmentId: string, { credential, evidenceAttached }: Awarded) {
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
              EnrolmentAwarded.create(
                {
                  ...enrolmentRef(current),
                  credentialId: credential.id,
                  designVersion: credential.designVersion,
                  evidenceAttached,
                },
                this.origins.of(current, awardActor(current)),
              ),
            ],
          },
    );
  }

  /** Builds the evidence and results of a completed enrolment and issues its credential. */
  private async issueAward(enrolment: Enrolment): Promise<Awarded> {
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
    const evidence = this.evidenceOf(accepted, design, enrolment);
    const credential = await this.deps.issue({
      microCredentialId: enrolment.microCredentialId,
      recipient: {
        email: enrolment.learnerEmail,
        ...(enrolment.learnerName ? { name: enrolment.learnerName } : {}),
      },
      evidence,
      results: this.resultsOf(accepted, design),
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

  /** One OB 3.0 `Evidence` entry per accepted component. */
  private evidenceOf(
    accepted: readonly Submission[],
    design: MicroCredential,
    enrolment: Enrolment,
  ): JsonObject[] {
    const assessedAgainst =
      design.published?.designVersion === enrolment.designVersion
        ? ''
        : ` (assessed against version ${enrolment.designVersion} of the design)`;
    return accepted.map((submission) => {
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
  }

  /** A result names a rubric level of the issued version; a level it no longer has is left out. */
  private resultsOf(accepted: readonly Submission[], design: MicroCredential): JsonObject[] {
    const achievementUrl = this.deps.urls.achievement(design.id, design.published!.designVersion);
    return accepted
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
      const current = await requireEnrolment(this.deps.learning, enrolmentId);
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
}
