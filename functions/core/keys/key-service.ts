import { authorize } from '../auth/policy';
import { actorOf, type Principal } from '../auth/principal';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { EventActor } from '../shared/domain-events';
import type { DomainEvent } from '../shared/events';
import type { Clock, IdGenerator } from '../shared/runtime';
import { limits, parseInput, text } from '../shared/validation';
import { keyAlgorithms, keyIdFor, type IssuerKey } from './issuer-key';
import { KeyRevoked, KeyRotationRequested } from './events';
import type { KeyOwner, KeyProvisioner, KeyRepository, SignatureAlgorithm } from './ports';

export interface KeyServiceDeps {
  readonly keys: KeyRepository;
  /** Only the worker has one: creating keys is a narrower permission than signing. */
  readonly provisioner?: KeyProvisioner;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** The key pair state of an owner as shown to admins. */
export interface KeySet {
  readonly keys: readonly IssuerKey[];
  /** True while a requested generation has not been provisioned yet. */
  readonly rotationPending: boolean;
}

/**
 * Issuer signing keys: provisioning (at creation and on rotation), rotation that keeps old
 * public keys published, and revocation of compromised keys.
 */
export class KeyService {
  constructor(private readonly deps: KeyServiceDeps) {}

  /**
   * Makes sure the owner has both keys of `generation` and retires older active keys. Safe to
   * run again (stream redelivery): existing keys are found by name and record id.
   */
  async provision(owner: KeyOwner, generation: number): Promise<IssuerKey[]> {
    const provisioner = this.deps.provisioner;
    if (!provisioner) throw new Error('this process cannot create keys');
    const existing = await this.deps.keys.list(owner);
    const now = this.deps.clock.now().toISOString();
    for (const algorithm of keyAlgorithms) {
      const keyId = keyIdFor(generation, algorithm);
      if (existing.some((key) => key.keyId === keyId)) continue;
      const created = await provisioner.createKey(algorithm, {
        ...owner,
        purpose: algorithm === 'Ed25519' ? 'data-integrity' : 'vc-jwt',
        name: `${owner.ownerKind}/${owner.ownerId}/${keyId}`,
      });
      await this.deps.keys.addIfAbsent({
        ...owner,
        keyId,
        algorithm,
        keyRef: created.keyRef,
        publicKeySpki: Buffer.from(created.publicKeySpki).toString('base64'),
        status: 'ACTIVE',
        generation,
        createdAt: now,
        version: 1,
      });
    }
    const keys = await this.deps.keys.list(owner);
    const toRetire = keys.filter((key) => key.status === 'ACTIVE' && key.generation < generation);
    if (toRetire.length > 0) {
      await this.deps.keys.update(
        toRetire.map((key) => ({
          next: { ...key, status: 'RETIRED', retiredAt: now, version: key.version + 1 },
          expectedVersion: key.version,
        })),
        [],
      );
    }
    return this.deps.keys.list(owner);
  }

  /** The key new credentials are signed with; ConflictError while keys are being provisioned. */
  async activeKey(owner: KeyOwner, algorithm: SignatureAlgorithm): Promise<IssuerKey> {
    const keys = await this.deps.keys.list(owner);
    const active = keys
      .filter((key) => key.algorithm === algorithm && key.status === 'ACTIVE')
      .sort((a, b) => b.generation - a.generation)[0];
    if (!active) {
      throw new ConflictError(
        'ISSUER_KEYS_NOT_READY',
        'The signing keys are still being created; try again in a few seconds.',
        { retryable: true },
      );
    }
    return active;
  }

  /** The owner's keys, for its admins. */
  async keysFor(principal: Principal, owner: KeyOwner): Promise<IssuerKey[]> {
    authorize(principal, 'keys.manage', scopeOf(owner));
    return this.deps.keys.list(owner);
  }

  async keySet(owner: KeyOwner): Promise<KeySet> {
    const keys = await this.deps.keys.list(owner);
    return { keys, rotationPending: !keys.some((key) => key.status === 'ACTIVE') };
  }

