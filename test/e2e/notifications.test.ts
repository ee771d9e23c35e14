import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicUrls } from '../../functions/core/shared/public-urls';
import type { Caller } from '../../infra/local/graphql-client';
import { learningOperations } from '../../infra/local/portal-flows';
import { AdjustableClock } from '../support/clock';
import { linksIn, mailFor, mailsTo } from '../support/mailbox';
import { startTestPlatform, type TestPlatform } from '../support/platform';

const issue = `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id url validUntil } }`;
const institutionEmail = 'microcredentials@northbridge.example.edu';

describe('email notifications through the local SMTP server', () => {
  const clock = new AdjustableClock();
  let t: TestPlatform;
  let institutionId: string;
  let designId: string;
  let admin: Caller;
  let urls: PublicUrls;

  /** Every link of a message is a public URL of the platform that its route table reads back. */
  const expectOnlyPublicLinks = (text: string) => {
    for (const link of linksIn(text)) expect(urls.parse(link), link).not.toBeNull();
  };
  const issueTo = async (email: string) =>
    (
      await t.api.call<{ issueCredential: { id: string; url: string; validUntil: string } }>(
        issue,
        { input: { microCredentialId: designId, recipient: { email, name: 'Ada Learner' } } },
        admin,
      )
    ).issueCredential;

  beforeAll(async () => {
    t = await startTestPlatform({ clock });
    ({ institutionId, designId } = await t.publishedDesign());
    admin = await t.as('issuer-admin', { institutionId, subject: 'notify-admin' });
    urls = new PublicUrls(t.platform.url);
  }, 180_000);
  afterAll(() => t.stop());

  it('tells the learner a credential was awarded, linking its public page, when one is issued', async () => {
    const credential = await issueTo('ada@example.org');

    const mail = await mailFor(t.platform, (m) => m.to.includes('ada@example.org'));

    expect(mail.subject).toMatch(/^You earned /);
    expect(mail.text).toContain(credential.url);
    expect(mail.html).toContain(credential.url);
    expectOnlyPublicLinks(mail.text + mail.html);
  });

  it('tells the learner when their credential is suspended, reinstated and revoked', async () => {
    const credential = await issueTo('status@example.org');
    const change = (name: string, reason = '') =>
      t.api.call(
        `mutation ($id: ID!) { ${name}(id: $id${reason ? `, reason: "${reason}"` : ''}) { status } }`,
        { id: credential.id },
        admin,
      );

    await change('suspendCredential', 'Under review');
    await mailFor(
      t.platform,
      (m) => m.to.includes('status@example.org') && /suspended/.test(m.subject),
    );
    await change('reinstateCredential');
    await mailFor(
      t.platform,
      (m) => m.to.includes('status@example.org') && /active again/.test(m.subject),
    );
    await change('revokeCredential', 'Issued in error');
    const revoked = await mailFor(
      t.platform,
      (m) => m.to.includes('status@example.org') && /revoked/.test(m.subject),
    );

    expect(revoked.text).toContain('Issued in error');
    expect(revoked.text).toContain(credential.url);
  });

  it('tells the design author and the institution about the QA review, when a design goes through it', async () => {
    const approved = await mailFor(t.platform, (m) => m.subject.startsWith('Approved: '));
    const assigned = await mailFor(t.platform, (m) => m.subject.startsWith('QA review waiting'));

    expect(approved.to).toEqual([`author-${institutionId}@example.test`]);
    expect(assigned.to).toEqual([institutionEmail]);
  });

  it('tells a partner it was invited to endorse, linking the institution profile', async () => {
    const { createPartner } = await t.api.call<{ createPartner: { id: string } }>(
      `mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`,
      {
        input: {
          institutionId,
          name: 'Harbour Logistics',
          url: 'https://harbour.example.com',
          email: 'partnerships@harbour.example.com',
        },
      },
      admin,
    );
    await t.api.call(
      `mutation ($d: ID!, $p: ID!) { invitePartnerToEndorse(microCredentialId: $d, partnerId: $p) { id } }`,
      { d: designId, p: createPartner.id },
      admin,
    );

    const mail = await mailFor(t.platform, (m) =>
      m.to.includes('partnerships@harbour.example.com'),
    );

    expect(mail.subject).toContain('invites Harbour Logistics to endorse');
    expect(mail.text).toContain(urls.issuerProfile(institutionId));
    expectOnlyPublicLinks(mail.text);
  });

  it('tells assessors evidence is waiting and the learner it was returned with feedback', async () => {
    const learner = await t.as('learner', { subject: 'eve', email: 'eve@example.org' });
    const assessor = await t.as('assessor', { institutionId });
    const { enrol } = await t.api.call<{ enrol: { id: string } }>(
      learningOperations.enrol,
      { id: designId },
      learner,
    );
    const { submitEvidence } = await t.api.call<{ submitEvidence: { id: string } }>(
      learningOperations.submit,
      { enrolmentId: enrol.id, input: { component: 'EDUCATIONAL', narrative: 'What I learned.' } },
      learner,
    );
    await mailFor(t.platform, (m) => m.subject.startsWith('Evidence waiting'));
    await t.api.call(
      learningOperations.assess,
      { id: submitEvidence.id, input: { decision: 'RETURN', feedback: 'Add a worked example.' } },
      assessor,
    );

    const returned = await mailFor(t.platform, (m) => m.to.includes('eve@example.org'));

    expect(returned.subject).toMatch(/was returned/);
    expect(returned.text).toContain('Add a worked example.');
    expectOnlyPublicLinks(returned.text);
  });

  it('sends no award message to a learner who turned it off, but still sends status messages', async () => {
    const learner = await t.as('learner', { subject: 'quiet', email: 'quiet@example.org' });
    await t.api.call(
      `mutation { setNotificationPreference(input: { kind: CREDENTIAL_AWARDED, enabled: false }) { kind enabled } }`,
      {},
      learner,
    );
    const refused = await t.api.request(
      `mutation { setNotificationPreference(input: { kind: CREDENTIAL_REVOKED, enabled: false }) { kind } }`,
      {},
      learner,
    );

    const credential = await issueTo('quiet@example.org');
    await t.api.call(
      `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Duplicate") { status } }`,
      { id: credential.id },
      admin,
    );
    await mailFor(t.platform, (m) => m.to.includes('quiet@example.org'));

    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(mailsTo(t.platform, 'quiet@example.org').map((m) => m.subject)).toEqual([
      expect.stringMatching(/revoked/),
    ]);
  });

  it('retries a message the SMTP server refused, and sends it once', async () => {
    t.platform.mail.failNext(1);

    await issueTo('retry@example.org');
    await t.platform.drain();
    await t.platform.notifications.drain();
    const beforeRetry = mailsTo(t.platform, 'retry@example.org').length;
    clock.advanceDays(1);
    await t.platform.notifications.runSchedule();
    await mailFor(t.platform, (m) => m.to.includes('retry@example.org'));
    await t.platform.notifications.runSchedule();
    await t.platform.notifications.drain();

    expect(beforeRetry).toBe(0);
    expect(mailsTo(t.platform, 'retry@example.org')).toHaveLength(1);
  });

  it('reminds the learner 30 days before a credential expires, once', async () => {
    const credential = await issueTo('expiring@example.org');
    await t.platform.drain();
    const daysLeft = (Date.parse(credential.validUntil) - clock.now().getTime()) / 86_400_000;

    clock.advanceDays(Math.ceil(daysLeft - 30) + 1);
    await t.platform.notifications.runSchedule();
    const mail = await mailFor(
      t.platform,
      (m) => m.to.includes('expiring@example.org') && /expires on/.test(m.subject),
    );
    await t.platform.notifications.runSchedule();
    await t.platform.notifications.drain();

    expect(mail.text).toContain(credential.url);
    expect(mailsTo(t.platform, 'expiring@example.org', 'expires on')).toHaveLength(1);
  });
});
