import { authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import { contentDigest } from '../shared/digest';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import type { Clock, IdGenerator } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import { normaliseEmail, type CredentialRecord, type Reservation } from '../credential/credential';
import type { CredentialMinting } from './credential-minting';
import { CredentialIssued } from './events';
import { IssuanceBatch, shared } from './issuance-batch';
import { emailHash, issueCredentialInput, type IssuanceActor, type IssueRequest } from './model';
import type { CredentialRepository, StatusListRepository } from './ports';

export interface IssueCredentialDeps {
  readonly designs: Pick<MicroCredentialRepository, 'get' | 'getPublished'>;
  readonly credentials: Pick<
    CredentialRepository,
    'get' | 'getReservation' | 'reserve' | 'complete'
  >;
  readonly statusLists: StatusListRepository;
  readonly minting: CredentialMinting;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** The design version an issuance is for, and the keys that make it idempotent. */
interface IssuanceTarget {
  readonly institutionId: string;
  readonly microCredentialId: string;
  readonly designVersion: number;
  /** One learner, one design version: the reservation's key. */
  readonly naturalKey: string;
  /** What the request asks for, so a reused client key can be told apart. */
  readonly requestHash: string;
}

/**
 * Issues Open Badges 3.0 credentials signed in KMS. Issuance is idempotent per learner and
 * design version (and per client idempotency key): a reservation fixes the credential id, dates
 * and status positions before anything is signed, and the credential is stored in one
 * transaction with the reservation's completion, so concurrent retries and failures between
 * signing and storing never produce two credentials.
 */
export class IssueCredential {
  constructor(private readonly deps: IssueCredentialDeps) {}

  /** An issuer admin awards a published micro-credential to one learner. */
  async issue(principal: Principal, input: unknown): Promise<CredentialRecord> {
    const request = parseInput(issueCredentialInput, input);
    const design = await this.deps.designs.get(request.microCredentialId);
    if (!design) throw new NotFoundError('MicroCredential', request.microCredentialId);
    authorize(principal, 'credential.issue', { institutionId: design.institutionId });
    return this.issueFor({ ...request, actor: actorOf(principal) });
  }

  /** Shared reads and status positions for up to `size` rows of a bulk job (see IssuanceBatch). */
  batch(size: number): IssuanceBatch {
    return new IssuanceBatch(this.deps.statusLists, size);
  }

  /**
   * Issues for a request already authorized (bulk jobs, the learner pathway, stacking). With a
   * `batch`, what the rows of a bulk job share is read once for the batch.
   */
  async issueFor(request: IssueRequest, batch?: IssuanceBatch): Promise<CredentialRecord> {
    const target = await this.target(request, batch);
    const hash = emailHash(request.recipient.email);
    if (request.idempotencyKey) await this.claimClientKey(target, request.idempotencyKey);
    let reservation: Reservation;
    let record: CredentialRecord | undefined;
    if (batch) {
      const position = await batch.position(target.institutionId, 'revocation');
      ({ reservation, record } = await this.reserveWhileSigning(
        this.reservation(target, target.naturalKey, this.deps.ids.newId(), [position]),
        request,
        hash,
        batch,
      ));
    } else {
      reservation =
        (await this.deps.credentials.getReservation(target.institutionId, target.naturalKey)) ??
        (await this.deps.credentials.reserve(
          this.reservation(target, target.naturalKey, this.deps.ids.newId(), [
            await this.deps.statusLists.allocate(target.institutionId, 'revocation'),
          ]),
        ));
    }
    if (reservation.status === 'COMPLETE') return this.requireCredential(reservation.credentialId);
    record ??= await this.deps.minting.buildAndSign(reservation, request, hash, batch);
    const stored = await this.complete(record, this.issuedEvent(record, request.actor, hash));
    return stored === 'stored' ? record : this.requireCredential(reservation.credentialId);
  }

  /**
   * Completes the reservation. Requests for the same learner and design share it, so another
   * one may be completing it in the same instant (a transaction conflict): trying again then
   * either stores this record or finds the reservation completed by the other request.
   */
  private async complete(record: CredentialRecord, event: DomainEvent) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.deps.credentials.complete(record, [event]);
      } catch (error) {
        const concurrent = error instanceof ConflictError && error.code === 'CONCURRENT_UPDATE';
        if (!concurrent || attempt >= 5) throw error;
      }
    }
  }

  /** The published version to issue, refusing a design that is not published. */
  private async target(request: IssueRequest, batch?: IssuanceBatch): Promise<IssuanceTarget> {
    const published = await shared(batch, `published:${request.microCredentialId}`, () =>
      this.deps.designs.getPublished(request.microCredentialId),
    );
    if (!published || published.status !== 'PUBLISHED' || !published.published) {
      throw new ConflictError(
        'DESIGN_NOT_ISSUABLE',
        'Only a published, not retired micro-credential can be issued.',
      );
    }
    const designVersion = published.published.designVersion;
    const hash = emailHash(request.recipient.email);
    return {
      institutionId: published.institutionId,
      microCredentialId: published.id,
      designVersion,
      naturalKey: `learner:${hash}:${published.id}:v${designVersion}`,
      requestHash: contentDigest({
        microCredentialId: published.id,
        designVersion,
        recipient: { ...request.recipient, email: normaliseEmail(request.recipient.email) },
      }),
    };
  }

  /** The client's key must always name the same learner and design version. */
  private async claimClientKey(target: IssuanceTarget, idempotencyKey: string): Promise<void> {
    const alias = await this.deps.credentials.reserve(
      this.reservation(target, `client:${idempotencyKey}`, target.naturalKey, []),
    );
    if (alias.credentialId !== target.naturalKey) {
      throw new ConflictError(
        'IDEMPOTENCY_KEY_REUSED',
        'This idempotency key was used for a different learner or micro-credential.',
      );
    }
  }

  /**
   * For a row of a bulk job: writes the reservation and signs the credential it proposes at
   * the same time, so the write is off the path to KMS. Rows of a job are new but for the few
   * an interrupted pass left behind; when the reservation turns out to exist already, the
   * speculative credential is dropped unseen (it was never stored, and its status positions
   * are left unused, as a block's spare ones are) and the existing reservation decides, as it
   * does for any other issuance. A failed write fails the row whatever the signing did.
   */
  private async reserveWhileSigning(
    proposed: Reservation,
    request: IssueRequest,
    hash: string,
    batch: IssuanceBatch,
  ): Promise<{ reservation: Reservation; record?: CredentialRecord }> {
    const [reserved, signed] = await Promise.allSettled([
      this.deps.credentials.reserve(proposed),
      this.deps.minting.buildAndSign(proposed, request, hash, batch),
    ]);
    if (reserved.status === 'rejected') throw reserved.reason;
    const reservation = reserved.value;
    // The credential id is new, so only a reservation stored by this call carries it.
    if (reservation.credentialId !== proposed.credentialId) return { reservation };
    if (signed.status === 'rejected') throw signed.reason;
    return { reservation, record: signed.value };
  }

  private reservation(
    target: IssuanceTarget,
    key: string,
    credentialId: string,
    entries: Reservation['statusEntries'],
  ): Reservation {
    return {
      institutionId: target.institutionId,
      key,
      requestHash: target.requestHash,
      credentialId,
      microCredentialId: target.microCredentialId,
      designVersion: target.designVersion,
      issuedAt: this.deps.clock.now().toISOString(),
      statusEntries: entries,
      status: 'PENDING',
      version: 1,
    };
  }

  private async requireCredential(id: string): Promise<CredentialRecord> {
    const record = await this.deps.credentials.get(id);
    if (!record) throw new NotFoundError('Credential', id);
    return record;
  }

  private issuedEvent(record: CredentialRecord, actor: IssuanceActor, hash: string): DomainEvent {
    return CredentialIssued.create(
      {
        microCredentialId: record.microCredentialId,
        designVersion: record.designVersion,
        kind: record.kind,
        emailHash: hash,
        parts: record.parts,
      },
      {
        id: this.deps.ids.newId(),
        institutionId: record.institutionId,
        aggregateId: record.id,
        occurredAt: this.deps.clock.now().toISOString(),
        actor,
      },
    );
  }
}
