import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { roles } from '../../functions/core/auth/principal';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { acknowledgeNagFindings } from './nag';

/**
 * The platform roles, one Cognito group each; tokens list them in `cognito:groups`. Taken from
 * the domain's own list, so a new role gets its group without a second edit.
 */
export const roleGroups = roles;

/** Properties of an {@link Identity}. */
export interface IdentityProps {
  /** Keep the user pool when the stack deletes it, and protect it from deletion (production). */
  readonly retain: boolean;
  /**
   * Cognito feature plan. PLUS turns on threat protection (compromised-credential checks and
   * adaptive authentication), enforced here; it is billed per monthly active user.
   * @default FeaturePlan.PLUS
   */
  readonly featurePlan?: FeaturePlan;
}

/**
 * Staff and learner sign-in: a Cognito user pool whose groups are the platform roles, with
 * `institutionId`, `qaRoles` and `assessedDesigns` attributes that only administrators can set,
 * and one public app client for the portal.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    const featurePlan = props.featurePlan ?? FeaturePlan.PLUS;

    this.userPool = new UserPool(this, 'UserPool', {
      // Accounts are created by administrators (institution staff) or by an invitation flow:
      // nobody may register themselves into a role.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      customAttributes: {
        // Set by administrators only (see writeAttributes below): they decide authorization.
        institutionId: new StringAttribute({ minLen: 1, maxLen: 100, mutable: true }),
        // Comma-separated QA step roles, e.g. `board,senior-management`.
        qaRoles: new StringAttribute({ maxLen: 1000, mutable: true }),
        // The industry partner a partner admin manages.
        partnerId: new StringAttribute({ minLen: 1, maxLen: 100, mutable: true }),
        // Comma-separated design ids an assessor assesses; unset, all of their institution's.
        // A custom attribute can be added to an existing pool, never changed or removed.
        assessedDesigns: new StringAttribute({ maxLen: 2048, mutable: true }),
      },
      featurePlan,
      ...(featurePlan === FeaturePlan.PLUS
        ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }
        : {}),
      deletionProtection: props.retain,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    for (const group of roleGroups) {
      this.userPool.addGroup(group, { groupName: group, description: `Tessera role ${group}` });
    }

    const profile = new ClientAttributes().withStandardAttributes({
      email: true,
      emailVerified: true,
      fullname: true,
    });
    this.userPoolClient = this.userPool.addClient('PortalClient', {
      // The portal runs in a browser and cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      // No hosted UI yet: without this CDK enables the implicit and code grants with an
      // example.com callback. Add OAuth with the portal's real callback URLs when it is needed.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: profile.withCustomAttributes(
        'institutionId',
        'qaRoles',
        'partnerId',
        'assessedDesigns',
      ),
      // Without this a user could call UpdateUserAttributes with their own token and move
      // themselves into another institution or QA role. Only the profile is self-service.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    acknowledgeNagFindings(this.userPool, {
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional rather than required: learners sign in occasionally from many ' +
        'devices and forcing TOTP on them locks them out of their own credentials. Staff are ' +
        'expected to enrol a TOTP factor; requiring it per group needs a pre-authentication ' +
        'trigger, which is future work.',
    });
    if (featurePlan !== FeaturePlan.PLUS) {
      acknowledgeNagFindings(this.userPool, {
        id: 'AwsSolutions-COG8',
        reason:
          'Threat protection (the PLUS plan) is billed per monthly active user; this stage ' +
          'holds only test accounts. Production uses PLUS with enforced threat protection.',
      });
    }
  }
}
