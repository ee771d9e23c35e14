import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { lazily, type ClientSource } from '../adapters/aws-clients';
import { DynamoDbMemberRepository } from '../adapters/dynamodb/member-repository';
import { CognitoIdentityDirectory } from '../adapters/identity/cognito-directory';
import type { InstitutionService } from '../core/institutions/institution-service';
import type { PartnerProfiles } from '../core/partners/partner-profiles';
import { Membership } from '../core/people/membership';
import { Onboarding } from '../core/people/onboarding';
import type { IdentityDirectory } from '../core/people/ports';
import { StaffManagement } from '../core/people/staff';
import { DependencyUnavailableError } from '../core/shared/errors';
import type { PeopleUseCases } from '../../graphql/context';
import type { Runtime } from './runtime';

/**
 * The identity directory for this runtime: the one given (the local identity issuer), else the
 * Cognito user pool named by `IDENTITY_USER_POOL_ID`, else one that refuses every change (a
 * function with no grant on the pool, such as the worker, never asks it anything).
 */
export function identityDirectoryOf(
  rt: Runtime,
  given: IdentityDirectory | undefined,
): IdentityDirectory {
  if (given) return given;
  const poolId = rt.config.IDENTITY_USER_POOL_ID;
  if (!poolId) return unconfigured;
  const client: ClientSource<CognitoIdentityProviderClient> = lazily(async () => {
    const { CognitoIdentityProviderClient } =
      await import('@aws-sdk/client-cognito-identity-provider');
    return new CognitoIdentityProviderClient({ region: rt.config.AWS_REGION });
  });
  return new CognitoIdentityDirectory(client, poolId);
}

const refuse = () =>
  Promise.reject(
    new DependencyUnavailableError(
      'IDENTITY_DIRECTORY_UNCONFIGURED',
      'This deployment has no identity directory to manage people in.',
    ),
  );
const unconfigured: IdentityDirectory = {
  ensureUser: refuse,
  applyAccess: refuse,
  setEnabled: refuse,
};

export function peopleModules(
  rt: Runtime,
  directory: IdentityDirectory,
  institutions: InstitutionService,
  partners: PartnerProfiles,
): PeopleUseCases {
  const membership = new Membership({
    members: new DynamoDbMemberRepository(rt.table),
    directory,
    clock: rt.clock,
    ids: rt.ids,
  });
  return {
    staff: new StaffManagement(membership),
    onboarding: new Onboarding(membership, {
      createInstitution: (principal, input) => institutions.create(principal, input),
      createPartner: (principal, input) => partners.create(principal, input),
      partnerLinks: (partnerId) => partners.find(partnerId),
    }),
  };
}
