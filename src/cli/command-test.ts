import type { Command } from 'commander';
import { Option } from 'commander';
import { formatTestHuman } from '../simulation/reporters/test-report-human.js';
import {
  formatTestGithub,
  formatTestJson,
  formatTestJunit,
} from '../simulation/reporters/test-report-machine.js';
import { testFixtures } from '../simulation/test-fixtures.js';
import { assertNever } from '../support/assert-never.js';
import { ExitCode } from './exit-code.js';
import { loadChecked } from './load-checked.js';
import type { OutputStreams } from './streams.js';

type TestFormat = 'human' | 'json' | 'junit' | 'github';

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
    .action(
      async (
        dir: string,
        options: { format: TestFormat; fixture?: string },
      ) => {
        const loaded = await loadChecked(dir, streams);
        if ('exitCode' in loaded) return setExitCode(loaded.exitCode);
        const filter = options.fixture;
        const results = testFixtures(
          loaded.workspace,
          loaded.program,
          (id) => filter === undefined || id.includes(filter),
        );
        streams.stdout.write(
          render(options.format, results, loaded.program.timeZone),
        );
        const failed = results.some((result) => result.failures.length > 0);
        setExitCode(failed ? ExitCode.failed : ExitCode.ok);
      },
    );
}

function render(
  format: TestFormat,
  results: Parameters<typeof formatTestJunit>[0],
  zone: Parameters<typeof formatTestJson>[1],
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
