import { createHash } from 'node:crypto';
import { authorize } from '../auth/policy';
import { actorOf, withVerifiedEmail, type Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import { normaliseEmail } from '../shared/email';
import { ConflictError } from '../shared/errors';
import { pageRequest } from '../shared/paging';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { identifier, parseInput } from '../shared/validation';
import { readableEnrolment } from './access';
import { EnrolmentCreated } from './events';
import { EnrolmentOrigins, enrolmentRef } from './learning-events';
import type { Enrolment } from './model';
import type { IsStackTarget, LearningRepository } from './ports';

export interface EnrolmentsDeps {
  readonly learning: LearningRepository;
  readonly designs: MicroCredentialRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Without one, no design is a stack's target. */
  readonly isStackTarget?: IsStackTarget;
}

/** Learners enrolling in published micro-credentials, and reading their enrolments. */
export class Enrolments {
  private readonly origins: EnrolmentOrigins;

  constructor(private readonly deps: EnrolmentsDeps) {
    this.origins = new EnrolmentOrigins(deps);
  }

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
      enrolledAt: this.deps.clock.now().toISOString(),
      version: 1,
    };
    return this.deps.learning.enrol(enrolment, [
      EnrolmentCreated.create(
        enrolmentRef(enrolment),
        this.origins.of(enrolment, actorOf(principal)),
      ),
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
    return readableEnrolment(principal, this.deps.learning, id);
  }
}
