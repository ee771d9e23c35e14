import { isAllowed, requireSignedIn } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { ForbiddenError, NotFoundError } from '../shared/errors';
import { parseInput } from '../shared/validation';
import type { Membership } from './membership';
import { firstAdminInput, type Member } from './model';
import type { CreateInstitution, CreatePartner, PartnerLinks } from './ports';

export interface OnboardingDeps {
  readonly createInstitution: CreateInstitution;
  readonly createPartner: CreatePartner;
  readonly partnerLinks: PartnerLinks;
}

/**
 * New organisations with their first admin: an institution with its first issuer admin
 * (platform admins), a partner with its first partner admin (whoever may create the partner),
 * and further partner admins for a partner that exists.
 */
export class Onboarding {
  constructor(
    private readonly membership: Membership,
    private readonly deps: OnboardingDeps,
  ) {}

  /** Creates the institution, then invites `admin` as its first issuer admin. */
  async institution(principal: Principal, input: unknown, admin?: unknown) {
    // The admin's address is checked before anything is created.
    const first = admin == null ? null : parseInput(firstAdminInput, admin, 'admin');
    const institution = await this.deps.createInstitution(principal, input);
    if (first)
      await this.membership.enrol(
        principal,
        {
          ...first,
          institutionId: institution.id,
          roles: ['issuer-admin'],
          qaRoles: [],
          assessedDesigns: [],
        },
        institution.id,
      );
    return institution;
  }

  /** Creates the partner linked to its institution, then invites `admin` as its partner admin. */
  async partner(principal: Principal, input: unknown, admin?: unknown) {
    const first = admin == null ? null : parseInput(firstAdminInput, admin, 'admin');
    const partner = await this.deps.createPartner(principal, input);
    if (first) await this.enrolPartnerAdmin(principal, partner.id, partner.institutionIds, first);
    return partner;
  }

  /**
   * Invites a partner admin to an existing partner: platform admins, the partner's own admins,
   * and issuer admins of an institution the partner works with.
   */
  async invitePartnerAdmin(principal: Principal, partnerId: string, input: unknown) {
    requireSignedIn(principal);
    const links = await this.deps.partnerLinks(partnerId);
    if (!links) throw new NotFoundError('Partner', partnerId);
    const inviting = links.institutionIds.find((institutionId) =>
      isAllowed(principal, 'partner.inviteAdmin', { partnerId, institutionId }),
    );
    if (!inviting && !isAllowed(principal, 'partner.inviteAdmin', { partnerId }))
      throw new ForbiddenError();
    const admin = parseInput(firstAdminInput, input);
    // The inviting institution's trail when an issuer admin invites, else the partner's first.
    const trail = principal.kind === 'user' && principal.institutionId ? inviting : undefined;
    return this.enrolPartnerAdmin(principal, partnerId, links.institutionIds, admin, trail);
  }

  private enrolPartnerAdmin(
    principal: Principal,
    partnerId: string,
    institutionIds: readonly string[],
    admin: { email: string; name?: string },
    trail?: string,
  ): Promise<Member> {
    const auditInstitutionId = trail ?? institutionIds[0];
    if (!auditInstitutionId) throw new NotFoundError('Partner', partnerId);
    return this.membership.enrol(
      principal,
      { ...admin, partnerId, roles: ['partner-admin'], qaRoles: [], assessedDesigns: [] },
      auditInstitutionId,
    );
  }
}
