import type { Command } from 'commander';
import { formatHuman } from '../diagnostics/formatters/format-human.js';
import { defaultChromium } from '../preview/chromium.js';
import {
  prepareScreenshotFolder,
  takeScreenshots,
} from '../preview/take-screenshots.js';
import { defaultPopulationSettings, startWatch } from '../watch/index.js';
import { ExitCode } from './exit-code.js';
import type { OutputStreams } from './streams.js';
import { errorMessage } from '../support/error-message.js';

interface ScreenshotOptions {
  readonly out: string;
  readonly browser: string;
  readonly population: boolean;
}

/**
 * `slinga screenshots`: PNG pictures of the preview's main pages, taken
 * with a headless Chromium, for reviewers who do not run the preview.
 */
export function addPreviewCommand(
  program: Command,
  streams: OutputStreams,
  setExitCode: (code: number) => void,
): void {
  program
    .command('screenshots')
    .description(
      "Save PNG screenshots of the preview's main pages: overview, a " +
        'journey, an email at desktop and mobile width, a fixture, and the ' +
        'contact pressure.',
    )
    .argument('[dir]', 'the workspace folder', '.')
    .option('--out <dir>', 'the folder to write the pictures to', 'screenshots')
    .option('--browser <path>', 'the Chromium to use', defaultChromium)
    .option('--no-population', 'leave out the population run (faster)')
    .action(async (dir: string, options: ScreenshotOptions) => {
      setExitCode(await screenshots(dir, options, streams));
    });
}

async function screenshots(
  dir: string,
  options: ScreenshotOptions,
  streams: OutputStreams,
): Promise<number> {
  const folder = await prepareScreenshotFolder(options.out, dir);
  if (typeof folder !== 'string') {
    streams.stderr.write(`slinga: ${folder.refused}\n`);
    return ExitCode.usage;
  }
  const session = await startWatch({
    root: dir,
    port: 0,
    watch: false,
    population: options.population ? defaultPopulationSettings : false,
    populationDelayMilliseconds: 0,
  });
  try {
    const { build } = session.state();
    if (build.good === undefined) {
      streams.stderr.write(
        formatHuman(build.diagnostics, build.sources, { color: false }),
      );
      streams.stderr.write(
        'slinga: the workspace has errors: no screenshots\n',
      );
      return ExitCode.failed;
    }
    await session.populationIdle();
    const files = await takeScreenshots(
      session.url,
      build.good,
      folder,
      options.browser,
    );
    for (const file of files) streams.stdout.write(`${file}\n`);
    return ExitCode.ok;
  } catch (error) {
    const detail = errorMessage(error);
    streams.stderr.write(`slinga: screenshots: ${detail}\n`);
    return ExitCode.usage;
  } finally {
    await session.close();
  }
}
