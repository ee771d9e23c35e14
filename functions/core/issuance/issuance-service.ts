import { createHash } from 'node:crypto';
import * as z from 'zod';
import { authorize, authorizeOrHide, isAllowed, requireSignedIn } from '../auth/policy';
import { actorOf, system, type Principal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import type { InstitutionRepository } from '../institutions/ports';
import { ed25519RawFromSpki } from '../keys/issuer-key';
import type { KeyService } from '../keys/key-service';
import type { DesignUnitOfWork } from '../qa/ports';
import { contentDigest } from '../shared/digest';
import { ReadCache } from '../shared/read-cache';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import { pageRequest } from '../shared/paging';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { identifier, limits, parseInput, text } from '../shared/validation';
import {
  normaliseEmail,
  recipientInput,
  type CredentialRecord,
  type RecipientInput,
  type Reservation,
  type StatusAuditEntry,
  type StatusEntry,
  type StatusPurpose,
} from '../credential/credential';
import {
  achievement,
  addMonths,
  emailIdentity,
  issuerProfile,
  jwtClaims,
  openBadgeCredential,
  statusEntry,
} from '../credential/open-badge';
import type {
  CredentialRepository,
  CredentialSigner,
  JsonObject,
  StatusListRepository,
} from './ports';

export const issueCredentialInput = z.strictObject({
  microCredentialId: identifier(),
  recipient: recipientInput,
  /** A client key that makes retries safe (letters, digits, `_`, `-`, `:`, `.`). */
  idempotencyKey: z
    .string()
    .trim()
    .min(8, 'must be at least 8 characters')
    .max(200)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'may contain only letters, digits, _ . : and -')
    .optional(),
});

/** What any issuance path (an admin, a bulk job, the learner pathway, stacking) asks for. */
export interface IssueRequest {
  readonly microCredentialId: string;
  readonly recipient: RecipientInput;
  readonly idempotencyKey?: string;
  readonly kind?: 'micro' | 'stacked';
  /** OB 3.0 `Evidence` entries. */
  readonly evidence?: readonly JsonObject[];
  /** OB 3.0 `Result` entries for `credentialSubject.result`. */
  readonly results?: readonly JsonObject[];
  /** Credentials a stacked credential was built from. */
  readonly parts?: readonly string[];
  /** Achievements the credential builds on, added to its alignments (stacked credentials). */
  readonly relatedAchievements?: readonly { name: string; url: string }[];
  readonly actor: { kind: string; id: string };
}

/**
 * Endorsements to embed in an achievement version, each naming that version as its subject
 * (supplied by the endorsement capability).
 */
export type EndorsementSource = (
  microCredentialId: string,
  designVersion: number,
) => Promise<readonly JsonObject[]>;

export interface IssuanceServiceDeps {
  readonly institutions: InstitutionRepository;
  readonly designs: MicroCredentialRepository;
  readonly snapshots: DesignUnitOfWork;
  readonly credentials: CredentialRepository;
  readonly statusLists: StatusListRepository;
  readonly keys: KeyService;
  readonly signer: CredentialSigner;
  readonly urls: PublicUrls;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly endorsements?: EndorsementSource;
}

const reasonInput = text(limits.shortText).optional();

/**
 * What the rows of one page of a bulk job share: the published design, the institution, the
 * approved snapshot, the signing keys and the endorsements are read once for the page instead
 * of once per row, and status positions are allocated in blocks of the page's size. A page is
 * seconds of work, so a change to any of them (a key revoked, a design retired) reaches at
 * most the rest of the page; nothing about idempotency changes (each row still reserves and
 * completes on its own). Make one per page with {@link IssuanceService.batch}.
 */
export class IssuanceBatch {
  /** For the life of the batch; a failed read is forgotten, so the next row tries again. */
  private readonly reads = new ReadCache<unknown>({
    ttlMs: Infinity,
    max: 64,
    maxBytes: 4_000_000,
  });
  /** Unused positions by institution and purpose. */
  private readonly pools = new Map<string, { free: StatusEntry[]; refill?: Promise<void> }>();

