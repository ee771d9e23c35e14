/**
 * `npm run screenshots`: regenerates docs/screenshots/*.png. Starts a throwaway platform (its
 * data in a temporary folder), runs `npm run demo` against it for content, then photographs
 * each kind of public page in Chromium at 1200 px, and the busiest ones at 390 px.
 */
import '../infra/local/quiet-warnings';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { startPlatform } from '../infra/local/platform';
import { launchBrowser } from '../test/support/browser';

const outDir = 'docs/screenshots';
const log = (message: string) => process.stderr.write(`• ${message}\n`);

interface DemoSummary {
  issuer: { id: string };
  microCredentials: { id: string; name: string }[];
  credentials: { id: string; url: string; status: string; kind: string }[];
  stacks: { id: string }[];
  pages: { verify: string; catalogue: string; issuer: string };
}

const dataDir = mkdtempSync(join(tmpdir(), 'tessera-screenshots-'));
const platform = await startPlatform({ host: '127.0.0.1', port: 0, dataDir });
try {
  log(`platform at ${platform.url}; running the demo for content`);
  const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/demo.ts'], {
    env: { ...process.env, TESSERA_URL: platform.url, TESSERA_DATA_DIR: dataDir },
    maxBuffer: 16 * 1024 * 1024,
  });
  const summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as DemoSummary;
  const credential = summary.credentials.find((c) => c.status === 'ACTIVE' && c.kind !== 'STACKED');
  const shots: {
    name: string;
    url: string;
    phone?: boolean;
    then?: (page: Page) => Promise<void>;
  }[] = [
    { name: 'catalogue', url: summary.pages.catalogue, phone: true },
    { name: 'verify', url: summary.pages.verify },
    {
      name: 'verify-result',
      url: summary.pages.verify,
      phone: true,
      then: async (page) => {
        await page.getByLabel("The credential's web address").fill(credential!.url);
        await page.getByRole('button', { name: 'Verify' }).click();
      },
    },
    { name: 'credential', url: credential!.url, phone: true },
    { name: 'issuer', url: summary.pages.issuer },
    { name: 'achievement', url: `${platform.url}/achievements/${summary.microCredentials[0]!.id}` },
    ...(summary.stacks[0]
      ? [{ name: 'pathway', url: `${platform.url}/stacks/${summary.stacks[0].id}` }]
      : []),
  ];
  mkdirSync(outDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    for (const shot of shots) {
      const widths = shot.phone ? [1200, 390] : [1200];
      for (const width of widths) {
        const context = await browser.newContext({
          javaScriptEnabled: false,
          viewport: { width, height: width === 390 ? 844 : 900 },
        });
        const page = await context.newPage();
        await page.goto(shot.url);
        await shot.then?.(page);
        const file = join(outDir, `${shot.name}-${width === 390 ? 'phone' : 'desktop'}.png`);
        await page.screenshot({ path: file, fullPage: width !== 390 });
        log(`wrote ${file}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
} finally {
  await platform.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
