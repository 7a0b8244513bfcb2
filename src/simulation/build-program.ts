import type { Program } from '../runtime/program.js';
import type { Workspace } from '../workspace/workspace.js';
import { describeProgram, instantiateProgram } from './program-source.js';

export { purchaseEventName, rankJourneys } from './program-source.js';

/**
 * Compiles a checked workspace into the Program the engine runs: every
 * condition becomes a function, every journey a flat list of instructions.
 * It goes through the ProgramSource that worker threads receive, so a
 * Program built here and one built in a worker are the same.
 */
export function buildProgram(workspace: Workspace): Program {
  return instantiateProgram(describeProgram(workspace));
}
