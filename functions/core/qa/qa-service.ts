import * as z from 'zod';
import { authorize, authorizeOrHide, isAllowed, requireSignedIn } from '../auth/policy';
import { actorOf, hasRole, type Principal, type UserPrincipal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import type { DesignVersion, MicroCredential } from '../designs/model';
import { contentDigest } from '../shared/digest';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import { pageRequest } from '../shared/paging';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { httpUrl, identifier, limits, parseInput, requiredText, text } from '../shared/validation';
import type { DesignUnitOfWork, QaWorkflowRepository, ReviewRepository } from './ports';
import {
  currentStep,
  decide,
  decisionOutcomes,
  isOverdue,
  openReview,
  resubmit,
  reviewStatuses,
  supplyFields,
  type Actor,
  type HistoryEntry,
  type Review,
  type Transition,
} from './review';
import { defaultQaWorkflow, updateQaWorkflowInput, type QaStep, type QaWorkflow } from './workflow';

const fieldsInput = z
  .array(z.strictObject({ key: identifier(), value: requiredText(limits.url) }))
  .max(20)
  .default([]);

const submitInput = z.strictObject({
  fields: fieldsInput,
  comment: text(limits.description).optional(),
});

const supplyFieldsInput = z.strictObject({
  fields: fieldsInput.pipe(z.array(z.any()).min(1, 'give at least one field')),
  comment: text(limits.description).optional(),
});

const decisionInput = z.strictObject({
  stepKey: identifier(),
  outcome: z.enum(decisionOutcomes),
  comment: text(limits.description).optional(),
  attachments: z
    .array(z.strictObject({ name: requiredText(limits.name), url: httpUrl() }))
    .max(10)
    .default([]),
});

export interface QaServiceDeps {
  readonly designs: MicroCredentialRepository;
  readonly workflows: QaWorkflowRepository;
  readonly reviews: ReviewRepository;
  readonly unitOfWork: DesignUnitOfWork;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /**
   * Industry endorsements a design has, and how many its institution requires before it may
   * be published (the endorsement gate).
   */
  readonly endorsementGate?: (
    design: MicroCredential,
  ) => Promise<{ required: number; active: number }>;
}

/** A step waiting on a reviewer, as shown in their queue. */
export interface QueueEntry {
  readonly review: Review;
  readonly step: QaStep;
  readonly dueAt: string | null;
  readonly overdue: boolean;
}

export interface QaStatistics {
  readonly institutionId: string;
  readonly inProgress: number;
  readonly changesRequested: number;
  readonly overdue: number;
  readonly approved: number;
  readonly rejected: number;
  readonly stepTimes: readonly {
    stepKey: string;
    stepName: string;
    decisions: number;
    medianHours: number;
  }[];
}

const statisticsWindowDays = 365;

function actorFrom(principal: Principal): Actor {
  if (principal.kind === 'user')
    return { id: principal.userId, name: principal.name, email: principal.email };
  return { id: actorOf(principal).id };
}

function fieldMap(fields: readonly { key: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.key, field.value]));
}

/**
 * The quality-assurance lifecycle of micro-credential designs: institution workflows, reviews
 * decided step by step by the right QA role, publication and retirement. Every transition is
 * one atomic write with its audit entry and domain event.
 */
export class QaService {
  constructor(private readonly deps: QaServiceDeps) {}

  /** The workflow new reviews start with (the default until the institution changes it). */
  async workflow(principal: Principal, institutionId: string): Promise<QaWorkflow> {
    authorize(principal, 'qa.workflow.read', { institutionId });
    return this.currentWorkflow(institutionId);
  }

