import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { authorize } from '../auth/policy';
import type { Authenticator, RequestCredentials } from '../auth/ports';
import { actorOf, type PartnerPrincipal, type Principal } from '../auth/principal';
import { ConflictError, NotFoundError, UnauthenticatedError } from '../shared/errors';
import { addressKey, RateLimiter, type RateLimit } from '../shared/rate-limiter';
import type { Clock } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import { createApiKeyInput, type ApiKey, type CreatedApiKey } from './model';
import type { ApiKeyRepository, PartnerRepository } from './ports';

export interface PartnerApiKeysDeps {
  readonly partners: Pick<PartnerRepository, 'get'>;
  readonly apiKeys: ApiKeyRepository;
  readonly clock: Clock;
  /** Buckets of failed API-key attempts per client address (one per process by default). */
  readonly failedAttempts?: RateLimiter;
}

/** Failed API-key attempts a client address may make: 20 in a burst, then 10 a minute. */
const failedAttemptLimit: RateLimit = { perMinute: 10, burst: 20 };

const keyPattern = /^tsk_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;
const secretHash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();
const invalidKey = () => new UnauthenticatedError('The API key is not valid.');
/** Compared against when the key id is unknown, so every refusal costs the same. */
const decoyHash = secretHash('decoy');

/**
 * Partner API keys: created, listed, rotated and revoked by the partner's admins, and checked
 * on every request that carries one. A key is `tsk_<id>_<secret>`; only the SHA-256 of the
 * secret is stored, compared in constant time. Every refusal is the same UNAUTHENTICATED,
 * whatever was wrong, and nothing of the key is logged or echoed. A client address that keeps
 * presenting bad keys is refused with TOO_MANY_REQUESTS before any lookup, without slowing
 * anyone else.
 */
export class PartnerApiKeys implements Pick<Authenticator, 'authenticate'> {
  private readonly failedAttempts: RateLimiter;

  constructor(private readonly deps: PartnerApiKeysDeps) {
    this.failedAttempts = deps.failedAttempts ?? new RateLimiter(() => deps.clock.now().getTime());
  }

  async create(principal: Principal, partnerId: string, input: unknown): Promise<CreatedApiKey> {
    return this.createKey(principal, partnerId, input);
  }

  async list(principal: Principal, partnerId: string): Promise<ApiKey[]> {
    authorize(principal, 'partner.keys', { partnerId });
    return this.deps.apiKeys.listByPartner(partnerId);
  }

  async revoke(principal: Principal, partnerId: string, keyId: string): Promise<ApiKey> {
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
  async rotate(
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
    const created = await this.createKey(
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
   * bad attempts use the bucket up (and concurrent bad attempts cannot overshoot it); an empty
   * bucket refuses the address before any lookup.
   */
  async authenticate(credentials: RequestCredentials): Promise<PartnerPrincipal> {
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

  private async createKey(
    principal: Principal,
    partnerId: string,
    input: unknown,
    rotatedFrom?: string,
  ): Promise<CreatedApiKey> {
    authorize(principal, 'partner.keys', { partnerId });
    if (!(await this.deps.partners.get(partnerId))) throw new NotFoundError('Partner', partnerId);
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

  private async requireKey(partnerId: string, keyId: string): Promise<ApiKey> {
    const key = await this.deps.apiKeys.get(keyId);
    if (!key || key.partnerId !== partnerId) throw new NotFoundError('ApiKey', keyId);
    return key;
  }
}
