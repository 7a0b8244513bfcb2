import { checkWorkspace } from '../checking/check-workspace.js';
import { buildProgram } from '../simulation/build-program.js';
import type { Program } from '../runtime/program.js';
import type { Workspace } from '../workspace/workspace.js';
import { ExitCode } from './exit-code.js';
import { reportToStderr } from './report-diagnostics.js';
import type { OutputStreams } from './streams.js';

/**
 * Checks the workspace for a command that needs it free of errors. On
 * errors, prints them (human format, to stderr) and returns the exit code.
 */
export async function loadChecked(
  dir: string,
  streams: OutputStreams,
): Promise<{ workspace: Workspace; program: Program } | { exitCode: number }> {
  const result = await checkWorkspace(dir);
  if (result.workspace === undefined) {
    reportToStderr(result.diagnostics, result.sources, streams);
    return { exitCode: ExitCode.failed };
  }
  return {
    workspace: result.workspace,
    program: buildProgram(result.workspace),
  };
}