  /** Stores a new workflow version; reviews under way keep the steps they started with. */
  async updateWorkflow(
    principal: Principal,
    institutionId: string,
    expectedVersion: number,
    input: unknown,
  ): Promise<QaWorkflow> {
    authorize(principal, 'qa.workflow.update', { institutionId });
    const { name, steps } = parseInput(updateQaWorkflowInput, input);
    const current = await this.currentWorkflow(institutionId);
    if (current.workflowVersion !== expectedVersion) {
      throw new ConflictError(
        'VERSION_CONFLICT',
        `The workflow is at version ${current.workflowVersion}, not ${expectedVersion}.`,
      );
    }
    const workflow: QaWorkflow = {
      institutionId,
      workflowVersion: current.workflowVersion + 1,
      name,
      steps,
      isDefault: false,
      createdAt: this.deps.clock.now().toISOString(),
      createdBy: actorOf(principal).id,
    };
    await this.deps.workflows.add(workflow);
    return workflow;
  }

  /**
   * Submits the design's working version for review, or resubmits it after changes were
   * requested (the review resumes at the step that asked for them).
   */
  async submit(
    principal: Principal,
    microCredentialId: string,
    expectedVersion: number,
    input: unknown,
  ): Promise<Review> {
    const design = await this.requireDesign(microCredentialId);
    authorize(principal, 'qa.submit', { institutionId: design.institutionId });
    const { fields, comment } = parseInput(submitInput, input ?? {});
    assertVersion(design, expectedVersion);
    const now = this.deps.clock.now();
    const actor = actorFrom(principal);
    const digest = contentDigest(design.content);

    let transition: Transition;
    let expectedReviewVersion: number | null;
    if (design.status === 'DRAFT') {
      const workflow = await this.currentWorkflow(design.institutionId);
      transition = openReview({
        id: this.deps.ids.newId(),
        institutionId: design.institutionId,
        microCredentialId: design.id,
        designVersion: design.designVersion,
        designName: design.content.name,
        workflow,
        fields: fieldMap(fields),
        contentDigest: digest,
        actor,
        comment,
        now,
      });
      expectedReviewVersion = null;
    } else if (design.status === 'CHANGES_REQUESTED' && design.currentReviewId) {
      const review = await this.requireReview(design.currentReviewId);
      transition = resubmit(review, {
        fields: fieldMap(fields),
        contentDigest: digest,
        actor,
        comment,
        now,
      });
      expectedReviewVersion = review.version;
    } else {
      throw new ConflictError(
        'DESIGN_NOT_SUBMITTABLE',
        `A design in status ${design.status} cannot be submitted; only drafts and designs with changes requested can.`,
      );
    }
    const { review, entry } = transition;
    const snapshot: DesignVersion = {
      microCredentialId: design.id,
      institutionId: design.institutionId,
      designVersion: design.designVersion,
      content: design.content,
      contentDigest: digest,
      status: 'IN_REVIEW',
      reviewId: review.id,
      submittedAt: now.toISOString(),
      version: review.round,
    };
    await this.deps.unitOfWork.commit({
      design: {
        next: {
          ...design,
          status: 'IN_REVIEW',
          currentReviewId: review.id,
          updatedAt: now.toISOString(),
          version: design.version + 1,
        },
        expectedVersion: design.version,
      },
      snapshots: [snapshot],
      review: { next: review, expectedVersion: expectedReviewVersion },
      history: entry,
      events: [
        this.event(
          principal,
          review,
          expectedReviewVersion === null ? 'qa.review.submitted' : 'qa.review.resubmitted',
          {
            designVersion: review.designVersion,
            round: review.round,
            stepKey: currentStep(review).key,
          },
        ),
      ],
    });
    return review;
  }

