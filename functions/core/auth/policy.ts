import { createHash } from 'node:crypto';
import { normaliseEmail } from '../shared/email';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../shared/errors';
import { hasRole, type Principal, type Role } from './principal';

/**
 * The one policy module: every operation names its action here, and nothing else in the code
 * decides who may do what. The table is data so the authorization matrix test can read it.
 */
export interface Scope {
  /** The institution that owns the resource. */
  readonly institutionId?: string;
  /** The partner that owns the resource. */
  readonly partnerId?: string;
  /** The learner (user id) who owns the resource. */
  readonly learnerId?: string;
  /** SHA-256 of the normalised email a credential was issued to. */
  readonly recipientEmailHash?: string;
  /** The design a learner's enrolment and evidence belong to. */
  readonly microCredentialId?: string;
}

type Grant =
  /** Anyone, signed in or not. */
  | { readonly kind: 'public' }
  /**
   * Holders of a platform role; `sameInstitution` also requires the scope's institution, and
   * `assessedDesign` the scope's design among an assessor's designs when they are listed.
   */
  | {
      readonly kind: 'role';
      readonly role: Role;
      readonly sameInstitution?: boolean;
      readonly assessedDesign?: boolean;
    }
  /** The learner who owns the resource. */
  | { readonly kind: 'owner' }
  /** The person a credential was issued to (their verified email matches the credential's). */
  | { readonly kind: 'recipient' }
  /** A partner key with the scope, acting for the partner in the resource scope. */
  | { readonly kind: 'partner'; readonly scope: string }
  /** A partner admin (a person) of the partner in the resource scope. */
  | { readonly kind: 'partnerAdmin' }
  /** The platform acting on its own rules (no request can be this principal). */
  | { readonly kind: 'system' };

const publicGrant: Grant = { kind: 'public' };
const platformAdmin: Grant = { kind: 'role', role: 'platform-admin' };
const issuerAdmin: Grant = { kind: 'role', role: 'issuer-admin', sameInstitution: true };
const qaReviewer: Grant = { kind: 'role', role: 'qa-reviewer', sameInstitution: true };
const assessor: Grant = { kind: 'role', role: 'assessor', sameInstitution: true };
/** An assessor of the scope's design: all of the institution's, unless their designs are listed. */
const designAssessor: Grant = { ...assessor, assessedDesign: true };
const recipient: Grant = { kind: 'recipient' };
const partnerAdmin: Grant = { kind: 'partnerAdmin' };
const partnerKey = (scope: string): Grant => ({ kind: 'partner', scope });
const signedIn: Grant = { kind: 'role', role: 'learner' };
const platformItself: Grant = { kind: 'system' };

export const policy = {
  'institution.create': [platformAdmin],
  'institution.update': [platformAdmin, issuerAdmin],
  'institution.read': [publicGrant],
  'microCredential.create': [issuerAdmin],
  'microCredential.update': [issuerAdmin],
  /** Unpublished designs: staff of the owning institution. */
  'microCredential.readDraft': [platformAdmin, issuerAdmin, qaReviewer, assessor],
  'catalogue.read': [publicGrant],
  'microCredential.publish': [issuerAdmin],
  'microCredential.retire': [issuerAdmin],
  'qa.workflow.read': [platformAdmin, issuerAdmin, qaReviewer],
  'qa.workflow.update': [issuerAdmin],
  /** Submitting designs for review, resubmitting, supplying required fields. */
  'qa.submit': [issuerAdmin],
  /** Deciding a step; the service also requires the step's QA role. */
  'qa.decide': [qaReviewer],
  'qa.review.read': [platformAdmin, issuerAdmin, qaReviewer],
  'events.read': [platformAdmin, issuerAdmin],
  /** Listing an institution's staff with their roles. */
  'member.read': [platformAdmin, issuerAdmin],
  /** Inviting staff, giving and taking roles, deactivating; a partner's admins manage their own. */
  'member.manage': [platformAdmin, issuerAdmin, partnerAdmin],
  /** Inviting a partner's admin: the partner's admins, and institutions it works with. */
  'partner.inviteAdmin': [platformAdmin, issuerAdmin, partnerAdmin],
  /** Rotating and revoking an issuer's signing keys. */
  'keys.manage': [platformAdmin, issuerAdmin],
  'credential.issue': [issuerAdmin],
  /** Revoking, suspending, reinstating; the platform revokes stacks whose parts were revoked. */
  'credential.manage': [issuerAdmin, platformItself],
  /** Reading issued credentials of an institution (with recipient details). */
  'credential.readIssued': [platformAdmin, issuerAdmin],
  /** One credential with its recipient details: its issuer's admins, or its earner. */
  'credential.read': [platformAdmin, issuerAdmin, recipient],
  /** The earner's own credential: read it, set its visibility, share it. */
  'credential.own': [recipient],
  /** A learner's own list of credentials and imported ones (the backpack). */
  'backpack.use': [signedIn],
  /** Creating an industry partner linked to the institution. */
  'partner.create': [platformAdmin, issuerAdmin],
  /** Changing a partner's profile (name, url, DID, …) or removing its links: its own admins. */
  'partner.manage': [platformAdmin, partnerAdmin],
  /** Linking a partner to (or unlinking it from) the institution. */
  'partner.link': [platformAdmin, issuerAdmin],
  /** The partner's side of its links: removing any, restoring one it removed. */
  'partner.ownLinks': [partnerAdmin],
  /** Creating, rotating and revoking a partner's API keys. */
  'partner.keys': [partnerAdmin],
  /** Endorsing (and withdrawing) as the partner. */
  'endorsement.write': [partnerKey('endorsements:write'), partnerAdmin],
  /** Reading what the partner endorsed, its statistics and invitations. */
  'endorsement.read': [
    partnerKey('endorsements:read'),
    partnerKey('endorsements:write'),
    partnerAdmin,
  ],
  /** Inviting a partner to endorse one of the institution's designs. */
  'endorsement.invite': [issuerAdmin],
  /** Enrolling in a published micro-credential. */
  'learning.enrol': [signedIn],
  /** A learner's own enrolment and evidence; staff of the institution read them too. */
  'learning.read': [{ kind: 'owner' }, platformAdmin, issuerAdmin, designAssessor],
  /** Submitting evidence for one's own enrolment. */
  'learning.submit': [{ kind: 'owner' }],
  /** Accepting or returning evidence. */
  'learning.assess': [designAssessor],
  /** Defining and retiring stacks over the institution's designs. */
  'stack.define': [issuerAdmin],
  /** Reading an institution's stacks: its staff. */
  'stack.read': [platformAdmin, issuerAdmin, qaReviewer, assessor],
  /** Webhook subscriptions of an institution (its admins) or of a partner (its admins). */
  'webhooks.manage': [issuerAdmin, partnerAdmin],
  /** A person's own message settings (any signed-in person with a verified email). */
  'notifications.preferences': [
    signedIn,
    { kind: 'role', role: 'issuer-admin' },
    { kind: 'role', role: 'qa-reviewer' },
    { kind: 'role', role: 'assessor' },
    { kind: 'role', role: 'partner-admin' },
    platformAdmin,
  ],
} as const satisfies Record<string, readonly Grant[]>;

