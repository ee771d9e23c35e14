import { createHash } from 'node:crypto';
import * as z from 'zod';
import { isApprovedSnapshot, type DesignVersion } from '../designs/micro-credential';
import { unbakePng, unbakeSvg } from '../credential/baking';
import type { CredentialState } from '../credential/credential';
import type { CredentialRepository, JsonObject } from '../issuance/ports';
import { isPositionSet, type StatusListService } from '../credential/status-list';
import { ed25519RawFromSpki, publicJwk, type IssuerKey } from '../keys/issuer-key';
import type { KeyService } from '../keys/key-service';
import type { DesignUnitOfWork } from '../qa/ports';
import { DomainError, ValidationError, VerificationProblem } from '../shared/errors';
import type { PublicUrls } from '../shared/public-urls';
import { ReadCache } from '../shared/read-cache';
import type { Clock } from '../shared/runtime';
import { email, parseInput } from '../shared/validation';
import {
  credentialShape,
  depthOf,
  exceededComplexity,
  type ComplexityLimits,
  essentialChecks,
  openBadgeShape,
  openBadgeTypes,
  type Check,
  type CheckStatus,
  type VerificationStatus,
} from './checks';
import { freshBudget, type VerificationBudget } from './budget';
import type { ProofVerifier, RemoteResolver, ResolvedKey, ResolvedMethod } from './ports';
import { normaliseEmail } from '../shared/email';

/** Limits on what a verifier may send (documented in docs/limits.md). */
export const verificationLimits = {
  credentialBytes: 1_000_000,
  jwtBytes: 512_000,
  imageBytes: 5_000_000,
  depth: 40,
  /**
   * Counts checked before any JSON-LD processing (`exceededComplexity`): expansion runs before
   * canonicalization can be interrupted, and its cost follows these counts, not the bytes (a
   * 400 KB credential of 40,000 tags took 15 s). A credential with 20 embedded endorsements
   * has about 1,250 values and 200 objects.
   */
  complexity: { values: 10_000, objects: 1_000, arrayItems: 1_000, propertyNames: 500 },
} as const;

/** What each complexity limit counts, for the refusal message. */
const complexityWords: Record<keyof ComplexityLimits, string> = {
  values: 'JSON values',
  objects: 'objects',
  arrayItems: 'items in one array',
  propertyNames: 'distinct property names',
};

const verifyInput = z
  .strictObject({
    id: z.string().trim().min(1).max(2_048).optional(),
    credential: z.unknown().optional(),
    jwt: z.string().trim().min(1).max(verificationLimits.jwtBytes).optional(),
    image: z
      .string()
      .trim()
      .min(1)
      .max(Math.ceil((verificationLimits.imageBytes * 4) / 3) + 4)
      .optional(),
    /** The secret of a share link, for credentials shared by link. */
    shareToken: z.string().trim().max(200).optional(),
  })
  .refine(
    (value) =>
      [value.id, value.credential, value.jwt, value.image].filter((field) => field !== undefined)
        .length === 1,
    {
      message: 'give exactly one of id, credential, jwt or image',
    },
  );

/** What a verifier is told about the issuer, achievement and endorsements it checked. */
export interface VerificationSummary {
  readonly credentialId?: string;
  readonly issuer?: { id: string; name?: string; url?: string; registeredHere: boolean };
  readonly achievement?: {
    id?: string;
    name?: string;
    description?: string;
    achievementType?: string;
    image?: string;
  };
  readonly endorsements: readonly {
    id?: string;
    issuerName?: string;
    issuerId?: string;
    verified: boolean;
    withdrawn: boolean;
  }[];
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly format?: 'JSON-LD' | 'VC-JWT';
}

export interface VerificationResult extends VerificationSummary {
  readonly verified: boolean;
  readonly status: VerificationStatus;
  readonly checks: readonly Check[];
}

/** Whether an endorsement was withdrawn (supplied by the endorsement capability). */
export type WithdrawalLookup = (credentialId: string, issuerId?: string) => Promise<boolean>;

/** Decides who may see a stored credential by id (supplied by the sharing capability). */
export type ShareAccess = (record: CredentialState, shareToken?: string) => Promise<boolean>;

/**
 * How long verification may reuse reads that can change: issuer public keys and endorsement
 * withdrawals. A key revoked or an endorsement withdrawn shows within `ttlMs` in every process,
 * and at once in the process that made the change (`writes`, see `ReadCache`).
 */
export interface VerificationCacheOptions {
  /** Writes this process made to storage so far (`DynamoTable.writes`). */
  readonly writes?: () => number;
}

/** The bound, in ms, on how stale a cached issuer key or withdrawal may be (documented). */
export const verificationCacheTtlMs = 5_000;
/**
 * The bound, in ms, on how stale the record state of a credential verified by id may be in a
 * process that did not make the change: far below the time the worker takes to republish a
 * status list, which is what verification by id waited for before.
 */
export const verificationStateTtlMs = 100;

export interface VerificationDeps {
  readonly credentials: CredentialRepository;
  readonly keys: KeyService;
  readonly snapshots: DesignUnitOfWork;
  readonly statusLists: StatusListService;
  readonly proofs: ProofVerifier;
  readonly remote: RemoteResolver;
  readonly urls: PublicUrls;
  readonly clock: Clock;
  readonly withdrawn?: WithdrawalLookup;
  readonly canSee?: ShareAccess;
  readonly cache?: VerificationCacheOptions;
}

/** A credential issued here, as stored: what can change beside the signed JSON, which cannot. */
interface StoredCredential {
  readonly state: CredentialState;
  readonly credential: JsonObject;
}

export type Presented =
  | { readonly format: 'JSON-LD'; readonly credential: JsonObject }
  | { readonly format: 'VC-JWT'; readonly jwt: string; readonly credential: JsonObject };

const notFound: VerificationResult = {
  verified: false,
  status: 'UNKNOWN',
  checks: [
    {
      name: 'lookup',
      status: 'FAIL',
      message:
        'No public credential with this id. A private credential can be verified when its holder presents it.',
    },
  ],
  endorsements: [],
};

/**
 * Verifies credentials issued here or anywhere else, from an id, JSON-LD, a VC-JWT or a baked
 * image, and explains the result as named checks. Nothing a verifier sends can make it fail
 * with a server error: bad input is BAD_USER_INPUT, anything else a FAIL check.
 */
