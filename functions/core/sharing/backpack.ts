import { authorize } from '../auth/policy';
import { actorOf, type Principal, type UserPrincipal } from '../auth/principal';
import { normaliseEmail } from '../shared/email';
import { ForbiddenError, ValidationError } from '../shared/errors';
import type { Clock, IdGenerator } from '../shared/runtime';
import { BackpackImported } from './events';
import type { ImportedCredential } from './model';
import type {
  BackpackRepository,
  InspectCredential,
  InspectedCredential,
  NamesRecipient,
  RecipientEmailHash,
} from './ports';

export interface BackpackDeps {
  readonly backpack: Pick<BackpackRepository, 'add' | 'list' | 'remove'>;
  readonly inspect: InspectCredential;
  readonly namesRecipient: NamesRecipient;
  readonly emailHash: RecipientEmailHash;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/**
 * A learner's small backpack of credentials issued elsewhere, each verified on import. An
 * import counts toward stacks only when it names the learner's verified email as recipient.
 */
export class Backpack {
  constructor(private readonly deps: BackpackDeps) {}

  /** Verifies a credential issued elsewhere and keeps it in the caller's backpack. */
  async importCredential(principal: Principal, input: unknown): Promise<ImportedCredential> {
    authorize(principal, 'backpack.use');
    if (principal.kind !== 'user') throw new ForbiddenError();
    const { result, presented } = await this.deps.inspect(input);
    if (!result.verified || !presented) {
      const failed = result.checks
        .filter((check) => check.status === 'FAIL')
        .map((check) => `${check.name}: ${check.message}`);
      throw new ValidationError(
        `The credential did not verify, so it was not imported (${failed.join(' ')})`,
        [],
        'CREDENTIAL_NOT_VERIFIED',
      );
    }
    const item = this.importedItem(principal, result, presented);
    await this.deps.backpack.add(item, [
      BackpackImported.create(
        {
          emailHash: item.recipientMatched ? (item.ownerEmailHash ?? null) : null,
          achievementId: item.achievementId ?? null,
          ownerId: item.ownerId,
        },
        {
          id: this.deps.ids.newId(),
          // Imports belong to a learner, not an institution: their events share one stream key.
          institutionId: 'learners',
          aggregateId: item.id,
          occurredAt: item.importedAt,
          actor: actorOf(principal),
        },
      ),
    ]);
    return item;
  }

  async list(principal: Principal): Promise<ImportedCredential[]> {
    authorize(principal, 'backpack.use');
    return principal.kind === 'user' ? this.deps.backpack.list(principal.userId) : [];
  }

  async remove(principal: Principal, id: string): Promise<boolean> {
    authorize(principal, 'backpack.use');
    if (principal.kind !== 'user') return false;
    await this.deps.backpack.remove(principal.userId, id);
    return true;
  }

  /** The stored import: what was presented, what verification found, and whose it is. */
  private importedItem(
    principal: UserPrincipal,
    result: InspectedCredential['result'],
    presented: NonNullable<InspectedCredential['presented']>,
  ): ImportedCredential {
    const ownerEmail =
      principal.email && principal.emailVerified ? normaliseEmail(principal.email) : undefined;
    const achievementId = result.achievement?.id;
    return {
      ownerId: principal.userId,
      ...(ownerEmail
        ? {
            ownerEmail,
            ownerEmailHash: this.deps.emailHash(ownerEmail),
            recipientMatched: this.deps.namesRecipient(presented.credential, ownerEmail),
          }
        : { recipientMatched: false }),
      ...(achievementId ? { achievementId } : {}),
      id: this.deps.ids.newId(),
      format: presented.format,
      credential: presented.credential,
      ...(presented.format === 'VC-JWT' ? { jwt: presented.jwt } : {}),
      name: result.achievement?.name,
      issuerName: result.issuer?.name,
      issuerId: result.issuer?.id,
      status: result.status,
      checks: result.checks.map((check) => ({ ...check })),
      importedAt: this.deps.clock.now().toISOString(),
      version: 1,
    };
  }
}
