import { authorize } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { NotFoundError } from '../shared/errors';
import { pageRequest } from '../shared/paging';
import type { Clock, Page } from '../shared/runtime';
import { isExpired, partnerIdOf, type Endorsement } from './model';
import type { EndorsementRepository } from './ports';

export interface EndorsementQueriesDeps {
  readonly endorsements: Pick<EndorsementRepository, 'get' | 'listByPartner' | 'listByTarget'>;
  readonly clock: Clock;
}

/** Reading endorsements: one by id (public), a design's, and the calling partner's own. */
export class EndorsementQueries {
  constructor(private readonly deps: EndorsementQueriesDeps) {}

  async get(id: string): Promise<Endorsement> {
    const endorsement = await this.deps.endorsements.get(id);
    if (!endorsement) throw new NotFoundError('Endorsement', id);
    return endorsement;
  }

  async find(id: string): Promise<Endorsement | null> {
    return this.deps.endorsements.get(id);
  }

  /** Whether the endorsement is past its expiry now. */
  isExpired(endorsement: Endorsement): boolean {
    return isExpired(endorsement, this.deps.clock.now());
  }

  /** What the calling partner endorsed, newest first. */
  async mine(
    principal: Principal,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<Endorsement>> {
    const partnerId = partnerIdOf(principal);
    authorize(principal, 'endorsement.read', { partnerId });
    return this.deps.endorsements.listByPartner(partnerId, pageRequest(first, after));
  }

  /** Public: the endorsements of a design (active and withdrawn). */
  async forDesign(microCredentialId: string): Promise<Endorsement[]> {
    return this.deps.endorsements.listByTarget('MICRO_CREDENTIAL', microCredentialId);
  }
}
