import { createHash } from 'node:crypto';
import { checkWorkspace } from '../checking/check-workspace.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceLookup } from '../diagnostics/formatters/format-human.js';
import { compileTemplates } from '../templates/index.js';
import type { TemplateSet } from '../workspace/workspace.js';
import { readPrevious } from './output/write-output.js';
import { emitTemplate } from './templates/emit-templates.js';
import { emitTypeScript } from './typescript/emit-typescript.js';

/** Where the build keeps what it needs to reuse work next time. */
export const cacheFile = '.slinga-cache.json';

/** What a build made, and how much of it came from the previous build. */
export interface BuildResult {
  /** The files of the build, by path relative to the output folder; empty on errors. */
  readonly files: ReadonlyMap<string, string>;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: SourceLookup;
  /** Template ids compiled this time, and those reused from the previous build. */
  readonly compiled: readonly string[];
  readonly reused: readonly string[];
}

interface CacheManifest {
  readonly version: 1;
  /** Hash of every YAML document: a change there recompiles everything. */
  readonly documents: string;
  /** Per template id: the hash of its files and the outputs it made. */
  readonly templates: Readonly<
    Record<string, { readonly key: string; readonly files: readonly string[] }>
  >;
}

/**
 * Checks a workspace and makes its build: templates (Handlebars sources,
 * metadata, previews) and the TypeScript trigger package under triggers/.
 * Templates whose files and the YAML are unchanged since the build in `out`
 * are taken from it instead of being compiled again.
 */
export async function buildWorkspace(
  dir: string,
  out: string,
): Promise<BuildResult> {
  const checked = await checkWorkspace(dir);
  const { workspace } = checked;
  const empty = { files: new Map<string, string>(), compiled: [], reused: [] };
  if (workspace === undefined || hasErrors(checked.diagnostics)) {
    return {
      ...empty,
      diagnostics: checked.diagnostics,
      sources: checked.sources,
    };
  }
  const documents = hashOf(
    checked.files
      .filter((file) => file.path.startsWith('journeys/'))
      .map((file) => `${file.path}\n${file.text}`),
  );
  const previous = await readManifest(out, documents);
  const files = new Map<string, string>();
  const compiled: string[] = [];
  const reused: string[] = [];
  const stale = new Map<string, TemplateSet>();
  const manifest: Record<string, { key: string; files: string[] }> = {};

  for (const [id, set] of workspace.templates) {
    const key = templateKey(set);
    const cached = previous?.templates[id];
    const outputs =
      cached?.key === key ? await readOutputs(out, cached.files) : undefined;
    if (outputs === undefined) {
      stale.set(id, set);
      continue;
    }
    for (const [path, content] of outputs) files.set(path, content);
    manifest[id] = { key, files: [...outputs.keys()] };
    reused.push(id);
  }

  const made = await compileTemplates({ ...workspace, templates: stale });
  for (const [id, template] of made.templates) {
    const set = stale.get(id);
    if (set === undefined) continue;
    const outputs = emitTemplate(template, set);
    for (const [path, content] of outputs) files.set(path, content);
    manifest[id] = { key: templateKey(set), files: [...outputs.keys()] };
    compiled.push(id);
  }
  if (hasErrors(made.diagnostics)) {
    return {
      ...empty,
      diagnostics: made.diagnostics,
      sources: checked.sources,
    };
  }

  for (const [path, content] of emitTypeScript(workspace))
    files.set(`triggers/${path}`, content);
  files.set(
    cacheFile,
    `${JSON.stringify(sortedManifest(documents, manifest), null, 2)}\n`,
  );
  return {
    files,
    diagnostics: checked.diagnostics,
    sources: checked.sources,
    compiled,
    reused,
  };
}

function templateKey(set: TemplateSet): string {
  return hashOf([set.email?.file.text ?? '', set.sms?.file.text ?? '']);
}

function hashOf(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

async function readManifest(
  out: string,
  documents: string,
): Promise<CacheManifest | undefined> {
  const text = await readPrevious(out, cacheFile);
  if (text === undefined) return undefined;
  try {
    const manifest = JSON.parse(text) as CacheManifest;
    return manifest.version === 1 && manifest.documents === documents
      ? manifest
      : undefined;
  } catch {
    return undefined;
  }
}

async function readOutputs(
  out: string,
  paths: readonly string[],
): Promise<Map<string, string> | undefined> {
  const outputs = new Map<string, string>();
  for (const path of paths) {
    const content = await readPrevious(out, path);
    if (content === undefined) return undefined;
    outputs.set(path, content);
  }
  return outputs;
}

function sortedManifest(
  documents: string,
  templates: Record<string, { key: string; files: string[] }>,
): CacheManifest {
  const ids = Object.keys(templates).sort();
  return {
    version: 1,
    documents,
    templates: Object.fromEntries(
      ids.map((id) => [id, templates[id] ?? { key: '', files: [] }]),
    ),
  };
}
