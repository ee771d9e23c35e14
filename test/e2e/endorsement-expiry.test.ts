import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import { approveDesign, operations, publishDesign } from '../../infra/local/portal-flows';
import { designInput } from '../support/builders';
import { AdjustableClock } from '../support/clock';
import { ExternalIssuer } from '../support/external-issuer';
import { startTestPlatform, type TestPlatform } from '../support/platform';

type Json = Record<string, unknown>;

interface Verified {
  verified: boolean;
  status: string;
  checks: { name: string; status: string; message: string }[];
  endorsements: { id: string; verified: boolean; withdrawn: boolean }[];
}

const verifyById = `query ($id: String!) {
  verifyCredential(input: { id: $id }) { verified status checks { name status message } endorsements { id verified withdrawn } }
}`;
const verifyPresented = `query ($credential: JSON!) {
  verifyCredential(input: { credential: $credential }) { verified status checks { name status message } endorsements { id verified withdrawn } }
}`;
const checkOf = (result: Verified, name: string) =>
  result.checks.find((check) => check.name === name);

describe('an endorsement embedded in a learner credential expires after issuance', () => {
  const clock = new AdjustableClock();
  let t: TestPlatform;
  let issued: { id: string; json: Json };
  let endorsement: Json;
  let external: ExternalIssuer;

  beforeAll(async () => {
    t = await startTestPlatform({ clock });
    external = await ExternalIssuer.withDidKey();
    const institutionId = await t.createInstitution({ name: 'Expiry College' });
    const qa = await t.qaCallers(institutionId);
    const { createMicroCredential } = await t.api.call<{ createMicroCredential: { id: string } }>(
      operations.createDesign,
      { input: designInput(institutionId, { name: 'Endorsed for a month' }) },
      qa.admin,
    );
    const designId = createMicroCredential.id;
    await approveDesign(t.api, designId, qa);
    const partner = await t.partnerFor(institutionId);
    const { submitEndorsement } = await t.api.call<{ submitEndorsement: { credential: Json } }>(
      `mutation ($input: SubmitEndorsementInput!) { submitEndorsement(input: $input) { credential } }`,
      {
        input: {
          microCredentialId: designId,
          comment: 'Good for thirty days.',
          expiresAt: new Date(clock.now().getTime() + 30 * 86_400_000).toISOString(),
        },
      },
      { apiKey: partner.apiKey },
    );
    endorsement = submitEndorsement.credential;
    await publishDesign(t.api, designId, qa.admin);
    await t.platform.drain();
    issued = await issue(qa.admin, designId);
  });
  afterAll(async () => {
    await external.close();
    await t.stop();
  });

  const issue = async (admin: Caller, microCredentialId: string) =>
    (
      await t.api.call<{ issueCredential: { id: string; json: Json } }>(
        `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id json } }`,
        { input: { microCredentialId, recipient: { email: 'ines@example.org' } } },
        admin,
      )
    ).issueCredential;
  const verify = async (variables: Json, query = verifyById) =>
    (await t.api.call<{ verifyCredential: Verified }>(query, variables)).verifyCredential;
  /** A credential from another issuer that embeds `embedded` in its achievement. */
  const externalWith = (embedded: Json, validFrom: string) => {
    const badge = external.openBadge({ validFrom });
    const subject = badge.credentialSubject as Json;
    return external.sign({
      ...badge,
      credentialSubject: {
        ...subject,
        achievement: { ...(subject.achievement as Json), endorsement: [embedded] },
      },
    });
  };

  it('keeps the learner credential verified, with a WARN on endorsements, once the endorsement expired', async () => {
    const before = await verify({ id: issued.id });

    clock.advanceDays(45);
    const after = await verify({ id: issued.id });
    const presented = await verify({ credential: issued.json }, verifyPresented);
    const endorsementItself = await verify({ credential: endorsement }, verifyPresented);

    expect(before.verified).toBe(true);
    expect(checkOf(before, 'endorsements')?.status).toBe('PASS');
    for (const result of [after, presented]) {
      expect(result).toMatchObject({ verified: true, status: 'ACTIVE' });
      expect(checkOf(result, 'endorsements')).toMatchObject({ status: 'WARN' });
      expect(checkOf(result, 'endorsements')?.message).toContain('1 expired since issuance');
      expect(result.endorsements).toEqual([
        { id: endorsement.id, verified: false, withdrawn: false },
      ]);
    }
    // The endorsement on its own is what expired: checked directly, it is EXPIRED.
    expect(endorsementItself).toMatchObject({ verified: false, status: 'EXPIRED' });
  });

  it('still fails a credential whose expired embedded endorsement does not verify, or had expired before issuance', async () => {
    const issuedWhileValid = new Date(clock.now().getTime() - 40 * 86_400_000).toISOString();
    const sound = await externalWith(endorsement, issuedWhileValid);
    const tampered = await externalWith(
      { ...endorsement, name: `${String(endorsement.name)} (edited)` },
      issuedWhileValid,
    );
    const issuedAfterExpiry = await externalWith(endorsement, clock.now().toISOString());

    const results = {
      sound: await verify({ credential: sound }, verifyPresented),
      tampered: await verify({ credential: tampered }, verifyPresented),
      issuedAfterExpiry: await verify({ credential: issuedAfterExpiry }, verifyPresented),
    };

    expect(
      Object.fromEntries(
        Object.entries(results).map(([name, result]) => [
          name,
          [result.verified, checkOf(result, 'endorsements')?.status],
        ]),
      ),
    ).toEqual({
      sound: [true, 'WARN'],
      tampered: [false, 'FAIL'],
      issuedAfterExpiry: [false, 'FAIL'],
    });
  });
});
