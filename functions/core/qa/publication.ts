import { authorize, isAllowed } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import type { DesignVersion, MicroCredential } from '../designs/micro-credential';
import { ConflictError } from '../shared/errors';
import type { Clock, IdGenerator } from '../shared/runtime';
import { limits, parseInput, text } from '../shared/validation';
import { assertDesignVersion, requireDesign } from './lookups';
import type { PublicationGateView, Review } from './model';
import type { DesignUnitOfWork, EndorsementGate } from './ports';
import { DesignPublished, DesignRetired } from '../designs/events';
import { EventOrigins } from './qa-events';

export interface DesignPublicationDeps {
  readonly designs: MicroCredentialRepository;
  readonly unitOfWork: DesignUnitOfWork;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Without one, no design needs endorsements to be published. */
  readonly endorsementGate?: EndorsementGate;
}

/**
 * What happens to a design after QA: publishing an approved version (behind the endorsement
 * gate) into the catalogue, and retiring it from new issuance.
 */
export class DesignPublication {
  private readonly origins: EventOrigins;

  constructor(private readonly deps: DesignPublicationDeps) {
    this.origins = new EventOrigins(deps);
  }

  /** Publishes an approved design version: it enters the catalogue and becomes issuable. */
  async publish(
    principal: Principal,
    microCredentialId: string,
    expectedVersion: number,
  ): Promise<MicroCredential> {
    const design = await requireDesign(this.deps.designs, microCredentialId);
    authorize(principal, 'microCredential.publish', { institutionId: design.institutionId });
    assertDesignVersion(design, expectedVersion);
    const snapshot = await this.approvedSnapshot(design);
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
        DesignPublished.create(
          {
            designVersion: design.designVersion,
            supersededVersion: previous?.designVersion ?? null,
          },
          this.origins.of(principal, design),
        ),
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
    const design = await requireDesign(this.deps.designs, microCredentialId);
    authorize(principal, 'microCredential.retire', { institutionId: design.institutionId });
    const why = parseInput(text(limits.description).optional(), reason ?? undefined, 'reason');
    assertDesignVersion(design, expectedVersion);
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
      events: [DesignRetired.create({ reason: why ?? null }, this.origins.of(principal, design))],
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
  async gateFor(
    principal: Principal,
    design: MicroCredential,
  ): Promise<PublicationGateView | null> {
    if (!isAllowed(principal, 'qa.review.read', { institutionId: design.institutionId }))
      return null;
    return gateView(await this.publicationGate(design));
  }

  /** The gate of the design a review is about (shown as the review's last hurdle). */
  async gateForReview(principal: Principal, review: Review): Promise<PublicationGateView> {
    authorize(principal, 'qa.review.read', { institutionId: review.institutionId });
    const design = await requireDesign(this.deps.designs, review.microCredentialId);
    return gateView(await this.publicationGate(design));
  }

  /**
   * The QA-approved snapshot of the design's working version, provided the endorsement gate
   * lets it through; CONFLICT otherwise.
   */
  private async approvedSnapshot(design: MicroCredential): Promise<DesignVersion> {
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
    return snapshot;
  }
}

function gateView(gate: {
  required: number;
  active: number;
  satisfied: boolean;
}): PublicationGateView {
  return {
    requiredEndorsements: gate.required,
    activeEndorsements: gate.active,
    satisfied: gate.satisfied,
  };
}
