import { authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import { NotFoundError } from '../shared/errors';
import type { EventActor } from '../shared/domain-events';
import type { DomainEvent } from '../shared/events';
import { definedFields } from '../shared/objects';
import { pageRequest } from '../shared/paging';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import {
  createInstitutionInput,
  institutionSettingsSchema,
  updateInstitutionInput,
  type Institution,
} from './institution';
import { InstitutionCreated } from './events';
import type { InstitutionRepository } from './ports';

export interface InstitutionServiceDeps {
  readonly institutions: InstitutionRepository;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Events to record with a new institution (e.g. the request for its signing keys). */
  readonly creationEvents?: (institution: Institution, actor: EventActor) => DomainEvent[];
}

/** Use cases for issuing institutions (OB 3.0 issuer profiles). */
export class InstitutionService {
  constructor(private readonly deps: InstitutionServiceDeps) {}

  async create(principal: Principal, input: unknown): Promise<Institution> {
    authorize(principal, 'institution.create');
    const fields = parseInput(createInstitutionInput, input);
    const now = this.deps.clock.now().toISOString();
    const institution: Institution = {
      ...fields,
      id: this.deps.ids.newId(),
      settings: institutionSettingsSchema.parse(fields.settings ?? {}),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const actor = actorOf(principal);
    await this.deps.institutions.create(institution, [
      InstitutionCreated.create(
        { name: institution.name },
        {
          id: this.deps.ids.newId(),
          institutionId: institution.id,
          aggregateId: institution.id,
          occurredAt: now,
          actor,
        },
      ),
      ...(this.deps.creationEvents?.(institution, actor) ?? []),
    ]);
    return institution;
  }

  async update(
    principal: Principal,
    id: string,
    expectedVersion: number,
    input: unknown,
  ): Promise<Institution> {
    const current = await this.require(id);
    authorize(principal, 'institution.update', { institutionId: id });
    const changes = parseInput(updateInstitutionInput, input);
    const updated: Institution = {
      ...current,
      ...definedFields(changes),
      settings: { ...current.settings, ...definedFields(changes.settings ?? {}) },
      updatedAt: this.deps.clock.now().toISOString(),
      version: expectedVersion + 1,
    };
    await this.deps.institutions.update(updated, expectedVersion);
    return updated;
  }

  /** Public: an institution's profile is published with every credential it issues. */
  async get(id: string): Promise<Institution> {
    return this.require(id);
  }

  async find(id: string): Promise<Institution | null> {
    return this.deps.institutions.get(id);
  }

  async list(first?: number | null, after?: string | null): Promise<Page<Institution>> {
    return this.deps.institutions.list(pageRequest(first, after));
  }

  private async require(id: string): Promise<Institution> {
    const institution = await this.deps.institutions.get(id);
    if (!institution) throw new NotFoundError('Institution', id);
    return institution;
  }
}
