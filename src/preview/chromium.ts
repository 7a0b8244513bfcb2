import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Where Debian's chromium package puts the browser. */
export const defaultChromium = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium that stays on this machine: no sandbox (it
 * runs in containers), no GPU, and none of the background traffic
 * (updates, sync, QUIC probes).
 */
export const chromiumArguments: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A running headless Chromium with a profile of its own. */
export interface Chromium {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/**
 * Starts the system Chromium through playwright-core, which is loaded only
 * here (it is a development dependency) and never downloads a browser. The
 * profile is a fresh folder, removed on close. Requests to anything but
 * loopback are refused, so that pages never wait on the network.
 */
export async function launchChromium(
  executablePath: string = defaultChromium,
): Promise<Chromium> {
  await access(executablePath).catch(() => {
    throw new Error(
      `no Chromium at ${executablePath} (on Debian: apt-get install chromium)`,
    );
  });
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(path.join(tmpdir(), 'slinga-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...chromiumArguments],
    });
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      return hostname === '127.0.0.1' || hostname === 'localhost'
        ? route.continue()
        : route.abort();
    });
    return {
      context,
      close: async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
