import { authorize, isAllowed } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import type { InstitutionRepository } from '../institutions/ports';
import { ConflictError, NotFoundError } from '../shared/errors';
import { definedFields } from '../shared/objects';
import { pageRequest } from '../shared/paging';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { identifier, parseInput } from '../shared/validation';
import { PartnerCreated, PartnerLinked, PartnerUnlinked } from './events';
import { createPartnerInput, updatePartnerInput, type Partner } from './model';
import type { KeyProvisioningEvent, PartnerRepository } from './ports';

export interface PartnerProfilesDeps {
  readonly partners: PartnerRepository;
  readonly institutions: Pick<InstitutionRepository, 'get'>;
  readonly provisioningEvent: KeyProvisioningEvent;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * Industry partners: their profiles and links to institutions. A partner's profile is its own:
 * only its partner admins and platform admins change it. Institutions link partners to
 * themselves (recorded as events); the partner sees its links and may remove any, after which
 * that institution cannot link it again on its own.
 */
export class PartnerProfiles {
  constructor(private readonly deps: PartnerProfilesDeps) {}

  /** Onboards a partner linked to its first institution, and asks for its signing keys. */
  async create(principal: Principal, input: unknown): Promise<Partner> {
    const fields = parseInput(createPartnerInput, input);
    authorize(principal, 'partner.create', { institutionId: fields.institutionId });
    if (!(await this.deps.institutions.get(fields.institutionId)))
      throw new NotFoundError('Institution', fields.institutionId);
    const { institutionId, ...profile } = fields;
    const now = this.deps.clock.now().toISOString();
    const partner: Partner = {
      ...profile,
      id: this.deps.ids.newId(),
      institutionIds: [institutionId],
      removedInstitutionIds: [],
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const actor = actorOf(principal);
    await this.deps.partners.create(partner, [
      PartnerCreated.create(
        { name: partner.name },
        {
          id: this.deps.ids.newId(),
          institutionId,
          aggregateId: partner.id,
          occurredAt: now,
          actor,
        },
      ),
      this.deps.provisioningEvent({ ownerKind: 'partner', ownerId: partner.id }, actor),
    ]);
    return partner;
  }

  /** Changes the partner's profile (its partner admins and platform admins only). */
  async update(
    principal: Principal,
    id: string,
    expectedVersion: number,
    input: unknown,
  ): Promise<Partner> {
    authorize(principal, 'partner.manage', { partnerId: id });
    const partner = await this.get(id);
    const changes = parseInput(updatePartnerInput, input);
    if (partner.version !== expectedVersion)
      throw new ConflictError(
        'VERSION_CONFLICT',
        `Partner ${id} is at version ${partner.version}.`,
      );
    const next: Partner = {
      ...partner,
      ...definedFields(changes),
      updatedAt: this.deps.clock.now().toISOString(),
      version: partner.version + 1,
    };
    await this.deps.partners.update(next, expectedVersion);
    return next;
  }

  /**
   * Links a partner to an institution (a partner may serve several): that institution's issuer
   * admins or a platform admin, recorded as a `partner.linked` event. Once the partner removed
   * the institution's link, only the partner's admins (or a platform admin) can restore it.
   */
  async link(principal: Principal, partnerId: string, institutionId: string): Promise<Partner> {
    parseInput(identifier(), institutionId, 'institutionId');
    const partner = await this.get(partnerId);
    const removed = partner.removedInstitutionIds.includes(institutionId);
    const restoring = removed && isPartnerAdmin(principal, partnerId);
    if (!restoring) authorize(principal, 'partner.link', { institutionId });
    if (!(await this.deps.institutions.get(institutionId)))
      throw new NotFoundError('Institution', institutionId);
    if (partner.institutionIds.includes(institutionId)) return partner;
    if (removed && !restoring && !isAllowed(principal, 'partner.manage', { partnerId }))
      throw new ConflictError(
        'PARTNER_LINK_REMOVED',
        'The partner removed its link to this institution; only the partner can restore it.',
      );
    const next: Partner = {
      ...partner,
      institutionIds: [...partner.institutionIds, institutionId],
      removedInstitutionIds: partner.removedInstitutionIds.filter((id) => id !== institutionId),
      updatedAt: this.deps.clock.now().toISOString(),
      version: partner.version + 1,
    };
    await this.deps.partners.update(next, partner.version, [
      PartnerLinked.create({ partnerId: next.id }, this.origin(next, institutionId, principal)),
    ]);
    return next;
  }

  /**
   * Removes a partner's link to an institution: the partner's admins (for any of its links),
   * the institution's issuer admins, or a platform admin. Existing endorsements stay as they
   * are (withdrawing them is the partner's separate choice).
   */
  async unlink(principal: Principal, partnerId: string, institutionId: string): Promise<Partner> {
    parseInput(identifier(), institutionId, 'institutionId');
    const byPartner = isPartnerAdmin(principal, partnerId);
    if (!byPartner && !isAllowed(principal, 'partner.manage', { partnerId }))
      authorize(principal, 'partner.link', { institutionId });
    const partner = await this.get(partnerId);
    if (!partner.institutionIds.includes(institutionId)) return partner;
    const next: Partner = {
      ...partner,
      institutionIds: partner.institutionIds.filter((id) => id !== institutionId),
      removedInstitutionIds: byPartner
        ? [...partner.removedInstitutionIds, institutionId]
        : partner.removedInstitutionIds,
      updatedAt: this.deps.clock.now().toISOString(),
      version: partner.version + 1,
    };
    const by = byPartner ? 'partner' : 'institution';
    await this.deps.partners.update(
      next,
      partner.version,
      [
        PartnerUnlinked.create(
          { partnerId: next.id, by },
          this.origin(next, institutionId, principal),
        ),
      ],
      [institutionId],
    );
    return next;
  }

  /** Public: a partner's profile is embedded in every endorsement it makes. */
  async get(id: string): Promise<Partner> {
    const partner = await this.deps.partners.get(id);
    if (!partner) throw new NotFoundError('Partner', id);
    return partner;
  }

  async find(id: string): Promise<Partner | null> {
    return this.deps.partners.get(id);
  }

  async listForInstitution(
    principal: Principal,
    institutionId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Partner>> {
    authorize(principal, 'microCredential.readDraft', { institutionId });
    return this.deps.partners.listByInstitution(institutionId, pageRequest(first, after));
  }

  /** Whether the caller is a partner (key or admin) linked to the institution. */
  async isLinkedPartner(principal: Principal, institutionId: string): Promise<boolean> {
    const partnerId =
      principal.kind === 'partner'
        ? principal.partnerId
        : principal.kind === 'user'
          ? principal.partnerId
          : undefined;
    // Acting for the partner is the policy's to decide (a key with an endorsement scope, or a
    // partner admin), not what a token claims: a learner's token may carry a partner id.
    if (!partnerId || !isAllowed(principal, 'endorsement.read', { partnerId })) return false;
    const partner = await this.deps.partners.get(partnerId);
    return partner?.institutionIds.includes(institutionId) ?? false;
  }

  /** Where a partner's link event happened: in the institution's stream, now. */
  private origin(partner: Partner, institutionId: string, principal: Principal) {
    return {
      id: this.deps.ids.newId(),
      institutionId,
      aggregateId: partner.id,
      occurredAt: this.deps.clock.now().toISOString(),
      actor: actorOf(principal),
    };
  }
}

/** The partner itself (its admins), as opposed to an institution or a platform admin. */
function isPartnerAdmin(principal: Principal, partnerId: string): boolean {
  return isAllowed(principal, 'partner.ownLinks', { partnerId });
}
