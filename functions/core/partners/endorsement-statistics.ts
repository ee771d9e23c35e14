import { authorize } from '../auth/policy';
import type { Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import type { Page } from '../shared/runtime';
import { partnerIdOf, type Endorsement } from './model';
import type { CountIssuedCredentials, EndorsementRepository } from './ports';

export interface EndorsementStatisticsDeps {
  readonly endorsements: Pick<EndorsementRepository, 'listByPartner'>;
  readonly designs: Pick<MicroCredentialRepository, 'get' | 'getPublished'>;
  readonly countIssued: CountIssuedCredentials;
}

/** Credentials issued under one endorsed design (counts only, never learner data). */
export interface EndorsedDesignStatistics {
  readonly microCredentialId: string;
  readonly name: string;
  readonly endorsementId: string;
  readonly credentialsIssued: number;
}

/** What a partner's endorsements led to: credentials issued under the designs it endorses. */
export class EndorsementStatistics {
  constructor(private readonly deps: EndorsementStatisticsDeps) {}

  async statistics(principal: Principal): Promise<EndorsedDesignStatistics[]> {
    const partnerId = partnerIdOf(principal);
    authorize(principal, 'endorsement.read', { partnerId });
    const designs = (await this.endorsementsOf(partnerId)).filter(
      (endorsement) =>
        endorsement.target.kind === 'MICRO_CREDENTIAL' && endorsement.status === 'ACTIVE',
    );
    return Promise.all(
      designs.map(async (endorsement) => {
        const design = await this.deps.designs.getPublished(endorsement.target.id);
        return {
          microCredentialId: endorsement.target.id,
          name:
            design?.content.name ??
            (await this.deps.designs.get(endorsement.target.id))?.content.name ??
            '',
          endorsementId: endorsement.id,
          credentialsIssued: await this.deps.countIssued(endorsement.target.id),
        };
      }),
    );
  }

  /** The partner's endorsements, newest first, up to the first thousand. */
  private async endorsementsOf(partnerId: string): Promise<Endorsement[]> {
    const endorsements: Endorsement[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Endorsement> = await this.deps.endorsements.listByPartner(partnerId, {
        limit: 100,
        cursor,
      });
      endorsements.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && endorsements.length < 1_000);
    return endorsements;
  }
}
