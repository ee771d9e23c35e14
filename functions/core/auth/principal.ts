import { ForbiddenError } from '../shared/errors';
/** Platform roles. A QA reviewer additionally holds the institution's QA step roles (`qaRoles`). */
export const roles = [
  'platform-admin',
  'issuer-admin',
  'qa-reviewer',
  'assessor',
  'learner',
  'partner-admin',
] as const;
export type Role = (typeof roles)[number];

export interface AnonymousPrincipal {
  readonly kind: 'anonymous';
}

/** A person signed in through the identity provider (Cognito in AWS, the dev issuer locally). */
export interface UserPrincipal {
  readonly kind: 'user';
  /** Stable subject from the identity provider. */
  readonly userId: string;
  readonly email?: string;
  /** The identity provider confirmed the email belongs to the person (Cognito `email_verified`). */
  readonly emailVerified?: boolean;
  readonly name?: string;
  readonly roles: readonly Role[];
  /** The institution a staff member belongs to; absent for learners and platform admins. */
  readonly institutionId?: string;
  /** QA step roles the person decides for their institution (e.g. `board`, `senior-management`). */
  readonly qaRoles: readonly string[];
  /**
   * The designs an assessor assesses. Absent or empty: every design of their institution.
   * Listed: only the evidence of enrolments in those designs (the `learning.*` actions).
   */
  readonly assessedDesigns?: readonly string[];
  /** The industry partner a partner admin manages. */
  readonly partnerId?: string;
}

/** An industry partner's system calling with an API key. */
export interface PartnerPrincipal {
  readonly kind: 'partner';
  readonly partnerId: string;
  readonly keyId: string;
  readonly scopes: readonly string[];
}

/**
 * The platform acting on its own rules (e.g. revoking a stacked credential whose part was
 * revoked). No authenticator ever produces it, so no request can act as it.
 */
export interface SystemPrincipal {
  readonly kind: 'system';
}

export type Principal = AnonymousPrincipal | UserPrincipal | PartnerPrincipal | SystemPrincipal;

export const system: SystemPrincipal = { kind: 'system' };

export const anonymous: AnonymousPrincipal = { kind: 'anonymous' };

export function hasRole(principal: Principal, role: Role): principal is UserPrincipal {
  return principal.kind === 'user' && principal.roles.includes(role);
}

/** A short, non-identifying description for audit trails and logs. */
export function actorOf(principal: Principal): {
  kind: Principal['kind'] | 'platform';
  id: string;
} {
  switch (principal.kind) {
    case 'user':
      return { kind: 'user', id: principal.userId };
    case 'partner':
      return { kind: 'partner', id: principal.partnerId };
    case 'system':
      return { kind: 'platform', id: 'platform' };
    default:
      return { kind: 'anonymous', id: 'anonymous' };
  }
}

/**
 * The caller, with the verified email address credentials are issued and matched to; FORBIDDEN
 * (`EMAIL_NOT_VERIFIED`, with `message`) for anyone without one.
 */
export function withVerifiedEmail(
  principal: Principal,
  message: string,
): UserPrincipal & { readonly email: string } {
  if (principal.kind !== 'user' || !principal.email || !principal.emailVerified)
    throw new ForbiddenError(message, 'EMAIL_NOT_VERIFIED');
  return { ...principal, email: principal.email };
}
