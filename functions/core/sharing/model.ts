import { createHash } from 'node:crypto';
import * as z from 'zod';

/** A link that shows one credential to whoever holds it, until it expires or is revoked. */
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

/** A credential issued elsewhere, verified on import and kept in a learner's backpack. */
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

/** What is stored of a share token: its SHA-256, so a leaked table reveals no working link. */
export const shareTokenHash = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');
