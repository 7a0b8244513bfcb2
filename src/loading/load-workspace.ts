import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/source-file.js';
import type { LoadedDocument, TemplateFile } from './loaded-document.js';
import { defaultLimits, type LoadLimits } from './limits.js';
import { parseYamlFile } from './parse-yaml-file.js';
import { readTextFile } from './read-text-file.js';

/** Everything read from a workspace folder, before any checking. */
export interface LoadedWorkspace {
  /** Absolute path of the workspace folder. */
  readonly root: string;
  readonly documents: readonly LoadedDocument[];
  readonly templates: readonly TemplateFile[];
  /** Every text file read, for code frames. */
  readonly files: readonly SourceFile[];
  readonly diagnostics: readonly Diagnostic[];
}

const templatePattern = /^([a-z][a-z0-9_]*)\.(mjml|sms\.hbs)$/;

/**
 * Reads every YAML document under journeys/ and lists the templates under
 * templates/, in a stable order (sorted by path).
 */
export async function loadWorkspace(
  root: string,
  limits: LoadLimits = defaultLimits,
): Promise<LoadedWorkspace> {
  const absoluteRoot = path.resolve(root);
  const diagnostics: Diagnostic[] = [];
  if (!(await isDirectory(absoluteRoot))) {
    diagnostics.push(report('SL100', undefined, { path: root }));
    return {
      root: absoluteRoot,
      documents: [],
      templates: [],
      files: [],
      diagnostics,
    };
  }

  const yamlPaths = await listFiles(absoluteRoot, 'journeys', /\.ya?ml$/);
  if (yamlPaths === undefined) diagnostics.push(report('SL109', undefined));
  const documents: LoadedDocument[] = [];
  const files: SourceFile[] = [];
  for (const relativePath of yamlPaths ?? []) {
    const absolutePath = path.join(absoluteRoot, relativePath);
    const read = await readTextFile(absolutePath, relativePath, limits);
    diagnostics.push(...read.diagnostics);
    if (read.file === undefined) continue;
    files.push(read.file);
    const parsed = parseYamlFile(read.file, limits);
    documents.push(...parsed.documents);
    diagnostics.push(...parsed.diagnostics);
  }

  const templates = await loadTemplates(absoluteRoot, limits, diagnostics);
  files.push(...templates.map((template) => template.file));
  return { root: absoluteRoot, documents, templates, files, diagnostics };
}

async function loadTemplates(
  root: string,
  limits: LoadLimits,
  diagnostics: Diagnostic[],
): Promise<TemplateFile[]> {
  const templates: TemplateFile[] = [];
  const paths = await listFiles(root, 'templates', /\.(mjml|hbs)$/);
  for (const relativePath of paths ?? []) {
    const match = templatePattern.exec(path.posix.basename(relativePath));
    if (match === null) continue;
    const absolutePath = path.join(root, relativePath);
    const read = await readTextFile(absolutePath, relativePath, limits);
    diagnostics.push(...read.diagnostics);
    if (read.file === undefined) continue;
    const channel = match[2] === 'mjml' ? 'email' : 'sms';
    templates.push({ file: read.file, id: match[1] ?? '', channel });
  }
  return templates;
}

/**
 * Relative paths (with forward slashes) of the files under a folder of the
 * workspace whose names match, sorted; undefined when the folder is missing.
 */
async function listFiles(
  root: string,
  folder: string,
  pattern: RegExp,
): Promise<string[] | undefined> {
  if (!(await isDirectory(path.join(root, folder)))) return undefined;
  const entries = await readdir(path.join(root, folder), {
    recursive: true,
    withFileTypes: true,
  });
  return entries
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) =>
      path
        .relative(root, path.join(entry.parentPath, entry.name))
        .split(path.sep)
        .join('/'),
    )
    .sort();
}

async function isDirectory(folder: string): Promise<boolean> {
  try {
    return (await stat(folder)).isDirectory();
  } catch {
    return false;
  }
}
