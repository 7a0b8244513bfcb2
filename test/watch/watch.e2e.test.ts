import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, type Chromium } from '../../src/preview/chromium.js';
import { startWatch, type WatchSession } from '../../src/watch/index.js';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';

// Chromium comes from Debian's package, which .ci/run installs; without it
// these tests fail, so a missing browser is never mistaken for a pass.
const inChromium = describe;

/** Within a second of the save, the page shows it; slower machines get more. */
const updated = { timeout: 10_000, interval: 50 };

let folder: string;
let session: WatchSession;
let chromium: Chromium;

async function edit(file: string, from: string, to: string): Promise<void> {
  const target = path.join(folder, file);
  const text = await readFile(target, 'utf8');
  expect(text).toContain(from);
  await writeFile(target, text.replace(from, to));
}

async function openPage(url: string): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.goto(session.url + url);
  // A mark that a reload would wipe out.
  await page.evaluate('window.loadedOnce = true');
  return page;
}

const textOf = (page: Page, selector: string) => () =>
  page
    .locator(selector)
    .first()
    .textContent()
    .then((text) => text?.replace(/\s+/g, ' ').trim());

inChromium('slinga watch in Chromium', () => {
  beforeAll(async () => {
    folder = await copyWorkspace(minimalWorkspace);
    session = await startWatch({
      root: folder,
      port: 0,
      population: { members: 1000, days: 7, seed: 1, start: '2025-03-03' },
      populationDelayMilliseconds: 0,
    });
    chromium = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await session?.close();
    await rm(folder, { recursive: true, force: true });
  });

  test('a template edit shows in the open page without a reload', async () => {
    const page = await openPage('/templates/winback');
    expect(await textOf(page, '#subject')()).toBe('Hej du');
    const email = page.frameLocator('.device.desktop iframe').locator('body');
    expect(await email.textContent()).toContain('Hej!');

    await edit(
      'templates/winback.mjml',
      'subject: Hej',
      'subject: Välkommen tillbaka',
    );
    await expect
      .poll(textOf(page, '#subject'), updated)
      .toBe('Välkommen tillbaka du');
    await edit('templates/winback.mjml', '<mj-text>Hej!', '<mj-text>Hej igen!');
    await expect
      .poll(() => email.textContent(), updated)
      .toContain('Hej igen!');
    expect(await page.evaluate('window.loadedOnce')).toBe(true);
    await page.close();
  });

  test('a journey edit changes the diagram and the fixture timeline', async () => {
    const journey = await openPage('/journeys/winback');
    const fixture = await openPage('/fixtures/winback_and_basket');
    const annaLeaves = textOf(
      fixture,
      'h3:text("anna") + table tr:has-text("leaves")',
    );
    expect(await textOf(journey, '.node.wait')()).toBe('wait 14 days steps.1');
    expect(await annaLeaves()).toContain('2025-03-15 09:00');

    await edit('journeys/winback.yaml', 'wait: 14d', 'wait: 10d');
    await expect
      .poll(textOf(journey, '.node.wait'), updated)
      .toBe('wait 10 days steps.1');
    await expect.poll(annaLeaves, updated).toContain('2025-03-11 09:00');
    expect(await journey.evaluate('window.loadedOnce')).toBe(true);
    expect(await fixture.evaluate('window.loadedOnce')).toBe(true);
    await fixture.close();
    await journey.close();
  });

  test('a YAML error shows in the page at its line, and clears when fixed', async () => {
    const page = await openPage('/journeys/winback');
    expect(await page.locator('#status .diagnostic').count()).toBe(0);

    await edit('journeys/winback.yaml', 'steps:', 'steps: [');
    const where = textOf(page, '#status .diagnostic:has-text("SL101") .where');
    await expect.poll(where, updated).toBe('journeys/winback.yaml:11:3');
    expect(
      await textOf(page, '#status .diagnostic .frame mark')(),
    ).toBeTruthy();
    // The last good build is still shown below the error.
    expect(await textOf(page, '.node.wait')()).toBe('wait 10 days steps.1');

    await edit('journeys/winback.yaml', 'steps: [', 'steps:');
    await expect
      .poll(() => page.locator('#status .diagnostic').count(), updated)
      .toBe(0);
    expect(await page.evaluate('window.loadedOnce')).toBe(true);
    await page.close();
  });

  test('the pressure page charts the last population run', async () => {
    await session.populationIdle();
    const page = await openPage('/pressure');
    await expect
      .poll(() => page.locator('svg.chart rect.bar-all').count(), updated)
      .toBe(7);
    await page.close();
  });
});
