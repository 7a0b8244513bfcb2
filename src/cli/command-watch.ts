import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { formatHuman } from '../diagnostics/formatters/format-human.js';
import { defaultHost } from '../preview/preview-server.js';
import {
  defaultPopulationSettings,
  startWatch,
  type Build,
  type PopulationState,
  type WatchSession,
} from '../watch/index.js';
import { ExitCode } from './exit-code.js';
import { wantsColor, type OutputStreams } from './streams.js';

interface WatchCommandOptions {
  readonly port: number;
  readonly host: string;
  readonly population: boolean;
}

/**
 * `slinga watch`: serves a live preview of a workspace and rebuilds it on
 * every change of journeys/ and templates/, until interrupted.
 */
export function addWatchCommand(
  program: Command,
  streams: OutputStreams,
  setExitCode: (code: number) => void,
): void {
  program
    .command('watch')
    .description(
      'Serve a live preview of the workspace and rebuild it as files change. ' +
        'After each build without errors that changed the journeys, a ' +
        'population of 20,000 members is simulated for 7 days in the ' +
        'background for the contact-pressure chart.',
    )
    .argument('[dir]', 'the workspace folder', '.')
    .option(
      '--port <n>',
      'the port to serve on; 0 for any free one',
      parsePort,
      4173,
    )
    .option('--host <address>', 'the address to listen on', defaultHost)
    .option('--no-population', 'do not simulate a population in the background')
    .action(async (dir: string, options: WatchCommandOptions) => {
      setExitCode(await watch(dir, options, streams));
    });
}

async function watch(
  dir: string,
  options: WatchCommandOptions,
  streams: OutputStreams,
): Promise<number> {
  const isFolder = await stat(dir).then(
    (found) => found.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    streams.stderr.write(`slinga: ${dir} is not a folder\n`);
    return ExitCode.usage;
  }
  if (options.host !== defaultHost && options.host !== 'localhost') {
    streams.stderr.write(
      `slinga: warning: the preview listens on ${options.host}; ` +
        'other machines may reach it\n',
    );
  }
  streams.stderr.write('Checking the workspace…\n');

  let session: WatchSession;
  try {
    session = await startWatch({
      root: dir,
      host: options.host,
      port: options.port,
      population: options.population ? defaultPopulationSettings : false,
      onBuild: (build) => streams.stdout.write(describeBuild(build, streams)),
      onPopulation: (state) => {
        const line = describePopulation(state);
        if (line !== undefined) streams.stdout.write(line);
      },
      onError: (error) =>
        streams.stderr.write(`slinga: watch: ${error.message}\n`),
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') {
      streams.stderr.write(
        `slinga: port ${options.port} is in use; choose another with --port\n`,
      );
      return ExitCode.usage;
    }
    throw error;
  }
  streams.stdout.write(
    `Preview at ${session.url}/ — watching journeys/ and templates/; ` +
      'Ctrl-C stops.\n',
  );
  await interrupted();
  await session.close();
  return ExitCode.ok;
}

/** A build as the terminal shows it: a summary line, then the diagnostics. */
function describeBuild(build: Build, streams: OutputStreams): string {
  const count = (severity: string) =>
    build.diagnostics.filter((diagnostic) => diagnostic.severity === severity)
      .length;
  const changed =
    build.changes.length === 0
      ? ''
      : ` after ${build.changes.map((change) => change.path).join(', ')}`;
  const kept =
    count('error') > 0 && build.good !== undefined
      ? `; the preview shows build #${build.good.version}`
      : '';
  const summary =
    `Build #${build.version}${changed}: ${count('error')} errors, ` +
    `${count('warning')} warnings, ${Math.round(build.milliseconds)} ms${kept}\n`;
  const details = formatHuman(build.diagnostics, build.sources, {
    color: wantsColor(streams.stdout),
  });
  return details === '' ? summary : `${details}\n${summary}`;
}

function describePopulation(state: PopulationState): string | undefined {
  if (state.status === 'failed')
    return `Population run failed: ${state.error ?? 'no reason given'}\n`;
  if (state.status === 'done' && state.last !== undefined) {
    const seconds = (state.last.milliseconds / 1000).toFixed(1);
    return `Population run after build #${state.last.version} done in ${seconds} s\n`;
  }
  return undefined;
}

/** Resolves on Ctrl-C or a termination signal. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function parsePort(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new InvalidArgumentError('expected a port number, 0 to 65535');
  }
  return value;
}
