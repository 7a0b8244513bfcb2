import { checkWorkspace } from '../../src/checking/check-workspace.js';
import type { ComparedSide } from '../../src/diff/index.js';
import { buildProgram } from '../../src/simulation/build-program.js';

/** Checks and compiles a workspace folder as one side of a diff. */
export async function comparedSide(folder: string): Promise<ComparedSide> {
  const result = await checkWorkspace(folder);
  if (result.workspace === undefined)
    throw new Error(
      `${folder} has errors: ${result.diagnostics.map((d) => d.message).join('; ')}`,
    );
  return {
    source: { kind: 'folder', label: folder, commit: null },
    workspace: result.workspace,
    program: buildProgram(result.workspace),
    sources: result.sources,
  };
}
