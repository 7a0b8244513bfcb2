import path from 'node:path';
import { checkWorkspace } from '../checking/check-workspace.js';
import {
  compareDiagnostics,
  hasErrors,
  type Diagnostic,
} from '../diagnostics/diagnostic.js';
import type { SourceLookup } from '../diagnostics/formatters/format-human.js';
import type { SourceFile } from '../diagnostics/source-file.js';
import { defaultLimits, type LoadLimits } from '../loading/limits.js';
import type { TemplateFile } from '../loading/loaded-document.js';
import { readTextFile } from '../loading/read-text-file.js';
import { TimeZone } from '../runtime/time-zone.js';
import type { Coverage } from '../simulation/coverage.js';
import { buildProgram } from '../simulation/build-program.js';
import { checkTemplates } from '../templates/index.js';
import type { TemplateSet, Workspace } from '../workspace/workspace.js';
import type { Build, FileChange, FixtureRun, GoodBuild } from './build.js';
import { runFixtures } from './run-fixtures.js';
import { TemplateCache } from './template-cache.js';

/**
 * The last workspace that resolved: its YAML had no errors. Its templates
 * may have errors when only templates changed since.
 */
interface Resolved {
  readonly workspace: Workspace;
  /** What checking found (compiling templates may find more). */
  readonly diagnostics: readonly Diagnostic[];
  /** The files read by the last check of the whole workspace. */
  readonly checkedSources: SourceLookup;
  /** Template files read again since, by path. */
  readonly newerSources: ReadonlyMap<string, SourceFile>;
  readonly timeZone: TimeZone;
  readonly fixtures: readonly FixtureRun[];
  readonly coverage: Coverage;
}

/** What a check found: the workspace, when it resolved. */
interface Checked {
  readonly resolved: Resolved | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: SourceLookup;
}

const templatePath = /^templates\/(?:.+\/)?([a-z][a-z0-9_]*)\.(mjml|sms\.hbs)$/;

/**
 * Builds a workspace again and again as its files change. A change to the
 * text of template files only checks and compiles those files again and
 * keeps the rest; anything else checks the whole workspace and simulates
 * the fixtures again. Compiled templates are cached by content. The last
 * build without errors is kept, to show under the errors of a newer one.
 * Reads the workspace; never writes to it.
 */
export class WorkspaceBuilder {
  private version = 0;
  private resolved: Resolved | undefined;
  private good: GoodBuild | undefined;
  private readonly cache = new TemplateCache();
  private readonly root: string;

  constructor(
    root: string,
    private readonly limits: LoadLimits = defaultLimits,
  ) {
    this.root = path.resolve(root);
  }

  /** Builds after the given changes (none for the first build). */
  async rebuild(changes: readonly FileChange[] = []): Promise<Build> {
    const began = performance.now();
    this.version += 1;
    const templatesOnly = this.onlyTemplateText(changes);
    const checked = templatesOnly
      ? await this.recheckTemplates(changes)
      : await this.checkAll();
    this.resolved = checked.resolved;

    let diagnostics = checked.diagnostics;
    let compiled: readonly string[] = [];
    if (checked.resolved !== undefined) {
      const { workspace, timeZone, fixtures, coverage } = checked.resolved;
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
      templatesOnly: templatesOnly && checked.resolved !== undefined,
      compiled,
      milliseconds: performance.now() - began,
    };
  }

  /** Whether every change is an edit of a template file already known. */
  private onlyTemplateText(changes: readonly FileChange[]): boolean {
    const known = this.resolved?.workspace.templates;
    if (known === undefined || changes.length === 0) return false;
    return changes.every((change) => {
      const match = templatePath.exec(change.path);
      if (change.kind !== 'change' || match === null) return false;
      const set = known.get(match[1] ?? '');
      const file = match[2] === 'mjml' ? set?.email : set?.sms;
      return file?.file.path === change.path;
    });
  }

  private async checkAll(): Promise<Checked> {
    const result = await checkWorkspace(this.root, this.limits);
    const { workspace, diagnostics, sources } = result;
    if (workspace === undefined)
      return { resolved: undefined, diagnostics, sources };
    const program = buildProgram(workspace);
    const { runs, coverage } = runFixtures(workspace, program);
    const resolved: Resolved = {
      workspace,
      diagnostics,
      checkedSources: sources,
      newerSources: new Map(),
      timeZone: program.timeZone,
      fixtures: runs,
      coverage,
    };
    return { resolved, diagnostics, sources };
  }

  /**
   * Reads and checks the changed template files again, on the workspace
   * resolved before. Their variables come from the journeys, which did not
   * change, so the rest of the diagnostics and the fixtures still hold.
   */
  private async recheckTemplates(
    changes: readonly FileChange[],
  ): Promise<Checked> {
    const before = this.resolved;
    const files = await this.readTemplates(changes);
    if (before === undefined || files === undefined) return this.checkAll();

    const templates = new Map(before.workspace.templates);
    const changed = new Map<string, TemplateSet>();
    for (const file of files) {
      const { id, channel } = file;
      templates.set(id, { ...templates.get(id), id, [channel]: file });
      changed.set(id, { ...changed.get(id), id, [channel]: file });
    }
    const workspace = { ...before.workspace, templates };
    const paths = new Set(files.map((file) => file.file.path));
    const diagnostics = [
      ...before.diagnostics.filter(
        (diagnostic) => !paths.has(diagnostic.span?.file ?? ''),
      ),
      ...checkTemplates({ ...workspace, templates: changed }),
    ].sort(compareDiagnostics);
    const newerSources = new Map(before.newerSources);
    for (const file of files) newerSources.set(file.file.path, file.file);

    const resolved = { ...before, workspace, diagnostics, newerSources };
    const { checkedSources } = before;
    const sources: SourceLookup = (file) =>
      newerSources.get(file) ?? checkedSources(file);
    return { resolved, diagnostics, sources };
  }

  /** The changed template files, or undefined if one could not be read. */
  private async readTemplates(
    changes: readonly FileChange[],
  ): Promise<TemplateFile[] | undefined> {
    const files: TemplateFile[] = [];
    for (const change of changes) {
      const match = templatePath.exec(change.path);
      const absolute = path.join(this.root, ...change.path.split('/'));
      const read = await readTextFile(absolute, change.path, this.limits);
      if (match === null || read.file === undefined) return undefined;
      const channel = match[2] === 'mjml' ? 'email' : 'sms';
      files.push({ file: read.file, id: match[1] ?? '', channel });
    }
    return files;
  }
}

/**
 * Checking and compiling report the same findings of a template; compiling
 * may add some (MJML that does not render). Each is kept once.
 */
function mergeDiagnostics(
  checked: readonly Diagnostic[],
  compiled: readonly Diagnostic[],
): Diagnostic[] {
  const key = (diagnostic: Diagnostic): string =>
    [
      diagnostic.code,
      diagnostic.span?.file,
      diagnostic.span?.start.offset,
      diagnostic.span?.end.offset,
      diagnostic.message,
    ].join('\u0000');
  const seen = new Set(checked.map(key));
  const added = compiled.filter((diagnostic) => !seen.has(key(diagnostic)));
  return [...checked, ...added].sort(compareDiagnostics);
}
