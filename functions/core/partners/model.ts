import * as z from 'zod';
import type { Principal } from '../auth/principal';
import { email, httpUrl, identifier, limits, requiredText, text } from '../shared/validation';

/** An industry partner: an OB 3.0 `Profile` that endorses micro-credentials. */
export const partnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  email: z.string().optional(),
  description: z.string().optional(),
  image: z.string().optional(),
  /** A DID the partner controls, for endorsements it signs itself. */
  did: z.string().optional(),
  /** Institutions the partner works with (and may endorse for). */
  institutionIds: z.array(z.string()),
  /**
   * Institutions whose link the partner itself removed: they cannot link it again on their own
   * (the partner admin, or a platform admin, can restore the link).
   */
  removedInstitutionIds: z.array(z.string()).default([]),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.int().positive(),
});
export type Partner = z.output<typeof partnerSchema>;

const did = () =>
  z
    .string()
    .trim()
    .max(500)
    .regex(/^did:[a-z0-9]+:[A-Za-z0-9._:%-]+$/, 'must be a DID');

export const createPartnerInput = z.strictObject({
  institutionId: identifier(),
  name: requiredText(limits.name),
  url: httpUrl(),
  email: email().optional(),
  description: text(limits.description).optional(),
  image: httpUrl().optional(),
  did: did().optional(),
});

export const updatePartnerInput = createPartnerInput
  .omit({ institutionId: true })
  .partial()
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: 'must change at least one field',
  });

export const apiKeyScopes = ['endorsements:write', 'endorsements:read'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

/** A partner API key. Only the SHA-256 of its secret is stored; the key is shown once. */
export const apiKeySchema = z.object({
  partnerId: z.string(),
  keyId: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(apiKeyScopes)),
  secretHash: z.string(),
  expiresOn: z.iso.datetime().optional(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  revokedAt: z.iso.datetime().optional(),
  lastUsedAt: z.iso.datetime().optional(),
  /** The key this one replaced, when created by a rotation. */
  rotatedFrom: z.string().optional(),
  version: z.int().positive(),
});
export type ApiKey = z.output<typeof apiKeySchema>;

/** An API key as created: the secret appears here once and is never stored or shown again. */
export interface CreatedApiKey {
  readonly key: ApiKey;
  readonly secret: string;
}

export const createApiKeyInput = z.strictObject({
  name: requiredText(100),
  scopes: z.array(z.enum(apiKeyScopes)).min(1, 'give at least one scope').max(apiKeyScopes.length),
  expiresInDays: z.int().min(1).max(730).optional(),
});

export const endorsementStatuses = ['ACTIVE', 'WITHDRAWN'] as const;
export const endorsementTargets = ['MICRO_CREDENTIAL', 'INSTITUTION'] as const;

/** An industry endorsement: a signed OB 3.0 `EndorsementCredential` and its state. */
export const endorsementSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  institutionId: z.string(),
  target: z.object({ kind: z.enum(endorsementTargets), id: z.string() }),
  comment: z.string(),
  competencies: z.array(z.string()),
  status: z.enum(endorsementStatuses),
  /** True when the partner signed it with its own key instead of the platform's. */
  selfSigned: z.boolean(),
  credential: z.record(z.string(), z.unknown()),
  issuedAt: z.iso.datetime(),
  expiresOn: z.iso.datetime().optional(),
  withdrawnAt: z.iso.datetime().optional(),
  withdrawalReason: z.string().optional(),
  invitationId: z.string().optional(),
  version: z.int().positive(),
});
export type Endorsement = z.output<typeof endorsementSchema>;

export const invitationStatuses = ['PENDING', 'ACCEPTED', 'DECLINED'] as const;

/** An institution's request that a partner endorse one of its designs. */
export const invitationSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  institutionId: z.string(),
  microCredentialId: z.string(),
  designName: z.string(),
  message: z.string().optional(),
  status: z.enum(invitationStatuses),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  respondedAt: z.iso.datetime().optional(),
  response: z.string().optional(),
  endorsementId: z.string().optional(),
  version: z.int().positive(),
});
export type Invitation = z.output<typeof invitationSchema>;

/** Whether an endorsement is past its expiry (it stays on record and stops counting). */
export function isExpired(endorsement: Endorsement, now: Date): boolean {
  return endorsement.expiresOn !== undefined && Date.parse(endorsement.expiresOn) <= now.getTime();
}

/**
 * Whether an endorsement counts now: active and not past its own expiry. For a self-signed
 * endorsement `expiresOn` is the signed credential's `validUntil`, so the two never disagree.
 */
export function isCounting(endorsement: Endorsement, now: Date): boolean {
  return endorsement.status === 'ACTIVE' && !isExpired(endorsement, now);
}

/** The partner a caller acts for (an API key, or a partner admin); '' when none. */
export function partnerIdOf(principal: Principal): string {
  if (principal.kind === 'partner') return principal.partnerId;
  if (principal.kind === 'user' && principal.partnerId) return principal.partnerId;
  return '';
}

/** The longest EndorsementCredential id accepted (and looked up for withdrawal). */
export const maxCredentialIdLength = 2_048;
