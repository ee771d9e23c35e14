import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import { signInPath } from '../../infra/local/sign-in-page';
import { institutionInput } from '../support/builders';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { latestCode, post, signIn } from '../support/sign-in';

const members = `query ($id: ID!) { members(institutionId: $id) { nodes { id email roles qaRoles assessedDesigns status } } }`;
const invite = `mutation ($id: ID!, $input: InviteMemberInput!) { inviteMember(institutionId: $id, input: $input) { id roles qaRoles status } }`;
const assign = `mutation ($id: ID!, $input: RoleAssignmentInput!) { assignRole(memberId: $id, input: $input) { id roles qaRoles assessedDesigns } }`;
const remove = `mutation ($id: ID!, $role: MemberRole!) { removeRole(memberId: $id, role: $role) { id roles qaRoles } }`;
const deactivate = `mutation ($id: ID!) { deactivateMember(memberId: $id) { status } }`;
const workflow = `query ($id: ID!) { qaWorkflow(institutionId: $id) { version } }`;
const events = `query ($id: ID!) { domainEvents(institutionId: $id, first: 50) { nodes { type aggregateId actorId data } } }`;

describe('people and roles through the API', () => {
  let t: TestPlatform;
  let institutionId: string;
  let admin: Caller;

  beforeAll(async () => {
    t = await startTestPlatform();
    const { createInstitution } = await t.api.call<{ createInstitution: { id: string } }>(
      'mutation ($input: CreateInstitutionInput!, $admin: FirstAdminInput) { createInstitution(input: $input, admin: $admin) { id } }',
      {
        input: institutionInput({ name: 'People College' }),
        admin: { email: 'first.admin@people.example.edu', name: 'First Admin' },
      },
      await t.as('platform-admin'),
    );
    institutionId = createInstitution.id;
    admin = (await signIn(t.platform, 'first.admin@people.example.edu', { useInvitation: true }))!;
  }, 60_000);
  afterAll(() => t.stop());

  it('lets the first admin invited with a new institution sign in and list its staff', async () => {
    const listed = await t.api.call<{ members: { nodes: { email: string; roles: string[] }[] } }>(
      members,
      { id: institutionId },
      admin,
    );

    expect(listed.members.nodes).toEqual([
      expect.objectContaining({ email: 'first.admin@people.example.edu', roles: ['ISSUER_ADMIN'] }),
    ]);
  });

  it('records invitations and role changes in the institution audit trail', async () => {
    const { inviteMember } = await t.api.call<{ inviteMember: { id: string } }>(
      invite,
      {
        id: institutionId,
        input: {
          email: 'assessor@people.example.edu',
          roles: [{ role: 'ASSESSOR', assessedDesigns: ['design-one'] }],
        },
      },
      admin,
    );
    await t.api.call(
      assign,
      { id: inviteMember.id, input: { role: 'QA_REVIEWER', qaRoles: ['board'] } },
      admin,
    );

    const { domainEvents } = await t.api.call<{
      domainEvents: { nodes: { type: string; aggregateId: string; data: string }[] };
    }>(events, { id: institutionId }, admin);
    const trail = domainEvents.nodes.filter((event) => event.aggregateId === inviteMember.id);

    expect(trail.map((event) => event.type).sort()).toEqual([
      'member.invited',
      'member.roles-changed',
    ]);
    expect(JSON.parse(trail.find((event) => event.type === 'member.invited')!.data)).toMatchObject({
      email: 'assessor@people.example.edu',
      roles: ['assessor'],
      newAccount: true,
    });
  });

  it('stops honouring a removed role from the next token on', async () => {
    const email = 'reviewer@people.example.edu';
    const { inviteMember } = await t.api.call<{ inviteMember: { id: string } }>(
      invite,
      { id: institutionId, input: { email, roles: [{ role: 'QA_REVIEWER', qaRoles: ['board'] }] } },
      admin,
    );
    const before = (await signIn(t.platform, email, { useInvitation: true }))!;
    const allowed = await t.api.request(workflow, { id: institutionId }, before);

    await t.api.call(remove, { id: inviteMember.id, role: 'QA_REVIEWER' }, admin);
    const after = (await signIn(t.platform, email))!;
    const refused = await t.api.request(workflow, { id: institutionId }, after);

    expect(allowed.errors).toBeUndefined();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an issuer admin granting roles in another institution or granting platform admin', async () => {
    const otherId = await t.createInstitution({ name: 'Elsewhere College' });
    const otherAdmin = await t.as('issuer-admin', { institutionId: otherId });
    const { inviteMember } = await t.api.call<{ inviteMember: { id: string } }>(
      invite,
      {
        id: institutionId,
        input: { email: 'staff@people.example.edu', roles: [{ role: 'ASSESSOR' }] },
      },
      admin,
    );

    const intoOther = await t.api.request(
      invite,
      {
        id: institutionId,
        input: { email: 'x@other.example.edu', roles: [{ role: 'ISSUER_ADMIN' }] },
      },
      otherAdmin,
    );
    const onOthersMember = await t.api.request(
      assign,
      { id: inviteMember.id, input: { role: 'ISSUER_ADMIN' } },
      otherAdmin,
    );
    const platformAdmin = await t.api.request(
      assign,
      { id: inviteMember.id, input: { role: 'PLATFORM_ADMIN' } },
      admin,
    );
    const invitedAsPlatformAdmin = await t.api.request(
      invite,
      {
        id: institutionId,
        input: { email: 'root@people.example.edu', roles: [{ role: 'PLATFORM_ADMIN' }] },
      },
      admin,
    );

    expect(intoOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(onOthersMember.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(platformAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(invitedAsPlatformAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses sign-in to a deactivated member, and their own deactivation to an admin', async () => {
    const email = 'leaver@people.example.edu';
    const { inviteMember } = await t.api.call<{ inviteMember: { id: string } }>(
      invite,
      { id: institutionId, input: { email, roles: [{ role: 'ASSESSOR' }] } },
      admin,
    );
    const self = await t.api.call<{ members: { nodes: { id: string; email: string }[] } }>(
      members,
      { id: institutionId },
      admin,
    );
    const adminId = self.members.nodes.find((m) => m.email.startsWith('first.admin'))!.id;

    await t.api.call(deactivate, { id: inviteMember.id }, admin);
    const refused = await post(t.platform, signInPath, {
      email,
      code: latestCode(t.platform, email),
    });
    const selfDeactivation = await t.api.request(deactivate, { id: adminId }, admin);

    expect(refused.status).toBe(401);
    expect(selfDeactivation.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it("invites a new partner's first admin, who can then create the partner's API key", async () => {
    const { createPartner } = await t.api.call<{ createPartner: { id: string } }>(
      'mutation ($input: CreatePartnerInput!, $admin: FirstAdminInput) { createPartner(input: $input, admin: $admin) { id } }',
      {
        input: { institutionId, name: 'People Partner', url: 'https://partner.example.com' },
        admin: { email: 'hr@partner.example.com' },
      },
      admin,
    );
    const partnerAdmin = (await signIn(t.platform, 'hr@partner.example.com', {
      useInvitation: true,
    }))!;

    const key = await t.api.request(
      'mutation ($id: ID!) { createApiKey(partnerId: $id, input: { name: "HR", scopes: [ENDORSEMENTS_READ] }) { secret } }',
      { id: createPartner.id },
      partnerAdmin,
    );

    expect(key.errors).toBeUndefined();
  });
});
