import { InvalidArgumentError, Option, type Command } from 'commander';
import { checkWorkspace } from '../checking/check-workspace.js';
import {
  buildDiffReport,
  checkGates,
  formatDiffHuman,
  formatDiffJson,
  formatDiffMarkdown,
  openSide,
  type ComparedSide,
  type DiffReport,
  type OpenSide,
} from '../diff/index.js';
import { parseDate } from '../runtime/values.js';
import { buildProgram } from '../simulation/build-program.js';
import { assertNever } from '../support/assert-never.js';
import { ExitCode } from './exit-code.js';
import { reportToStderr } from './report-diagnostics.js';
import type { OutputStreams } from './streams.js';

type DiffFormat = 'human' | 'json' | 'markdown';

/** A fixed first day, so that population runs are the same every time. */
const defaultStart = '2025-03-03';

interface DiffCommandOptions {
  readonly format: DiffFormat;
  readonly members: number;
  readonly days: number;
  readonly start: number;
  readonly seed: number;
  readonly pressureLimit: number;
  readonly population: boolean;
  readonly render: boolean;
  readonly out: string;
  readonly repo: string;
  readonly failOnPressureIncrease?: number;
  readonly failOnFixtureChange?: boolean;
}

/** `slinga diff <base> [head]`: what a change does, for review and CI. */
export function addDiffCommand(
  program: Command,
  streams: OutputStreams,
  setExitCode: (code: number) => void,
): void {
  program
    .command('diff')
    .description(
      'Compare two versions of a workspace: what changed, and ' +
        'what it does to fixtures and to a simulated population.',
    )
    .argument('<base>', 'a git revision or a folder')
    .argument('[head]', 'a git revision or a folder', '.')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['human', 'json', 'markdown'])
        .default('human'),
    )
    .option(
      '--members <n>',
      'members in the population sample',
      parseWhole(1),
      20_000,
    )
    .option('--days <n>', 'days the population is simulated', parseWhole(1), 14)
    .addOption(
      new Option('--start <date>', 'first simulated day, YYYY-MM-DD')
        .argParser(parseDay)
        .default(parseDay(defaultStart), defaultStart),
    )
    .option('--seed <n>', 'seed of the population sample', parseWhole(0), 1)
    .option(
      '--pressure-limit <n>',
      'messages a week above which a member counts as over-contacted',
      parseWhole(0),
      3,
    )
    .option('--no-population', 'skip the population simulation')
    .option('--no-render', 'do not render changed emails')
    .option('--out <dir>', 'where rendered emails are saved', 'slinga-diff')
    .option(
      '--repo <dir>',
      'the folder whose git repository revisions are read from, ' +
        'and whose path in it holds the workspace',
      '.',
    )
    .option(
      '--fail-on-pressure-increase <percent>',
      'exit 1 when mean weekly contact pressure rises by more than this percent',
      parsePercent,
    )
    .option(
      '--fail-on-fixture-change',
      "exit 1 when any fixture's sends change",
    )
    .action(async (base: string, head: string, options: DiffCommandOptions) => {
      setExitCode(await runDiff(base, head, options, streams));
    });
}

async function runDiff(
  baseSpec: string,
  headSpec: string,
  options: DiffCommandOptions,
  streams: OutputStreams,
): Promise<number> {
  if (!options.population && options.failOnPressureIncrease !== undefined) {
    streams.stderr.write(
      'slinga: --fail-on-pressure-increase needs the population run; drop --no-population.\n',
    );
    return ExitCode.usage;
  }
  const opened: OpenSide[] = [];
  try {
    for (const spec of [baseSpec, headSpec]) {
      const side = await openSide(spec, options.repo);
      if ('problem' in side) {
        streams.stderr.write(`slinga: ${side.problem}\n`);
        return ExitCode.usage;
      }
      opened.push(side);
    }
    const [base, head] = opened;
    if (base === undefined || head === undefined) return ExitCode.usage;
    const checked = await checkSides(base, head, streams);
    if (!Array.isArray(checked)) return checked.exitCode;
    const report = await buildDiffReport(checked[0], checked[1], {
      population: options.population
        ? {
            members: options.members,
            days: options.days,
            startDay: options.start,
            seed: options.seed,
            pressureLimit: options.pressureLimit,
          }
        : null,
      render: options.render
        ? { out: options.out, startDay: options.start }
        : null,
    });
    streams.stdout.write(render(options.format, report));
    return gateExitCode(report, options, streams);
  } finally {
    for (const side of opened) await side.close();
  }
}

/** Checks and compiles both sides; prints the errors of a side that has any. */
async function checkSides(
  base: OpenSide,
  head: OpenSide,
  streams: OutputStreams,
): Promise<[ComparedSide, ComparedSide] | { exitCode: number }> {
  const sides: ComparedSide[] = [];
  for (const [name, side] of [
    ['base', base],
    ['head', head],
  ] as const) {
    const result = await checkWorkspace(side.root);
    if (result.workspace === undefined) {
      streams.stderr.write(
        `slinga: the ${name} side (${side.source.label}) has errors; run slinga check on it.\n`,
      );
      reportToStderr(result.diagnostics, result.sources, streams);
      return { exitCode: ExitCode.failed };
    }
    sides.push({
      source: side.source,
      workspace: result.workspace,
      program: buildProgram(result.workspace),
      sources: result.sources,
    });
  }
  const [first, second] = sides;
  if (first === undefined || second === undefined)
    return { exitCode: ExitCode.usage };
  return [first, second];
}

function gateExitCode(
  report: DiffReport,
  options: DiffCommandOptions,
  streams: OutputStreams,
): number {
  const failures = checkGates(report, {
    ...(options.failOnPressureIncrease === undefined
      ? {}
      : { pressureIncrease: options.failOnPressureIncrease }),
    fixtureChange: options.failOnFixtureChange === true,
  });
  for (const failure of failures) streams.stderr.write(`slinga: ${failure}\n`);
  return failures.length > 0 ? ExitCode.failed : ExitCode.ok;
}

function render(format: DiffFormat, report: DiffReport): string {
  switch (format) {
    case 'human':
      return formatDiffHuman(report);
    case 'json':
      return formatDiffJson(report);
    case 'markdown':
      return formatDiffMarkdown(report);
    default:
      return assertNever(format);
  }
}

function parseWhole(minimum: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < minimum)
      throw new InvalidArgumentError(
        `expected a whole number, ${minimum} or more`,
      );
    return value;
  };
}

function parseDay(text: string): number {
  const day = parseDate(text);
  if (day === undefined)
    throw new InvalidArgumentError('expected a date, YYYY-MM-DD');
  return day;
}

function parsePercent(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0)
    throw new InvalidArgumentError('expected a percentage, 0 or more');
  return value;
}
