import type {
  AttributeType,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { MemberAccess } from '../../core/people/model';
import type { DirectoryUser, IdentityDirectory } from '../../core/people/ports';
import { DependencyUnavailableError } from '../../core/shared/errors';
import { lazily, sdkSession, type ClientSource, type SdkSession } from '../aws-clients';

const cognitoSdk = lazily(() => import('@aws-sdk/client-cognito-identity-provider'));
type CognitoSdk = Awaited<ReturnType<typeof cognitoSdk>>;

/** The custom attributes (see infra/constructs/identity.ts) that carry a member's scope. */
const scopeAttributes = {
  institutionId: 'custom:institutionId',
  partnerId: 'custom:partnerId',
  qaRoles: 'custom:qaRoles',
  assessedDesigns: 'custom:assessedDesigns',
} as const;

/**
 * The Cognito user pool as the identity directory: `AdminCreateUser` sends Cognito's own
 * invitation (a temporary password), roles are the pool's groups (`cognito:groups`) and the
 * scope is in custom attributes only administrators may write. ID tokens carry both, so a
 * change shows in the member's next token.
 */
export class CognitoIdentityDirectory implements IdentityDirectory {
  private readonly session: SdkSession<CognitoIdentityProviderClient, CognitoSdk>;

  constructor(
    client: ClientSource<CognitoIdentityProviderClient>,
    private readonly userPoolId: string,
  ) {
    this.session = sdkSession(client, cognitoSdk);
  }

  async ensureUser(email: string, name: string | undefined): Promise<DirectoryUser> {
    const { client, sdk } = await this.session();
    const UserPoolId = this.userPoolId;
    try {
      const found = await client.send(new sdk.AdminGetUserCommand({ UserPoolId, Username: email }));
      return { userId: subjectOf(found.UserAttributes), created: false };
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'UserNotFoundException')
        throw unavailable(error);
    }
    try {
      const created = await client.send(
        new sdk.AdminCreateUserCommand({
          UserPoolId,
          Username: email,
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: 'email', Value: email },
            // The address is the one the admin typed; the invitation proves it on first sign-in.
            { Name: 'email_verified', Value: 'true' },
            ...(name ? [{ Name: 'name', Value: name }] : []),
          ],
        }),
      );
      return { userId: subjectOf(created.User?.Attributes), created: true };
    } catch (error) {
      throw unavailable(error);
    }
  }

  async applyAccess(userId: string, access: MemberAccess): Promise<void> {
    const { client, sdk } = await this.session();
    const UserPoolId = this.userPoolId;
    const Username = userId;
    try {
      const values: Record<keyof typeof scopeAttributes, string> = {
        institutionId: access.institutionId ?? '',
        partnerId: access.partnerId ?? '',
        qaRoles: access.qaRoles.join(','),
        assessedDesigns: access.assessedDesigns.join(','),
      };
      const set = Object.entries(values).filter(([, value]) => value !== '');
      const cleared = Object.entries(values).filter(([, value]) => value === '');
      if (set.length)
        await client.send(
          new sdk.AdminUpdateUserAttributesCommand({
            UserPoolId,
            Username,
            UserAttributes: set.map(([key, value]) => ({
              Name: scopeAttributes[key as keyof typeof scopeAttributes],
              Value: value,
            })),
          }),
        );
      if (cleared.length)
        await client.send(
          new sdk.AdminDeleteUserAttributesCommand({
            UserPoolId,
            Username,
            UserAttributeNames: cleared.map(
              ([key]) => scopeAttributes[key as keyof typeof scopeAttributes],
            ),
          }),
        );
      const groups = await client.send(
        new sdk.AdminListGroupsForUserCommand({ UserPoolId, Username, Limit: 60 }),
      );
      const held = (groups.Groups ?? []).map((group) => group.GroupName ?? '');
      for (const GroupName of access.roles.filter((role) => !held.includes(role)))
        await client.send(new sdk.AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName }));
      // A learner's group is their own (any signed-in person); staff roles are the directory's.
      for (const GroupName of held.filter(
        (group) => group !== 'learner' && !(access.roles as readonly string[]).includes(group),
      ))
        await client.send(
          new sdk.AdminRemoveUserFromGroupCommand({ UserPoolId, Username, GroupName }),
        );
    } catch (error) {
      throw unavailable(error);
    }
  }

  async setEnabled(userId: string, enabled: boolean): Promise<void> {
    const { client, sdk } = await this.session();
    const input = { UserPoolId: this.userPoolId, Username: userId };
    try {
      if (enabled) {
        await client.send(new sdk.AdminEnableUserCommand(input));
        return;
      }
      await client.send(new sdk.AdminDisableUserCommand(input));
      // Refresh tokens stop working too; an ID token already issued lives out its hour.
      await client.send(new sdk.AdminUserGlobalSignOutCommand(input));
    } catch (error) {
      throw unavailable(error);
    }
  }
}

function subjectOf(attributes: readonly AttributeType[] | undefined): string {
  const sub = attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error('Cognito returned a user without a sub');
  return sub;
}

function unavailable(error: unknown): Error {
  return new DependencyUnavailableError(
    'IDENTITY_UNAVAILABLE',
    'The identity provider could not be updated; try again shortly.',
    { cause: error },
  );
}
