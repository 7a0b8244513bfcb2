import type { Workspace } from '../../workspace/workspace.js';
import { collectConditions } from './collect-conditions.js';
import {
  copyRunner,
  copyRuntime,
  copyTemplateFiles,
  packageRoot,
  toolVersions,
} from './copy-sources.js';
import { emitConditions } from './emit-conditions.js';
import { emitFingerprint } from './emit-fingerprint.js';
import { emitMain } from './emit-main.js';
import { emitModel } from './emit-model.js';
import { emitPackageJson, emitReadme, emitTsconfig } from './emit-package.js';
import { emitProgram } from './emit-program.js';
import { emitSubjects } from './emit-subjects.js';
import { compareText } from './ordering.js';

/**
 * Emits a checked workspace as a standalone TypeScript package that runs
 * its journeys: relative path to file content, sorted by path. The same
 * workspace gives the same bytes. The workspace must be free of errors
 * (checkWorkspace gives it only then); emitting an unchecked one throws.
 */
export function emitTypeScript(workspace: Workspace): Map<string, string> {
  const root = packageRoot();
  const runtime = copyRuntime(root);
  const runner = copyRunner(root);
  const table = collectConditions(workspace);
  const conditions = emitConditions(table);

  const program = emitProgram(workspace, table);
  const decisive = new Map([
    ['program.ts', program],
    ['conditions.ts', conditions],
    ...runtime,
  ]);

  const files = new Map<string, string>([
    ...decisive,
    ...runner,
    ...copyTemplateFiles(root),
    ['model.ts', emitModel(workspace)],
    ['subjects.ts', emitSubjects(workspace)],
    ['fingerprint.ts', emitFingerprint(decisive)],
    ['main.ts', emitMain(workspace)],
    ['package.json', emitPackageJson(workspace, toolVersions(root))],
    ['tsconfig.json', emitTsconfig()],
  ]);
  files.set('README.md', emitReadme(workspace, [...files.keys()]));
  return new Map([...files].sort(([a], [b]) => compareText(a, b)));
}