export class VerificationService {
  /** Issuer keys by owner: revocation and rotation show within the TTL (see `ownMethod`). */
  private readonly issuerKeys: ReadCache<IssuerKey[]>;
  /** Endorsement withdrawals by credential id and issuer. */
  private readonly withdrawals: ReadCache<boolean>;
  /** Approved design snapshots never change (a new version is a new snapshot). */
  private readonly approvedSnapshots = new ReadCache<DesignVersion | null>({
    ttlMs: Infinity,
    max: 1_000,
    maxBytes: 16_000_000,
    keep: (snapshot) =>
      snapshot !== null &&
      isApprovedSnapshot(snapshot.status) &&
      snapshot.qualityAssurance !== undefined,
  });
  /**
   * The signed JSON of credentials issued here, by id: immutable once issued, so after the first
   * read only the record's state (status, visibility, flagged parts) is read again.
   */
  private readonly issuedCredentials = new ReadCache<JsonObject>({
    ttlMs: Infinity,
    max: 1_000,
    maxBytes: 32_000_000,
  });
  /**
   * Reads of a credential's state (status, visibility, flagged parts), shared by the requests
   * for the same id that arrive within `stateTtlMs` of the read starting: the state a request
   * sees is at most that old, and never older than a write of this process.
   */
  private readonly stateReads: ReadCache<CredentialState | null>;
  /** Objects frozen here (cached credentials and everything in them): they cannot change. */
  private readonly immutable = new WeakSet<object>();
  /**
   * Signature checks of immutable documents by public key: a pure function of the two, kept
   * with the document (a credential presented as JSON is a new object and never found here).
   */
  private readonly signatureChecks = new WeakMap<object, Map<string, Promise<boolean>>>();

  constructor(private readonly deps: VerificationDeps) {
    const fresh = {
      ttlMs: verificationCacheTtlMs,
      ...(deps.cache?.writes ? { writes: deps.cache.writes } : {}),
    };
    this.issuerKeys = new ReadCache({ ...fresh, max: 1_000, maxBytes: 4_000_000 });
    this.withdrawals = new ReadCache({ ...fresh, max: 5_000, maxBytes: 1_000_000 });
    this.stateReads = new ReadCache({
      ...fresh,
      ttlMs: verificationStateTtlMs,
      max: 10_000,
      maxBytes: 8_000_000,
    });
  }

  async verify(input: unknown, recipientEmail?: string | null): Promise<VerificationResult> {
    return (await this.inspect(input, recipientEmail)).result;
  }

  /**
   * Verifies like `verify` and also returns the credential that was presented (the JSON-LD,
   * the JWT's claims or the credential baked in an image), for callers that keep it (imports).
   */
  async inspect(
    input: unknown,
    recipientEmail?: string | null,
  ): Promise<{ result: VerificationResult; presented: Presented | null }> {
    const request = parseInput(verifyInput, input);
    const budget = freshBudget();
    const recipient = recipientEmail
      ? parseInput(email(), recipientEmail, 'recipientEmail')
      : undefined;
    if (request.id !== undefined) {
      const id = this.deps.urls.parseCredentialUrl(request.id) ?? request.id;
      const stored = /^[A-Za-z0-9_-]{1,100}$/.test(id) ? await this.storedCredential(id) : null;
      if (!stored || !(await this.visible(stored.state, request.shareToken)))
        return { result: notFound, presented: null };
      const presented: Presented = { format: 'JSON-LD', credential: stored.credential };
      return {
        result: await this.verifyChecked(presented, recipient, 0, budget, stored.state),
        presented,
      };
    }
    const presented = await this.present(request);
    return { result: await this.verifyPresented(presented, recipient, 0, budget), presented };
  }

  /**
   * Verifies a credential the caller holds (used by imports and endorsement checks too), within
   * `budget` (a request's own, shared with what it verifies inside; a fresh one by default).
   */
  async verifyPresented(
    presented: Presented,
    recipient?: string,
    depth = 0,
    budget: VerificationBudget = freshBudget(),
  ): Promise<VerificationResult> {
    return this.verifyChecked(presented, recipient, depth, budget);
  }

  /**
   * A credential issued here, looked up by id: the record's state is read on every request (its
   * status is authoritative, and fresher than the published status list), the signed JSON once.
   */
  private async storedCredential(id: string): Promise<StoredCredential | null> {
    const cached = this.issuedCredentials.cached(id);
    if (cached) {
      const state = await this.stateReads.get(id, () => this.deps.credentials.getState(id));
      return state ? { state, credential: await cached } : null;
    }
    const record = await this.deps.credentials.get(id);
    if (!record) return null;
    const { credential, jwt: _jwt, ...state } = record;
    this.settle(credential);
    this.issuedCredentials.set(id, credential);
    return { state, credential };
  }

  /** Freezes a value shared between requests, and notes each object in it as immutable. */
  private settle(value: unknown): void {
    if (value === null || typeof value !== 'object' || this.immutable.has(value)) return;
    Object.freeze(value);
    this.immutable.add(value);
    for (const child of Object.values(value)) this.settle(child);
  }

  /** Whether the proof of `credential` was made by `publicKeyRaw`, remembered for immutable ones. */
  private signatureMatches(
    credential: JsonObject,
    proof: JsonObject,
    publicKeyRaw: Uint8Array,
    budget: VerificationBudget,
  ): Promise<boolean> {
    const check = () =>
      this.deps.proofs.verifyDataIntegrity({ ...credential, proof }, publicKeyRaw, budget);
    // `proof` is found in the credential itself, so the credential and the key decide the result.
    if (!this.immutable.has(credential) || !this.immutable.has(proof)) return check();
    let byKey = this.signatureChecks.get(credential);
    if (!byKey) {
      byKey = new Map();
      this.signatureChecks.set(credential, byKey);
    }
    const keyId = Buffer.from(publicKeyRaw).toString('base64');
    let result = byKey.get(keyId);
    if (!result) {
      result = check();
      const checks = byKey;
      result.catch(() => checks.delete(keyId));
      byKey.set(keyId, result);
    }
    return result;
  }

