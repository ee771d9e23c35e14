import type { MicroCredentialRepository } from '../designs/ports';
import type { CredentialRecord } from '../credential/credential';
import type { IssueRequest } from '../issuance/model';
import type { CredentialRepository } from '../issuance/ports';
import type { Page } from '../shared/runtime';
import { partKey, type Holding, type PathwayProgress, type Stack } from './model';
import type {
  FlagRevokedPart,
  IssueStacked,
  JustHeld,
  RecordedHoldings,
  RevokeStacked,
  StackAwarding,
  StackingHoldings,
  StackRepository,
  VerifyImported,
} from './ports';
import { noneRecorded, progressOn, type LearnerWallets, type Wallet } from './wallet';

export interface StackAwardsDeps {
  readonly stacks: Pick<StackRepository, 'get' | 'listByPart' | 'listByTarget'>;
  readonly designs: Pick<MicroCredentialRepository, 'getPublished'>;
  readonly credentials: Pick<
    CredentialRepository,
    'recipientsOfDesign' | 'recentRecipientsOfDesign'
  >;
  readonly holdings: StackingHoldings;
  readonly wallets: LearnerWallets;
  readonly issueStacked: IssueStacked;
  readonly revokeStacked: RevokeStacked;
  readonly flagRevokedPart: FlagRevokedPart;
  readonly verifyImported: VerifyImported;
}

/**
 * How long before a stack began to apply its backfill looks for credentials an index may not
 * list yet: indexes catch up in well under a second, and the recently issued partition keeps
 * each credential for two days (`recentlyIssuedSeconds`).
 */
const indexLagAllowanceMs = 60 * 60 * 1000;

/**
 * The worker's side of stacking: it issues the stacked credential when a learner's active
 * credentials satisfy a stack — exactly once, because issuance is idempotent per learner and
 * design version — and applies the stack's policy when a part is revoked.
 */
export class StackAwards implements StackAwarding {
  constructor(private readonly deps: StackAwardsDeps) {}

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

  /** The worker's reaction to a revoked credential: revokes or flags stacks built on it. */
  async partRevoked(revoked: CredentialRecord): Promise<void> {
    const wallet = await this.deps.wallets.read(revoked.recipient.emailHash, false);
    for (const stacked of wallet.credentials.filter(
      (credential) => credential.kind === 'stacked' && credential.parts.includes(revoked.id),
    )) {
      const stacks = await this.deps.stacks.listByTarget(stacked.microCredentialId);
      if (stacks.some((stack) => stack.onPartRevoked === 'REVOKE'))
        await this.deps.revokeStacked(
          stacked.id,
          `A credential it was stacked from (${revoked.achievementName}) was revoked.`,
        );
      else
        await this.deps.flagRevokedPart(stacked.id, {
          id: revoked.id,
          name: revoked.achievementName,
        });
    }
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
    const recent = await this.recentRecipients(parts, appliesFrom);
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

  /** The credentials of `parts` issued lately (read consistently), by learner. */
  private async recentRecipients(
    parts: ReadonlySet<string>,
    appliesFrom: string,
  ): Promise<Map<string, string[]>> {
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
    return recent;
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
    const wallet = await this.deps.wallets.read(learnerEmailHash, true, byId);
    const stored = this.deps.wallets.storedHoldings(wallet);
    // Only stacks the stored holdings already meet, and not yet issued, are worth more work:
    // their imported parts are verified again (status included) before anything is issued.
    const ready = candidates.filter((stack) => {
      const progress = progressOn(stack, wallet, stored);
      return progress.satisfied && !progress.credentialId;
    });
    if (ready.length === 0) return [];
    const holdings = await this.currentHoldings(wallet, stored, ready);
    const issued: CredentialRecord[] = [];
    for (const stack of ready) {
      const progress = progressOn(stack, wallet, holdings);
      if (!progress.satisfied) continue;
      // An unpublished stacked design cannot be issued yet; publishing it backfills the stack.
      if (!(await this.isPublished(stack.microCredentialId, published))) continue;
      const recipient = recipientOf(wallet);
      if (!recipient) continue;
      issued.push(await this.deps.issueStacked(stackedRequest(progress, recipient)));
    }
    return issued;
  }

  /**
   * Holdings to issue on: imported parts that the candidate stacks need are verified again
   * now, so one revoked or expired at its issuer since the import no longer counts.
   */
  private async currentHoldings(
    wallet: Wallet,
    stored: readonly Holding[],
    stacks: readonly Stack[],
  ): Promise<Holding[]> {
    const needed = new Set(
      stacks.flatMap((stack) =>
        stack.parts.filter((part) => part.kind === 'EXTERNAL').map(partKey),
      ),
    );
    const current: Holding[] = [];
    for (const holding of stored) {
      if (holding.origin === 'ISSUED') current.push(holding);
      else if (needed.has(holding.partKey)) {
        const item = wallet.imported.find((candidate) => candidate.id === holding.credentialId)!;
        const presented = item.jwt ? { jwt: item.jwt } : { credential: item.credential };
        if (await this.deps.verifyImported(presented)) current.push(holding);
      }
    }
    return current;
  }
}

/** Who a stacked credential is issued to: as the learner's latest credential here names them. */
function recipientOf(wallet: Wallet): IssueRequest['recipient'] | null {
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

/** The stacked credential for a stack met: its counted parts as evidence and alignments. */
function stackedRequest(
  { stack, held, needed }: PathwayProgress,
  recipient: IssueRequest['recipient'],
): IssueRequest {
  const counted = held.slice(0, needed);
  return {
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
  };
}

function ruleLabel(stack: Stack): string {
  if (stack.rule === 'N_OF_M') return `any ${stack.required} of ${stack.parts.length}`;
  return stack.rule === 'CHAIN' ? `level of a ${stack.parts.length}-level chain` : 'all parts';
}
