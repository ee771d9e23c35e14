import { authorize } from '../auth/policy';
import { withVerifiedEmail, type Principal, type UserPrincipal } from '../auth/principal';
import type { CredentialRecord } from '../credential/credential';
import { readCredential } from '../credential/document';
import type { CredentialRepository } from '../issuance/ports';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock, Page } from '../shared/runtime';
import { evaluateRule, type Holding, type PathwayProgress, type Stack } from './model';
import type { ImportedHolding, ImportedHoldings, RecordedHoldings } from './ports';

/** Everything a learner holds, as stored: credentials issued here and imported ones. */
export interface Wallet {
  readonly credentials: readonly CredentialRecord[];
  readonly imported: readonly ImportedHolding[];
}

export const noneRecorded: RecordedHoldings = { credentialIds: [], imports: [] };

/** Most credentials read for one learner when evaluating stacks (ten pages). */
export const maxHoldings = 1_000;
/** Most recorded credentials, and imports, read by id beside the indexes in one evaluation. */
const maxReadById = 100;

export interface LearnerWalletsDeps {
  readonly credentials: Pick<CredentialRepository, 'get' | 'listByRecipient'>;
  readonly imports: ImportedHoldings;
  readonly urls: PublicUrls;
  readonly clock: Clock;
}

/** What a learner holds, read for stacking, and where it leaves them on a stack. */
export class LearnerWallets {
  constructor(private readonly deps: LearnerWalletsDeps) {}

  /**
   * The learner's credentials issued here and, unless `withImports` is false, imported ones.
   * They are listed through indexes, which DynamoDB updates a moment after the write, so what
   * the worker is reacting to, or another part received at the same moment, may not be listed
   * yet: what `byId` holds (`StackingHoldings`) and the indexes miss is read by id
   * (consistently) and added, or the learner would miss the stack it completes.
   */
  async read(
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
    const imported = [...(await this.deps.imports.listByEmailHash(learnerEmailHash))];
    const importedIds = new Set(imported.map(({ id }) => id));
    const unlistedImports = byId.imports.filter(({ id }) => !importedIds.has(id));
    for (const ref of unlistedImports.slice(0, maxReadById)) {
      const item = await this.deps.imports.get(ref.ownerId, ref.id);
      if (item?.ownerEmailHash === learnerEmailHash) imported.push(item);
    }
    return { credentials, imported };
  }

  /**
   * What counts toward stacks as stored: active, unexpired credentials issued here, and
   * imported credentials that verified and name the learner.
   */
  storedHoldings(wallet: Wallet): Holding[] {
    const now = this.deps.clock.now().getTime();
    const { urls } = this.deps;
    const issued = wallet.credentials
      .filter(
        (credential) =>
          credential.status === 'ACTIVE' &&
          (!credential.validUntil || Date.parse(credential.validUntil) > now),
      )
      .map((credential) => ({
        partKey: credential.microCredentialId,
        credentialId: credential.id,
        credentialUrl: urls.credential(credential.id),
        achievementUrl: urls.achievement(credential.microCredentialId, credential.designVersion),
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
        credentialUrl: ownUrlOf(item),
        achievementUrl: item.achievementId!,
        name: item.name ?? item.achievementId!,
        earnedAt: item.importedAt,
        origin: 'IMPORTED' as const,
        public: false,
      }));
    return [...issued, ...imported];
  }
}

/** The id an imported credential gives itself when it is a URL or URN, else a URN of ours. */
function ownUrlOf(item: ImportedHolding): string {
  const id = readCredential(item.credential)?.id;
  return id && /^(https?|urn):/.test(id) ? id : `urn:uuid:${item.id}`;
}

/** Where the learner stands on `stack`, with the stacked credential once issued. */
export function progressOn(
  stack: Stack,
  wallet: Wallet,
  holdings: readonly Holding[],
): PathwayProgress {
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

/** The signed-in learner with the verified address their credentials are found by. */
export function learnerOf(principal: Principal, what: string): UserPrincipal & { email: string } {
  authorize(principal, 'backpack.use');
  return withVerifiedEmail(principal, `${what} need a verified email address.`);
}