  constructor(
    private readonly statusLists: StatusListRepository,
    /** Positions allocated at a time: the rows the page will issue at most. */
    readonly size: number,
  ) {}

  /** `load()` once per batch. */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    return this.reads.get(key, load) as Promise<T>;
  }

  /** The next position of the block for `purpose`, allocating a block when it is used up. */
  async position(institutionId: string, purpose: StatusPurpose): Promise<StatusEntry> {
    const poolKey = `${institutionId}:${purpose}`;
    let pool = this.pools.get(poolKey);
    if (!pool) {
      pool = { free: [] };
      this.pools.set(poolKey, pool);
    }
    for (;;) {
      const entry = pool.free.shift();
      if (entry) return entry;
      const current = pool;
      current.refill ??= this.statusLists
        .allocateBlock(institutionId, purpose, Math.max(1, this.size))
        .then((entries) => {
          current.free.push(...entries);
        })
        .finally(() => {
          current.refill = undefined;
        });
      await current.refill;
    }
  }
}

/** `load()` through the batch when there is one (read once for all its rows), else directly. */
function shared<T>(batch: IssuanceBatch | undefined, key: string, load: () => Promise<T>) {
  return batch ? batch.once(key, load) : load();
}

/** SHA-256 (hex) of a normalised email: the internal key that finds a learner's credentials. */
export function emailHash(address: string): string {
  return createHash('sha256').update(normaliseEmail(address), 'utf8').digest('hex');
}

/**
 * Issues Open Badges 3.0 credentials signed in KMS, and revokes, suspends and reinstates them.
 * Issuance is idempotent per learner and design version (and per client idempotency key): a
 * reservation fixes the credential id, dates and status positions before anything is signed,
 * and the credential is stored in one transaction with the reservation's completion, so
 * concurrent retries and failures between signing and storing never produce two credentials.
 */
