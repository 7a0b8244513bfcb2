import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compileTemplates } from '../templates/index.js';
import type { TemplateSet, Workspace } from '../workspace/workspace.js';
import { templateSetKeys } from './build-keys.js';
import type {
  ManifestEntry,
  PreviousOutputs,
} from './output/build-manifest.js';
import { emitTemplate } from './templates/emit-templates.js';

/** The template outputs of a build, and where each came from. */
export interface BuiltTemplates {
  readonly files: Map<string, string>;
  readonly entries: Map<string, ManifestEntry>;
  readonly compiled: string[];
  readonly reused: string[];
  /** What compiling the templates that changed found. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Starts making the outputs of every template id: taken from the previous
 * build where its key is the same, compiled otherwise. The compiling runs
 * on (see compileTemplates: the MJML of every email starts at once) until
 * `finish` waits for it.
 */
export async function startTemplates(
  workspace: Workspace,
  previous: PreviousOutputs,
): Promise<{ finish(): Promise<BuiltTemplates> }> {
  const built: BuiltTemplates = {
    files: new Map(),
    entries: new Map(),
    compiled: [],
    reused: [],
    diagnostics: [],
  };
  const keys = templateSetKeys(workspace);
  const stale = new Map<string, TemplateSet>();
  for (const [id, set] of workspace.templates) {
    const key = keys.get(id) ?? '';
    const outputs = await previous.outputs(id, key);
    if (outputs === undefined) {
      stale.set(id, set);
      continue;
    }
    for (const [path, content] of outputs) built.files.set(path, content);
    built.entries.set(id, { key, files: [...outputs.keys()] });
    built.reused.push(id);
  }

  const making = compileTemplates({ ...workspace, templates: stale });
  const finish = async (): Promise<BuiltTemplates> => {
    const made = await making;
    for (const [id, template] of made.templates) {
      const set = stale.get(id);
      if (set === undefined) continue;
      const outputs = emitTemplate(template, set);
      for (const [path, content] of outputs) built.files.set(path, content);
      const key = keys.get(id) ?? '';
      built.entries.set(id, { key, files: [...outputs.keys()] });
      built.compiled.push(id);
    }
    return { ...built, diagnostics: made.diagnostics };
  };
  return { finish };
}
