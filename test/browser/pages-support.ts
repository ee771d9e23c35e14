/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export const desktop = { width: 1200, height: 900 };
export const phone = { width: 390, height: 844 };

/** A page opened as a visitor would, JavaScript off, recording requests that leave `origin`. */
export async function openPage(
  browser: Browser,
  url: string,
  origin: string,
  viewport = desktop,
): Promise<{ page: Page; context: BrowserContext; status?: number; external: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport });
  const page = await context.newPage();
  const external: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:'))
      external.push(request.url());
  });
  let response = await page.goto(url);
  // A loaded machine's verifier may answer 503 (busy, retryable): a visitor would try again.
  for (let attempt = 0; response?.status() === 503 && attempt < 3; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    response = await page.reload();
  }
  return { page, context, status: response?.status(), external };
}

/** Whether the page fits its viewport without sideways scrolling. */
export function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * The axe-core violations of a page (WCAG 2.1 A and AA and best practices). Axe is a script,
 * so it runs in a context of its own with JavaScript on and the page's CSP bypassed for it.
 */
export async function axeViolations(
  browser: Browser,
  url: string,
  options: { viewport?: typeof desktop; then?: (page: Page) => Promise<void> } = {},
): Promise<{ id: string; nodes: string[] }[]> {
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: options.viewport ?? desktop,
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await options.then?.(page);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
        }
      ).axe;
      const result = await axe.run();
      return result.violations.map((violation) => ({
        id: violation.id,
        nodes: violation.nodes.map((node) => node.target.join(' ')),
      }));
    });
    return violations;
  } finally {
    await context.close();
  }
}
