import { describe, expect, it } from 'vitest';
import { authorize, isAllowed } from '../../functions/core/auth/policy';
import { anonymous, type UserPrincipal } from '../../functions/core/auth/principal';
import { ForbiddenError, UnauthenticatedError } from '../../functions/core/shared/errors';

const user = (roles: UserPrincipal['roles'], institutionId?: string): UserPrincipal => ({
  kind: 'user',
  userId: 'u1',
  roles,
  institutionId,
  qaRoles: [],
});

describe('policy', () => {
  it('allows public actions when nobody is signed in', () => {
    expect(isAllowed(anonymous, 'catalogue.read')).toBe(true);
    expect(isAllowed(anonymous, 'institution.read')).toBe(true);
  });

  it('throws UnauthenticatedError when an anonymous caller attempts a protected action', () => {
    expect(() => authorize(anonymous, 'institution.create')).toThrow(UnauthenticatedError);
  });

  it('throws ForbiddenError when a signed-in caller lacks the role', () => {
    expect(() => authorize(user(['learner']), 'institution.create')).toThrow(ForbiddenError);
  });

  it('requires the same institution when the grant is institution-scoped', () => {
    const admin = user(['issuer-admin'], 'inst-a');

    expect(isAllowed(admin, 'microCredential.create', { institutionId: 'inst-a' })).toBe(true);
    expect(isAllowed(admin, 'microCredential.create', { institutionId: 'inst-b' })).toBe(false);
    expect(isAllowed(admin, 'microCredential.create', {})).toBe(false);
  });

  it('lets a platform admin update any institution but not design its micro-credentials', () => {
    const platformAdmin = user(['platform-admin']);

    expect(isAllowed(platformAdmin, 'institution.update', { institutionId: 'inst-a' })).toBe(true);
    expect(isAllowed(platformAdmin, 'microCredential.create', { institutionId: 'inst-a' })).toBe(
      false,
    );
  });

  it('never lets a partner key act as staff', () => {
    const partner = {
      kind: 'partner' as const,
      partnerId: 'p1',
      keyId: 'k1',
      scopes: ['endorsements:write'],
    };

    expect(isAllowed(partner, 'microCredential.readDraft', { institutionId: 'inst-a' })).toBe(
      false,
    );
    expect(() => authorize(partner, 'institution.create')).toThrow(ForbiddenError);
  });
});
