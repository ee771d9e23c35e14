import { assessedDesignsOf, authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import type { RubricLevel } from '../designs/micro-credential';
import type { MicroCredentialRepository } from '../designs/ports';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors';
import { pageRequest } from '../shared/paging';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { identifier, parseInput } from '../shared/validation';
import { requireEnrolment, requireSubmission } from './access';
import { EnrolmentCompleted, EvidenceAccepted, EvidenceReturned } from './events';
import { EnrolmentOrigins, enrolmentRef } from './learning-events';
import {
  assessInput,
  componentKey,
  components,
  type AssessRequest,
  type Enrolment,
  type Submission,
} from './model';
import type { LearningRepository } from './ports';

export interface AssessmentDeps {
  readonly learning: LearningRepository;
  readonly designs: MicroCredentialRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Assessors of an institution working through submitted evidence: accept or return each. */
export class Assessment {
  private readonly origins: EnrolmentOrigins;

  constructor(private readonly deps: AssessmentDeps) {
    this.origins = new EnrolmentOrigins(deps);
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
    let submission = await requireSubmission(this.deps.learning, submissionId);
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
    assertDecisionComplete(
      decision,
      design?.content.components[componentKey[submission.component]].rubric,
    );
    for (let attempt = 1; ; attempt += 1) {
      if (submission.status !== 'SUBMITTED')
        throw new ConflictError('ALREADY_ASSESSED', 'This submission has already been assessed.');
      const enrolment = await requireEnrolment(this.deps.learning, submission.enrolmentId);
      try {
        return await this.record(principal, submission, enrolment, decision);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 5) throw error;
        submission = await requireSubmission(this.deps.learning, submissionId);
      }
    }
  }

  /** Writes the decision on the submission and the enrolment's versions read. */
  private async record(
    principal: Principal,
    submission: Submission,
    enrolment: Enrolment,
    decision: AssessRequest,
  ): Promise<Submission> {
    const now = this.deps.clock.now().toISOString();
    const actor = actorOf(principal);
    const next = assessedSubmission(submission, decision, actor.id, now);
    const { enrolmentNext, completes } = assessedEnrolment(enrolment, submission, decision, now);
    await this.deps.learning.assess(
      { next, expectedVersion: submission.version },
      { next: enrolmentNext, expectedVersion: enrolment.version },
      [
        (decision.decision === 'ACCEPT' ? EvidenceAccepted : EvidenceReturned).create(
          {
            ...enrolmentRef(enrolment),
            component: submission.component,
            submissionId: submission.id,
          },
          this.origins.of(enrolment, actor),
        ),
        ...(completes
          ? [
              EnrolmentCompleted.create(
                enrolmentRef(enrolmentNext),
                this.origins.of(enrolmentNext, actor),
              ),
            ]
          : []),
      ],
    );
    return next;
  }
}

/** Acceptance names a level of the component's rubric (when it has one); a return says why. */
function assertDecisionComplete(
  decision: AssessRequest,
  rubric: readonly RubricLevel[] | undefined,
) {
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
}

function assessedSubmission(
  submission: Submission,
  decision: AssessRequest,
  assessorId: string,
  now: string,
): Submission {
  return {
    ...submission,
    status: decision.decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED',
    assessment: {
      decision: decision.decision,
      assessorId,
      decidedAt: now,
      ...(decision.feedback ? { feedback: decision.feedback } : {}),
      ...(decision.rubricLevelId && decision.decision === 'ACCEPT'
        ? { rubricLevelId: decision.rubricLevelId }
        : {}),
    },
    version: submission.version + 1,
  };
}

/** The enrolment after the decision; it completes when every component is accepted. */
function assessedEnrolment(
  enrolment: Enrolment,
  submission: Submission,
  decision: AssessRequest,
  now: string,
): { enrolmentNext: Enrolment; completes: boolean } {
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
  return { enrolmentNext, completes };
}
