import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { authorize, authorizeOrHide, requireSignedIn } from '../auth/policy';
import { actorOf, withVerifiedEmail, type Principal } from '../auth/principal';
import type { DomainEvent } from '../shared/events';
import { normaliseEmail, visibilities, type CredentialRecord } from '../credential/credential';
import { emailHash } from '../issuance/model';
import type { CredentialRepository } from '../issuance/ports';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors';
import { pageRequest } from '../shared/paging';
import type { PublicUrls } from '../shared/public-urls';
import type { Clock, IdGenerator, Page } from '../shared/runtime';
import { parseInput } from '../shared/validation';
import { recipientMatch, type Check, type Inspection } from '../verification/model';

export const shareLinkSchema = z.object({
  credentialId: z.string(),
  linkId: z.string(),
  /** SHA-256 of the secret token; the token itself is shown once and never stored. */
  tokenHash: z.string(),
  createdAt: z.iso.datetime(),
  expiresOn: z.iso.datetime(),
  revokedAt: z.iso.datetime().optional(),
  version: z.int().positive(),
});
export type ShareLink = z.output<typeof shareLinkSchema>;

export const importedCredentialSchema = z.object({
  ownerId: z.string(),
  /** The owner's verified email when imported, and its SHA-256, so stacks can count it. */
  ownerEmail: z.string().optional(),
  ownerEmailHash: z.string().optional(),
  /** True when the credential names the owner's verified email as its recipient. */
  recipientMatched: z.boolean().default(false),
  /** The achievement it certifies, for matching stack parts issued elsewhere. */
  achievementId: z.string().optional(),
  id: z.string(),
  format: z.enum(['JSON-LD', 'VC-JWT']),
  credential: z.record(z.string(), z.unknown()),
  jwt: z.string().optional(),
  name: z.string().optional(),
  issuerName: z.string().optional(),
  issuerId: z.string().optional(),
  status: z.string(),
  checks: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['PASS', 'FAIL', 'WARN', 'SKIP']),
      message: z.string(),
    }),
  ),
  importedAt: z.iso.datetime(),
  version: z.int().positive(),
});
export type ImportedCredential = z.output<typeof importedCredentialSchema>;

export interface ShareLinkRepository {
  add(link: ShareLink): Promise<void>;
  list(credentialId: string): Promise<ShareLink[]>;
  revoke(link: ShareLink, revokedAt: string): Promise<void>;
}

export interface BackpackRepository {
  /** Stores an imported credential and its events (stacking listens for them). */
  add(item: ImportedCredential, events: readonly DomainEvent[]): Promise<void>;
  /** Imports naming a learner, through an index (it can lag a moment behind `add`). */
  listByEmailHash(emailHash: string): Promise<ImportedCredential[]>;
  /** One import, read consistently. */
  get(ownerId: string, id: string): Promise<ImportedCredential | null>;
  list(ownerId: string): Promise<ImportedCredential[]>;
  remove(ownerId: string, id: string): Promise<void>;
}

/** Verifies a presented credential and returns what was presented (supplied by verification). */
export type InspectCredential = (input: unknown) => Promise<Inspection>;

export interface SharingDeps {
  readonly credentials: CredentialRepository;
  readonly links: ShareLinkRepository;
  readonly backpack: BackpackRepository;
  readonly inspect: InspectCredential;
  readonly urls: PublicUrls;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

const visibilityInput = z.strictObject({
  visibility: z.enum(visibilities),
  showName: z.boolean().optional(),
});
const shareLinkInput = z.strictObject({ expiresInDays: z.int().min(1).max(365).default(30) });

/** A share link as created: the URL carries the secret, shown this once. */
export interface CreatedShareLink {
  readonly link: ShareLink;
  readonly url: string;
}

/** What a share-link holder may see, and until when. */
export interface Access {
  readonly allowed: boolean;
  /** For access through a share link: when that link stops working. */
  readonly linkExpiresAt?: string;
}

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * The earner's control over their credentials: who sees them (public, private, or by link
 * with a secret and an expiry), whether their name shows, and a small backpack of credentials
 * issued elsewhere, verified on import.
 */
