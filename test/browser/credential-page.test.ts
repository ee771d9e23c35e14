/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import { launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';

describe('the public credential page in a browser (JavaScript disabled)', () => {
  let t: TestPlatform;
  let browser: Browser;
  let admin: Caller;
  let designId: string;

  const issue = async (email: string) =>
    (
      await t.api.call<{ issueCredential: { id: string; url: string } }>(
        `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id url } }`,
        { input: { microCredentialId: designId, recipient: { email, name: 'Katherine Johnson' } } },
        admin,
      )
    ).issueCredential;
  const open = async (url: string, viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport });
    const page = await context.newPage();
    const response = await page.goto(url);
    return { page, context, status: response?.status() };
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    const published = await t.publishedDesign({ validityMonths: 36 });
    designId = published.designId;
    admin = published.qa.admin;
    browser = await launchBrowser();
    mkdirSync('test-results', { recursive: true });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t.stop();
  });

  it('shows a valid credential plainly, with its badge, checks, sharing and downloads', async () => {
    const credential = await issue('valid@example.org');

    const { page, context, status } = await open(credential.url);

    expect(status).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Educational Leadership',
    );
    await expect(page.getByRole('status').textContent()).resolves.toContain('Verified');
    await expect(page.getByRole('img').getAttribute('alt')).resolves.toBe(
      'Educational Leadership badge',
    );
    await expect(
      page.getByRole('link', { name: 'Add to LinkedIn profile' }).getAttribute('href'),
    ).resolves.toMatch(/^https:\/\/www\.linkedin\.com\/profile\/add\?startTask=CERTIFICATION_NAME/);
    for (const download of ['JSON-LD credential', 'VC-JWT', 'Badge (PNG)', 'Badge (SVG)']) {
      await expect(page.getByRole('link', { name: download }).count()).resolves.toBe(1);
    }
    await expect(page.locator('meta[property="og:image"]').getAttribute('content')).resolves.toBe(
      `${credential.url}/badge.png`,
    );
    await expect(page.getByRole('row', { name: /Signature/ }).textContent()).resolves.toContain(
      'Passed',
    );
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Skip to content',
    );
    await page.screenshot({ path: 'test-results/credential-page-valid.png', fullPage: true });
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const credential = await issue('phone@example.org');

    const { page, context } = await open(credential.url, { width: 375, height: 740 });

    const widths = await page.evaluate(() => ({
      content: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.content).toBeLessThanOrEqual(widths.viewport);
    await context.close();
  });

  it('says plainly that a revoked credential is no longer valid', async () => {
    const credential = await issue('revoked-page@example.org');
    await t.api.call(
      `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Issued in error") { id } }`,
      { id: credential.id },
      admin,
    );
    await t.platform.drain();

    const { page, context } = await open(credential.url);

    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Revoked: the issuer has withdrawn this credential',
    );
    await expect(page.locator('body').textContent()).resolves.toContain('Issued in error');
    await context.close();
  });

  it('shows only that a private credential is private', async () => {
    const email = 'private-page@example.org';
    const credential = await issue(email);
    await t.api.call(
      `mutation ($id: ID!) { setCredentialVisibility(id: $id, visibility: PRIVATE) { id } }`,
      { id: credential.id },
      await t.as('learner', { email, subject: 'private-page-learner' }),
    );

    const { page, context, status } = await open(credential.url);
    const text = (await page.locator('body').textContent()) ?? '';

    expect(status).toBe(404);
    expect(text).toContain('it does not exist, or its earner keeps it private');
    expect(text).not.toContain('Educational Leadership');
    expect(text).not.toContain('Katherine Johnson');
    expect(text).not.toContain('Northbridge');
    await context.close();
  });
});