  /**
   * The checks. `stored` is the record of a credential looked up by id here: its status and
   * stacked parts come from it instead of from the status lists and a second read.
   */
  private async verifyChecked(
    presented: Presented,
    recipient: string | undefined,
    depth: number,
    budget: VerificationBudget,
    stored?: CredentialState,
  ): Promise<VerificationResult> {
    const checks: Check[] = [];
    const add = (name: string, status: CheckStatus, message: string) =>
      checks.push({ name, status, message });
    const credential = presented.credential;
    const shape = credentialShape.safeParse(credential);
    const types = shape.success ? shape.data.type : [];
    const badge =
      shape.success &&
      types.some((type) => type === 'OpenBadgeCredential' || type === 'AchievementCredential')
        ? openBadgeShape.safeParse(credential)
        : undefined;
    const problems = (shape.error ?? badge?.error)?.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'credential'} ${issue.message}`)
      .join('; ');
    if (!shape.success) {
      add('well-formed', 'FAIL', `Not a verifiable credential: ${problems}.`);
    } else if (!types.some((type) => openBadgeTypes.includes(type))) {
      add('well-formed', 'WARN', 'A verifiable credential, but not an Open Badges credential.');
    } else if (badge && !badge.success) {
      add('well-formed', 'FAIL', `Not a valid Open Badges 3.0 credential: ${problems}.`);
    } else {
      add(
        'well-formed',
        'PASS',
        `A ${types.filter((type) => type !== 'VerifiableCredential').join(', ')} in ${presented.format} form.`,
      );
    }
    const issuerId = issuerIdOf(credential);
    const ownIssuer = issuerId ? this.deps.urls.parseOwnDid(issuerId) : null;

    // Proof and issuer key.
    let proofOk = false;
    try {
      proofOk =
        presented.format === 'VC-JWT'
          ? await this.checkJwt(presented.jwt, credential, issuerId, add, budget)
          : await this.checkDataIntegrity(credential, issuerId, add, budget);
    } catch (error) {
      // A verifier too busy to check the proof now is a retryable refusal, not a failed proof.
      if (error instanceof DomainError && error.category === 'UNAVAILABLE') throw error;
      add('proof', 'FAIL', describeFailure(error, 'The proof could not be checked'));
    }

    // A credential of an institution here has a record: its state is read once, for the
    // status (fresher than the published list) and for the parts of a stacked credential. Only
    // for a credential whose proof holds: anyone can write a document naming the id of a
    // private credential, and its record is not theirs to read.
    const own =
      stored ??
      (proofOk && ownIssuer?.ownerKind === 'institution' && typeof credential.id === 'string'
        ? await this.stateOf(credential.id)
        : null);

    // Status: the record's, or the status lists', of a credential whose proof holds.
    let status: VerificationStatus = 'ACTIVE';
    if (!proofOk && !stored) {
      add(
        'status',
        'SKIP',
        'Not checked: the proof does not hold, so this is not the credential it names.',
      );
    } else {
      try {
        status = own
          ? this.checkStoredStatus(own, add)
          : await this.checkStatus(credential, issuerId, add, budget);
      } catch (error) {
        add('status', 'FAIL', describeFailure(error, 'The status list could not be read'));
        status = 'UNKNOWN';
      }
    }

    // Validity window.
    const now = this.deps.clock.now().getTime();
    const validFrom =
      stringField(credential, 'validFrom') ?? stringField(credential, 'issuanceDate');
    const validUntil =
      stringField(credential, 'validUntil') ?? stringField(credential, 'expirationDate');
    if (validFrom && Date.parse(validFrom) > now) {
      add('validity-window', 'FAIL', `Not valid before ${validFrom}.`);
      if (status === 'ACTIVE') status = 'NOT_YET_VALID';
    } else if (validUntil && Date.parse(validUntil) < now) {
      add('validity-window', 'FAIL', `Expired on ${validUntil}.`);
      if (status === 'ACTIVE') status = 'EXPIRED';
    } else {
      add(
        'validity-window',
        'PASS',
        validUntil ? `Valid until ${validUntil}.` : 'Valid, with no expiry.',
      );
    }

    // An EndorsementCredential its endorser withdrew (embedded ones: see checkEndorsements).
    if (
      depth === 0 &&
      types.includes('EndorsementCredential') &&
      typeof credential.id === 'string' &&
      (await this.isWithdrawn(credential.id, issuerId))
    ) {
      add(
        'withdrawal',
        'FAIL',
        'The endorser has withdrawn this endorsement; it no longer counts.',
      );
      if (status === 'ACTIVE') status = 'REVOKED';
    }

    // QA approval of the achievement (for achievements designed here).
    const achievement = achievementOf(credential);
    await this.checkApproval(achievement, ownIssuer !== null, add);

    // Endorsements, each verified on its own.
    const endorsements = await this.checkEndorsements(achievement, depth, add, budget, validFrom);

    // Parts of a stacked credential issued here: a part revoked since is worth a look.
    await this.checkStackParts(own, add);

    // Recipient.
    if (recipient) this.checkRecipient(credential, recipient, add);
    else add('recipient', 'SKIP', 'No recipient email was given to match.');

    const verified =
      proofOk &&
      checks.every((check) => !(essentialChecks.has(check.name) && check.status === 'FAIL'));
    if (!proofOk && status === 'ACTIVE') status = 'UNKNOWN';
    return {
      verified,
      status: verified ? 'ACTIVE' : status === 'ACTIVE' ? 'UNKNOWN' : status,
      checks,
      format: presented.format,
      credentialId: typeof credential.id === 'string' ? credential.id : undefined,
      issuer: issuerId
        ? {
            id: issuerId,
            name: stringField(credential.issuer, 'name'),
            url: stringField(credential.issuer, 'url'),
            registeredHere: ownIssuer !== null,
          }
        : undefined,
      achievement: achievement
        ? {
            id: stringField(achievement, 'id'),
            name: stringField(achievement, 'name'),
            description: stringField(achievement, 'description'),
            achievementType: stringField(achievement, 'achievementType'),
            image:
              stringField(achievement.image, 'id') ??
              (typeof achievement.image === 'string' ? achievement.image : undefined),
          }
        : undefined,
      endorsements,
      validFrom,
      validUntil,
    };
  }

  /** Turns JSON, a JWT or a baked image into the credential to verify. */
  private async present(request: z.output<typeof verifyInput>): Promise<Presented> {
    if (request.credential !== undefined)
      return { format: 'JSON-LD', credential: this.asCredential(request.credential) };
    if (request.jwt !== undefined) return this.presentJwt(request.jwt);
    const bytes = Buffer.from(request.image!, 'base64');
    if (bytes.length === 0 || bytes.length > verificationLimits.imageBytes) {
      throw new ValidationError(
        'The image must be a base64 PNG or SVG of at most 5 MB.',
        [{ path: 'input.image', message: 'is empty or too large' }],
        'IMAGE_INVALID',
      );
    }
    let baked: string | null;
    try {
      baked = bytes
        .subarray(0, 8)
        .equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
        ? await unbakePng(bytes)
        : /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg\b/i.test(
              bytes.subarray(0, 4_096).toString('utf8'),
            )
          ? await unbakeSvg(bytes.toString('utf8'))
          : null;
    } catch (error) {
      if (error instanceof ValidationError) throw error;
      baked = null;
    }
    if (!baked) {
      throw new ValidationError(
        'The image is not a PNG or SVG with a baked credential.',
        [{ path: 'input.image', message: 'has no baked credential' }],
        'NO_BAKED_CREDENTIAL',
      );
    }
    const text = baked.trim();
    if (text.startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new ValidationError(
          'The baked credential is not valid JSON.',
          [{ path: 'input.image', message: 'holds invalid JSON' }],
          'NO_BAKED_CREDENTIAL',
        );
      }
      return { format: 'JSON-LD', credential: this.asCredential(parsed) };
    }
    return this.presentJwt(text);
  }

  private asCredential(value: unknown): JsonObject {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ValidationError(
        'The credential must be a JSON object.',
        [{ path: 'input.credential', message: 'must be an object' }],
        'CREDENTIAL_MALFORMED',
      );
    }
    if (depthOf(value, verificationLimits.depth) > verificationLimits.depth) {
      throw new ValidationError(
        `The credential nests deeper than ${verificationLimits.depth} levels.`,
        [{ path: 'input.credential', message: 'is nested too deeply' }],
        'CREDENTIAL_TOO_DEEP',
      );
    }
    const exceeded = exceededComplexity(value, verificationLimits.complexity);
    if (exceeded) {
      const limit = verificationLimits.complexity[exceeded];
      throw new ValidationError(
        `The credential has more than ${limit} ${complexityWords[exceeded]}.`,
        [
          {
            path: 'input.credential',
            message: `has more than ${limit} ${complexityWords[exceeded]}`,
          },
        ],
        'CREDENTIAL_TOO_COMPLEX',
      );
    }
    if (JSON.stringify(value).length > verificationLimits.credentialBytes) {
      throw new ValidationError(
        'The credential is larger than 1 MB.',
        [{ path: 'input.credential', message: 'is too large' }],
        'CREDENTIAL_TOO_LARGE',
      );
    }
    return value as JsonObject;
  }

  private presentJwt(jwt: string): Presented {
    const decoded = this.deps.proofs.decodeJws(jwt);
    const credential = decoded ? credentialOfJwt(decoded.payload) : null;
    if (!credential) {
      throw new ValidationError(
        'Not a VC-JWT: expected a compact JWS whose payload is a credential or has a `vc` claim.',
        [{ path: 'input.jwt', message: 'is not a VC-JWT' }],
        'JWT_MALFORMED',
      );
    }
    return { format: 'VC-JWT', jwt, credential: this.asCredential(credential) };
  }

  private async visible(record: CredentialState, shareToken?: string): Promise<boolean> {
    if (record.visibility === 'PUBLIC') return true;
    return this.deps.canSee ? this.deps.canSee(record, shareToken) : false;
  }

  /**
   * The key `methodId` names, bound to the credential's issuer, or a VerificationProblem. An
   * issuer registered here is verified only with its keys in our key store; elsewhere a
   * did:key, did:jwk or did:web method must be the issuer's own DID, and an https method must
   * be listed by the issuer's controller document (checked by the resolver).
   */
  private async issuerMethod(
    methodId: string,
    issuerId: string | undefined,
    budget: VerificationBudget,
  ): Promise<ResolvedMethod> {
    if (!issuerId) throw new VerificationProblem('The credential names no issuer to hold the key.');
    const hash = methodId.indexOf('#');
    const controller = hash === -1 ? methodId : methodId.slice(0, hash);
    const fragment = hash === -1 ? '' : methodId.slice(hash + 1);
    const shown = methodId.slice(0, 200);
    const own = this.deps.urls.parseOwnDid(issuerId);
    if (own) {
      if (controller !== issuerId || !fragment) {
        throw new VerificationProblem(
          `The issuer ${issuerId} is registered here: only its keys held by this platform verify its credentials, not ${shown}.`,
        );
      }
      return this.ownMethod(own, methodId, fragment);
    }
    if (
      this.deps.urls.parseOwnDid(controller) ||
      (/^did:/.test(methodId) && controller !== issuerId)
    )
      throw new VerificationProblem(
        `The key ${shown} belongs to ${controller.slice(0, 200)}, not to the issuer ${issuerId}.`,
      );
    if (!/^(did:(key|jwk|web):|https?:\/\/)/.test(methodId))
      throw new VerificationProblem(
        'Only did:key, did:jwk, did:web and https verification methods are supported.',
      );
    return this.deps.remote.resolveMethod(methodId, issuerId, budget);
  }

  private async ownMethod(
    owner: NonNullable<ReturnType<PublicUrls['parseOwnDid']>>,
    methodId: string,
    fragment: string,
  ): Promise<ResolvedMethod> {
    const cacheKey = `${owner.ownerKind}:${owner.ownerId}`;
    const load = () => this.deps.keys.publicKeys(owner);
    let key = (await this.issuerKeys.get(cacheKey, load)).find(
      (candidate) => candidate.keyId === fragment,
    );
    if (!key) {
      // Perhaps a key made by a rotation since the keys were cached: read them again, once per
      // key id and cache period, so a made-up key id costs no read on every request and does
      // not evict the keys other requests share.
      key = (await this.issuerKeys.get(`${cacheKey}#${fragment}`, load)).find(
        (candidate) => candidate.keyId === fragment,
      );
    }
    if (!key) throw new VerificationProblem(`The key ${methodId} is not one of the issuer's keys.`);
    return {
      id: methodId,
      controller: methodId.slice(0, methodId.indexOf('#')),
      key:
        key.algorithm === 'Ed25519'
          ? { kind: 'ed25519', raw: ed25519RawFromSpki(Buffer.from(key.publicKeySpki, 'base64')) }
          : { kind: 'jwk', jwk: publicJwk(key, methodId) },
      assertionMethod: key.status !== 'REVOKED',
      ...(key.status === 'REVOKED' ? { revoked: key.revokedAt ?? 'revoked' } : {}),
      source: 'platform',
    };
  }

  /**
   * The issuer's published key that a JWT header's embedded `jwk` is (by RFC 7638 thumbprint):
   * a did:jwk or did:key issuer's own key, or one its did:web / https document publishes. A key
   * that only the JWT vouches for is refused, and so is any for an issuer registered here.
   */
  private async embeddedKeyMethod(
    jwk: JsonObject,
    issuerId: string | undefined,
    budget: VerificationBudget,
  ): Promise<ResolvedMethod> {
    if (!issuerId) throw new VerificationProblem('The credential names no issuer to hold the key.');
    if (this.deps.urls.parseOwnDid(issuerId)) {
      throw new VerificationProblem(
        `The issuer ${issuerId} is registered here: a key embedded in the JWT never verifies its credentials.`,
      );
    }
    const thumbprint = jwkThumbprint(jwk);
    if (!thumbprint)
      throw new VerificationProblem('The embedded JWK is not a supported public key.');
    const published = await this.deps.remote.publishedKeys(issuerId, budget);
    const match = published.find((method) => jwkThumbprint(jwkOf(method.key)) === thumbprint);
    if (!match) {
      throw new VerificationProblem(
        'The JWT carries its own key, and it is not one the issuer publishes: nothing ties it to the issuer.',
      );
    }
    return match;
  }

  private checkMethod(
    method: ResolvedMethod,
    issuerId: string | undefined,
    add: (name: string, status: CheckStatus, message: string) => void,
  ): boolean {
    if (method.revoked) {
      add('issuer-key', 'FAIL', `The issuer revoked this key (${method.revoked}).`);
      return false;
    }
    if (!issuerId || method.controller !== issuerId) {
      add(
        'issuer-key',
        'FAIL',
        `The key belongs to ${method.controller}, not to the issuer ${issuerId ?? '(none)'}.`,
      );
      return false;
    }
    if (!method.assertionMethod) {
      add('issuer-key', 'FAIL', 'The issuer does not list this key for issuing credentials.');
      return false;
    }
    add('issuer-key', 'PASS', `Key ${method.id} of the issuer (${method.source}).`);
    return true;
  }

  private async checkDataIntegrity(
    credential: JsonObject,
    issuerId: string | undefined,
    add: (name: string, status: CheckStatus, message: string) => void,
    budget: VerificationBudget,
  ): Promise<boolean> {
    const proofs = Array.isArray(credential.proof)
      ? credential.proof
      : credential.proof
        ? [credential.proof]
        : [];
    const proof = proofs.find(
      (candidate): candidate is JsonObject =>
        isObject(candidate) &&
        candidate.type === 'DataIntegrityProof' &&
        candidate.cryptosuite === 'eddsa-rdfc-2022',
    );
    if (!proof) {
      add(
        'proof',
        'FAIL',
        proofs.length
          ? 'Only eddsa-rdfc-2022 Data Integrity proofs are supported.'
          : 'The credential has no proof.',
      );
      add('issuer-key', 'SKIP', 'No supported proof to take a key from.');
      return false;
    }
    if (proof.proofPurpose !== 'assertionMethod' || typeof proof.verificationMethod !== 'string') {
      add('proof', 'FAIL', 'The proof is not an assertion by a verification method.');
      add('issuer-key', 'SKIP', 'No verification method.');
      return false;
    }
    let method: ResolvedMethod;
    try {
      method = await this.issuerMethod(proof.verificationMethod, issuerId, budget);
    } catch (error) {
      add(
        'issuer-key',
        'FAIL',
        describeFailure(
          error,
          `The key ${proof.verificationMethod.slice(0, 200)} could not be resolved`,
        ),
      );
      add('proof', 'FAIL', 'Without the issuer key the signature cannot be checked.');
      return false;
    }
    const keyOk = this.checkMethod(method, issuerId, add);
    if (method.key.kind !== 'ed25519') {
      add('proof', 'FAIL', 'The verification method is not an Ed25519 key.');
      return false;
    }
    const signatureOk = await this.signatureMatches(credential, proof, method.key.raw, budget);
    add(
      'proof',
      signatureOk ? 'PASS' : 'FAIL',
      signatureOk
        ? 'The eddsa-rdfc-2022 signature matches the credential.'
        : 'The signature does not match: the credential was altered or signed by another key.',
    );
    return signatureOk && keyOk;
  }

  /**
   * A VC-JWT (OB 3.0 §8.2.6): the key named by `kid` or embedded as `jwk`, bound to the
   * issuer; the signature; then the claims against the credential (§8.2.6.1).
   */
  private async checkJwt(
    jwt: string,
    credential: JsonObject,
    issuerId: string | undefined,
    add: (name: string, status: CheckStatus, message: string) => void,
    budget: VerificationBudget,
  ): Promise<boolean> {
    const { header } = this.deps.proofs.decodeJws(jwt)!;
    if (
      typeof header.alg !== 'string' ||
      !['RS256', 'ES256', 'EdDSA', 'PS256'].includes(header.alg)
    ) {
      add('proof', 'FAIL', `The JWT algorithm ${String(header.alg).slice(0, 20)} is not accepted.`);
      add('issuer-key', 'SKIP', 'No accepted algorithm.');
      return false;
    }
    const embedded = isObject(header.jwk) ? header.jwk : undefined;
    let method: ResolvedMethod;
    try {
      if (embedded && 'd' in embedded)
        throw new VerificationProblem('The JWT header carries a private key; it is refused.');
      if (typeof header.kid === 'string') {
        method = await this.issuerMethod(methodIdOfKid(header.kid, issuerId), issuerId, budget);
        // Both given: the embedded key must be the one the kid names, or the header lies.
        if (embedded && jwkThumbprint(embedded) !== jwkThumbprint(jwkOf(method.key)))
          throw new VerificationProblem(
            'The key embedded in the JWT is not the key its kid names.',
          );
      } else if (embedded) {
        method = await this.embeddedKeyMethod(embedded, issuerId, budget);
      } else {
        add('issuer-key', 'FAIL', 'The JWT names no key (kid) and carries none (jwk).');
        add('proof', 'FAIL', 'Without a key the signature cannot be checked.');
        return false;
      }
    } catch (error) {
      add('issuer-key', 'FAIL', describeFailure(error, 'The JWT key could not be resolved'));
      add('proof', 'FAIL', 'Without the issuer key the signature cannot be checked.');
      return false;
    }
    const keyOk = this.checkMethod(method, issuerId, add);
    const payload = await this.deps.proofs.verifyJws(jwt, jwkOf(method.key));
    if (!payload) {
      add('proof', 'FAIL', 'The JWT signature does not match.');
      return false;
    }
    const mismatches = jwtClaimMismatches(payload, credential);
    add(
      'proof',
      mismatches.length === 0 ? 'PASS' : 'FAIL',
      mismatches.length === 0
        ? `The ${String(header.alg)} JWT signature matches, and its claims agree with the credential.`
        : `The JWT signature matches, but its claims do not agree with the credential: ${mismatches.join('; ')}.`,
    );
    return mismatches.length === 0 && keyOk;
  }

  private async checkStatus(
    credential: JsonObject,
    issuerId: string | undefined,
    add: (name: string, status: CheckStatus, message: string) => void,
    budget: VerificationBudget,
  ): Promise<VerificationStatus> {
    const entries = (
      Array.isArray(credential.credentialStatus)
        ? credential.credentialStatus
        : credential.credentialStatus
          ? [credential.credentialStatus]
          : []
    ).filter(isObject);
    if (entries.length === 0) {
      add('status', 'SKIP', 'The credential has no status list entry; it cannot be revoked.');
      return 'ACTIVE';
    }
    let result: VerificationStatus = 'ACTIVE';
    const messages: string[] = [];
    for (const entry of entries) {
      if (
        entry.type !== 'BitstringStatusListEntry' ||
        typeof entry.statusListCredential !== 'string'
      ) {
        messages.push(`status type ${String(entry.type).slice(0, 40)} is not supported`);
        continue;
      }
      const index = Number(entry.statusListIndex);
      if (!Number.isInteger(index) || index < 0)
        throw new VerificationProblem('The status list index is not a number.');
      const list = await this.statusList(entry.statusListCredential, issuerId, budget);
      const subject = (list.credentialSubject ?? {}) as JsonObject;
      if (typeof subject.encodedList !== 'string')
        throw new VerificationProblem('The status list has no encoded list.');
      const set = await isPositionSet(subject.encodedList, index);
      const purpose = String(entry.statusPurpose);
      if (set && purpose === 'revocation') result = 'REVOKED';
      else if (set && purpose === 'suspension' && result !== 'REVOKED') result = 'SUSPENDED';
      messages.push(`${purpose}: ${set ? 'set' : 'clear'}`);
    }
    if (result === 'REVOKED') add('status', 'FAIL', 'The issuer has revoked this credential.');
    else if (result === 'SUSPENDED')
      add('status', 'FAIL', 'The issuer has suspended this credential.');
    else
      add(
        'status',
        messages.some((message) => message.includes('not supported')) ? 'WARN' : 'PASS',
        `Not revoked or suspended (${messages.join('; ')}).`,
      );
    return result;
  }

  /** A status list credential: ours from storage, others fetched (and their proof checked). */
  private async statusList(
    url: string,
    issuerId: string | undefined,
    budget: VerificationBudget,
  ): Promise<JsonObject> {
    const own = /\/status-lists\/([^/]+)\/(revocation|suspension)\/(\d+)$/.exec(url);
    if (own && url.startsWith(`${this.deps.urls.base}/status-lists/`)) {
      const list = await this.deps.statusLists.get(
        decodeURIComponent(own[1]!),
        own[2] as 'revocation' | 'suspension',
        Number(own[3]),
      );
      if (!list) throw new VerificationProblem('The status list does not exist.');
      return list.credential;
    }
    const list = await this.deps.remote.fetchCredential(url, budget);
    // Canonicalized to check its proof: held to the limits of a presented credential.
    if (exceededComplexity(list, verificationLimits.complexity))
      throw new VerificationProblem('The status list is larger than a credential may be.');
    if (issuerIdOf(list) !== issuerId)
      throw new VerificationProblem(
        "The status list was not published by the credential's issuer.",
      );
    const nested = await this.checkDataIntegrity(list, issuerId, () => undefined, budget);
    if (!nested) throw new VerificationProblem("The status list's own proof does not verify.");
    return list;
  }

  private async checkApproval(
    achievement: JsonObject | undefined,
    ownIssuer: boolean,
    add: (name: string, status: CheckStatus, message: string) => void,
  ) {
    const id = achievement ? stringField(achievement, 'id') : undefined;
    const match = id ? /\/achievements\/([^/]+)\/v(\d+)$/.exec(id) : null;
    if (!ownIssuer || !match || !id?.startsWith(`${this.deps.urls.base}/achievements/`)) {
      add(
        'achievement-approval',
        'SKIP',
        "The achievement was designed elsewhere; its approval is its issuer's responsibility.",
      );
      return;
    }
    const microCredentialId = decodeURIComponent(match[1]!);
    const designVersion = Number(match[2]);
    const snapshot = await this.approvedSnapshots.get(`${designVersion}:${microCredentialId}`, () =>
      this.deps.snapshots.getSnapshot(microCredentialId, designVersion),
    );
    if (snapshot && isApprovedSnapshot(snapshot.status) && snapshot.qualityAssurance) {
      const qa = snapshot.qualityAssurance;
      add(
        'achievement-approval',
        'PASS',
        `Version ${snapshot.designVersion} passed "${qa.workflowName}" (${qa.steps.length} steps) on ${qa.approvedAt.slice(0, 10)}.`,
      );
    } else {
      add(
        'achievement-approval',
        'FAIL',
        "This version of the achievement was never approved by the institution's QA review.",
      );
    }
  }

  private async checkEndorsements(
    achievement: JsonObject | undefined,
    depth: number,
    add: (name: string, status: CheckStatus, message: string) => void,
    budget: VerificationBudget,
    issuedAt?: string,
  ) {
    const endorsements = (
      Array.isArray(achievement?.endorsement) ? achievement.endorsement : []
    ).filter(isObject);
    if (endorsements.length === 0) {
      add('endorsements', 'SKIP', 'The achievement carries no endorsements.');
      return [];
    }
    if (depth > 0) {
      add('endorsements', 'SKIP', 'Endorsements of endorsements are not checked.');
      return [];
    }
    const summaries = await Promise.all(
      endorsements.slice(0, 20).map(async (endorsement) => {
        const result = await this.verifyPresented(
          { format: 'JSON-LD', credential: endorsement },
          undefined,
          depth + 1,
          budget,
        ).catch(() => null);
        const id = stringField(endorsement, 'id');
        const withdrawn = id ? await this.isWithdrawn(id, issuerIdOf(endorsement)) : false;
        // Sound in every other way, only past its validUntil, which came after the credential
        // was issued: the endorsement counted then, like a withdrawn one (a WARN, not a FAIL).
        const endorsementEnd = stringField(endorsement, 'validUntil');
        const expiredSinceIssuance =
          result?.status === 'EXPIRED' &&
          result.checks.every(
            (check) =>
              check.status !== 'FAIL' ||
              !essentialChecks.has(check.name) ||
              check.name === 'validity-window',
          ) &&
          (!issuedAt || !endorsementEnd || Date.parse(endorsementEnd) >= Date.parse(issuedAt));
        return {
          id,
          issuerName: stringField(endorsement.issuer, 'name'),
          issuerId: issuerIdOf(endorsement),
          verified: (result?.verified ?? false) && !withdrawn,
          withdrawn,
          expiredSinceIssuance,
        };
      }),
    );
    const failed = summaries.filter(
      (summary) => !summary.verified && !summary.withdrawn && !summary.expiredSinceIssuance,
    );
    const withdrawnCount = summaries.filter((summary) => summary.withdrawn).length;
    const expiredCount = summaries.filter(
      (summary) => summary.expiredSinceIssuance && !summary.withdrawn,
    ).length;
    if (failed.length > 0)
      add(
        'endorsements',
        'FAIL',
        `${failed.length} of ${summaries.length} endorsements do not verify.`,
      );
    else if (withdrawnCount > 0 || expiredCount > 0)
      add(
        'endorsements',
        'WARN',
        `${summaries.length - withdrawnCount - expiredCount} endorsements verify; ${[
          withdrawnCount > 0 ? `${withdrawnCount} were withdrawn by the endorser` : '',
          expiredCount > 0 ? `${expiredCount} expired` : '',
        ]
          .filter(Boolean)
          .join(' and ')} since issuance.`,
      );
    else
      add(
        'endorsements',
        'PASS',
        `${summaries.length} endorsement${summaries.length === 1 ? '' : 's'} verified (${summaries.map((summary) => summary.issuerName ?? summary.issuerId).join(', ')}).`,
      );
    return summaries.map(({ expiredSinceIssuance: _, ...summary }) => summary);
  }

  /** Whether an endorsement was withdrawn, reused for the cache's TTL. */
  private async isWithdrawn(credentialId: string, issuerId: string | undefined): Promise<boolean> {
    const lookup = this.deps.withdrawn;
    if (!lookup) return false;
    return this.withdrawals.get(`${issuerId ?? ''}\u0000${credentialId}`, () =>
      lookup(credentialId, issuerId),
    );
  }

  /** The stored state of a credential presented by its holder, when it was issued here. */
  private async stateOf(credentialUrl: string): Promise<CredentialState | null> {
    const id = this.deps.urls.parseCredentialUrl(credentialUrl);
    return id && /^[A-Za-z0-9_-]{1,100}$/.test(id)
      ? this.stateReads.get(id, () => this.deps.credentials.getState(id))
      : null;
  }

  /**
   * The status of a credential looked up by id here, from its record: revoking or suspending
   * changes the record at once, while the published status list follows when the worker signs
   * it again. Its entries are the ones the credential lists (both come from one reservation).
   */
  private checkStoredStatus(
    record: CredentialState,
    add: (name: string, status: CheckStatus, message: string) => void,
  ): VerificationStatus {
    if (record.status === 'REVOKED') {
      add('status', 'FAIL', 'The issuer has revoked this credential.');
      return 'REVOKED';
    }
    if (record.status === 'SUSPENDED') {
      add('status', 'FAIL', 'The issuer has suspended this credential.');
      return 'SUSPENDED';
    }
    if (record.statusEntries.length === 0) {
      add('status', 'SKIP', 'The credential has no status list entry; it cannot be revoked.');
      return 'ACTIVE';
    }
    add(
      'status',
      'PASS',
      `Not revoked or suspended (${record.statusEntries.map((entry) => `${entry.purpose}: clear`).join('; ')}).`,
    );
    return 'ACTIVE';
  }

  /**
   * The parts of a stacked credential revoked since it was issued: only those its earner shows
   * publicly are counted (a private part's revocation is not the verifier's to learn).
   */
  private async checkStackParts(
    record: CredentialState | null,
    add: (name: string, status: CheckStatus, message: string) => void,
  ) {
    if (!record || record.kind !== 'stacked') return;
    const shown = await Promise.all(
      record.flaggedParts.map(
        async (id) => (await this.stateOf(this.deps.urls.credential(id)))?.visibility === 'PUBLIC',
      ),
    );
    const flagged = shown.filter(Boolean).length;
    add(
      'stack-parts',
      flagged ? 'WARN' : 'PASS',
      flagged
        ? `${flagged} of the ${record.parts.length} credentials it was stacked from ${flagged === 1 ? 'was' : 'were'} revoked after it was issued.`
        : `Stacked from ${record.parts.length} credentials, none revoked since.`,
    );
  }

  private checkRecipient(
    credential: JsonObject,
    recipient: string,
    add: (name: string, status: CheckStatus, message: string) => void,
  ) {
    const match = recipientMatch(credential, recipient);
    if (match === 'UNNAMED') {
      add('recipient', 'SKIP', 'The credential names no email address to match.');
      return;
    }
    add(
      'recipient',
      match === 'MATCH' ? 'PASS' : 'FAIL',
      match === 'MATCH'
        ? 'The credential was issued to this email address.'
        : 'The credential was not issued to this email address.',
    );
  }
}

