import type { Command } from 'commander';
import { describeEntry } from '../simulation/check-expectations.js';
import { runFixture } from '../simulation/run-fixture.js';
import { ExitCode } from './exit-code.js';
import { loadChecked } from './load-checked.js';
import type { OutputStreams } from './streams.js';

/** `slinga simulate --fixture ID`: the timeline of one fixture. */
export function addSimulateCommand(
  program: Command,
  streams: OutputStreams,
  setExitCode: (code: number) => void,
): void {
  program
    .command('simulate')
    .description('Simulate a fixture and print its timeline.')
    .argument('[dir]', 'the workspace folder', '.')
    .requiredOption('--fixture <id>', 'the fixture to simulate')
    .option('--format <format>', 'human or json', 'human')
    .action(
      async (dir: string, options: { fixture: string; format: string }) => {
        const loaded = await loadChecked(dir, streams);
        if ('exitCode' in loaded) return setExitCode(loaded.exitCode);
        const fixture = loaded.workspace.fixtures.get(options.fixture);
        if (fixture === undefined) {
          const known = [...loaded.workspace.fixtures.keys()].join(', ');
          streams.stderr.write(
            `slinga: no fixture "${options.fixture}" (known: ${known})\n`,
          );
          return setExitCode(ExitCode.usage);
        }
        const timeline = runFixture(loaded.program, fixture);
        const zone = loaded.program.timeZone;
        const text =
          options.format === 'json'
            ? `${JSON.stringify(timeline, null, 2)}\n`
            : timeline
                .map(
                  (entry) => `${entry.member} ${describeEntry(entry, zone)}\n`,
                )
                .join('');
        streams.stdout.write(text);
        setExitCode(ExitCode.ok);
      },
    );
}