  /** Adds required-field values to an open review (e.g. the full proposal, later on). */
  async supplyFields(
    principal: Principal,
    reviewId: string,
    expectedVersion: number,
    input: unknown,
  ): Promise<Review> {
    const review = await this.requireReview(reviewId);
    authorize(principal, 'qa.submit', { institutionId: review.institutionId });
    const { fields, comment } = parseInput(supplyFieldsInput, input);
    if (review.version !== expectedVersion) {
      throw new ConflictError(
        'VERSION_CONFLICT',
        `Review ${reviewId} is at version ${review.version}, not ${expectedVersion}.`,
      );
    }
    const transition = supplyFields(review, {
      fields: fieldMap(fields as { key: string; value: string }[]),
      actor: actorFrom(principal),
      comment,
      now: this.deps.clock.now(),
    });
    await this.deps.unitOfWork.commit({
      review: { next: transition.review, expectedVersion: review.version },
      history: transition.entry,
      events: [
        this.event(principal, transition.review, 'qa.review.fields_supplied', {
          fieldKeys: transition.entry.fieldKeys,
        }),
      ],
    });
    return transition.review;
  }

  /**
   * Decides the current step of a review. Only a QA reviewer of the institution holding the
   * step's role may decide, and not on a design they submitted themselves. Concurrent
   * decisions on one step: exactly one is stored, the others get CONFLICT.
   */
  async decide(principal: Principal, reviewId: string, input: unknown): Promise<Review> {
    const review = await this.requireReview(reviewId);
    authorize(principal, 'qa.decide', { institutionId: review.institutionId });
    const decision = parseInput(decisionInput, input);
    const reviewer = principal as UserPrincipal;
    const step = review.steps.find((candidate) => candidate.key === decision.stepKey);
    if (step && !reviewer.qaRoles.includes(step.role)) {
      throw new ForbiddenError(
        `Deciding step ${step.key} needs the QA role ${step.role}.`,
        'QA_ROLE_REQUIRED',
      );
    }
    if (review.submittedBy.id === reviewer.userId) {
      throw new ForbiddenError(
        'Authors cannot decide reviews of their own submissions.',
        'SELF_REVIEW_FORBIDDEN',
      );
    }
    const now = this.deps.clock.now();
    const { review: next, entry } = decide(review, {
      ...decision,
      actor: actorFrom(principal),
      now,
    });
    const change = await this.designEffects(review, next, entry, now);
    await this.deps.unitOfWork.commit({
      ...change,
      review: { next, expectedVersion: review.version },
      history: entry,
      events: [
        this.event(principal, next, eventTypeOf(next, entry), {
          stepKey: entry.stepKey,
          outcome: decision.outcome,
          designVersion: next.designVersion,
          ...(next.status === 'IN_PROGRESS' ? { nextStepKey: currentStep(next).key } : {}),
        }),
      ],
    });
    return next;
  }

  /** Publishes an approved design version: it enters the catalogue and becomes issuable. */
  async publish(
    principal: Principal,
    microCredentialId: string,
    expectedVersion: number,
  ): Promise<MicroCredential> {
    const design = await this.requireDesign(microCredentialId);
    authorize(principal, 'microCredential.publish', { institutionId: design.institutionId });
    assertVersion(design, expectedVersion);
    if (design.status !== 'APPROVED') {
      throw new ConflictError(
        'DESIGN_NOT_APPROVED',
        `Only an approved design can be published; this one is ${design.status}.`,
      );
    }
    const snapshot = await this.deps.unitOfWork.getSnapshot(design.id, design.designVersion);
    if (!snapshot || snapshot.status !== 'APPROVED' || !snapshot.qualityAssurance) {
      throw new ConflictError('DESIGN_NOT_APPROVED', 'The design version has no QA approval.');
    }
    const gate = await this.publicationGate(design);
    if (gate.active < gate.required) {
      throw new ConflictError(
        'ENDORSEMENTS_REQUIRED',
        `Publishing needs ${gate.required} active industry endorsement${gate.required === 1 ? '' : 's'}; this design has ${gate.active}.`,
      );
    }
    const now = this.deps.clock.now().toISOString();
    const previous = design.published
      ? await this.deps.unitOfWork.getSnapshot(design.id, design.published.designVersion)
      : null;
    const published = { designVersion: design.designVersion, publishedAt: now };
    const next: MicroCredential = {
      ...design,
      status: 'PUBLISHED',
      published,
      updatedAt: now,
      version: design.version + 1,
    };
    const projection: MicroCredential = { ...next, content: snapshot.content };
    await this.deps.unitOfWork.commit({
      design: { next, expectedVersion: design.version },
      snapshots: [
        { ...snapshot, status: 'PUBLISHED', publishedAt: now, version: snapshot.version + 1 },
        ...(previous && previous.designVersion !== design.designVersion
          ? [
              {
                ...previous,
                status: 'SUPERSEDED' as const,
                supersededAt: now,
                version: previous.version + 1,
              },
            ]
          : []),
      ],
      published: { projection, listed: true },
      events: [
        this.designEvent(principal, design, 'design.published', {
          designVersion: design.designVersion,
          supersededVersion: previous?.designVersion ?? null,
        }),
      ],
    });
    return next;
  }

