import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { parseDate } from '../runtime/values.js';
import type { Program } from '../runtime/program.js';
import { describeEntry } from '../simulation/check-expectations.js';
import {
  formatPopulationHuman,
  formatPopulationJson,
  formatPopulationMarkdown,
} from '../simulation/population/format-population.js';
import {
  defaultWorkers,
  runPopulation,
} from '../simulation/population/run-population.js';
import { describeProgram } from '../simulation/program-source.js';
import { runFixture } from '../simulation/run-fixture.js';
import type { Workspace } from '../workspace/workspace.js';
import { ExitCode } from './exit-code.js';
import { loadChecked } from './load-checked.js';
import { progressBar } from './progress-bar.js';
import type { OutputStreams } from './streams.js';

type SimulateFormat = 'human' | 'json' | 'markdown';

interface SimulateOptions {
  readonly fixture?: string;
  readonly format: SimulateFormat;
  readonly members: number;
  readonly days: number;
  readonly seed: number;
  readonly start?: number;
  readonly deterministic?: boolean;
  readonly workers: number;
}

/**
 * `slinga simulate`: the timeline of one fixture (`--fixture ID`), or a
 * population run over a synthetic member base.
 */
export function addSimulateCommand(
  program: Command,
  streams: OutputStreams,
  setExitCode: (code: number) => void,
): void {
  program
    .command('simulate')
    .description(
      'Simulate one fixture (--fixture) or a synthetic member base over days.',
    )
    .argument('[dir]', 'the workspace folder', '.')
    .option('--fixture <id>', 'print the timeline of this fixture')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['human', 'json', 'markdown'])
        .default('human'),
    )
    .option('--members <n>', 'members in the base', parseWhole, 2_100_000)
    .option('--days <n>', 'days to simulate', parseWhole, 30)
    .option(
      '--seed <n>',
      'seed of the generated base and events',
      parseWhole,
      1,
    )
    .option(
      '--start <date>',
      'first simulated day, YYYY-MM-DD (default: today)',
      parseDay,
    )
    .addOption(
      new Option('--now <date>', 'the same as --start')
        .argParser(parseDay)
        .hideHelp(),
    )
    .option('--deterministic', 'leave timings out of the JSON report')
    .option(
      '--workers <n>',
      'threads to share the base between (the report is the same)',
      parseWhole,
      defaultWorkers(),
    )
    .action(
      async (dir: string, options: SimulateOptions & { now?: number }) => {
        const loaded = await loadChecked(dir, streams);
        if ('exitCode' in loaded) return setExitCode(loaded.exitCode);
        const start = options.start ?? options.now;
        const resolved = start === undefined ? options : { ...options, start };
        setExitCode(
          options.fixture === undefined
            ? await simulatePopulation(
                loaded.workspace,
                loaded.program,
                resolved,
                streams,
              )
            : simulateFixture(
                loaded.workspace,
                loaded.program,
                resolved,
                streams,
              ),
        );
      },
    );
}

function simulateFixture(
  workspace: Workspace,
  program: Program,
  options: SimulateOptions,
  streams: OutputStreams,
): number {
  const fixture = workspace.fixtures.get(options.fixture ?? '');
  if (fixture === undefined) {
    const known = [...workspace.fixtures.keys()].join(', ');
    streams.stderr.write(
      `slinga: no fixture "${options.fixture ?? ''}" (known: ${known})\n`,
    );
    return ExitCode.usage;
  }
  const timeline = runFixture(program, fixture);
  const zone = program.timeZone;
  const text =
    options.format === 'json'
      ? `${JSON.stringify(timeline, null, 2)}\n`
      : timeline
          .map((entry) => `${entry.member} ${describeEntry(entry, zone)}\n`)
          .join('');
  streams.stdout.write(text);
  return ExitCode.ok;
}

async function simulatePopulation(
  workspace: Workspace,
  program: Program,
  options: SimulateOptions,
  streams: OutputStreams,
): Promise<number> {
  const startDay = options.start ?? program.timeZone.localDay(Date.now());
  const progress = progressBar(streams.stderr, 'simulating days');
  const report = await runPopulation(workspace, describeProgram(workspace), {
    members: options.members,
    days: options.days,
    seed: options.seed,
    startDay,
    onProgress: progress.update,
    workers: Math.max(1, options.workers),
  });
  progress.done();
  const text =
    options.format === 'json'
      ? formatPopulationJson(report, {
          deterministic: options.deterministic === true,
        })
      : options.format === 'markdown'
        ? formatPopulationMarkdown(report)
        : formatPopulationHuman(report);
  streams.stdout.write(text);
  return ExitCode.ok;
}

function parseWhole(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError('expected a whole number, 0 or more');
  }
  return value;
}

function parseDay(text: string): number {
  const day = parseDate(text);
  if (day === undefined) {
    throw new InvalidArgumentError('expected a date such as 2025-03-01');
  }
  return day;
}
