import {
  WorkspaceChecker,
  type CheckScope,
} from '../checking/workspace-checker.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceLookup } from '../diagnostics/formatters/format-human.js';
import { defaultLimits, type LoadLimits } from '../loading/limits.js';
import { useMjmlThread } from '../templates/mjml-library.js';
import { mergeDiagnostics } from '../templates/merge-diagnostics.js';
import type { Workspace } from '../workspace/workspace.js';
import { triggerPackageKey } from './build-keys.js';
import { startTemplates } from './build-templates.js';
import {
  manifestFile,
  manifestText,
  PreviousOutputs,
  type ManifestEntry,
} from './output/build-manifest.js';
import { emitTypeScript } from './typescript/emit-typescript.js';

/** What a build made, and how much of it came from the previous build. */
export interface BuildResult {
  /** The files of the build, by path relative to the output folder; empty on errors. */
  readonly files: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: SourceLookup;
  /** Template ids compiled this time, and those reused from the previous build. */
  readonly compiled: readonly string[];
  readonly reused: readonly string[];
  /** How much of the workspace was checked again (see WorkspaceChecker). */
  readonly checked: CheckScope;
  /** Whether the trigger package was emitted or taken from the last build. */
  readonly triggers: 'emitted' | 'reused' | 'none';
}

/** The last build of a session, kept to reuse what did not change. */
interface LastBuild {
  readonly files: ReadonlyMap<string, string>;
  readonly templates: ReadonlyMap<string, ManifestEntry>;
  readonly triggersKey: string;
}

/**
 * Builds a workspace into an output folder, again and again, as its files
 * change: what `slinga build` does once, and what a long-running tool (an
 * editor integration, a test suite building after each edit) does many
 * times. Each build gives the same files a build in a fresh process would;
 * it only does less work:
 *
 * - the check is incremental (WorkspaceChecker): with the YAML unchanged,
 *   only the template files whose text changed are checked again;
 * - a template id's outputs are reused when its key (templateSetKey: its
 *   files' text and everything they are checked against) is the same as in
 *   the last build of the session or, for the first build, in the build
 *   already in the output folder (its manifest, .slinga-cache.json);
 * - the trigger package is reused from the last build of the session when
 *   what it is made from (triggerPackageKey) did not change;
 * - MJML runs in a thread of its own (see mjml-thread.ts), held from the
 *   first build to close(): it loads while the YAML is checked and renders
 *   while the trigger package is emitted.
 *
 * The session never writes: writeOutput puts a build's files in place.
 */
export class BuildSession {
  private readonly checker: WorkspaceChecker;
  private last: LastBuild | undefined;
  /** Lets the MJML thread go; set while the session holds it. */
  private releaseMjml: (() => void) | undefined;

  constructor(
    root: string,
    private readonly out: string,
    limits: LoadLimits = defaultLimits,
  ) {
    this.checker = new WorkspaceChecker(root, limits);
  }

  /** Checks the workspace as its files are now and makes its build. */
  async build(): Promise<BuildResult> {
    // Started first, the MJML thread loads MJML while the YAML is checked.
    this.releaseMjml ??= useMjmlThread();
    const checked = await this.checker.check();
    const { workspace, sources } = checked;
    // A failed build keeps the last good one's outputs for the next build:
    // reuse goes by key, so they stay right whatever changed since.
    const failed = (diagnostics: readonly Diagnostic[]): BuildResult => ({
      files: new Map(),
      diagnostics,
      sources,
      compiled: [],
      reused: [],
      checked: checked.scope,
      triggers: 'none',
    });
    if (workspace === undefined || hasErrors(checked.diagnostics))
      return failed(checked.diagnostics);

    const previous =
      this.last === undefined
        ? await PreviousOutputs.fromFolder(this.out)
        : PreviousOutputs.inMemory(this.last.templates, this.last.files);
    const compiling = await startTemplates(workspace, previous);
    // While the MJML thread renders the emails, this one emits the triggers.
    const triggersKey = triggerPackageKey(workspace, checked.files);
    const reuseTriggers = this.last?.triggersKey === triggersKey;
    const triggers = reuseTriggers
      ? triggerFiles(this.last?.files ?? new Map())
      : emitTriggers(workspace);
    const templates = await compiling.finish();
    if (hasErrors(templates.diagnostics))
      return failed(
        mergeDiagnostics(checked.diagnostics, templates.diagnostics),
      );

    const files = new Map([...templates.files, ...triggers]);
    files.set(manifestFile, manifestText(templates.entries));
    this.last = { files, templates: templates.entries, triggersKey };
    return {
      files,
      diagnostics: checked.diagnostics,
      sources,
      compiled: templates.compiled,
      reused: templates.reused,
      checked: checked.scope,
      triggers: reuseTriggers ? 'reused' : 'emitted',
    };
  }

  /**
   * Lets the MJML thread go (it stops soon after unless another session
   * holds it). An unclosed session's idle thread does not keep the process
   * alive; a later build holds it again.
   */
  close(): void {
    this.releaseMjml?.();
    this.releaseMjml = undefined;
  }
}

const triggersFolder = 'triggers/';

function emitTriggers(workspace: Workspace): Map<string, string> {
  const files = new Map<string, string>();
  for (const [path, content] of emitTypeScript(workspace))
    files.set(`${triggersFolder}${path}`, content);
  return files;
}

function triggerFiles(files: ReadonlyMap<string, string>): Map<string, string> {
  return new Map(
    [...files].filter(([path]) => path.startsWith(triggersFolder)),
  );
}