  /** Stops new issuance of a design; credentials already issued are untouched. */
  async retire(
    principal: Principal,
    microCredentialId: string,
    expectedVersion: number,
    reason?: string | null,
  ): Promise<MicroCredential> {
    const design = await this.requireDesign(microCredentialId);
    authorize(principal, 'microCredential.retire', { institutionId: design.institutionId });
    const why = parseInput(text(limits.description).optional(), reason ?? undefined, 'reason');
    assertVersion(design, expectedVersion);
    if (design.status === 'RETIRED') return design;
    if (design.status === 'IN_REVIEW') {
      throw new ConflictError(
        'DESIGN_IN_REVIEW',
        'Finish or reject the review before retiring the design.',
      );
    }
    const now = this.deps.clock.now().toISOString();
    const next: MicroCredential = {
      ...design,
      status: 'RETIRED',
      retiredAt: now,
      updatedAt: now,
      version: design.version + 1,
    };
    const projection = await this.deps.designs.getPublished(design.id);
    await this.deps.unitOfWork.commit({
      design: { next, expectedVersion: design.version },
      ...(projection
        ? {
            published: {
              projection: { ...projection, status: 'RETIRED' as const, retiredAt: now },
              listed: false,
            },
          }
        : {}),
      events: [this.designEvent(principal, design, 'design.retired', { reason: why ?? null })],
    });
    return next;
  }

  /** The endorsement gate of a design: required and active endorsements. */
  async publicationGate(
    design: MicroCredential,
  ): Promise<{ required: number; active: number; satisfied: boolean }> {
    const gate = (await this.deps.endorsementGate?.(design)) ?? { required: 0, active: 0 };
    return { ...gate, satisfied: gate.active >= gate.required };
  }

  /** The gate as staff see it on a design; null for everyone else. */
  async gateFor(principal: Principal, design: MicroCredential) {
    if (!this.canReadReviews(principal, design.institutionId)) return null;
    const gate = await this.publicationGate(design);
    return {
      requiredEndorsements: gate.required,
      activeEndorsements: gate.active,
      satisfied: gate.satisfied,
    };
  }

  /** The gate of the design a review is about (shown as the review's last hurdle). */
  async gateForReview(principal: Principal, review: Review) {
    authorize(principal, 'qa.review.read', { institutionId: review.institutionId });
    const design = await this.requireDesign(review.microCredentialId);
    const gate = await this.publicationGate(design);
    return {
      requiredEndorsements: gate.required,
      activeEndorsements: gate.active,
      satisfied: gate.satisfied,
    };
  }

  /** Whether `principal` may read the institution's reviews (no error when not). */
  canReadReviews(principal: Principal, institutionId: string): boolean {
    return isAllowed(principal, 'qa.review.read', { institutionId });
  }

  async review(principal: Principal, reviewId: string): Promise<Review> {
    requireSignedIn(principal);
    const review = await this.requireReview(reviewId);
    authorizeOrHide(
      principal,
      'qa.review.read',
      { institutionId: review.institutionId },
      'Review',
      reviewId,
    );
    return review;
  }

