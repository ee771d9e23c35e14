import type { CredentialRecord } from '../credential/credential';
import type { Clock } from '../shared/runtime';
import { shareTokenHash, type Access } from './model';
import type { ShareLinkRepository } from './ports';

export interface ShareAccessDeps {
  readonly links: Pick<ShareLinkRepository, 'list'>;
  readonly clock: Clock;
}

/**
 * Whether someone without an account may see a credential (its page, data, images): anyone
 * when it is public, nobody when private, and a holder of a working share link otherwise.
 * Verification by id asks this too, so it depends on nothing but the links.
 */
export class ShareAccess {
  constructor(private readonly deps: ShareAccessDeps) {}

  async access(
    record: Pick<CredentialRecord, 'id' | 'visibility'>,
    shareToken?: string | null,
  ): Promise<Access> {
    if (record.visibility === 'PUBLIC') return { allowed: true };
    if (record.visibility === 'PRIVATE' || !shareToken || shareToken.length > 200)
      return { allowed: false };
    const now = this.deps.clock.now().toISOString();
    const hash = shareTokenHash(shareToken);
    const link = (await this.deps.links.list(record.id)).find(
      (candidate) =>
        candidate.tokenHash === hash && !candidate.revokedAt && candidate.expiresOn > now,
    );
    return link ? { allowed: true, linkExpiresAt: link.expiresOn } : { allowed: false };
  }
}