export class SharingService {
  constructor(private readonly deps: SharingDeps) {}

  /** The caller's credentials, matched by their verified email, newest first. */
  async myCredentials(
    principal: Principal,
    first?: number | null,
    after?: string | null,
  ): Promise<Page<CredentialRecord>> {
    authorize(principal, 'backpack.use');
    return this.deps.credentials.listByRecipient(
      this.emailHashOf(principal),
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
      tokenHash: tokenHash(token),
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

  /** Whether someone without an account may see the credential (its page, data, images). */
  access(
    record: Pick<CredentialRecord, 'id' | 'visibility'>,
    shareToken?: string | null,
  ): Promise<Access> {
    return shareLinkAccess(this.deps)(record, shareToken);
  }

  /**
   * Verifies a credential issued elsewhere and keeps it in the caller's backpack. It counts
   * toward stacks only when it names the caller's verified email as its recipient.
   */
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
    const ownerEmail =
      principal.email && principal.emailVerified ? normaliseEmail(principal.email) : undefined;
    const achievementId = result.achievement?.id;
    const item: ImportedCredential = {
      ownerId: principal.userId,
      ...(ownerEmail
        ? {
            ownerEmail,
            ownerEmailHash: emailHash(ownerEmail),
            recipientMatched: recipientMatch(presented.credential, ownerEmail) === 'MATCH',
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
      checks: result.checks.map((check: Check) => ({ ...check })),
      importedAt: this.deps.clock.now().toISOString(),
      version: 1,
    };
    await this.deps.backpack.add(item, [
      {
        id: this.deps.ids.newId(),
        type: 'backpack.imported',
        // Imports belong to a learner, not an institution: their events share one stream key.
        institutionId: 'learners',
        aggregateType: 'ImportedCredential',
        aggregateId: item.id,
        occurredAt: item.importedAt,
        actor: actorOf(principal),
        data: {
          emailHash: item.recipientMatched ? (item.ownerEmailHash ?? null) : null,
          achievementId: item.achievementId ?? null,
          ownerId: item.ownerId,
        },
      },
    ]);
    return item;
  }

  async backpack(principal: Principal): Promise<ImportedCredential[]> {
    authorize(principal, 'backpack.use');
    return principal.kind === 'user' ? this.deps.backpack.list(principal.userId) : [];
  }

  async removeImported(principal: Principal, id: string): Promise<boolean> {
    authorize(principal, 'backpack.use');
    if (principal.kind !== 'user') return false;
    await this.deps.backpack.remove(principal.userId, id);
    return true;
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

  private emailHashOf(principal: Principal): string {
    return emailHash(
      withVerifiedEmail(
        principal,
        'Your account has no verified email address to match credentials with.',
      ).email,
    );
  }
}

/**
 * Whether someone without an account may see a credential: a public one, or one shared by a
 * link whose token they hold, until the link expires or is revoked. Needs only the links, so
 * verification can use it without the rest of sharing.
 */
export function shareLinkAccess(deps: Pick<SharingDeps, 'links' | 'clock'>) {
  return async (
    record: Pick<CredentialRecord, 'id' | 'visibility'>,
    shareToken?: string | null,
  ): Promise<Access> => {
    if (record.visibility === 'PUBLIC') return { allowed: true };
    if (record.visibility === 'PRIVATE' || !shareToken || shareToken.length > 200)
      return { allowed: false };
    const now = deps.clock.now().toISOString();
    const hash = tokenHash(shareToken);
    const link = (await deps.links.list(record.id)).find(
      (candidate) =>
        candidate.tokenHash === hash && !candidate.revokedAt && candidate.expiresOn > now,
    );
    return link ? { allowed: true, linkExpiresAt: link.expiresOn } : { allowed: false };
  };
}
