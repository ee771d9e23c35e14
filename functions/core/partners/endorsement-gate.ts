import type { InstitutionRepository } from '../institutions/ports';
import type { Clock } from '../shared/runtime';
import { isCounting } from './model';
import type { EndorsementRepository } from './ports';

export interface EndorsementGateDeps {
  readonly endorsements: Pick<EndorsementRepository, 'listByTarget'>;
  readonly institutions: Pick<InstitutionRepository, 'get'>;
  readonly clock: Clock;
}

/** The publishing gate of a design, as QA asks for it. */
export class EndorsementGate {
  constructor(private readonly deps: EndorsementGateDeps) {}

  /**
   * How many distinct partners endorse the design now (active and not expired; a partner
   * endorsing twice counts once) and how many its institution requires.
   */
  async gate(
    microCredentialId: string,
    institutionId: string,
  ): Promise<{ required: number; active: number }> {
    const institution = await this.deps.institutions.get(institutionId);
    const now = this.deps.clock.now();
    const partners = new Set(
      (await this.deps.endorsements.listByTarget('MICRO_CREDENTIAL', microCredentialId))
        .filter((endorsement) => isCounting(endorsement, now))
        .map((endorsement) => endorsement.partnerId),
    );
    return { required: institution?.settings.requiredEndorsements ?? 1, active: partners.size };
  }
}
