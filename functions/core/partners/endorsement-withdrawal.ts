import { authorize } from '../auth/policy';
import { readCredential } from '../credential/document';
import { actorOf, type Principal } from '../auth/principal';
import { NotFoundError } from '../shared/errors';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock, IdGenerator } from '../shared/runtime';
import { limits, parseInput, text } from '../shared/validation';
import { EndorsementWithdrawn } from './events';
import { maxCredentialIdLength, type Endorsement } from './model';
import type { EndorsementRepository } from './ports';

export interface EndorsementWithdrawalDeps {
  readonly endorsements: Pick<EndorsementRepository, 'get' | 'update' | 'findByCredentialId'>;
  readonly urls: Pick<PublicUrls, 'parse' | 'endorsementVersion'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * A partner withdraws an endorsement: it stops counting, stays on record, and verifiers see it
 * withdrawn. Verification asks this module whether an EndorsementCredential it meets was
 * withdrawn, so it depends on nothing but the endorsements.
 */
export class EndorsementWithdrawal {
  constructor(private readonly deps: EndorsementWithdrawalDeps) {}

  async withdraw(principal: Principal, id: string, reason?: string | null): Promise<Endorsement> {
    const endorsement = await this.deps.endorsements.get(id);
    if (!endorsement) throw new NotFoundError('Endorsement', id);
    authorize(principal, 'endorsement.write', { partnerId: endorsement.partnerId });
    const why = parseInput(text(limits.shortText).optional(), reason ?? undefined, 'reason');
    if (endorsement.status === 'WITHDRAWN') return endorsement;
    const now = this.deps.clock.now().toISOString();
    const next: Endorsement = {
      ...endorsement,
      status: 'WITHDRAWN',
      withdrawnAt: now,
      withdrawalReason: why,
      version: endorsement.version + 1,
    };
    await this.deps.endorsements.update(next, endorsement.version, [
      EndorsementWithdrawn.create(
        { partnerId: next.partnerId, target: next.target },
        {
          id: this.deps.ids.newId(),
          institutionId: next.institutionId,
          aggregateId: next.id,
          occurredAt: this.deps.clock.now().toISOString(),
          actor: actorOf(principal),
        },
      ),
    ]);
    return next;
  }

  /**
   * Whether the EndorsementCredential with this `id` was withdrawn here: looked up by the
   * credential's own id, so it works for platform-signed (our URL) and self-signed (any IRI,
   * e.g. `urn:uuid:…`) endorsements alike. With `issuerId`, only a withdrawal of a credential
   * from that issuer counts, so nobody can withdraw someone else's credential by reusing its id.
   */
  async isWithdrawn(credentialId: string, issuerId?: string): Promise<boolean> {
    if (credentialId.length === 0 || credentialId.length > maxCredentialIdLength) return false;
    const endorsement =
      (await this.deps.endorsements.findByCredentialId(credentialId)) ??
      (await this.byPlatformUrl(credentialId));
    if (endorsement?.status !== 'WITHDRAWN') return false;
    return issuerId === undefined || readCredential(endorsement.credential)?.issuer.id === issuerId;
  }

  /**
   * Endorsements named by our own URL: those stored before the credential-id index existed
   * (`/endorsements/{id}`), and the credentials signed for an achievement version
   * (`/endorsements/{id}/v{n}`), which share their endorsement's withdrawal.
   */
  private async byPlatformUrl(credentialId: string): Promise<Endorsement | null> {
    const route = this.deps.urls.parse(credentialId);
    if (route?.kind !== 'endorsement' && route?.kind !== 'endorsementVersion') return null;
    const { id } = route.params;
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return null;
    const endorsement = await this.deps.endorsements.get(id);
    if (!endorsement) return null;
    // Only the exact URL counts (no `.json`, query or fragment): it is a credential's id.
    const named =
      route.kind === 'endorsementVersion'
        ? this.deps.urls.endorsementVersion(id, route.params.version)
        : endorsement.credential.id;
    return named === credentialId ? endorsement : null;
  }
}
