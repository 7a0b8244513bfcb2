import { pathToFileURL } from 'node:url';
import {
  Command,
  CommanderError,
  InvalidArgumentError,
  Option,
} from 'commander';
import { checkWorkspace } from '../checking/check-workspace.js';
import { addBuildCommand } from './command-build.js';
import { addDiffCommand } from './command-diff.js';
import { addPreviewCommand } from './command-screenshots.js';
import { addSimulateCommand } from './command-simulate.js';
import { addTestCommand } from './command-test.js';
import { addWatchCommand } from './command-watch.js';
import { ExitCode } from './exit-code.js';
import {
  diagnosticFormats,
  reportDiagnostics,
  type DiagnosticFormat,
} from './report-diagnostics.js';
import type { OutputStreams } from './streams.js';
import { errorMessage } from '../support/error-message.js';

/**
 * Runs the CLI with the given arguments (without `node` and the script) and
 * returns the exit code. Never throws: internal failures exit with 2.
 */
export async function main(
  argv: readonly string[],
  streams: OutputStreams,
): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = createProgram(streams, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const detail = errorMessage(error);
    streams.stderr.write(`slinga: internal error: ${detail}\n`);
    if (process.env['SLINGA_DEBUG'] !== undefined && error instanceof Error) {
      streams.stderr.write(`${error.stack ?? ''}\n`);
    }
    return ExitCode.usage;
  }
}

function createProgram(
  streams: OutputStreams,
  setExitCode: (code: number) => void,
): Command {
  const program = new Command('slinga')
    .description(
      'Marketing automation as code: check, simulate and build journeys.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
    })
    .showHelpAfterError();

  program
    .command('check')
    .description('Validate and type-check every file of a workspace.')
    .argument('[dir]', 'the workspace folder', '.')
    .addOption(formatOption())
    .option(
      '--max-warnings <n>',
      'fail when there are more warnings than this',
      parseCount,
    )
    .action(
      async (
        dir: string,
        options: { format: DiagnosticFormat; maxWarnings?: number },
      ) => {
        const result = await checkWorkspace(dir);
        setExitCode(
          reportDiagnostics(
            result.diagnostics,
            result.sources,
            options.format,
            options.maxWarnings,
            streams,
          ),
        );
      },
    );

  addTestCommand(program, streams, setExitCode);
  addSimulateCommand(program, streams, setExitCode);
  addWatchCommand(program, streams, setExitCode);
  addPreviewCommand(program, streams, setExitCode);
  addBuildCommand(program, streams, setExitCode);
  addDiffCommand(program, streams, setExitCode);
  return program;
}

function formatOption(): Option {
  return new Option('--format <format>', 'output format')
    .choices(diagnosticFormats)
    .default('human');
}

function parseCount(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError('expected a whole number, 0 or more');
  }
  return value;
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(process.argv[1]).href;

if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
