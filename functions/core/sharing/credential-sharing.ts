import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { authorize, authorizeOrHide, requireSignedIn } from '../auth/policy';
import { withVerifiedEmail, type Principal } from '../auth/principal';
import { visibilities, type CredentialRecord } from '../credential/credential';
import type { CredentialRepository } from '../issuance/ports';
import { NotFoundError } from '../shared/errors';
import { pageRequest } from '../shared/paging';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import { shareTokenHash, type CreatedShareLink, type ShareLink } from './model';
import type { RecipientEmailHash, ShareLinkRepository } from './ports';

export interface CredentialSharingDeps {
  readonly credentials: Pick<CredentialRepository, 'get' | 'listByRecipient' | 'updateSharing'>;
  readonly links: ShareLinkRepository;
  readonly urls: Pick<PublicUrls, 'credential'>;
  readonly emailHash: RecipientEmailHash;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

const visibilityInput = z.strictObject({
  visibility: z.enum(visibilities),
  showName: z.boolean().optional(),
});
const shareLinkInput = z.strictObject({ expiresInDays: z.int().min(1).max(365).default(30) });

/**
 * The earner's control over the credentials issued to them: who sees each (public, private, or
 * by link with a secret and an expiry) and whether their name shows.
 */
export class CredentialSharing {
  constructor(private readonly deps: CredentialSharingDeps) {}

  /** The caller's credentials, matched by their verified email, newest first. */
  async myCredentials(
    principal: Principal,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<CredentialRecord>> {
    authorize(principal, 'backpack.use');
    const { email } = withVerifiedEmail(
      principal,
      'Your account has no verified email address to match credentials with.',
    );
    return this.deps.credentials.listByRecipient(
      this.deps.emailHash(email),
      pageRequest(first, after),
    );
  }

  async setVisibility(
    principal: Principal,
    credentialId: string,
    input: unknown,
  ): Promise<CredentialRecord> {
    const record = await this.owned(principal, credentialId);
    const { visibility, showName } = parseInput(visibilityInput, input);
    const next: CredentialRecord = {
      ...record,
      visibility,
      showName: showName ?? record.showName,
      version: record.version + 1,
    };
    await this.deps.credentials.updateSharing(next, record.version);
    return next;
  }

  /** Creates a share link; a private credential becomes shared by link. */
  async createShareLink(
    principal: Principal,
    credentialId: string,
    input: unknown,
  ): Promise<CreatedShareLink> {
    const record = await this.owned(principal, credentialId);
    const { expiresInDays } = parseInput(shareLinkInput, input ?? {});
    const token = randomBytes(24).toString('base64url');
    const now = this.deps.clock.now();
    const link: ShareLink = {
      credentialId,
      linkId: this.deps.ids.newId(),
      tokenHash: shareTokenHash(token),
      createdAt: now.toISOString(),
      expiresOn: new Date(now.getTime() + expiresInDays * 86_400_000).toISOString(),
      version: 1,
    };
    await this.deps.links.add(link);
    if (record.visibility === 'PRIVATE') {
      await this.deps.credentials.updateSharing(
        { ...record, visibility: 'LINK', version: record.version + 1 },
        record.version,
      );
    }
    return { link, url: `${this.deps.urls.credential(credentialId)}?share=${token}` };
  }

  async shareLinks(principal: Principal, credentialId: string): Promise<ShareLink[]> {
    await this.owned(principal, credentialId);
    return this.deps.links.list(credentialId);
  }

  async revokeShareLink(
    principal: Principal,
    credentialId: string,
    linkId: string,
  ): Promise<ShareLink> {
    await this.owned(principal, credentialId);
    const link = (await this.deps.links.list(credentialId)).find(
      (candidate) => candidate.linkId === linkId,
    );
    if (!link) throw new NotFoundError('ShareLink', linkId);
    if (link.revokedAt) return link;
    const revokedAt = this.deps.clock.now().toISOString();
    await this.deps.links.revoke(link, revokedAt);
    return { ...link, revokedAt, version: link.version + 1 };
  }

  private async owned(principal: Principal, credentialId: string): Promise<CredentialRecord> {
    requireSignedIn(principal);
    const record = await this.deps.credentials.get(credentialId);
    if (!record) throw new NotFoundError('Credential', credentialId);
    authorizeOrHide(
      principal,
      'credential.own',
      { recipientEmailHash: record.recipient.emailHash },
      'Credential',
      credentialId,
    );
    return record;
  }
}
