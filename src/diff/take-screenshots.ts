import { access, readFile } from 'node:fs/promises';
import { errorMessage } from '../support/error-message.js';

/** The default browser; never downloaded, only used when it is there. */
export const defaultBrowser = '/usr/bin/chromium';

/** The part of playwright-core used here. */
interface Browser {
  newPage(): Promise<{
    setContent(html: string): Promise<void>;
    screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>;
  }>;
  close(): Promise<void>;
}

/**
 * Screenshots each HTML file to a PNG next to it (`x.html` → `x.png`).
 * Returns null when done, or why it could not be done. playwright-core is
 * loaded by name when needed: it is not a dependency of Slinga.
 */
export async function takeScreenshots(
  htmlFiles: readonly string[],
  browserPath = defaultBrowser,
): Promise<string | null> {
  try {
    await access(browserPath);
  } catch {
    return `no browser at ${browserPath}: HTML only, no screenshots`;
  }
  let browser: Browser;
  try {
    browser = await launch(browserPath);
  } catch (error) {
    return `screenshots skipped (playwright-core): ${firstLine(error)}`;
  }
  try {
    for (const file of htmlFiles) {
      const page = await browser.newPage();
      await page.setContent(await readFile(file, 'utf8'));
      await page.screenshot({ path: pngPath(file), fullPage: true });
    }
    return null;
  } finally {
    await browser.close();
  }
}

/** The screenshot path of an HTML file. */
export function pngPath(htmlFile: string): string {
  return htmlFile.replace(/\.html$/, '.png');
}

async function launch(executablePath: string): Promise<Browser> {
  // A name in a variable: the compiler need not find the optional package.
  const name = 'playwright-core';
  const playwright = (await import(name)) as {
    chromium: { launch(options: unknown): Promise<Browser> };
  };
  return playwright.chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The first line of an error's message. */
export function firstLine(error: unknown): string {
  const text = errorMessage(error);
  return text.split('\n')[0] ?? '';
}