/**
 * Whether a credential's subject names `address`: its email identifiers (plain, or salted
 * SHA-256 `identityHash` values as OB 3.0 describes) are compared with the address.
 */
export function recipientMatch(
  credential: JsonObject,
  address: string,
): 'MATCH' | 'MISMATCH' | 'UNNAMED' {
  const subject = subjectOf(credential);
  const identities = (
    isObject(subject) && Array.isArray(subject.identifier) ? subject.identifier : []
  ).filter(isObject);
  const emails = identities.filter((identity) => identity.identityType === 'emailAddress');
  if (emails.length === 0) return 'UNNAMED';
  const candidates = [address, normaliseEmail(address)];
  const matches = emails.some((identity) => {
    if (identity.hashed === true && typeof identity.identityHash === 'string') {
      const [algorithm, digest] = identity.identityHash.split('$');
      if (algorithm !== 'sha256' || !digest) return false;
      const salt = typeof identity.salt === 'string' ? identity.salt : '';
      return candidates.some(
        (candidate) =>
          createHash('sha256')
            .update(candidate + salt)
            .digest('hex') === digest.toLowerCase(),
      );
    }
    return (
      typeof identity.identityHash === 'string' &&
      candidates.includes(identity.identityHash.toLowerCase())
    );
  });
  return matches ? 'MATCH' : 'MISMATCH';
}

