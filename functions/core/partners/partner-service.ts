import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { authorize, isAllowed } from '../auth/policy';
import type { Authenticator, RequestCredentials } from '../auth/ports';
import { actorOf, type PartnerPrincipal, type Principal } from '../auth/principal';
import type { InstitutionRepository } from '../institutions/ports';
import type { KeyProvisioningEvent } from '../keys/ports';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import { addressKey, RateLimiter, type RateLimit } from '../shared/rate-limiter';
import { definedFields } from '../shared/objects';
import { pageRequest } from '../shared/paging';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { identifier, parseInput } from '../shared/validation';
import {
  createApiKeyInput,
  createPartnerInput,
  updatePartnerInput,
  type ApiKey,
  type Partner,
} from './model';
import type { ApiKeyRepository, PartnerRepository } from './ports';

export interface PartnerServiceDeps {
  readonly partners: PartnerRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly institutions: InstitutionRepository;
  readonly keyProvisioningEvent: KeyProvisioningEvent;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Buckets of failed API-key attempts per client address (one per process by default). */
  readonly failedAttempts?: RateLimiter;
}

/** Failed API-key attempts a client address may make: 20 in a burst, then 10 a minute. */
const failedAttemptLimit: RateLimit = { perMinute: 10, burst: 20 };

/** An API key as created: the secret appears here once and is never stored or shown again. */
export interface CreatedApiKey {
  readonly key: ApiKey;
  readonly secret: string;
}

const keyPattern = /^tsk_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;
const secretHash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();
const invalidKey = () => new UnauthenticatedError('The API key is not valid.');
/** Compared against when the key id is unknown, so every refusal costs the same. */
const decoyHash = secretHash('decoy');

/**
 * Industry partners: their profiles, links to institutions and API keys. A key is
 * `tsk_<id>_<secret>`; only the SHA-256 of the secret is stored, compared in constant time.
 * Every refusal is the same UNAUTHENTICATED, whatever was wrong, and nothing of the key is
 * logged or echoed. A client address that keeps presenting bad keys is refused with
 * TOO_MANY_REQUESTS before any lookup, without slowing anyone else.
 *
 * A partner's profile is its own: only its partner admins and platform admins change it.
 * Institutions link partners to themselves (recorded as events); the partner sees its links
 * and may remove any, after which that institution cannot link it again on its own.
 */
export class PartnerService implements Pick<Authenticator, 'authenticate'> {
  private readonly failedAttempts: RateLimiter;

