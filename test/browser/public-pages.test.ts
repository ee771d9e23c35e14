/// <reference lib="dom" />
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../infra/local/graphql-client';
import { demoStackedDesign } from '../../infra/local/demo-content';
import { stackingOperations } from '../../infra/local/portal-flows';
import { launchBrowser } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { axeViolations, fitsWidth, openPage, phone } from './pages-support';

const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('the public pages in a browser', { timeout: 120_000 }, () => {
  let t: TestPlatform;
  let browser: Browser;
  let admin: Caller;
  let institutionId: string;
  let designId: string;
  let partnerId: string;
  let stackId: string;
  let credential: { id: string; url: string };

  const issue = async (email: string, design = designId) =>
    (
      await t.api.call<{ issueCredential: { id: string; url: string } }>(
        `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id url } }`,
        { input: { microCredentialId: design, recipient: { email, name: 'Katherine Johnson' } } },
        admin,
      )
    ).issueCredential;
  const open = (url: string, viewport?: { width: number; height: number }) =>
    openPage(browser, url, t.platform.url, viewport);
  const bodyText = async (page: Page) => (await page.locator('body').innerText()) ?? '';

  beforeAll(async () => {
    t = await startTestPlatform();
    const published = await t.publishedDesign({ validityMonths: 36 });
    ({ institutionId, designId } = published);
    admin = published.qa.admin;
    partnerId = (await t.partnerFor(institutionId)).partnerId;
    const second = await t.publishedDesign({ name: 'Coaching Teachers' }, institutionId);
    const target = await t.publishedDesign(
      { ...demoStackedDesign, name: 'School Leadership Pathway' },
      institutionId,
    );
    const { defineStack } = await t.api.call<{ defineStack: { id: string } }>(
      stackingOperations.define,
      {
        input: {
          institutionId,
          name: 'School Leadership Pathway',
          microCredentialId: target.designId,
          rule: 'ALL',
          parts: [{ microCredentialId: designId }, { microCredentialId: second.designId }],
        },
      },
      admin,
    );
    stackId = defineStack.id;
    credential = await issue('valid@example.org');
    await t.platform.drain();
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('lists published micro-credentials by institution, searchable, linking to their pages', async () => {
    const { page, context, external } = await open(`${t.platform.url}/`);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Micro-credentials',
    );
    await expect(page.getByRole('link', { name: 'Educational Leadership' }).count()).resolves.toBe(
      1,
    );
    await page.getByLabel('Search').fill('coaching teachers');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('link', { name: 'Coaching Teachers' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Educational Leadership' }).count()).resolves.toBe(
      0,
    );
    await page.getByLabel('Search').fill('astrophysics');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'No micro-credential matches',
    );
    await page.goto(`${t.platform.url}/`);
    await page.getByRole('link', { name: 'Educational Leadership' }).click();
    expect(page.url()).toBe(`${t.platform.url}/achievements/${designId}`);
    expect(external).toEqual([]);
    await context.close();
  });

  it('shows an achievement with outcomes, workload, QA record, endorsements and pathways', async () => {
    const { page, context, status, external } = await open(
      `${t.platform.url}/achievements/${designId}`,
    );
    const text = await bodyText(page);

    expect(status).toBe(200);
    for (const heading of [
      'Learning outcomes',
      'Details',
      'Quality assurance',
      'Endorsements',
      'Pathways',
    ])
      await expect(page.getByRole('heading', { name: heading }).count()).resolves.toBe(1);
    expect(text).toMatch(/Workload\s+\d+ hours/);
    await expect(
      page.getByRole('link', { name: 'School Leadership Pathway' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('link', { name: 'Read the endorsement' }).count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.locator('meta[property="og:title"]').count()).resolves.toBe(1);
    expect(external).toEqual([]);
    await context.close();
  });

  it('keeps serving machines the JSON-LD they asked for', async () => {
    const achievement = await fetch(`${t.platform.url}/achievements/${designId}`, {
      headers: { accept: 'application/ld+json' },
    });
    const issuer = await fetch(`${t.platform.url}/issuers/${institutionId}`);
    const page = await fetch(`${t.platform.url}/issuers/${institutionId}`, { headers: html });

    expect(achievement.headers.get('content-type')).toContain('application/ld+json');
    expect(((await achievement.json()) as { type: string[] }).type).toEqual(['Achievement']);
    expect(issuer.headers.get('content-type')).toContain('application/ld+json');
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('shows an issuer with its micro-credentials, partners and keys in words, no key ids', async () => {
    const { page, context, external } = await open(`${t.platform.url}/issuers/${institutionId}`);
    const text = await bodyText(page);

    await expect(page.getByRole('link', { name: 'Educational Leadership' }).count()).resolves.toBe(
      1,
    );
    await expect(page.getByRole('heading', { name: 'Endorsing partners' }).count()).resolves.toBe(
      1,
    );
    expect(text).toContain('Ed25519 key, signs credentials in JSON-LD form, in use since');
    expect(text).not.toMatch(/did:web|#g\d/);
    await page
      .getByRole('heading', { name: 'Endorsing partners' })
      .locator('xpath=following-sibling::ul[1]//a')
      .first()
      .click();
    expect(page.url()).toBe(`${t.platform.url}/partners/${partnerId}`);
    await expect(page.getByRole('heading', { name: 'Endorses' }).count()).resolves.toBe(1);
    expect(external).toEqual([]);
    await context.close();
  });

  it('shows an endorsement and a pathway as pages', async () => {
    const achievement = await open(`${t.platform.url}/achievements/${designId}`);
    await achievement.page.getByRole('link', { name: 'Read the endorsement' }).first().click();
    await expect(
      achievement.page.getByRole('heading', { level: 1 }).textContent(),
    ).resolves.toContain('endorses Educational Leadership');
    await achievement.context.close();

    const { page, context } = await open(`${t.platform.url}/stacks/${stackId}`);

    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'School Leadership Pathway',
    );
    expect(await bodyText(page)).toContain('All 2 of these');
    await expect(page.getByRole('link', { name: 'Coaching Teachers' }).count()).resolves.toBe(1);
    await context.close();
  });

  it('words a credential for people: no raw dates, types or key ids; checks its recipient', async () => {
    const { page, context } = await open(credential.url);
    const text = await bodyText(page);

    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(text).not.toContain('A OpenBadgeCredential');
    expect(text).not.toContain('did:web');
    expect(text).toMatch(/Kind of credential\s+Micro-credential/);
    await page.getByLabel('Check who it was issued to').fill('valid@example.org');
    await page.getByRole('button', { name: 'Check the recipient' }).click();
    await expect(page.getByRole('row', { name: /Issued to/ }).textContent()).resolves.toContain(
      'Passed',
    );
    await page.getByLabel('Issued to (optional)').fill('someone-else@example.org');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByRole('row', { name: /Issued to/ }).textContent()).resolves.toContain(
      'Failed',
    );
    await context.close();
  });

  it('offers a one-page PDF certificate from the credential page', async () => {
    const { page, context } = await open(credential.url);
    const href = await page.getByRole('link', { name: 'Certificate (PDF)' }).getAttribute('href');

    const response = await fetch(href!);
    const bytes = Buffer.from(await response.arrayBuffer());

    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await expect(PDFDocument.load(bytes).then((pdf) => pdf.getPageCount())).resolves.toBe(1);
    await context.close();
  });

  it('renders the PNG badge from the SVG, title included, still baked', async () => {
    const bytes = Buffer.from(await (await fetch(`${credential.url}/badge.png`)).arrayBuffer());
    const png = PNG.sync.read(bytes);
    // The title is white text across the middle of the hexagon; the hexagon itself is coloured.
    let white = 0;
    for (let y = Math.round(png.height * 0.55); y < Math.round(png.height * 0.7); y += 1)
      for (let x = Math.round(png.width * 0.3); x < Math.round(png.width * 0.7); x += 1) {
        const offset = (y * png.width + x) * 4;
        if (png.data[offset]! > 230 && png.data[offset + 1]! > 230 && png.data[offset + 2]! > 230)
          white += 1;
      }

    expect(png.width).toBe(400);
    expect(white).toBeGreaterThan(200);
    expect(bytes.includes(Buffer.from('openbadgecredential'))).toBe(true);
  });

  it('marks a revoked credential and offers no LinkedIn button', async () => {
    const revoked = await issue('revoked@example.org');
    await t.api.call(
      `mutation ($id: ID!) { revokeCredential(id: $id, reason: "Issued in error") { id } }`,
      { id: revoked.id },
      admin,
    );
    await t.platform.drain();

    const { page, context } = await open(revoked.url);

    await expect(page.getByRole('status').textContent()).resolves.toContain('Revoked');
    await expect(page.getByRole('link', { name: 'Add to LinkedIn profile' }).count()).resolves.toBe(
      0,
    );
    await expect(page.getByRole('img').getAttribute('alt')).resolves.toContain('marked revoked');
    await context.close();
  });

  it('fits 390 px and 1200 px on every page type', async () => {
    const urls = [
      `${t.platform.url}/`,
      `${t.platform.url}/verify`,
      credential.url,
      `${t.platform.url}/achievements/${designId}`,
      `${t.platform.url}/issuers/${institutionId}`,
      `${t.platform.url}/partners/${partnerId}`,
      `${t.platform.url}/stacks/${stackId}`,
    ];
    for (const url of urls) {
      const { page, context } = await open(url, phone);
      expect(await fitsWidth(page), url).toBe(true);
      await context.close();
    }
    const { page, context } = await open(credential.url, phone);
    const caption = await page.locator('caption').boundingBox();
    expect(caption!.width).toBeGreaterThan(300);
    await context.close();
  });

  it('has no axe-core violations on any page type', async () => {
    const endorsementUrl = await (async () => {
      const { page, context } = await open(`${t.platform.url}/achievements/${designId}`);
      const href = await page
        .getByRole('link', { name: 'Read the endorsement' })
        .first()
        .getAttribute('href');
      await context.close();
      return href!;
    })();
    const pages = [
      `${t.platform.url}/`,
      `${t.platform.url}/verify`,
      credential.url,
      `${t.platform.url}/achievements/${designId}`,
      `${t.platform.url}/issuers/${institutionId}`,
      `${t.platform.url}/partners/${partnerId}`,
      `${t.platform.url}/stacks/${stackId}`,
      endorsementUrl,
      `${t.platform.url}/credentials/nothing-here`,
    ];
    for (const url of pages) expect(await axeViolations(browser, url), url).toEqual([]);
    const verified = await axeViolations(browser, `${t.platform.url}/verify`, {
      then: async (page) => {
        await page.getByLabel("The credential's web address").fill(credential.url);
        await page.getByRole('button', { name: 'Verify' }).click();
      },
    });
    expect(verified).toEqual([]);
  });
});
