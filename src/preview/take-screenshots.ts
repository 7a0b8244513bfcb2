import { constants } from 'node:fs';
import { mkdir, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { allSteps } from '../checking/journey-steps.js';
import type { GoodBuild } from '../watch/build.js';
import { watchedFolders } from '../watch/file-watcher.js';
import { launchChromium } from './chromium.js';
import { errorMessage } from '../support/error-message.js';

/** One picture: a page of the preview, whole or one element of it. */
interface Shot {
  /** The file name in the output folder. */
  readonly file: string;
  readonly path: string;
  /** A CSS selector: only this element is taken. */
  readonly element?: string;
}

/**
 * Takes PNG screenshots of the preview's main pages, for reviewers who do
 * not run it: the overview, the journey with the most steps, one email
 * (the page, and the email alone at desktop and mobile width), the first
 * fixture and the contact pressure. Writes only the files named here, into
 * a folder from prepareScreenshotFolder, never through a symbolic link.
 * Returns the paths written.
 */
export async function takeScreenshots(
  url: string,
  good: GoodBuild,
  folder: string,
  browser?: string,
): Promise<string[]> {
  const chromium = await launchChromium(browser);
  try {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const files: string[] = [];
    for (const shot of plannedShots(good)) {
      await page.goto(url + shot.path);
      await framesLoaded(page);
      const picture =
        shot.element === undefined
          ? await page.screenshot({ fullPage: true })
          : await page.locator(shot.element).first().screenshot();
      const file = path.join(folder, shot.file);
      await writeNoFollow(file, picture);
      files.push(file);
    }
    return files;
  } finally {
    await chromium.close();
  }
}

function plannedShots(good: GoodBuild): Shot[] {
  const shots: Shot[] = [{ file: 'overview.png', path: '/' }];
  const journey = richestJourney(good);
  if (journey !== undefined)
    shots.push({ file: 'journey.png', path: `/journeys/${journey}` });
  const email = shownEmail(good);
  if (email !== undefined) {
    const page = `/templates/${email}`;
    shots.push(
      { file: 'email.png', path: page },
      {
        file: 'email-desktop.png',
        path: page,
        element: '.device.desktop iframe',
      },
      {
        file: 'email-mobile.png',
        path: page,
        element: '.device.mobile iframe',
      },
    );
  }
  const fixture = good.fixtures[0]?.fixture.id;
  if (fixture !== undefined)
    shots.push({ file: 'fixture.png', path: `/fixtures/${fixture}` });
  shots.push({ file: 'pressure.png', path: '/pressure' });
  return shots;
}

/** The journey with the most steps, the first by id among equals. */
function richestJourney(good: GoodBuild): string | undefined {
  const sized = [...good.workspace.journeys.values()].map((journey) => ({
    id: journey.id,
    steps: [...allSteps(journey.steps)].length,
  }));
  sized.sort((a, b) => b.steps - a.steps || (a.id < b.id ? -1 : 1));
  return sized[0]?.id;
}

/** The first email a fixture member receives, or the first email template. */
function shownEmail(good: GoodBuild): string | undefined {
  for (const run of good.fixtures) {
    for (const entry of run.story) {
      if (
        entry.kind === 'send' &&
        entry.outcome === 'sent' &&
        entry.channel === 'email' &&
        good.templates.get(entry.template)?.email !== undefined
      )
        return entry.template;
    }
  }
  return [...good.templates.values()]
    .filter((template) => template.email !== undefined)
    .map((template) => template.id)
    .sort()[0];
}

/** Waits until every email frame has loaded and been sized. */
async function framesLoaded(page: Page): Promise<void> {
  // Runs in the page, so it is given as text: this program has no DOM types.
  await page.waitForFunction(`[...document.querySelectorAll('iframe')].every(
    (frame) => frame.contentDocument?.readyState === 'complete')`);
}

/**
 * Creates the output folder and returns its real path, unless it is or
 * lies within the workspace's journeys/ or templates/ (checked on the path
 * as given and again once links are resolved), or cannot be made: then
 * returns why not.
 */
export async function prepareScreenshotFolder(
  out: string,
  root: string,
): Promise<string | { refused: string }> {
  const protectedFolders = watchedFolders.map((folder) =>
    path.resolve(root, folder),
  );
  const refusal = (folder: string) => ({
    refused: `will not write screenshots into ${folder}: choose another --out`,
  });
  const wanted = path.resolve(out);
  const inside = (folder: string, candidate: string) =>
    candidate === folder || candidate.startsWith(folder + path.sep);
  const clash = protectedFolders.find((folder) => inside(folder, wanted));
  if (clash !== undefined) return refusal(clash);

  try {
    await mkdir(wanted, { recursive: true });
  } catch (error) {
    // A file in the way, or a folder we may not write to.
    const detail = errorMessage(error);
    return { refused: `cannot make the folder ${wanted}: ${detail}` };
  }
  const real = await realpath(wanted);
  for (const folder of protectedFolders) {
    const realFolder = await realpath(folder).catch(() => folder);
    if (inside(realFolder, real)) return refusal(folder);
  }
  return real;
}

/** Writes a file, refusing to follow a symbolic link in its place. */
async function writeNoFollow(file: string, data: Uint8Array): Promise<void> {
  const flags =
    constants.O_WRONLY |
    constants.O_CREAT |
    constants.O_TRUNC |
    constants.O_NOFOLLOW;
  const handle = await open(file, flags, 0o644);
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}