  constructor(private readonly deps: PartnerServiceDeps) {
    this.failedAttempts = deps.failedAttempts ?? new RateLimiter(() => deps.clock.now().getTime());
  }

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
      {
        id: this.deps.ids.newId(),
        type: 'partner.created',
        institutionId,
        aggregateType: 'Partner',
        aggregateId: partner.id,
        occurredAt: now,
        actor,
        data: { name: partner.name },
      },
      this.deps.keyProvisioningEvent({ ownerKind: 'partner', ownerId: partner.id }, actor),
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
    const partner = await this.require(id);
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
    const partner = await this.require(partnerId);
    const removed = partner.removedInstitutionIds.includes(institutionId);
    const restoring = removed && this.isPartnerAdmin(principal, partnerId);
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
      this.event('partner.linked', next, institutionId, principal, {}),
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
    const byPartner = this.isPartnerAdmin(principal, partnerId);
    if (!byPartner && !isAllowed(principal, 'partner.manage', { partnerId }))
      authorize(principal, 'partner.link', { institutionId });
    const partner = await this.require(partnerId);
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
    await this.deps.partners.update(
      next,
      partner.version,
      [
        this.event('partner.unlinked', next, institutionId, principal, {
          by: byPartner ? 'partner' : 'institution',
        }),
      ],
      [institutionId],
    );
    return next;
  }

  /** Public: a partner's profile is embedded in every endorsement it makes. */
  async get(id: string): Promise<Partner> {
    return this.require(id);
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

  async createApiKey(
    principal: Principal,
    partnerId: string,
    input: unknown,
    rotatedFrom?: string,
  ): Promise<CreatedApiKey> {
    authorize(principal, 'partner.keys', { partnerId });
    await this.require(partnerId);
    const { name, scopes, expiresInDays } = parseInput(createApiKeyInput, input);
    const keyId = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const now = this.deps.clock.now();
    const key: ApiKey = {
      partnerId,
      keyId,
      name,
      scopes,
      secretHash: secretHash(secret).toString('hex'),
      ...(expiresInDays
        ? { expiresOn: new Date(now.getTime() + expiresInDays * 86_400_000).toISOString() }
        : {}),
      createdAt: now.toISOString(),
      createdBy: actorOf(principal).id,
      ...(rotatedFrom ? { rotatedFrom } : {}),
      version: 1,
    };
    await this.deps.apiKeys.add(key);
    return { key, secret: `tsk_${keyId}_${secret}` };
  }

  async listApiKeys(principal: Principal, partnerId: string): Promise<ApiKey[]> {
    authorize(principal, 'partner.keys', { partnerId });
    return this.deps.apiKeys.listByPartner(partnerId);
  }

  async revokeApiKey(principal: Principal, partnerId: string, keyId: string): Promise<ApiKey> {
    authorize(principal, 'partner.keys', { partnerId });
    const key = await this.requireKey(partnerId, keyId);
    if (key.revokedAt) return key;
    const next: ApiKey = {
      ...key,
      revokedAt: this.deps.clock.now().toISOString(),
      version: key.version + 1,
    };
    await this.deps.apiKeys.update(next, key.version);
    return next;
  }

  /**
   * Replaces a key with a new one of the same name and scopes. The old key keeps working for
   * `graceHours` (default 24, 0 to stop it at once) so systems can switch without downtime.
   */
  async rotateApiKey(
    principal: Principal,
    partnerId: string,
    keyId: string,
    graceHours = 24,
  ): Promise<CreatedApiKey> {
    authorize(principal, 'partner.keys', { partnerId });
    const key = await this.requireKey(partnerId, keyId);
    if (key.revokedAt)
      throw new ConflictError(
        'API_KEY_REVOKED',
        'A revoked key cannot be rotated; create a new one.',
      );
    const grace = Math.min(Math.max(Math.floor(graceHours), 0), 168);
    const created = await this.createApiKey(
      principal,
      partnerId,
      { name: key.name, scopes: key.scopes },
      key.keyId,
    );
    const until = new Date(this.deps.clock.now().getTime() + grace * 3_600_000).toISOString();
    const next: ApiKey =
      grace === 0
        ? { ...key, revokedAt: until, version: key.version + 1 }
        : {
            ...key,
            expiresOn: key.expiresOn && key.expiresOn < until ? key.expiresOn : until,
            version: key.version + 1,
          };
    await this.deps.apiKeys.update(next, key.version);
    return created;
  }

  /**
   * Authenticates a request carrying a partner API key (`x-api-key`). Each attempt takes a
   * token from its client address's bucket of failures and a valid key gives it back, so only
   * bad attempts use the bucket up; an empty bucket refuses the address before any lookup.
   */
  async authenticate(credentials: RequestCredentials): Promise<PartnerPrincipal> {
    // An attempt takes a token up front and a valid key gives it back, so only failures drain
    // the bucket and concurrent bad attempts cannot overshoot it.
    const source = addressKey(credentials.sourceIp);
    this.failedAttempts.take(
      source,
      failedAttemptLimit,
      'Too many failed API key attempts from this address; try again shortly.',
    );
    try {
      const principal = await this.verifyKey(credentials.apiKey);
      this.failedAttempts.giveBack(source, failedAttemptLimit);
      return principal;
    } catch (error) {
      // Only a refused key counts against the address; a storage outage is not its fault.
      if (!(error instanceof UnauthenticatedError))
        this.failedAttempts.giveBack(source, failedAttemptLimit);
      throw error;
    }
  }

  private async verifyKey(apiKey: string | undefined): Promise<PartnerPrincipal> {
    const match = keyPattern.exec(apiKey?.trim() ?? '');
    const key = match ? await this.deps.apiKeys.get(match[1]!) : null;
    const presented = secretHash(match?.[2] ?? '');
    const stored = key ? Buffer.from(key.secretHash, 'hex') : decoyHash;
    const matches =
      timingSafeEqual(presented, stored.length === presented.length ? stored : decoyHash) &&
      key !== null;
    const now = this.deps.clock.now();
    if (
      !matches ||
      !key ||
      key.revokedAt ||
      (key.expiresOn && Date.parse(key.expiresOn) <= now.getTime())
    )
      throw invalidKey();
    if (!key.lastUsedAt || now.getTime() - Date.parse(key.lastUsedAt) > 60_000) {
      await this.deps.apiKeys.touch(key.keyId, now.toISOString()).catch(() => undefined);
    }
    return { kind: 'partner', partnerId: key.partnerId, keyId: key.keyId, scopes: key.scopes };
  }

  /** The partner itself (its admins), as opposed to an institution or a platform admin. */
  private isPartnerAdmin(principal: Principal, partnerId: string): boolean {
    return isAllowed(principal, 'partner.ownLinks', { partnerId });
  }

  private event(
    type: string,
    partner: Partner,
    institutionId: string,
    principal: Principal,
    data: Record<string, unknown>,
  ): DomainEvent {
    return {
      id: this.deps.ids.newId(),
      type,
      institutionId,
      aggregateType: 'Partner',
      aggregateId: partner.id,
      occurredAt: this.deps.clock.now().toISOString(),
      actor: actorOf(principal),
      data: { partnerId: partner.id, ...data },
    };
  }

  private async requireKey(partnerId: string, keyId: string): Promise<ApiKey> {
    const key = await this.deps.apiKeys.get(keyId);
    if (!key || key.partnerId !== partnerId) throw new NotFoundError('ApiKey', keyId);
    return key;
  }

  private async require(id: string): Promise<Partner> {
    const partner = await this.deps.partners.get(id);
    if (!partner) throw new NotFoundError('Partner', id);
    return partner;
  }
}