/** A verification fact that failed (shown as a check, not raised as an error). */
/** Kept here too for the modules that import it from verification (see `shared/errors`). */
export { VerificationProblem };

function describeFailure(error: unknown, fallback: string): string {
  if (error instanceof VerificationProblem) return error.message;
  if (error instanceof DomainError && error.category !== 'INTERNAL')
    return `${fallback}: ${error.message}`;
  return `${fallback}.`;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringField(value: unknown, field: string): string | undefined {
  return isObject(value) && typeof value[field] === 'string' ? value[field] : undefined;
}

function issuerIdOf(credential: JsonObject): string | undefined {
  return typeof credential.issuer === 'string'
    ? credential.issuer
    : stringField(credential.issuer, 'id');
}

/** The (first) credential subject. */
function subjectOf(credential: JsonObject): unknown {
  const subject: unknown = credential.credentialSubject;
  return Array.isArray(subject) ? (subject[0] as unknown) : subject;
}

function achievementOf(credential: JsonObject): JsonObject | undefined {
  const subject = subjectOf(credential);
  return isObject(subject) && isObject(subject.achievement) ? subject.achievement : undefined;
}

/** JWT registered claims (RFC 7519 §4.1): they secure a credential but are none of its properties. */
const registeredClaims = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']);

/**
 * The credential a VC-JWT carries. OB 3.0.3 (§8.2.4.1, on VC Data Model 2.0) makes the payload
 * the credential itself, with the registered claims beside its properties; credentials made
 * under VC Data Model 1.1 hold it in the `vc` claim (§8.2.6, note). An `exp` sets `validUntil`
 * when the credential has none (§8.2.6.1).
 */
function credentialOfJwt(payload: JsonObject): JsonObject | null {
  let credential: JsonObject;
  if (payload['@context'] !== undefined) {
    credential = Object.fromEntries(
      Object.entries(payload).filter(([name]) => !registeredClaims.has(name)),
    );
  } else if (isObject(payload.vc)) {
    credential = payload.vc;
  } else {
    return null;
  }
  const exp = payload.exp;
  if (
    typeof exp === 'number' &&
    Number.isSafeInteger(exp) &&
    Math.abs(exp) < 8_640_000_000_000 &&
    credential.validUntil === undefined &&
    credential.expirationDate === undefined
  ) {
    const field = credential.issuanceDate !== undefined && credential.validFrom === undefined;
    credential = {
      ...credential,
      [field ? 'expirationDate' : 'validUntil']: new Date(exp * 1000).toISOString(),
    };
  }
  return credential;
}

/**
 * Where the claims of a VC-JWT disagree with its credential (OB 3.0 §8.2.6.1): `iss` is the
 * issuer id, `jti` the credential id, `nbf` its `validFrom` and `exp` its `validUntil` (to the
 * second). `sub` is the subject's id; OB 3.0 subjects may be identified by `identifier` alone,
 * and then no `sub` can match, so none may be given.
 */
function jwtClaimMismatches(payload: JsonObject, credential: JsonObject): string[] {
  const mismatches: string[] = [];
  const issuerId = issuerIdOf(credential);
  if (typeof payload.iss !== 'string' || payload.iss !== issuerId)
    mismatches.push(payload.iss === undefined ? 'no iss' : 'iss is not the issuer id');
  if (typeof payload.jti !== 'string' || payload.jti !== credential.id)
    mismatches.push(payload.jti === undefined ? 'no jti' : 'jti is not the credential id');
  const subjectId = stringField(subjectOf(credential), 'id');
  if (subjectId !== undefined && payload.sub !== subjectId)
    mismatches.push(payload.sub === undefined ? 'no sub' : 'sub is not credentialSubject.id');
  if (subjectId === undefined && payload.sub !== undefined)
    mismatches.push('sub names a subject the credential does not');
  const seconds = (iso: string | undefined) =>
    iso === undefined ? undefined : Math.floor(Date.parse(iso) / 1000);
  const validFrom = seconds(
    stringField(credential, 'validFrom') ?? stringField(credential, 'issuanceDate'),
  );
  if (payload.nbf === undefined) mismatches.push('no nbf');
  else if (payload.nbf !== validFrom) mismatches.push('nbf is not validFrom');
  const validUntil = seconds(
    stringField(credential, 'validUntil') ?? stringField(credential, 'expirationDate'),
  );
  if (validUntil !== undefined && payload.exp === undefined) mismatches.push('no exp');
  else if (payload.exp !== undefined && payload.exp !== validUntil)
    mismatches.push('exp is not validUntil');
  return mismatches;
}

/** A `kid` as a verification method id: absolute as given, a bare fragment of the issuer's. */
function methodIdOfKid(kid: string, issuerId: string | undefined): string {
  return kid.includes('#') || /^(did:|https?:\/\/)/.test(kid) || !issuerId
    ? kid
    : `${issuerId}#${kid}`;
}

function jwkOf(key: ResolvedKey): JsonObject {
  return key.kind === 'jwk'
    ? key.jwk
    : { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(key.raw).toString('base64url') };
}

/** The RFC 7638 thumbprint of a public JWK (its required members, in order), or null. */
function jwkThumbprint(jwk: JsonObject): string | null {
  const members =
    jwk.kty === 'RSA'
      ? ['e', 'kty', 'n']
      : jwk.kty === 'EC'
        ? ['crv', 'kty', 'x', 'y']
        : jwk.kty === 'OKP'
          ? ['crv', 'kty', 'x']
          : null;
  if (!members || members.some((member) => typeof jwk[member] !== 'string')) return null;
  const canonical = JSON.stringify(
    Object.fromEntries(members.map((member) => [member, jwk[member]])),
  );
  return createHash('sha256').update(canonical).digest('base64url');
}
