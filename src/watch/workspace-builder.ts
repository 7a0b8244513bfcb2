import path from 'node:path';
import {
  WorkspaceChecker,
  type IncrementalCheck,
} from '../checking/workspace-checker.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { defaultLimits, type LoadLimits } from '../loading/limits.js';
import type { TimeZone } from '../runtime/time-zone.js';
import type { Coverage } from '../simulation/coverage.js';
import { buildProgram } from '../simulation/build-program.js';
import { mergeDiagnostics } from '../templates/merge-diagnostics.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Build, FileChange, FixtureRun, GoodBuild } from './build.js';
import { runFixtures } from './run-fixtures.js';
import { TemplateCache } from './template-cache.js';

/**
 * The last workspace that resolved: its YAML had no errors. Its templates
 * may have errors when only templates changed since.
 */
interface Resolved {
  readonly workspace: Workspace;
  readonly timeZone: TimeZone;
  readonly fixtures: readonly FixtureRun[];
  readonly coverage: Coverage;
}

/**
 * Builds a workspace again and again as its files change. A change to the
 * text of template files only checks and compiles those files again and
 * keeps the rest (see WorkspaceChecker, which `slinga build` sessions use
 * too); anything else checks the whole workspace and simulates the fixtures
 * again. Compiled templates are cached by content. The last build without
 * errors is kept, to show under the errors of a newer one. Reads the
 * workspace; never writes to it.
 */
export class WorkspaceBuilder {
  private version = 0;
  private resolved: Resolved | undefined;
  private good: GoodBuild | undefined;
  private readonly cache = new TemplateCache();
  private readonly checker: WorkspaceChecker;

  constructor(root: string, limits: LoadLimits = defaultLimits) {
    this.checker = new WorkspaceChecker(path.resolve(root), limits);
  }

  /**
   * Builds after the given changes (none for the first build). The changes
   * are what the file watcher saw; the builder compares the files' text
   * itself, so they only say why it builds.
   */
  async rebuild(changes: readonly FileChange[] = []): Promise<Build> {
    const began = performance.now();
    this.version += 1;
    const checked = await this.checker.check();
    this.resolved = this.resolve(checked);

    let diagnostics = checked.diagnostics;
    let compiled: readonly string[] = [];
    if (this.resolved !== undefined) {
      const { workspace, timeZone, fixtures, coverage } = this.resolved;
      const templates = await this.cache.compile(workspace);
      diagnostics = mergeDiagnostics(diagnostics, templates.diagnostics);
      compiled = templates.compiled;
      if (!hasErrors(diagnostics)) {
        const { version } = this;
        const compiledTemplates = templates.templates;
        this.good = {
          version,
          workspace,
          timeZone,
          fixtures,
          coverage,
          templates: compiledTemplates,
        };
      }
    }
    return {
      version: this.version,
      diagnostics,
      sources: checked.sources,
      good: this.good,
      changes,
      templatesOnly: checked.scope !== 'full' && this.resolved !== undefined,
      compiled,
      milliseconds: performance.now() - began,
    };
  }

  /**
   * The resolved workspace of a check, with its fixtures simulated: again
   * after a full check, kept from before when only templates changed (the
   * fixtures' sends do not depend on a template's text).
   */
  private resolve(checked: IncrementalCheck): Resolved | undefined {
    const workspace = checked.resolved;
    if (workspace === undefined) return undefined;
    const before = this.resolved;
    if (checked.scope !== 'full' && before !== undefined)
      return { ...before, workspace };
    const program = buildProgram(workspace);
    const { runs, coverage } = runFixtures(workspace, program);
    return {
      workspace,
      timeZone: program.timeZone,
      fixtures: runs,
      coverage,
    };
  }
}
