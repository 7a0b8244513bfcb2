import path from 'node:path';
import {
  compareDiagnostics,
  hasErrors,
  type Diagnostic,
} from '../diagnostics/diagnostic.js';
import type { SourceLookup } from '../diagnostics/formatters/format-human.js';
import type { SourceFile } from '../diagnostics/source-file.js';
import { defaultLimits, type LoadLimits } from '../loading/limits.js';
import { listWorkspaceFiles } from '../loading/load-workspace.js';
import { ParsedFiles } from '../loading/parsed-files.js';
import type { TemplateFile } from '../loading/loaded-document.js';
import { readTextFiles } from '../loading/read-text-files.js';
import { checkTemplates } from '../templates/index.js';
import type { TemplateSet, Workspace } from '../workspace/workspace.js';
import { checkWorkspace, type CheckResult } from './check-workspace.js';

/** How much of a workspace a check did again. */
export type CheckScope =
  /** Everything: the first check, or one after a YAML file changed. */
  | 'full'
  /** Only the template files whose text changed. */
  | 'templates'
  /** Nothing: no file changed. */
  | 'unchanged';

/** What a check found, as checkWorkspace finds it, and how it got there. */
export interface IncrementalCheck extends CheckResult {
  readonly scope: CheckScope;
  /**
   * The workspace as resolved, also while templates have errors: defined
   * when the last full check found no errors and only templates changed
   * since. CheckResult's `workspace` is defined only without any errors.
   */
  readonly resolved: Workspace | undefined;
  /** The template files checked again (scope `templates`), by path. */
  readonly rechecked: readonly string[];
}

/**
 * Checks a workspace again and again, doing again only what its files'
 * changes require. Files are compared by their text, never by times: every
 * check reads every file. When the YAML files and the list of template files
 * are as the last check read them, only the template files whose text
 * changed are checked again, on the workspace resolved before. A template
 * is checked against the journeys, parameters and model, which did not
 * change, and nothing else in the workspace depends on a template's text,
 * only on its existence; so the result is the one a full check would give.
 * Anything else checks the whole workspace, parsing again only the files
 * whose text changed (see ParsedFiles).
 */
export class WorkspaceChecker {
  private readonly root: string;
  private last: IncrementalCheck | undefined;
  /** A full check parses again only the files that changed. */
  private readonly parsed: ParsedFiles;

  constructor(
    root: string,
    private readonly limits: LoadLimits = defaultLimits,
  ) {
    this.root = path.resolve(root);
    this.parsed = new ParsedFiles(limits);
  }

  /** Checks the workspace as its files are now. */
  async check(): Promise<IncrementalCheck> {
    const last = this.last;
    const changed =
      last?.resolved === undefined
        ? undefined
        : await this.changedTemplates(last);
    let result: IncrementalCheck;
    if (last === undefined || changed === undefined) {
      result = await this.checkAll();
    } else if (changed.length === 0) {
      result = { ...last, scope: 'unchanged', rechecked: [] };
    } else {
      result = recheckTemplates(last, changed);
    }
    this.last = result;
    return result;
  }

  private async checkAll(): Promise<IncrementalCheck> {
    const checked = await checkWorkspace(this.root, this.limits, this.parsed);
    return {
      ...checked,
      scope: 'full',
      resolved: checked.workspace,
      rechecked: [],
    };
  }

  /**
   * The template files whose text differs from the last check's, or
   * undefined when anything else differs: a YAML file, the list of files,
   * a file that cannot be read now.
   */
  private async changedTemplates(
    last: IncrementalCheck,
  ): Promise<TemplateFile[] | undefined> {
    const listed = await listWorkspaceFiles(this.root);
    const before = new Map(last.files.map((file) => [file.path, file]));
    const yaml = listed.yaml ?? [];
    const paths = [...yaml, ...listed.templates.map((file) => file.path)];
    if (paths.length !== before.size) return undefined;
    if (!paths.every((file) => before.has(file))) return undefined;

    const read = await readTextFiles(this.root, paths, this.limits);
    const texts = read.map((result) => result.file);
    for (const [index, file] of yaml.entries()) {
      if (texts[index]?.text !== before.get(file)?.text) return undefined;
    }
    const changed: TemplateFile[] = [];
    for (const [index, listedTemplate] of listed.templates.entries()) {
      const file = texts[yaml.length + index];
      if (file === undefined) return undefined;
      if (file.text === before.get(file.path)?.text) continue;
      // Of two files with the same name in different folders, the template
      // id uses one; only a full check sorts out the other.
      const { id, channel } = listedTemplate;
      const set = last.resolved?.templates.get(id);
      if (set?.[channel]?.file.path !== file.path) return undefined;
      changed.push({ file, id, channel });
    }
    return changed;
  }
}

/**
 * The last check with some template files read again: their diagnostics
 * replaced by a new check of them, everything else kept.
 */
function recheckTemplates(
  last: IncrementalCheck,
  files: readonly TemplateFile[],
): IncrementalCheck {
  const resolved = last.resolved;
  if (resolved === undefined) throw new Error('no resolved workspace');
  const templates = new Map(resolved.templates);
  const changed = new Map<string, TemplateSet>();
  for (const file of files) {
    const { id, channel } = file;
    templates.set(id, { ...templates.get(id), id, [channel]: file });
    changed.set(id, { ...changed.get(id), id, [channel]: file });
  }
  const workspace: Workspace = { ...resolved, templates };
  const paths = new Set(files.map((file) => file.file.path));
  const diagnostics: Diagnostic[] = [
    ...last.diagnostics.filter(
      (diagnostic) => !paths.has(diagnostic.span?.file ?? ''),
    ),
    ...checkTemplates({ ...workspace, templates: changed }),
  ].sort(compareDiagnostics);

  const replaced = new Map(files.map((file) => [file.file.path, file.file]));
  const sourceFiles = last.files.map((file) => replaced.get(file.path) ?? file);
  return {
    workspace: hasErrors(diagnostics) ? undefined : workspace,
    diagnostics,
    sources: lookup(sourceFiles),
    files: sourceFiles,
    scope: 'templates',
    resolved: workspace,
    rechecked: [...paths].sort(),
  };
}

function lookup(files: readonly SourceFile[]): SourceLookup {
  const byPath = new Map(files.map((file) => [file.path, file]));
  return (file) => byPath.get(file);
}
