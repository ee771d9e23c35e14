import { authorize, isAllowed } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import { ConflictError, NotFoundError } from '../shared/errors';
import { definedFields } from '../shared/objects';
import { pageRequest } from '../shared/paging';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import * as z from 'zod';
import {
  checkDesignSize,
  checkElements,
  createMicroCredentialInput,
  designContentSchema,
  designStatuses,
  editOutcome,
  updateMicroCredentialInput,
  type MicroCredential,
} from './model';
import type { InstitutionExists, IsLinkedPartner, MicroCredentialRepository } from './ports';

export interface MicroCredentialServiceDeps {
  readonly designs: MicroCredentialRepository;
  readonly institutionExists: InstitutionExists;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Lets partners linked to the institution read unpublished designs they are asked to endorse. */
  readonly isLinkedPartner?: IsLinkedPartner;
}

const statusFilter = z.enum(designStatuses).nullish();

/** Use cases for micro-credential designs (OB 3.0 achievements) before and after QA. */
export class MicroCredentialService {
  constructor(private readonly deps: MicroCredentialServiceDeps) {}

  async create(principal: Principal, input: unknown): Promise<MicroCredential> {
    const institutionId = institutionIdOf(input);
    authorize(principal, 'microCredential.create', { institutionId });
    const { institutionId: owner, ...content } = parseInput(createMicroCredentialInput, input);
    checkDesignSize(content);
    checkElements(content);
    if (!(await this.deps.institutionExists(owner))) throw new NotFoundError('Institution', owner);
    const now = this.deps.clock.now().toISOString();
    const design: MicroCredential = {
      id: this.deps.ids.newId(),
      institutionId: owner,
      content,
      designVersion: 1,
      status: 'DRAFT',
      createdAt: now,
      updatedAt: now,
      createdBy: actorOf(principal).id,
      version: 1,
    };
    await this.deps.designs.create(design);
    return design;
  }

  /**
   * Edits the working version. A draft (or one with changes requested) is edited in place; an
   * approved, published or rejected design starts a new draft version that must be reviewed
   * again, while the published version stays issuable.
   */
  async update(
    principal: Principal,
    id: string,
    expectedVersion: number,
    input: unknown,
  ): Promise<MicroCredential> {
    const current = await this.requireVisible(principal, id);
    authorize(principal, 'microCredential.update', { institutionId: current.institutionId });
    const changes = parseInput(updateMicroCredentialInput, input);
    if (current.version !== expectedVersion)
      throw staleVersion(id, expectedVersion, current.version);
    const outcome = editOutcome(current.status);
    if (outcome.kind === 'refused') throw new ConflictError(outcome.code, outcome.reason);
    // Re-validate the merged whole: a partial edit must still leave a complete design.
    const content = parseInput(designContentSchema, {
      ...current.content,
      ...definedFields(changes),
    });
    checkDesignSize(content);
    checkElements(content);
    const updated: MicroCredential = {
      ...current,
      content,
      ...(outcome.kind === 'new-version'
        ? {
            designVersion: current.designVersion + 1,
            status: 'DRAFT' as const,
            currentReviewId: undefined,
          }
        : {}),
      updatedAt: this.deps.clock.now().toISOString(),
      version: current.version + 1,
    };
    await this.deps.designs.update(updated, expectedVersion);
    return updated;
  }

  /**
   * A design as `principal` may see it: staff of the institution see the working version;
   * everyone else sees it only once published. Unpublished designs are NOT_FOUND to outsiders,
   * so their existence does not leak.
   */
  async get(principal: Principal, id: string): Promise<MicroCredential> {
    return this.requireVisible(principal, id);
  }

  async listByInstitution(
    principal: Principal,
    institutionId: string,
    args: { status?: unknown; first?: number | null; after?: string | null },
  ): Promise<Page<MicroCredential>> {
    authorize(principal, 'microCredential.readDraft', { institutionId });
    const status = parseInput(statusFilter, args.status, 'status') ?? undefined;
    return this.deps.designs.listByInstitution(
      institutionId,
      pageRequest(args.first, args.after),
      status,
    );
  }

  /** The public catalogue: published designs that can be earned now. */
  async catalogue(args: {
    institutionId?: string | null;
    first?: number | null;
    after?: string | null;
  }): Promise<Page<MicroCredential>> {
    return this.deps.designs.listPublished(
      pageRequest(args.first, args.after),
      args.institutionId ?? undefined,
    );
  }

  private async requireVisible(principal: Principal, id: string): Promise<MicroCredential> {
    const design = await this.deps.designs.get(id);
    if (!design) throw new NotFoundError('MicroCredential', id);
    const staff = isAllowed(principal, 'microCredential.readDraft', {
      institutionId: design.institutionId,
    });
    if (staff || (await this.deps.isLinkedPartner?.(principal, design.institutionId)))
      return design;
    const published = await this.deps.designs.getPublished(id);
    if (!published) throw new NotFoundError('MicroCredential', id);
    return published;
  }
}

function staleVersion(id: string, expected: number, actual: number): ConflictError {
  return new ConflictError(
    'VERSION_CONFLICT',
    `MicroCredential ${id} is at version ${actual}, not ${expected}; reload it and try again.`,
  );
}

/** Reads the owner before full validation so authorization errors come first. */
function institutionIdOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const value = (input as { institutionId?: unknown }).institutionId;
  return typeof value === 'string' ? value : undefined;
}
