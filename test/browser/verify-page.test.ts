/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import { launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { openPage } from './pages-support';

describe('/verify in a browser, JavaScript off', { timeout: 120_000 }, () => {
  let t: TestPlatform;
  let browser: Browser;
  let admin: Caller;
  let valid: { id: string; url: string };
  let revoked: { id: string; url: string };

  const issue = async (designId: string, email: string) =>
    (
      await t.api.call<{ issueCredential: { id: string; url: string } }>(
        `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id url } }`,
        { input: { microCredentialId: designId, recipient: { email, name: 'Ada Lovelace' } } },
        admin,
      )
    ).issueCredential;
  const download = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer());
  const verifyPage = async () => {
    const opened = await openPage(browser, `${t.platform.url}/verify`, t.platform.url);
    return opened;
  };
  const verdict = (page: Page) => page.getByRole('status').textContent();
  const upload = async (name: string, mimeType: string, buffer: Buffer) => {
    const { page, context } = await verifyPage();
    await page.getByLabel(/A badge image/).setInputFiles({ name, mimeType, buffer });
    await page.getByRole('button', { name: 'Verify' }).click();
    return { page, context };
  };

  beforeAll(async () => {
    t = await startTestPlatform();
    const published = await t.publishedDesign({ validityMonths: 24 });
    admin = published.qa.admin;
    valid = await issue(published.designId, 'ada@example.org');
    revoked = await issue(published.designId, 'revoked@example.org');
    await t.api.call(
      `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Awarded in error") { id } }`,
      { id: revoked.id },
      admin,
    );
    await t.platform.drain();
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('verifies pasted JSON and a pasted VC-JWT', async () => {
    for (const suffix of ['.json', '.jwt']) {
      const pasted = (await download(`${valid.url}${suffix}`)).toString('utf8');
      const { page, context } = await verifyPage();
      await page.getByLabel(/JSON or its VC-JWT/).fill(pasted);
      await page.getByRole('button', { name: 'Verify' }).click();

      await expect(verdict(page)).resolves.toContain('Verified');
      await expect(page.getByRole('row', { name: /Signature/ }).textContent()).resolves.toContain(
        'Passed',
      );
      await context.close();
    }
  });

  it('verifies each file type: JSON, JWT, baked PNG and baked SVG', async () => {
    const files = [
      { name: 'credential.json', type: 'application/json', url: `${valid.url}.json` },
      { name: 'credential.jwt', type: 'application/jwt', url: `${valid.url}.jwt` },
      { name: 'badge.png', type: 'image/png', url: `${valid.url}/badge.png` },
      { name: 'badge.svg', type: 'image/svg+xml', url: `${valid.url}/badge.svg` },
    ];
    for (const file of files) {
      const { page, context } = await upload(file.name, file.type, await download(file.url));

      await expect(verdict(page), file.name).resolves.toContain('Verified');
      await context.close();
    }
  });

  it('verifies a credential by its address, and checks whom it was issued to', async () => {
    const { page, context } = await verifyPage();
    await page.getByLabel("The credential's web address").fill(valid.url);
    await page.getByLabel('Issued to (optional)').fill('ada@example.org');
    await page.getByRole('button', { name: 'Verify' }).click();

    await expect(verdict(page)).resolves.toContain('Verified');
    await expect(page.getByRole('row', { name: /Issued to/ }).textContent()).resolves.toContain(
      'Passed',
    );
    await context.close();
  });

  it('says a tampered file is not verified', async () => {
    const json = JSON.parse((await download(`${valid.url}.json`)).toString('utf8')) as {
      name?: string;
      validUntil?: string;
    };
    json.validUntil = '2099-01-01T00:00:00Z';

    const { page, context } = await upload(
      'tampered.json',
      'application/json',
      Buffer.from(JSON.stringify(json)),
    );

    await expect(verdict(page)).resolves.toContain('Not verified');
    await expect(page.getByRole('row', { name: /Signature/ }).textContent()).resolves.toContain(
      'Failed',
    );
    await context.close();
  });

  it('says a revoked credential is revoked, by file and by address', async () => {
    const byFile = await upload(
      'revoked.png',
      'image/png',
      await download(`${revoked.url}/badge.png`),
    );
    await expect(verdict(byFile.page)).resolves.toContain('Revoked');
    await byFile.context.close();

    const { page, context } = await verifyPage();
    await page.getByLabel("The credential's web address").fill(revoked.url);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(verdict(page)).resolves.toContain('Revoked');
    await context.close();
  });

  it('explains what is wrong with input that is not a credential, without a stack trace', async () => {
    const { page, context, status } = await (async () => {
      const opened = await verifyPage();
      await opened.page.getByLabel(/JSON or its VC-JWT/).fill('{ not json');
      const response = await Promise.all([
        opened.page.waitForNavigation(),
        opened.page.getByRole('button', { name: 'Verify' }).click(),
      ]);
      return { ...opened, status: response[0]?.status() };
    })();

    expect(status).toBe(400);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not valid JSON');
    await expect(page.getByLabel(/JSON or its VC-JWT/).inputValue()).resolves.toBe('{ not json');
    await context.close();
  });

  it('refuses a form larger than the verifier accepts before reading it', async () => {
    const form = new FormData();
    form.set('file', new Blob([Buffer.alloc(6_000_000, 1)]), 'huge.png');

    const response = await fetch(`${t.platform.url}/verify`, { method: 'POST', body: form });

    expect(response.status).toBe(400);
    expect(await response.text()).toContain('larger than');
  });
});
