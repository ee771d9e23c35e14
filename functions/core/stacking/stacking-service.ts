import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { authorize, authorizeOrHide, requireSignedIn } from '../auth/policy';
import { actorOf, withVerifiedEmail, type Principal, type UserPrincipal } from '../auth/principal';
import type { MicroCredentialRepository } from '../designs/ports';
import type { InstitutionRepository } from '../institutions/ports';
import { normaliseEmail, type CredentialRecord } from '../credential/credential';
import { emailHash, type IssuanceService } from '../issuance/issuance-service';
import { emailIdentity, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../credential/open-badge';
import { contentDigest } from '../shared/digest';
import type { CredentialRepository, CredentialSigner, JsonObject } from '../issuance/ports';
import type { KeyService } from '../keys/key-service';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import type { DomainEvent } from '../shared/events';
import { platformOwnerId } from '../shared/owners';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import type { ImportedCredential } from '../sharing/model';
import type { BackpackRepository } from '../sharing/ports';
import type { VerificationService } from '../verification/verification-service';
import { CLR_V2_CONTEXT } from './clr';
import {
  defineStackInput,
  evaluateRule,
  partKey,
  type Holding,
  type PathwayProgress,
  type Stack,
  type StackPart,
} from './model';
import type {
  JustHeld,
  RecordedHoldings,
  StackingHoldings,
  StackRepository,
  StoredTranscript,
  TranscriptRepository,
} from './ports';

export interface StackingDeps {
  readonly stacks: StackRepository;
  readonly designs: MicroCredentialRepository;
  readonly institutions: InstitutionRepository;
  readonly credentials: CredentialRepository;
  readonly backpack: BackpackRepository;
  readonly holdings: StackingHoldings;
  readonly transcripts: TranscriptRepository;
  readonly issuance: IssuanceService;
  readonly verification: VerificationService;
  readonly keys: KeyService;
  readonly signer: CredentialSigner;
  readonly urls: PublicUrls;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** Everything a learner holds, as stored: credentials issued here and imported ones. */
interface Wallet {
  readonly credentials: readonly CredentialRecord[];
  readonly imported: readonly ImportedCredential[];
}

const noneRecorded: RecordedHoldings = { credentialIds: [], imports: [] };

/**
 * How long before a stack began to apply its backfill looks for credentials an index may not
 * list yet: indexes catch up in well under a second, and the recently issued partition keeps
 * each credential for two days (`recentlyIssuedSeconds`).
 */
const indexLagAllowanceMs = 60 * 60 * 1000;

/** Most credentials read for one learner when evaluating stacks (ten pages). */
const maxHoldings = 1_000;
/** Most recorded credentials, and imports, read by id beside the indexes in one evaluation. */
const maxReadById = 100;

const retireInput = z.strictObject({ expectedVersion: z.int().positive() });

/**
 * Stacking micro-credentials into larger badges. Institutions define stacks (all of a set, N of
 * M, or an ordered chain, over their own designs or achievements issued elsewhere); the worker
 * issues the stacked credential when a learner's active credentials satisfy one — exactly once,
 * because issuance is idempotent per learner and design version — and applies the stack's
 * policy when a part is revoked. Learners see their progress and export a signed CLR 2.0
 * transcript.
 */
export class StackingService {
  constructor(private readonly deps: StackingDeps) {}

  /** Defines a stack, refusing impossible rules, unknown or foreign parts, and cycles. */
  async define(principal: Principal, input: unknown): Promise<Stack> {
    const request = parseInput(defineStackInput, input);
    authorize(principal, 'stack.define', { institutionId: request.institutionId });
    const institution = await this.deps.institutions.get(request.institutionId);
    if (!institution) throw new NotFoundError('Institution', request.institutionId);
    const target = await this.deps.designs.get(request.microCredentialId);
    if (!target || target.institutionId !== request.institutionId) {
      throw new ValidationError(
        "The stacked credential must be one of the institution's designs.",
        [{ path: 'input.microCredentialId', message: 'is not a design of this institution' }],
        'STACK_TARGET_INVALID',
      );
    }
    const problems: { path: string; message: string }[] = [];
    if (target.status === 'RETIRED')
      problems.push({ path: 'input.microCredentialId', message: 'is retired' });
    const parts: StackPart[] = [];
    for (const [index, part] of request.parts.entries()) {
      if (!('microCredentialId' in part)) {
        if (!institution.settings.allowExternalStackParts)
          problems.push({
            path: `input.parts.${index}`,
            message: 'credentials from other issuers are not allowed by this institution',
          });
        parts.push({ kind: 'EXTERNAL', achievementId: part.achievementId, name: part.name });
        continue;
      }
      const design = await this.deps.designs.get(part.microCredentialId);
      if (!design || design.institutionId !== request.institutionId)
        problems.push({
          path: `input.parts.${index}.microCredentialId`,
          message: 'is not a design of this institution',
        });
      else if (design.status === 'RETIRED')
        problems.push({ path: `input.parts.${index}.microCredentialId`, message: 'is retired' });
      parts.push({
        kind: 'DESIGN',
        microCredentialId: part.microCredentialId,
        name: design?.content.name ?? part.microCredentialId,
      });
    }
    const keys = parts.map(partKey);
    if (new Set(keys).size !== keys.length)
      problems.push({ path: 'input.parts', message: 'lists a part twice' });
    if (keys.includes(request.microCredentialId))
      problems.push({
        path: 'input.parts',
        message: 'cannot contain the stacked credential itself',
      });
    if (request.rule === 'N_OF_M') {
      if (request.required === undefined)
        problems.push({ path: 'input.required', message: 'is required for N_OF_M' });
      else if (request.required > parts.length)
        problems.push({
          path: 'input.required',
          message: `cannot exceed the ${parts.length} parts listed`,
        });
    } else if (request.required !== undefined) {
      problems.push({ path: 'input.required', message: 'applies only to N_OF_M' });
    }
    if (problems.length)
      throw new ValidationError('The stack rule is not valid.', problems, 'STACK_INVALID');
    if (await this.createsCycle(request.microCredentialId, keys)) {
      throw new ValidationError(
        'The stack would make a cycle: its credential is already needed, at some depth, by one of its parts.',
        [{ path: 'input.parts', message: 'forms a cycle' }],
        'STACK_CYCLE',
      );
    }
    const stack: Stack = {
      id: this.deps.ids.newId(),
      institutionId: request.institutionId,
      name: request.name,
      ...(request.description ? { description: request.description } : {}),
      microCredentialId: request.microCredentialId,
      rule: request.rule,
      required: request.rule === 'N_OF_M' ? request.required! : parts.length,
      parts,
      onPartRevoked: request.onPartRevoked,
      status: 'ACTIVE',
      createdAt: this.deps.clock.now().toISOString(),
      createdBy: actorOf(principal).id,
      version: 1,
    };
    await this.deps.stacks.add(stack, [this.event(principal, stack, 'stack.defined')]);
    return stack;
  }

  /** Retires a stack: no new stacked credentials; those already issued are untouched. */
  async retire(principal: Principal, id: string, input: unknown): Promise<Stack> {
    const { expectedVersion } = parseInput(retireInput, input);
    const stack = await this.requireStack(id);
    authorize(principal, 'stack.define', { institutionId: stack.institutionId });
    if (stack.version !== expectedVersion)
      throw new ConflictError(
        'VERSION_CONFLICT',
        `Stack changed since version ${expectedVersion}; reload it and try again.`,
      );
    if (stack.status === 'RETIRED') return stack;
    const next: Stack = {
      ...stack,
      status: 'RETIRED',
      retiredAt: this.deps.clock.now().toISOString(),
      version: stack.version + 1,
    };
    await this.deps.stacks.update(next, stack.version, [
      this.event(principal, next, 'stack.retired'),
    ]);
    return next;
  }

  /** An institution's stacks, for its staff. */
  async list(principal: Principal, institutionId: string): Promise<Stack[]> {
    authorize(principal, 'stack.read', { institutionId });
    return this.deps.stacks.listByInstitution(institutionId);
  }

  async get(principal: Principal, id: string): Promise<Stack> {
    requireSignedIn(principal);
    const stack = await this.requireStack(id);
    authorizeOrHide(principal, 'stack.read', { institutionId: stack.institutionId }, 'Stack', id);
    return stack;
  }

  /**
   * The worker's reaction to a credential issued or imported: issues every stacked credential
   * the learner now qualifies for. Redelivered or simultaneous events are harmless: issuance is
   * idempotent per learner and design version.
   */
  async evaluate(
    learnerEmailHash: string,
    partKeys: readonly string[],
    /** What the event is about: read by id, as an index may not list it yet (see `wallet`). */
    just: JustHeld = {},
  ): Promise<CredentialRecord[]> {
    const candidates = new Map<string, Stack>();
    for (const key of partKeys)
      for (const stack of await this.deps.stacks.listByPart(key)) candidates.set(stack.id, stack);
    if (candidates.size === 0) return [];
    // The indexes of the learner's credentials and imports may list neither this part nor
    // another received at the same moment. The holdings record both, and the later of the two
    // reactions to record sees the earlier part, so one of them finds the stack complete.
    const recorded = await this.deps.holdings.record(learnerEmailHash, just);
    return this.issueQualifying(learnerEmailHash, [...candidates.values()], new Map(), recorded);
  }

  /**
   * The worker's reaction to a stack defined: issues the stacked credential to every learner
   * who already qualifies (found through the credentials issued under its design parts). Safe
   * to run again: issuance is idempotent.
   */
  async backfill(stackId: string): Promise<number> {
    const stack = await this.deps.stacks.get(stackId);
    return stack ? this.backfillStacks([stack], stack.createdAt) : 0;
  }

  /**
   * The worker's reaction to a design published (at `publishedAt`): backfills the stacks it is
   * the credential of.
   */
  async targetPublished(microCredentialId: string, publishedAt: string): Promise<void> {
    // Consistently: a stack defined a moment before the publication found it unpublished.
    const stacks = await this.deps.stacks.listByTarget(microCredentialId, true);
    await this.backfillStacks(stacks, publishedAt);
  }

  /**
   * Evaluates each learner holding a design part of any of `stacks` once, for all of them.
   *
   * A part issued at the moment the stacks began to apply (`appliesFrom`) can fall between the
   * two reactions. Its own `evaluate` ran before the stack was stored (or its design published),
   * so it found nothing to complete, and the index of the design's credentials, which this reads,
   * may not list it yet. The design's recently issued credentials are read consistently as well,
   * and by id for their learners: of the two, the later to run sees the other.
   */
  private async backfillStacks(stacks: readonly Stack[], appliesFrom: string): Promise<number> {
    const published = new Map<string, boolean>();
    const active: Stack[] = [];
    for (const stack of stacks)
      if (stack.status === 'ACTIVE' && (await this.isPublished(stack.microCredentialId, published)))
        active.push(stack);
    const parts = new Set(
      active.flatMap((stack) => stack.parts.filter((part) => part.kind === 'DESIGN').map(partKey)),
    );
    const since = new Date(Date.parse(appliesFrom) - indexLagAllowanceMs).toISOString();
    const recent = new Map<string, string[]>();
    for (const part of parts) {
      const issuedLately = await this.deps.credentials.recentRecipientsOfDesign(part, since);
      for (const { emailHash, credentialId } of issuedLately) {
        const ids = recent.get(emailHash);
        if (ids) ids.push(credentialId);
        else recent.set(emailHash, [credentialId]);
      }
    }

    const seen = new Set<string>();
    let issued = 0;
    const evaluate = async (learner: string) => {
      if (seen.has(learner)) return;
      seen.add(learner);
      const byId = { credentialIds: recent.get(learner) ?? [], imports: [] };
      issued += (await this.issueQualifying(learner, active, published, byId)).length;
    };
    for (const learner of recent.keys()) await evaluate(learner);
    for (const part of parts) {
      let cursor: string | null = null;
      do {
        const page: Page<string> = await this.deps.credentials.recipientsOfDesign(part, {
          limit: 100,
          cursor,
        });
        for (const learner of page.items) await evaluate(learner);
        cursor = page.nextCursor;
      } while (cursor);
    }
    return issued;
  }

  /** Whether a stacked design is published now, read consistently once per evaluation (`known`). */
  private async isPublished(microCredentialId: string, known: Map<string, boolean>) {
    let published = known.get(microCredentialId);
    if (published === undefined) {
      const design = await this.deps.designs.getPublished(microCredentialId, true);
      published = design?.status === 'PUBLISHED';
      known.set(microCredentialId, published);
    }
    return published;
  }

  private async issueQualifying(
    learnerEmailHash: string,
    candidates: readonly Stack[],
    published = new Map<string, boolean>(),
    byId: RecordedHoldings = noneRecorded,
  ): Promise<CredentialRecord[]> {
    if (candidates.length === 0) return [];
    const wallet = await this.wallet(learnerEmailHash, true, byId);
    const stored = this.storedHoldings(wallet);
    // Only stacks the stored holdings already meet, and not yet issued, are worth more work:
    // their imported parts are verified again (status included) before anything is issued.
    const ready = candidates.filter((stack) => {
      const progress = this.progress(stack, wallet, stored);
      return progress.satisfied && !progress.credentialId;
    });
    if (ready.length === 0) return [];
    const holdings = await this.currentHoldings(wallet, ready);
    const issued: CredentialRecord[] = [];
    for (const stack of ready) {
      const progress = this.progress(stack, wallet, holdings);
      if (!progress.satisfied) continue;
      // An unpublished stacked design cannot be issued yet; publishing it backfills the stack.
      if (!(await this.isPublished(stack.microCredentialId, published))) continue;
      const recipient = this.recipientOf(wallet);
      if (!recipient) continue;
      const counted = progress.held.slice(0, progress.needed);
      issued.push(
        await this.deps.issuance.issueFor({
          microCredentialId: stack.microCredentialId,
          recipient,
          kind: 'stacked',
          parts: counted.map(({ holding }) => holding.credentialId),
          evidence: counted.map(({ part, holding }) => ({
            // A part the learner keeps private (or holds from elsewhere) is named by what it
            // certifies, not by its own URL.
            ...(holding.public ? { id: holding.credentialUrl } : {}),
            type: ['Evidence'],
            name: `${part.name} (part of ${stack.name})`,
            genre: 'Credential',
            description: `A credential counted toward "${stack.name}" (${ruleLabel(stack)}).`,
          })),
          relatedAchievements: counted.map(({ part, holding }) => ({
            name: part.name,
            url: holding.achievementUrl,
          })),
          actor: { kind: 'platform', id: `stack:${stack.id}` },
        }),
      );
    }
    return issued;
  }

  /** The worker's reaction to a revoked credential: revokes or flags stacks built on it. */
  async partRevoked(revoked: CredentialRecord): Promise<void> {
    const wallet = await this.wallet(revoked.recipient.emailHash, false);
    for (const stacked of wallet.credentials.filter(
      (credential) => credential.kind === 'stacked' && credential.parts.includes(revoked.id),
    )) {
      const stacks = await this.deps.stacks.listByTarget(stacked.microCredentialId);
      if (stacks.some((stack) => stack.onPartRevoked === 'REVOKE'))
        await this.deps.issuance.revokeAsPlatform(
          stacked.id,
          `A credential it was stacked from (${revoked.achievementName}) was revoked.`,
        );
      else
        await this.deps.issuance.flagPart(stacked.id, {
          id: revoked.id,
          name: revoked.achievementName,
        });
    }
  }

  /** For each stack the caller holds a part of, what counts and what remains. */
  async pathways(principal: Principal): Promise<PathwayProgress[]> {
    const learner = this.learner(principal, 'Pathways');
    const wallet = await this.wallet(emailHash(learner.email));
    const holdings = this.storedHoldings(wallet);
    const stacks = new Map<string, Stack>();
    for (const key of new Set(holdings.map((holding) => holding.partKey)))
      for (const stack of await this.deps.stacks.listByPart(key)) stacks.set(stack.id, stack);
    return [...stacks.values()]
      .map((stack) => this.progress(stack, wallet, holdings))
      .sort((a, b) => b.held.length / b.needed - a.held.length / a.needed);
  }

  /**
   * The caller's transcript: a CLR 2.0 ClrCredential holding their active credentials issued
   * here, their achievements, and how they stack (`isPartOf`, and `precedes` along chains),
   * signed by the platform (a transcript can span institutions) with eddsa-rdfc-2022 in KMS.
   * Its id is its URL (`/transcripts/{id}`), where it can be fetched again exactly as signed.
   * While nothing it is made from changes, asking again gives the same transcript; otherwise a
   * new one is signed, and earlier ones stay at their URLs.
   */
  async transcript(principal: Principal): Promise<JsonObject> {
    const learner = this.learner(principal, 'A transcript');
    const owner = { ownerKind: 'platform' as const, ownerId: platformOwnerId };
    let key;
    try {
      key = await this.deps.keys.activeKey(owner, 'Ed25519');
    } catch (error) {
      // The platform's keys are created on first use (by the worker); ask, then report retry.
      if (error instanceof ConflictError) await this.deps.keys.ensureProvisioned(owner);
      throw error;
    }
    const learnerEmailHash = emailHash(learner.email);
    const wallet = await this.wallet(learnerEmailHash, false);
    const credentials = wallet.credentials.filter((credential) => credential.status === 'ACTIVE');
    // CLR 2.0 holds at least one credential (its schema's `minItems`).
    if (credentials.length === 0)
      throw new ConflictError(
        'TRANSCRIPT_EMPTY',
        'A transcript needs at least one active credential issued to you.',
      );
    const achievementIdOf = (credential: CredentialRecord) =>
      this.deps.urls.achievement(credential.microCredentialId, credential.designVersion);
    const associations: JsonObject[] = [];
    const associate = (type: string, source: CredentialRecord, target: CredentialRecord) =>
      associations.push({
        type: 'Association',
        associationType: type,
        sourceId: achievementIdOf(source),
        targetId: achievementIdOf(target),
      });
    for (const stacked of credentials.filter((credential) => credential.kind === 'stacked')) {
      const parts = credentials.filter((credential) => stacked.parts.includes(credential.id));
      for (const part of parts) associate('isPartOf', part, stacked);
      const chain = (await this.deps.stacks.listByTarget(stacked.microCredentialId)).find(
        (stack) => stack.rule === 'CHAIN',
      );
      const levels = (chain?.parts ?? [])
        .map((part) => parts.find((credential) => credential.microCredentialId === partKey(part)))
        .filter((credential): credential is CredentialRecord => credential !== undefined);
      for (let index = 0; index + 1 < levels.length; index += 1)
        associate('precedes', levels[index]!, levels[index + 1]!);
    }
    const address = normaliseEmail(learner.email);
    // The transcript sits at a URL anyone holding it can read: it names the learner only by
    // the name they gave, and identifies them by a salted hash of their address, never in clear.
    const name = learner.name ? `Transcript of ${learner.name}` : 'Learner transcript';
    const credentialIds = credentials.map((credential) => credential.id);
    const digest = contentDigest({ credentialIds, associations, name, keyId: key.keyId });
    const latest = await this.deps.transcripts.latest(learnerEmailHash);
    if (latest?.digest === digest) {
      const again = await this.assembled(latest);
      if (again) return again;
    }
    const id = this.deps.ids.newId();
    const now = this.deps.clock.now().toISOString();
    const unsigned = assembleTranscript(
      {
        '@context': [VC_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT],
        id: this.deps.urls.transcript(id),
        type: ['VerifiableCredential', 'ClrCredential'],
        issuer: {
          id: this.deps.urls.platformDid(),
          type: ['Profile'],
          name: 'Tessera',
          url: this.deps.urls.base,
        },
        name,
        description: `The ${credentials.length} active credential${credentials.length === 1 ? '' : 's'} issued to this learner on Tessera, and how they stack.`,
        validFrom: now,
        credentialSubject: {
          type: ['ClrSubject'],
          identifier: [emailIdentity(address, randomUUID().replace(/-/g, ''))],
          ...(associations.length ? { association: associations } : {}),
        },
      },
      credentials.map((credential) => credential.credential),
    );
    const signed = await this.deps.signer.addDataIntegrityProof(
      unsigned,
      {
        keyRef: key.keyRef,
        verificationMethod: this.deps.urls.verificationMethod(
          'platform',
          platformOwnerId,
          key.keyId,
        ),
      },
      now,
    );
    await this.deps.transcripts.add({
      id,
      learnerEmailHash,
      digest,
      credentialIds,
      document: withoutCredentials(signed),
      issuedAt: now,
    });
    return signed;
  }

  /**
   * A transcript by the id in its URL, exactly as it was signed; null when there is none. The URL
   * is the learner's to share, like a share link: its id is random and not listed anywhere.
   */
  async transcriptById(id: string): Promise<JsonObject | null> {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return null;
    const stored = await this.deps.transcripts.get(id);
    return stored ? this.assembled(stored) : null;
  }

  /** A stored transcript with its credentials put back; null if one of them is gone. */
  private async assembled(stored: StoredTranscript): Promise<JsonObject | null> {
    const credentials: JsonObject[] = [];
    // A few reads at a time: a transcript holds at most `maxHoldings` credentials.
    for (let start = 0; start < stored.credentialIds.length; start += 25) {
      const records = await Promise.all(
        stored.credentialIds
          .slice(start, start + 25)
          .map((credentialId) => this.deps.credentials.get(credentialId)),
      );
      for (const record of records) {
        if (!record) return null;
        credentials.push(record.credential);
      }
    }
    return assembleTranscript(stored.document, credentials);
  }

  private event(principal: Principal, stack: Stack, type: string): DomainEvent {
    return {
      id: this.deps.ids.newId(),
      type,
      institutionId: stack.institutionId,
      aggregateType: 'Stack',
      aggregateId: stack.id,
      occurredAt: this.deps.clock.now().toISOString(),
      actor: actorOf(principal),
      data: { stackId: stack.id, microCredentialId: stack.microCredentialId, rule: stack.rule },
    };
  }

  private learner(principal: Principal, what: string): UserPrincipal & { email: string } {
    authorize(principal, 'backpack.use');
    return withVerifiedEmail(principal, `${what} need a verified email address.`);
  }

  private async requireStack(id: string): Promise<Stack> {
    const stack = await this.deps.stacks.get(id);
    if (!stack) throw new NotFoundError('Stack', id);
    return stack;
  }

  /**
   * The learner's credentials issued here and, unless `withImports` is false, imported ones.
   * They are listed through indexes, which DynamoDB updates a moment after the write, so what
   * the worker is reacting to, or another part received at the same moment, may not be listed
   * yet: what `byId` holds (`StackingHoldings`) and the indexes miss is read by id
   * (consistently) and added, or the learner would miss the stack it completes.
   */
  private async wallet(
    learnerEmailHash: string,
    withImports = true,
    byId: RecordedHoldings = noneRecorded,
  ): Promise<Wallet> {
    const credentials: CredentialRecord[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<CredentialRecord> = await this.deps.credentials.listByRecipient(
        learnerEmailHash,
        { limit: 100, cursor },
      );
      credentials.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && credentials.length < maxHoldings);
    // Only what an index does not list yet: a few, received in the last moments.
    const listed = new Set(credentials.map(({ id }) => id));
    const unlisted = byId.credentialIds.filter((id) => !listed.has(id));
    for (const credentialId of unlisted.slice(0, maxReadById)) {
      const issued = await this.deps.credentials.get(credentialId);
      if (issued?.recipient.emailHash === learnerEmailHash) credentials.push(issued);
    }
    if (!withImports) return { credentials, imported: [] };
    const imported = await this.deps.backpack.listByEmailHash(learnerEmailHash);
    const importedIds = new Set(imported.map(({ id }) => id));
    const unlistedImports = byId.imports.filter(({ id }) => !importedIds.has(id));
    for (const ref of unlistedImports.slice(0, maxReadById)) {
      const item = await this.deps.backpack.get(ref.ownerId, ref.id);
      if (item?.ownerEmailHash === learnerEmailHash) imported.push(item);
    }
    return { credentials, imported };
  }

  /**
   * What counts toward stacks as stored: active, unexpired credentials issued here, and
   * imported credentials that verified and name the learner.
   */
  private storedHoldings(wallet: Wallet): Holding[] {
    const now = this.deps.clock.now().getTime();
    const issued = wallet.credentials
      .filter(
        (credential) =>
          credential.status === 'ACTIVE' &&
          (!credential.validUntil || Date.parse(credential.validUntil) > now),
      )
      .map((credential) => ({
        partKey: credential.microCredentialId,
        credentialId: credential.id,
        credentialUrl: this.deps.urls.credential(credential.id),
        achievementUrl: this.deps.urls.achievement(
          credential.microCredentialId,
          credential.designVersion,
        ),
        name: credential.achievementName,
        earnedAt: credential.issuedAt,
        origin: 'ISSUED' as const,
        public: credential.visibility === 'PUBLIC',
      }));
    const imported = wallet.imported
      .filter((item) => item.recipientMatched && item.status === 'ACTIVE' && item.achievementId)
      .map((item) => ({
        partKey: item.achievementId!,
        credentialId: item.id,
        credentialUrl:
          typeof item.credential.id === 'string' && /^(https?|urn):/.test(item.credential.id)
            ? item.credential.id
            : `urn:uuid:${item.id}`,
        achievementUrl: item.achievementId!,
        name: item.name ?? item.achievementId!,
        earnedAt: item.importedAt,
        origin: 'IMPORTED' as const,
        public: false,
      }));
    return [...issued, ...imported];
  }

  /**
   * Holdings to issue on: imported parts that the candidate stacks need are verified again
   * now, so one revoked or expired at its issuer since the import no longer counts.
   */
  private async currentHoldings(wallet: Wallet, stacks: readonly Stack[]): Promise<Holding[]> {
    const needed = new Set(
      stacks.flatMap((stack) =>
        stack.parts.filter((part) => part.kind === 'EXTERNAL').map(partKey),
      ),
    );
    const holdings = this.storedHoldings(wallet);
    const current: Holding[] = [];
    for (const holding of holdings) {
      if (holding.origin === 'ISSUED') current.push(holding);
      else if (needed.has(holding.partKey)) {
        const item = wallet.imported.find((candidate) => candidate.id === holding.credentialId)!;
        const input = item.jwt ? { jwt: item.jwt } : { credential: item.credential };
        const { verified } = await this.deps.verification.verify(input);
        if (verified) current.push(holding);
      }
    }
    return current;
  }

  private progress(stack: Stack, wallet: Wallet, holdings: readonly Holding[]): PathwayProgress {
    const result = evaluateRule(stack, holdings);
    const stacked = wallet.credentials.find(
      (credential) =>
        credential.kind === 'stacked' &&
        credential.microCredentialId === stack.microCredentialId &&
        credential.status === 'ACTIVE',
    );
    return {
      stack,
      ...result,
      ...(stacked ? { credentialId: stacked.id } : {}),
    };
  }

  /** Who a stacked credential is issued to: as the learner's latest credential here names them. */
  private recipientOf(wallet: Wallet): { email: string; name?: string; did?: string } | null {
    const latest = wallet.credentials.find((credential) => credential.status === 'ACTIVE');
    if (latest)
      return {
        email: latest.recipient.email,
        ...(latest.recipient.name ? { name: latest.recipient.name } : {}),
        ...(latest.recipient.did ? { did: latest.recipient.did } : {}),
      };
    const imported = wallet.imported.find((item) => item.recipientMatched && item.ownerEmail);
    return imported?.ownerEmail ? { email: imported.ownerEmail } : null;
  }

  /** True when a part, at any depth of the stacks below it, is the target itself. */
  private async createsCycle(target: string, partKeys: readonly string[]): Promise<boolean> {
    const seen = new Set<string>();
    const queue = [...partKeys];
    while (queue.length) {
      const key = queue.shift()!;
      if (key === target) return true;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const stack of await this.deps.stacks.listByTarget(key))
        if (stack.status === 'ACTIVE') queue.push(...stack.parts.map(partKey));
    }
    return false;
  }
}

function ruleLabel(stack: Stack): string {
  if (stack.rule === 'N_OF_M') return `any ${stack.required} of ${stack.parts.length}`;
  return stack.rule === 'CHAIN' ? `level of a ${stack.parts.length}-level chain` : 'all parts';
}

/**
 * A transcript with its credentials and their achievements in `credentialSubject`, in the order
 * it is signed and stored in: what is signed and what is served are built by this one function.
 */
function assembleTranscript(document: JsonObject, credentials: readonly JsonObject[]): JsonObject {
  const { type, identifier, ...rest } = document.credentialSubject as JsonObject;
  return {
    ...document,
    credentialSubject: {
      type,
      identifier,
      achievement: credentials.map(achievementOf),
      verifiableCredential: credentials,
      ...rest,
    },
  };
}

/** A signed transcript without what {@link assembleTranscript} puts back. */
function withoutCredentials(transcript: JsonObject): JsonObject {
  const {
    achievement: _achievement,
    verifiableCredential: _credentials,
    ...subject
  } = transcript.credentialSubject as JsonObject;
  return { ...transcript, credentialSubject: subject };
}

function achievementOf(credential: JsonObject): JsonObject {
  const subject = credential.credentialSubject as { achievement?: JsonObject } | undefined;
  return subject?.achievement ?? {};
}
