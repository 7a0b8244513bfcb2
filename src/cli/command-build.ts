import path from 'node:path';
import type { Command } from 'commander';
import {
  checkOutputFolder,
  writeOutput,
  type OutputRefusal,
} from '../emit/output/write-output.js';
import { assertNever } from '../support/assert-never.js';
import { ExitCode } from './exit-code.js';
import { reportToStderr } from './report-diagnostics.js';
import type { OutputStreams } from './streams.js';
import { errorMessage } from '../support/error-message.js';

/** `slinga build`: templates and TypeScript trigger code, into --out. */
export function addBuildCommand(
  program: Command,
  streams: OutputStreams,
  setExitCode: (code: number) => void,
): void {
  program
    .command('build')
    .description(
      'Compile templates (HTML, text, SMS) and typed TypeScript trigger code.',
    )
    .argument('[dir]', 'the workspace folder', '.')
    .option('--out <dir>', 'the output folder, replaced as a whole', 'dist')
    .action(async (dir: string, options: { out: string }) => {
      setExitCode(await build(dir, options.out, streams));
    });
}

async function build(
  dir: string,
  outOption: string,
  streams: OutputStreams,
): Promise<number> {
  const out = path.isAbsolute(outOption)
    ? outOption
    : path.join(dir, outOption);
  const refusal = await checkOutputFolder(dir, out);
  if (refusal !== undefined) {
    streams.stderr.write(
      `slinga: will not write the build to ${refusal.folder}: ${refusalText(refusal)}.\n`,
    );
    return ExitCode.usage;
  }
  // Loaded here: the emitter brings the TypeScript compiler, a third of a
  // second that the other commands need not wait for.
  const { buildWorkspace } = await import('../emit/build-workspace.js');
  const result = await buildWorkspace(dir, out);
  const exitCode = reportToStderr(result.diagnostics, result.sources, streams);
  if (exitCode !== ExitCode.ok || result.files.size === 0) {
    streams.stderr.write(
      'The build failed; the previous output is unchanged.\n',
    );
    return ExitCode.failed;
  }
  try {
    await writeOutput(out, result.files);
  } catch (error) {
    // A folder we may not write (permissions, a full disk): the previous
    // build stays where it was.
    const detail = errorMessage(error);
    streams.stderr.write(
      `slinga: could not write the build to ${out}: ${detail}\n`,
    );
    return ExitCode.failed;
  }
  streams.stdout.write(
    `Built ${result.files.size} files into ${path.relative(process.cwd(), out) || '.'}: ` +
      `${result.compiled.length} templates compiled, ${result.reused.length} reused.\n`,
  );
  return ExitCode.ok;
}

function refusalText(refusal: OutputRefusal): string {
  switch (refusal.reason) {
    case 'not-a-build':
      return 'it holds files that slinga build did not write';
    case 'inside-workspace-sources':
      return 'it is, holds or lies inside the workspace sources';
    case 'not-a-folder':
      return 'it is, or lies under, a file';
    default:
      return assertNever(refusal);
  }
}