  /** A review's full, append-only audit trail, oldest first. */
  async history(principal: Principal, reviewId: string): Promise<HistoryEntry[]> {
    const review = await this.requireReview(reviewId);
    authorize(principal, 'qa.review.read', { institutionId: review.institutionId });
    return this.deps.reviews.history(reviewId);
  }

  async reviews(
    principal: Principal,
    institutionId: string,
    args: { status?: unknown; first?: number | null; after?: string | null },
  ): Promise<Page<Review>> {
    authorize(principal, 'qa.review.read', { institutionId });
    const status = parseInput(z.enum(reviewStatuses).nullish(), args.status, 'status') ?? undefined;
    return this.deps.reviews.listByInstitution(
      institutionId,
      pageRequest(args.first, args.after),
      status,
    );
  }

  /** Steps waiting for the caller's QA roles in their institution, earliest due first. */
  async queue(principal: Principal): Promise<QueueEntry[]> {
    if (!hasRole(principal, 'qa-reviewer') || !principal.institutionId) {
      authorize(principal, 'qa.decide', { institutionId: '' });
      return [];
    }
    const institutionId = principal.institutionId;
    const now = this.deps.clock.now();
    const pages = await Promise.all(
      [...new Set(principal.qaRoles)].map((role) =>
        this.deps.reviews.queue(institutionId, role, { limit: 100 }),
      ),
    );
    return pages
      .flatMap((page) => page.items)
      .map((review) => ({
        review,
        step: currentStep(review),
        dueAt: review.currentStepDueAt ?? null,
        overdue: isOverdue(review, now),
      }))
      .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
  }

  /** Reviews in progress, overdue steps, outcomes and median time per step (last 365 days). */
  async statistics(principal: Principal, institutionId: string): Promise<QaStatistics> {
    authorize(principal, 'qa.review.read', { institutionId });
    const now = this.deps.clock.now();
    const [inProgress, changesRequested, approved, rejected] = await Promise.all([
      this.allReviews(institutionId, 'IN_PROGRESS'),
      this.allReviews(institutionId, 'CHANGES_REQUESTED'),
      this.allReviews(institutionId, 'APPROVED'),
      this.allReviews(institutionId, 'REJECTED'),
    ]);
    const since = new Date(now.getTime() - statisticsWindowDays * 24 * 3600 * 1000).toISOString();
    const decisions = await this.deps.reviews.decisionsSince(institutionId, since, 5_000);
    const byStep = new Map<string, { stepName: string; durations: number[] }>();
    for (const decision of decisions) {
      if (!decision.stepKey || decision.durationMs === undefined) continue;
      const bucket = byStep.get(decision.stepKey) ?? {
        stepName: decision.stepName ?? decision.stepKey,
        durations: [],
      };
      bucket.durations.push(decision.durationMs);
      byStep.set(decision.stepKey, bucket);
    }
    return {
      institutionId,
      inProgress: inProgress.length,
      changesRequested: changesRequested.length,
      overdue: inProgress.filter((review) => isOverdue(review, now)).length,
      approved: approved.length,
      rejected: rejected.length,
      stepTimes: [...byStep.entries()].map(([stepKey, { stepName, durations }]) => ({
        stepKey,
        stepName,
        decisions: durations.length,
        medianHours: Math.round((median(durations) / 3_600_000) * 100) / 100,
      })),
    };
  }

  private async allReviews(institutionId: string, status: Review['status']): Promise<Review[]> {
    const reviews: Review[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Review> = await this.deps.reviews.listByInstitution(
        institutionId,
        { limit: 100, cursor },
        status,
      );
      reviews.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && reviews.length < 10_000);
    return reviews;
  }

