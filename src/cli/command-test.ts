import type { Command } from 'commander';
import { Option } from 'commander';
import type { TimeZone } from '../runtime/time-zone.js';
import {
  CoverageRecorder,
  formatCoverage,
  isComplete,
} from '../simulation/coverage.js';
import { formatTestHuman } from '../simulation/reporters/test-report-human.js';
import {
  formatTestGithub,
  formatTestJson,
  formatTestJunit,
} from '../simulation/reporters/test-report-machine.js';
import {
  testFixtures,
  type FixtureResult,
} from '../simulation/test-fixtures.js';
import { assertNever } from '../support/assert-never.js';
import { ExitCode } from './exit-code.js';
import { loadChecked } from './load-checked.js';
import type { OutputStreams } from './streams.js';

type TestFormat = 'human' | 'json' | 'junit' | 'github';

interface TestOptions {
  readonly format: TestFormat;
  readonly fixture?: string;
  readonly coverage?: boolean;
  readonly requireCoverage?: boolean;
}

/** `slinga test`: runs every fixture and checks its expectations. */
export function addTestCommand(
  program: Command,
  streams: OutputStreams,
  setExitCode: (code: number) => void,
): void {
  program
    .command('test')
    .description('Simulate every fixture and check its expectations.')
    .argument('[dir]', 'the workspace folder', '.')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['human', 'json', 'junit', 'github'])
        .default('human'),
    )
    .option(
      '--fixture <id>',
      'run only the fixtures whose id contains this text',
    )
    .option(
      '--coverage',
      'report (on stderr) the journey paths and contact rules no fixture exercises',
    )
    .option(
      '--require-coverage',
      'like --coverage, and fail unless every path and rule is exercised',
    )
    .action(async (dir: string, options: TestOptions) => {
      setExitCode(await runTests(dir, options, streams));
    });
}

async function runTests(
  dir: string,
  options: TestOptions,
  streams: OutputStreams,
): Promise<number> {
  const loaded = await loadChecked(dir, streams);
  if ('exitCode' in loaded) return loaded.exitCode;
  const { fixture } = options;
  const recorder = new CoverageRecorder(loaded.workspace);
  const results = testFixtures(
    loaded.workspace,
    loaded.program,
    (id) => fixture === undefined || id.includes(fixture),
    recorder,
  );
  streams.stdout.write(
    render(options.format, results, loaded.program.timeZone),
  );

  const coverage = recorder.coverage();
  const requireCoverage = options.requireCoverage === true;
  if (options.coverage === true || requireCoverage) {
    streams.stderr.write(formatCoverage(coverage));
  }
  const failed = results.some((result) => result.failures.length > 0);
  const incomplete = requireCoverage && !isComplete(coverage);
  return failed || incomplete ? ExitCode.failed : ExitCode.ok;
}

function render(
  format: TestFormat,
  results: readonly FixtureResult[],
  zone: TimeZone,
): string {
  switch (format) {
    case 'human':
      return formatTestHuman(results);
    case 'json':
      return formatTestJson(results, zone);
    case 'junit':
      return formatTestJunit(results);
    case 'github':
      return formatTestGithub(results);
    default:
      return assertNever(format);
  }
}