  /** Every key, for publishing (DID document, JWKS, verification). */
  async publicKeys(owner: KeyOwner): Promise<IssuerKey[]> {
    return this.deps.keys.list(owner);
  }

  /**
   * Asks for new keys (the worker creates them and retires the current ones). Old public keys
   * stay published, so everything signed before keeps verifying.
   */
  async rotate(principal: Principal, owner: KeyOwner): Promise<number> {
    authorize(principal, 'keys.manage', scopeOf(owner));
    const keys = await this.deps.keys.list(owner);
    // An owner without keys is unknown (or its first keys are still being created).
    if (keys.length === 0) throw new NotFoundError('SigningKeys', owner.ownerId);
    const generation = Math.max(...keys.map((key) => key.generation)) + 1;
    await this.deps.keys.requestRotation(
      owner,
      generation,
      this.rotationEvent(owner, generation, actorOf(principal)),
    );
    return generation;
  }

  /**
   * Marks a key revoked (e.g. compromised): it disappears from the assertion methods and its
   * signatures fail verification. Revoking an active key also requests replacement keys.
   */
  async revoke(
    principal: Principal,
    owner: KeyOwner,
    keyId: string,
    reason?: string | null,
  ): Promise<IssuerKey> {
    authorize(principal, 'keys.manage', scopeOf(owner));
    const why = parseInput(text(limits.shortText).optional(), reason ?? undefined, 'reason');
    const keys = await this.deps.keys.list(owner);
    const key = keys.find((candidate) => candidate.keyId === keyId);
    if (!key) throw new NotFoundError('SigningKey', keyId);
    if (key.status === 'REVOKED') return key;
    const now = this.deps.clock.now().toISOString();
    const next: IssuerKey = {
      ...key,
      status: 'REVOKED',
      revokedAt: now,
      revocationReason: why,
      version: key.version + 1,
    };
    const events = [
      KeyRevoked.create(
        { ...owner, keyId, reason: why ?? null },
        {
          id: this.deps.ids.newId(),
          institutionId: owner.ownerId,
          aggregateId: `${owner.ownerId}#${keyId}`,
          occurredAt: now,
          actor: actorOf(principal),
        },
      ),
    ];
    await this.deps.keys.update([{ next, expectedVersion: key.version }], events);
    if (key.status === 'ACTIVE') {
      const generation = Math.max(...keys.map((candidate) => candidate.generation)) + 1;
      try {
        await this.deps.keys.requestRotation(
          owner,
          generation,
          this.rotationEvent(owner, generation, actorOf(principal)),
        );
      } catch (error) {
        // A rotation to that generation is already under way: the replacement is coming.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return next;
  }

  /**
   * Asks for an owner's first keys unless it has some (used for the platform's own keys, which
   * no creation event brings). Safe to call often: a second request is a no-op.
   */
  async ensureProvisioned(owner: KeyOwner): Promise<void> {
    if ((await this.deps.keys.list(owner)).length > 0) return;
    try {
      await this.deps.keys.requestRotation(
        owner,
        1,
        this.provisioningEvent(owner, { kind: 'platform', id: 'platform' }),
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  /** The event that asks the worker to provision the first keys of a new owner. */
  provisioningEvent(owner: KeyOwner, actor: EventActor): DomainEvent {
    return this.rotationEvent(owner, 1, actor);
  }

  private rotationEvent(owner: KeyOwner, generation: number, actor: EventActor): DomainEvent {
    return KeyRotationRequested.create(
      { ...owner, generation },
      {
        id: this.deps.ids.newId(),
        institutionId: owner.ownerId,
        aggregateId: owner.ownerId,
        occurredAt: this.deps.clock.now().toISOString(),
        actor,
      },
    );
  }
}

function scopeOf(owner: KeyOwner) {
  return owner.ownerKind === 'institution'
    ? { institutionId: owner.ownerId }
    : { partnerId: owner.ownerId };
}
