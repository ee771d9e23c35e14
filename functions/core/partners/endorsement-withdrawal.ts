import { authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import { NotFoundError } from '../shared/errors';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock, IdGenerator } from '../shared/runtime';
import { limits, parseInput, text } from '../shared/validation';
import { maxCredentialIdLength, type Endorsement } from './model';
import type { EndorsementRepository } from './ports';
import { issuerOf } from './self-signed-endorsement';

export interface EndorsementWithdrawalDeps {
  readonly endorsements: Pick<EndorsementRepository, 'get' | 'update' | 'findByCredentialId'>;
  readonly urls: Pick<PublicUrls, 'base' | 'endorsementVersion'>;
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
      {
        id: this.deps.ids.newId(),
        type: 'endorsement.withdrawn',
        institutionId: next.institutionId,
        aggregateType: 'Endorsement',
        aggregateId: next.id,
        occurredAt: this.deps.clock.now().toISOString(),
        actor: actorOf(principal),
        data: { partnerId: next.partnerId, target: next.target },
      },
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
    return issuerId === undefined || issuerOf(endorsement.credential) === issuerId;
  }

  /**
   * Endorsements named by our own URL: those stored before the credential-id index existed
   * (`/endorsements/{id}`), and the credentials signed for an achievement version
   * (`/endorsements/{id}/v{n}`), which share their endorsement's withdrawal.
   */
  private async byPlatformUrl(credentialId: string): Promise<Endorsement | null> {
    const prefix = `${this.deps.urls.base}/endorsements/`;
    if (!credentialId.startsWith(prefix)) return null;
    const match = /^([^/]+)(?:\/v(\d{1,6}))?$/.exec(credentialId.slice(prefix.length));
    const id = match ? decodeURIComponent(match[1]!) : '';
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return null;
    const endorsement = await this.deps.endorsements.get(id);
    if (!endorsement) return null;
    const named = match?.[2]
      ? this.deps.urls.endorsementVersion(id, Number(match[2]))
      : endorsement.credential.id;
    return named === credentialId ? endorsement : null;
  }
}
