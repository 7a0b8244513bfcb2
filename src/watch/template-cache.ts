import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateFile } from '../loading/loaded-document.js';
import {
  compileTemplates,
  type CompiledEmail,
  type CompiledSms,
  type CompiledTemplate,
  type TemplateWorkspace,
} from '../templates/index.js';
import { templateFingerprint } from '../templates/template-fingerprint.js';
import { templateScope } from '../templates/template-scope.js';
import { templateSends } from '../templates/template-sends.js';
import type { TemplateSet } from '../workspace/workspace.js';

/** What compiling one template file gave. */
interface CompiledFile {
  /** Undefined when the file has errors. */
  readonly compiled: CompiledEmail | CompiledSms | undefined;
  /** What checking and compiling found in the file. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The compiled templates of a workspace, and what compiling found. */
export interface CompiledWorkspaceTemplates {
  /** By template id; a channel whose file has errors is left out. */
  readonly templates: Map<string, CompiledTemplate>;
  readonly diagnostics: Diagnostic[];
  /** Paths of the files compiled now rather than taken from the cache. */
  readonly compiled: string[];
}

/**
 * Compiled template files by fingerprint (see template-fingerprint.ts), so
 * that a rebuild compiles only the files that changed: MJML takes tens of
 * milliseconds a file, the whole bundled programme seconds. Entries unused
 * by the last two rebuilds are dropped, so undoing an edit is a hit too.
 */
export class TemplateCache {
  private current = new Map<string, CompiledFile>();
  private previous = new Map<string, CompiledFile>();

  /** Compiles every template file of the workspace, from the cache where it can. */
  async compile(
    workspace: TemplateWorkspace,
  ): Promise<CompiledWorkspaceTemplates> {
    const sends = templateSends(workspace);
    const used = new Map<string, CompiledFile>();
    const keyed = templateFiles(workspace).map((file) => ({
      file,
      key: templateFingerprint(
        file,
        templateScope(sends.get(file.id) ?? [], workspace),
        workspace,
      ),
    }));
    const missing = keyed.filter(({ key }) => this.find(key) === undefined);
    const fresh = await compileFiles(
      missing.map(({ file }) => file),
      workspace,
    );
    missing.forEach(({ key }, index) => {
      const compiled = fresh[index];
      if (compiled !== undefined) used.set(key, compiled);
    });

    const templates = new Map<string, CompiledTemplate>();
    const diagnostics: Diagnostic[] = [];
    for (const { file, key } of keyed) {
      const entry = used.get(key) ?? this.find(key);
      if (entry === undefined) continue;
      used.set(key, entry);
      diagnostics.push(...entry.diagnostics);
      if (entry.compiled === undefined) continue;
      const set = templates.get(file.id) ?? { id: file.id };
      templates.set(file.id, { ...set, [file.channel]: entry.compiled });
    }
    this.previous = this.current;
    this.current = used;
    const compiled = missing.map(({ file }) => file.file.path);
    return { templates, diagnostics, compiled };
  }

  private find(key: string): CompiledFile | undefined {
    return this.current.get(key) ?? this.previous.get(key);
  }
}

function templateFiles(workspace: TemplateWorkspace): TemplateFile[] {
  return [...workspace.templates.values()].flatMap((set) => [
    ...(set.email === undefined ? [] : [set.email]),
    ...(set.sms === undefined ? [] : [set.sms]),
  ]);
}

/** Compiles some template files in one pass; results in the same order. */
async function compileFiles(
  files: readonly TemplateFile[],
  workspace: TemplateWorkspace,
): Promise<CompiledFile[]> {
  if (files.length === 0) return [];
  const sets = new Map<string, TemplateSet>();
  for (const file of files) {
    const set = sets.get(file.id) ?? { id: file.id };
    sets.set(file.id, { ...set, [file.channel]: file });
  }
  const result = await compileTemplates({ ...workspace, templates: sets });
  return files.map((file) => ({
    compiled: result.templates.get(file.id)?.[file.channel],
    diagnostics: result.diagnostics.filter(
      (diagnostic) => diagnostic.span?.file === file.file.path,
    ),
  }));
}