export class IssuanceService {
  constructor(private readonly deps: IssuanceServiceDeps) {}

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
    const published = await shared(batch, `published:${request.microCredentialId}`, () =>
      this.deps.designs.getPublished(request.microCredentialId),
    );
    if (!published || published.status !== 'PUBLISHED' || !published.published) {
      throw new ConflictError(
        'DESIGN_NOT_ISSUABLE',
        'Only a published, not retired micro-credential can be issued.',
      );
    }
    const institutionId = published.institutionId;
    const hash = emailHash(request.recipient.email);
    const naturalKey = `learner:${hash}:${published.id}:v${published.published.designVersion}`;
    const requestHash = contentDigest({
      microCredentialId: published.id,
      designVersion: published.published.designVersion,
      recipient: { ...request.recipient, email: normaliseEmail(request.recipient.email) },
    });
    if (request.idempotencyKey) {
      // The client's key must always name the same learner and design version.
      const alias = await this.deps.credentials.reserve(
        this.reservation(
          institutionId,
          `client:${request.idempotencyKey}`,
          requestHash,
          naturalKey,
          published.id,
          published.published.designVersion,
          [],
        ),
      );
      if (alias.credentialId !== naturalKey) {
        throw new ConflictError(
          'IDEMPOTENCY_KEY_REUSED',
          'This idempotency key was used for a different learner or micro-credential.',
        );
      }
    }
    const designVersion = published.published.designVersion;
    const reserveAs = (credentialId: string, entries: Reservation['statusEntries']) =>
      this.reservation(
        institutionId,
        naturalKey,
        requestHash,
        credentialId,
        published.id,
        designVersion,
        entries,
      );
    let reservation: Reservation;
    let record: CredentialRecord | undefined;
    if (batch) {
      ({ reservation, record } = await this.reserveWhileSigning(
        reserveAs(this.deps.ids.newId(), [await batch.position(institutionId, 'revocation')]),
        request,
        hash,
        batch,
      ));
    } else {
      reservation =
        (await this.deps.credentials.getReservation(institutionId, naturalKey)) ??
        (await this.deps.credentials.reserve(
          reserveAs(this.deps.ids.newId(), [
            await this.deps.statusLists.allocate(institutionId, 'revocation'),
          ]),
        ));
    }
    if (reservation.status === 'COMPLETE') return this.requireCredential(reservation.credentialId);
    record ??= await this.buildAndSign(reservation, request, hash, batch);
    const stored = await this.deps.credentials.complete(record, [
      this.event('credential.issued', record, request.actor, {
        microCredentialId: record.microCredentialId,
        designVersion: record.designVersion,
        kind: record.kind,
        emailHash: hash,
        parts: record.parts,
      }),
    ]);
    return stored === 'stored' ? record : this.requireCredential(reservation.credentialId);
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
      this.buildAndSign(proposed, request, hash, batch),
    ]);
    if (reserved.status === 'rejected') throw reserved.reason;
    const reservation = reserved.value;
    // The credential id is new, so only a reservation stored by this call carries it.
    if (reservation.credentialId !== proposed.credentialId) return { reservation };
    if (signed.status === 'rejected') throw signed.reason;
    return { reservation, record: signed.value };
  }

  /** A credential for its issuer's admins or its earner. */
  async get(principal: Principal, id: string): Promise<CredentialRecord> {
    requireSignedIn(principal);
    const record = await this.requireCredential(id);
    authorizeOrHide(
      principal,
      'credential.read',
      { institutionId: record.institutionId, recipientEmailHash: record.recipient.emailHash },
      'Credential',
      id,
    );
    return record;
  }

  /** A stored credential by id, without authorization (public pages decide visibility). */
  async find(id: string): Promise<CredentialRecord | null> {
    return this.deps.credentials.get(id);
  }

  async listIssued(
    principal: Principal,
    institutionId: string,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<CredentialRecord>> {
    authorize(principal, 'credential.readIssued', { institutionId });
    return this.deps.credentials.listByInstitution(institutionId, pageRequest(first, after));
  }

  /** The learner's email, for those allowed to see it (issuer admins); null otherwise. */
  recipientEmailFor(principal: Principal, record: CredentialRecord): string | null {
    return isAllowed(principal, 'credential.readIssued', { institutionId: record.institutionId })
      ? record.recipient.email
      : null;
  }

  /** Who changed a credential's status and why: for the issuer's staff, not its earner. */
  async statusHistory(principal: Principal, id: string): Promise<StatusAuditEntry[]> {
    const record = await this.get(principal, id);
    authorize(principal, 'credential.readIssued', { institutionId: record.institutionId });
    return this.deps.credentials.statusHistory(record.id);
  }

  /** Revokes for good; revoking again changes nothing. */
  async revoke(
    principal: Principal,
    id: string,
    reason?: string | null,
  ): Promise<CredentialRecord> {
    return this.changeStatus(principal, id, 'REVOKED', reason);
  }

  /** Suspends until reinstated. */
  async suspend(
    principal: Principal,
    id: string,
    reason?: string | null,
  ): Promise<CredentialRecord> {
    return this.changeStatus(principal, id, 'SUSPENDED', reason);
  }

  async reinstate(
    principal: Principal,
    id: string,
    reason?: string | null,
  ): Promise<CredentialRecord> {
    return this.changeStatus(principal, id, 'ACTIVE', reason);
  }

  /** Revokes on the platform's own authority (a stack whose part was revoked). */
  async revokeAsPlatform(id: string, reason: string): Promise<CredentialRecord> {
    return this.changeStatus(system, id, 'REVOKED', reason);
  }

  /**
   * Records, in the audit trail, that a part of a stacked credential was revoked (for stacks
   * that flag rather than revoke). Flagging the same part again changes nothing.
   */
  async flagPart(id: string, part: { id: string; name: string }): Promise<CredentialRecord> {
    const record = await this.requireCredential(id);
    if (record.flaggedParts.includes(part.id)) return record;
    const now = this.deps.clock.now().toISOString();
    const next: CredentialRecord = {
      ...record,
      flaggedParts: [...record.flaggedParts, part.id],
      version: record.version + 1,
    };
    const actor = actorOf(system);
    await this.deps.credentials.changeStatus({
      next,
      expectedVersion: record.version,
      bit: null,
      audit: {
        credentialId: id,
        sequence: next.version,
        action: 'PART_REVOKED',
        reason: `A credential it was stacked from (${part.name}) was revoked.`,
        actor,
        at: now,
      },
      events: [this.event('credential.part_revoked', next, actor, { partId: part.id })],
    });
    return next;
  }

  private async changeStatus(
    principal: Principal,
    id: string,
    target: CredentialRecord['status'],
    reason?: string | null,
  ): Promise<CredentialRecord> {
    const record = await this.requireCredential(id);
    authorize(principal, 'credential.manage', { institutionId: record.institutionId });
    const why = parseInput(reasonInput, reason ?? undefined, 'reason');
    if (record.status === target) return record;
    if (record.status === 'REVOKED') {
      throw new ConflictError(
        'CREDENTIAL_REVOKED',
        'A revoked credential cannot be suspended or reinstated.',
      );
    }
    if (target === 'ACTIVE' && record.status !== 'SUSPENDED') {
      throw new ConflictError(
        'CREDENTIAL_NOT_SUSPENDED',
        'Only a suspended credential can be reinstated.',
      );
    }
    const purpose = target === 'REVOKED' ? 'revocation' : 'suspension';
    const entry = record.statusEntries.find((candidate) => candidate.purpose === purpose);
    const now = this.deps.clock.now().toISOString();
    const next: CredentialRecord = {
      ...record,
      status: target,
      statusReason: why,
      statusChangedAt: now,
      version: record.version + 1,
    };
    const action =
      target === 'REVOKED' ? 'REVOKED' : target === 'SUSPENDED' ? 'SUSPENDED' : 'REINSTATED';
    const eventType = `credential.${action.toLowerCase()}`;
    await this.deps.credentials.changeStatus({
      next,
      expectedVersion: record.version,
      bit: entry ? { entry, set: target !== 'ACTIVE' } : null,
      audit: {
        credentialId: id,
        sequence: next.version,
        action,
        reason: why,
        actor: actorOf(principal),
        at: now,
      },
      events: [
        this.event(eventType, next, actorOf(principal), {
          reason: why ?? null,
          statusList: entry ?? null,
          wasSuspended: record.status === 'SUSPENDED',
          suspensionEntry:
            record.statusEntries.find((candidate) => candidate.purpose === 'suspension') ?? null,
        }),
      ],
    });
    return next;
  }

  private reservation(
    institutionId: string,
    key: string,
    requestHash: string,
    credentialId: string,
    microCredentialId: string,
    designVersion: number,
    entries: Reservation['statusEntries'],
  ): Reservation {
    return {
      institutionId,
      key,
      requestHash,
      credentialId,
      microCredentialId,
      designVersion,
      issuedAt: this.deps.clock.now().toISOString(),
      statusEntries: entries,
      status: 'PENDING',
      version: 1,
    };
  }

  /** Builds the credential the reservation describes and signs both forms through KMS. */
  private async buildAndSign(
    reservation: Reservation,
    request: IssueRequest,
    hash: string,
    batch: IssuanceBatch | undefined,
  ): Promise<CredentialRecord> {
    const { institutionId, microCredentialId, designVersion } = reservation;
    const owner = { ownerKind: 'institution', ownerId: institutionId } as const;
    const [institution, snapshot, dataIntegrityKey, jwtKey, endorsements] = await Promise.all([
      shared(batch, `institution:${institutionId}`, () =>
        this.deps.institutions.get(institutionId),
      ),
      shared(batch, `snapshot:${microCredentialId}:${designVersion}`, () =>
        this.deps.snapshots.getSnapshot(microCredentialId, designVersion),
      ),
      shared(batch, `key:${institutionId}:Ed25519`, () =>
        this.deps.keys.activeKey(owner, 'Ed25519'),
      ),
      shared(batch, `key:${institutionId}:RS256`, () => this.deps.keys.activeKey(owner, 'RS256')),
      shared(batch, `endorsements:${microCredentialId}:v${designVersion}`, () =>
        this.deps.endorsements
          ? this.deps.endorsements(microCredentialId, designVersion)
          : Promise.resolve([]),
      ),
    ]);
    if (!institution) throw new NotFoundError('Institution', institutionId);
    if (!snapshot)
      throw new NotFoundError('DesignVersion', `${microCredentialId}/v${designVersion}`);
    const { urls } = this.deps;
    const validFrom = reservation.issuedAt;
    const validUntil = snapshot.content.validityMonths
      ? addMonths(validFrom, snapshot.content.validityMonths)
      : undefined;
    const recipient = request.recipient;
    const subject: JsonObject = {
      ...(recipient.did ? { id: recipient.did } : {}),
      type: ['AchievementSubject'],
      identifier: [
        emailIdentity(normaliseEmail(recipient.email), this.deps.ids.newId().replace(/-/g, '')),
      ],
      achievement: achievement({
        urls,
        institution,
        microCredentialId,
        designVersion,
        content: snapshot.content,
        qualityAssurance: snapshot.qualityAssurance,
        endorsements,
        relatedAchievements: request.relatedAchievements,
      }),
      ...(request.results?.length ? { result: request.results } : {}),
    };
    // One entry, for revocation. A reservation made before suspension left the document also
    // holds a suspension position; it stays unused.
    const revocation = reservation.statusEntries.find((entry) => entry.purpose === 'revocation');
    if (!revocation)
      throw new Error(`Reservation ${reservation.credentialId} holds no revocation position`);
    const unsigned = openBadgeCredential({
      id: urls.credential(reservation.credentialId),
      issuer: issuerProfile(urls, institution),
      name: snapshot.content.name,
      description: snapshot.content.description,
      validFrom,
      validUntil,
      subject,
      evidence: request.evidence,
      credentialStatus: statusEntry(urls, institutionId, revocation),
    });
    const verificationMethod = urls.verificationMethod(
      'institution',
      institutionId,
      dataIntegrityKey.keyId,
    );
    const credential = await this.deps.signer.addDataIntegrityProof(
      unsigned,
      { keyRef: dataIntegrityKey.keyRef, verificationMethod },
      validFrom,
    );
    // Stored only with a proof that verifies against the published public key.
    const raw = ed25519RawFromSpki(Buffer.from(dataIntegrityKey.publicKeySpki, 'base64'));
    if (!(await this.deps.signer.verifyDataIntegrityProof(credential, raw))) {
      throw new Error(
        `The proof of credential ${reservation.credentialId} did not verify after signing`,
      );
    }
    const jwt = await this.deps.signer.signJwt(
      {
        alg: 'RS256',
        typ: 'JWT',
        kid: urls.verificationMethod('institution', institutionId, jwtKey.keyId),
      },
      jwtClaims(credential),
      jwtKey.keyRef,
    );
    return {
      id: reservation.credentialId,
      institutionId,
      microCredentialId,
      designVersion,
      kind: request.kind ?? 'micro',
      achievementName: snapshot.content.name,
      recipient: {
        emailHash: hash,
        email: normaliseEmail(recipient.email),
        ...(recipient.name ? { name: recipient.name } : {}),
        ...(recipient.did ? { did: recipient.did } : {}),
      },
      status: 'ACTIVE',
      statusEntries: [revocation],
      issuedAt: reservation.issuedAt,
      validFrom,
      ...(validUntil ? { validUntil } : {}),
      credential,
      jwt,
      signingKeys: { dataIntegrity: dataIntegrityKey.keyId, jwt: jwtKey.keyId },
      visibility: 'PUBLIC',
      showName: false,
      idempotencyKey: reservation.key,
      parts: [...(request.parts ?? [])],
      flaggedParts: [],
      version: 1,
    };
  }

  private async requireCredential(id: string): Promise<CredentialRecord> {
    const record = await this.deps.credentials.get(id);
    if (!record) throw new NotFoundError('Credential', id);
    return record;
  }

  private event(
    type: string,
    record: CredentialRecord,
    actor: { kind: string; id: string },
    data: Record<string, unknown>,
  ): DomainEvent {
    return {
      id: this.deps.ids.newId(),
      type,
      institutionId: record.institutionId,
      aggregateType: 'Credential',
      aggregateId: record.id,
      occurredAt: this.deps.clock.now().toISOString(),
      actor,
      data,
    };
  }
}
