import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import { startTestPlatform, type TestPlatform } from '../support/platform';

/** The credential page's "Add to wallet" block: its own learner sees it, nobody else does. */
describe('the credential page offers "Add to wallet" to its learner only', () => {
  let t: TestPlatform;
  let learner: Caller;
  let otherLearner: Caller;
  let admin: Caller;
  let credentialId: string;

  const page = (init: RequestInit = {}) =>
    fetch(`${t.platform.url}/credentials/${credentialId}`, {
      ...init,
      headers: { accept: 'text/html', ...(init.headers as Record<string, string>) },
    });
  const postAs = (caller: Caller) =>
    page({ method: 'POST', headers: { authorization: `Bearer ${caller.token!}` } });

  beforeAll(async () => {
    t = await startTestPlatform();
    const published = await t.publishedDesign();
    admin = published.qa.admin;
    learner = await t.as('learner', { subject: 'ada', email: 'ada@example.org' });
    otherLearner = await t.as('learner', { subject: 'bob', email: 'bob@example.org' });
    const issued = await t.api.call<{ issueCredential: { id: string } }>(
      `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`,
      {
        input: {
          microCredentialId: published.designId,
          recipient: { email: 'ada@example.org', name: 'Ada Learner' },
        },
      },
      admin,
    );
    credentialId = issued.issueCredential.id;
  }, 120_000);
  afterAll(() => t.stop());

  it('shows an anonymous visitor no wallet block', async () => {
    const response = await page();
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain('Share and download');
    expect(html).not.toContain('Add to wallet');
    expect(html).not.toContain('openid-credential-offer://');
  });

  it('never puts the offer on a GET, even one carrying the learner token', async () => {
    const html = await (
      await page({ headers: { authorization: `Bearer ${learner.token!}` } })
    ).text();

    expect(html).not.toContain('Add to wallet');
  });

  it('shows its learner the offer as an inline QR code and a link, never cached', async () => {
    const response = await postAs(learner);
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('Add to wallet');
    expect(html).toMatch(/<div class="qr"[^>]*><svg[^>]*>/);
    const link = /href="(openid-credential-offer:\/\/[^"]+)"/.exec(html)?.[1];
    expect(link).toBeDefined();
    const offer = new URL(link!.replaceAll('&amp;', '&')).searchParams.get('credential_offer');
    expect(JSON.parse(offer!)).toMatchObject({ credential_issuer: t.platform.url });
  });

  it('shows another learner and the issuer admin the page without the block', async () => {
    for (const caller of [otherLearner, admin]) {
      const html = await (await postAs(caller)).text();
      expect(html).toContain('Share and download');
      expect(html).not.toContain('Add to wallet');
    }
  });

  it('refuses a made-up token instead of treating it as anonymous', async () => {
    const response = await page({
      method: 'POST',
      headers: { authorization: 'Bearer not-a-token' },
    });

    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('Add to wallet');
  });
});
