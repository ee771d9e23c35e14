import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designInput } from '../support/builders';
import { lagIndexReads } from '../support/faults';
import { startTestServices, type TestServices } from '../support/services';

/** What a refused call threw: its category and stable code. */
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as { category?: string; code?: string },
  );

describe('industry partners and endorsements', () => {
  let t: TestServices;

  /** A design of a new institution, and a partner linked to that institution. */
  const designWithPartner = async (name: string) => {
    const institutionId = await t.createInstitution();
    const design = await t.services.microCredentials.create(
      t.qaPrincipals(institutionId).admin,
      designInput(institutionId, { name }),
    );
    const partner = await t.partnerFor(institutionId);
    return { institutionId, designId: design.id, partner };
  };

  beforeAll(async () => {
    t = await startTestServices();
  });
  afterAll(() => t.stop());

  it('sends one invitation when the same one is sent twice, at once or while the index lags', async () => {
    const { institutionId, designId, partner } = await designWithPartner('Invited Twice');
    const admin = t.qaPrincipals(institutionId).admin;
    const send = () =>
      t.services.endorsementInvitations.invite(admin, {
        microCredentialId: designId,
        partnerId: partner.partnerId,
      });
    // No index lists the invitations of the design or the partner yet, as right after a write.
    const heal = lagIndexReads(t.container.clients.dynamodb, {
      times: Infinity,
      matching: (input) => /#INVITATIONS/.test(JSON.stringify(input)),
    });
    let sent: { id: string }[];
    try {
      sent = [...(await Promise.all([send(), send()])), await send()];
    } finally {
      heal();
    }
    const queue = await t.services.endorsementInvitations.forPartner(partner.principal);
    const declined = await t.services.endorsementInvitations.respond(
      partner.principal,
      sent[0]!.id,
      { accept: false },
    );
    const again = await send();

    expect(new Set(sent.map((one) => one.id)).size).toBe(1);
    expect(
      queue
        .filter((one) => one.designName === 'Invited Twice')
        .map(({ id, designName }) => ({ id, designName })),
    ).toEqual([{ id: sent[0]!.id, designName: 'Invited Twice' }]);
    expect(declined.status).toBe('DECLINED');
    // Once answered, the design can be offered to the partner again: a new invitation.
    expect(again.id).not.toBe(sent[0]!.id);
    expect(again.status).toBe('PENDING');
  });

  it('returns the one endorsement when the same one is submitted twice, at once or while the index lags', async () => {
    const { designId, partner } = await designWithPartner('Endorsed Twice');
    const endorse = (
      comment = 'Graduates of this micro-credential lead our ward teams with confidence.',
    ) =>
      t.services.endorsementSubmission.submit(partner.principal, {
        microCredentialId: designId,
        comment,
        competencies: ['Lead a team'],
      });
    // No index lists the design's endorsements yet, as right after a write.
    const heal = lagIndexReads(t.container.clients.dynamodb, {
      times: Infinity,
      matching: (input) => JSON.stringify(input).includes('ENDORSED#'),
    });
    let ids: string[];
    let different: { code?: string } | undefined;
    try {
      const [one, two] = await Promise.all([endorse(), endorse()]);
      const three = await endorse();
      ids = [one.id, two.id, three.id];
      different = await refusal(endorse('A different endorsement.'));
    } finally {
      heal();
    }
    const mine = await t.services.endorsements.mine(partner.principal, 100);

    expect(new Set(ids).size).toBe(1);
    expect(different?.code).toBe('ENDORSEMENT_EXISTS');
    expect(mine.items.map((one) => one.id)).toEqual([ids[0]]);
  });

  it("lets only the partner's own admins and platform admins change its profile", async () => {
    const institutionId = await t.createInstitution();
    const {
      partnerId,
      admin: partnerAdmin,
      principal: byKeyPrincipal,
    } = await t.partnerFor(institutionId);
    const update = (
      principal: Parameters<typeof t.services.partners.update>[0],
      v: number,
      name: string,
    ) => t.services.partners.update(principal, partnerId, v, { name });

    const byLinkedInstitution = await refusal(
      update(t.qaPrincipals(institutionId).admin, 1, 'Renamed by the institution'),
    );
    const byPartnerAdmin = await update(partnerAdmin, 1, 'Renamed by the partner');
    const byPlatformAdmin = await update(t.as('platform-admin'), 2, 'Renamed by the platform');
    const byKey = await refusal(update(byKeyPrincipal, 3, 'Renamed by a key'));

    expect(byLinkedInstitution?.category).toBe('FORBIDDEN');
    expect({ name: byPartnerAdmin.name, version: byPartnerAdmin.version }).toEqual({
      name: 'Renamed by the partner',
      version: 2,
    });
    expect(byPlatformAdmin.name).toBe('Renamed by the platform');
    expect(byKey?.category).toBe('FORBIDDEN');
  });
});