export type Action = keyof typeof policy;

/** True when `principal` may perform `action` on a resource in `scope`. */
export function isAllowed(principal: Principal, action: Action, scope: Scope = {}): boolean {
  const grants: readonly Grant[] = policy[action];
  return grants.some((grant) => matches(grant, principal, scope));
}

/**
 * Throws unless `principal` may perform `action` on a resource in `scope`: no identity →
 * UnauthenticatedError; an identity without the right role, institution or partner →
 * ForbiddenError. Never says which part failed, so it leaks nothing about other tenants.
 */
export function authorize(principal: Principal, action: Action, scope: Scope = {}): void {
  if (isAllowed(principal, action, scope)) return;
  if (principal.kind === 'anonymous') throw new UnauthenticatedError();
  throw new ForbiddenError();
}

/**
 * Signed-in callers only, asked before a resource is looked up by id: an anonymous caller learns
 * nothing of whether it exists (UNAUTHENTICATED either way).
 */
export function requireSignedIn(principal: Principal): void {
  if (principal.kind === 'anonymous') throw new UnauthenticatedError();
}

/**
 * `authorize` for one resource found by id: a caller who may not see it gets the NOT_FOUND an
 * unknown id gets, so that no answer tells whether something that is not theirs exists.
 */
export function authorizeOrHide(
  principal: Principal,
  action: Action,
  scope: Scope,
  entity: string,
  id: string,
): void {
  if (isAllowed(principal, action, scope)) return;
  if (principal.kind === 'anonymous') throw new UnauthenticatedError();
  throw new NotFoundError(entity, id);
}

function matches(grant: Grant, principal: Principal, scope: Scope): boolean {
  switch (grant.kind) {
    case 'public':
      return true;
    case 'role':
      if (!hasRole(principal, grant.role)) return false;
      if (grant.assessedDesign && !assesses(principal, scope.microCredentialId)) return false;
      if (!grant.sameInstitution) return true;
      return scope.institutionId !== undefined && principal.institutionId === scope.institutionId;
    case 'owner':
      return (
        principal.kind === 'user' &&
        scope.learnerId !== undefined &&
        principal.userId === scope.learnerId
      );
    case 'recipient':
      return (
        principal.kind === 'user' &&
        principal.emailVerified === true &&
        principal.email !== undefined &&
        scope.recipientEmailHash !== undefined &&
        sha256Hex(normaliseEmail(principal.email)) === scope.recipientEmailHash
      );
    case 'partnerAdmin':
      return (
        hasRole(principal, 'partner-admin') &&
        scope.partnerId !== undefined &&
        principal.partnerId === scope.partnerId
      );
    case 'system':
      return principal.kind === 'system';
    case 'partner':
      return (
        principal.kind === 'partner' &&
        principal.scopes.includes(grant.scope) &&
        scope.partnerId !== undefined &&
        principal.partnerId === scope.partnerId
      );
  }
}

/**
 * Whether an assessor assesses `microCredentialId`: always when their designs are not listed;
 * with a list, only a listed design (an action on no one design, such as reading the queue,
 * is allowed, and the queue is filtered by `assessedDesignsOf`).
 */
function assesses(principal: Principal, microCredentialId: string | undefined): boolean {
  const designs = assessedDesignsOf(principal);
  return !designs || microCredentialId === undefined || designs.includes(microCredentialId);
}

/** The designs an assessor is limited to, or undefined when they assess all of them. */
export function assessedDesignsOf(principal: Principal): readonly string[] | undefined {
  return principal.kind === 'user' && principal.assessedDesigns?.length
    ? principal.assessedDesigns
    : undefined;
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