  /** What a decision changes on the design and its snapshot. */
  private async designEffects(before: Review, after: Review, entry: HistoryEntry, now: Date) {
    if (after.status === 'IN_PROGRESS') return {};
    const status = after.status;
    const design = await this.requireDesign(before.microCredentialId);
    const snapshot = await this.deps.unitOfWork.getSnapshot(design.id, before.designVersion);
    const history = await this.deps.reviews.history(before.id);
    const approvals = [...history, entry].filter(
      (item) => item.action === 'APPROVED' && item.round <= after.round && item.stepKey,
    );
    const timestamp = now.toISOString();
    return {
      design: {
        next: { ...design, status, updatedAt: timestamp, version: design.version + 1 },
        expectedVersion: design.version,
      },
      snapshots: snapshot
        ? [
            {
              ...snapshot,
              status,
              version: snapshot.version + 1,
              ...(status === 'APPROVED'
                ? {
                    qualityAssurance: {
                      reviewId: after.id,
                      workflowName: after.workflowName,
                      workflowVersion: after.workflowVersion,
                      approvedAt: timestamp,
                      steps: latestApprovalPerStep(approvals),
                    },
                  }
                : {}),
            },
          ]
        : [],
    };
  }

  private event(
    principal: Principal,
    review: Review,
    type: string,
    data: Record<string, unknown>,
  ): DomainEvent {
    return {
      id: this.deps.ids.newId(),
      type,
      institutionId: review.institutionId,
      aggregateType: 'Review',
      aggregateId: review.id,
      occurredAt: this.deps.clock.now().toISOString(),
      actor: actorOf(principal),
      data: { microCredentialId: review.microCredentialId, ...data },
    };
  }

  private designEvent(
    principal: Principal,
    design: MicroCredential,
    type: string,
    data: Record<string, unknown>,
  ): DomainEvent {
    return {
      id: this.deps.ids.newId(),
      type,
      institutionId: design.institutionId,
      aggregateType: 'MicroCredential',
      aggregateId: design.id,
      occurredAt: this.deps.clock.now().toISOString(),
      actor: actorOf(principal),
      data,
    };
  }

  private async currentWorkflow(institutionId: string): Promise<QaWorkflow> {
    return (
      (await this.deps.workflows.latest(institutionId)) ??
      defaultQaWorkflow(institutionId, new Date(0).toISOString())
    );
  }

  private async requireDesign(id: string): Promise<MicroCredential> {
    const design = await this.deps.designs.get(id);
    if (!design) throw new NotFoundError('MicroCredential', id);
    return design;
  }

  private async requireReview(id: string): Promise<Review> {
    const review = await this.deps.reviews.get(id);
    if (!review) throw new NotFoundError('Review', id);
    return review;
  }
}

function assertVersion(design: MicroCredential, expectedVersion: number): void {
  if (design.version !== expectedVersion) {
    throw new ConflictError(
      'VERSION_CONFLICT',
      `MicroCredential ${design.id} is at version ${design.version}, not ${expectedVersion}; reload it and try again.`,
    );
  }
}

function eventTypeOf(review: Review, entry: HistoryEntry): string {
  if (review.status === 'APPROVED') return 'qa.review.approved';
  if (review.status === 'REJECTED') return 'qa.review.rejected';
  if (review.status === 'CHANGES_REQUESTED') return 'qa.review.changes_requested';
  return entry.action === 'APPROVED' ? 'qa.step.approved' : 'qa.review.updated';
}

function latestApprovalPerStep(approvals: HistoryEntry[]) {
  const byStep = new Map<string, HistoryEntry>();
  for (const approval of approvals) byStep.set(approval.stepKey!, approval);
  return [...byStep.values()]
    .sort((a, b) => (a.stepIndex ?? 0) - (b.stepIndex ?? 0))
    .map((approval) => ({
      key: approval.stepKey!,
      name: approval.stepName ?? approval.stepKey!,
      role: approval.role ?? '',
      decidedAt: approval.at,
    }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
