import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { report } from '../diagnostics/catalogue.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/source-file.js';
import type { LoadedDocument, TemplateFile } from './loaded-document.js';
import { defaultLimits, type LoadLimits } from './limits.js';
import { parseYamlFile } from './parse-yaml-file.js';
import type { ParsedFiles } from './parsed-files.js';
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
 * templates/, in a stable order (sorted by path). With `parsed`, files
 * whose text is as in the last load with it are not parsed again.
 */
export async function loadWorkspace(
  root: string,
  limits: LoadLimits = defaultLimits,
  parsed?: ParsedFiles,
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

  const listed = await listWorkspaceFiles(absoluteRoot);
  if (listed.yaml === undefined) diagnostics.push(report('SL109', undefined));
  const documents: LoadedDocument[] = [];
  const files: SourceFile[] = [];
  for (const relativePath of listed.yaml ?? []) {
    const absolutePath = path.join(absoluteRoot, relativePath);
    const read = await readTextFile(absolutePath, relativePath, limits);
    diagnostics.push(...read.diagnostics);
    if (read.file === undefined) continue;
    const yaml = parsed?.yamlFile(read.file) ?? {
      file: read.file,
      parsed: parseYamlFile(read.file, limits),
    };
    files.push(yaml.file);
    documents.push(...yaml.parsed.documents);
    diagnostics.push(...yaml.parsed.diagnostics);
  }

  const templates: TemplateFile[] = [];
  for (const listedTemplate of listed.templates) {
    const read = await readTemplateFile(absoluteRoot, listedTemplate, limits);
    diagnostics.push(...read.diagnostics);
    if (read.template === undefined) continue;
    templates.push(parsed?.templateFile(read.template) ?? read.template);
  }
  parsed?.loaded();
  files.push(...templates.map((template) => template.file));
  return { root: absoluteRoot, documents, templates, files, diagnostics };
}

/** A template file found under templates/, not read yet. */
export interface ListedTemplate {
  /** Path relative to the workspace root, with forward slashes. */
  readonly path: string;
  readonly id: string;
  readonly channel: 'email' | 'sms';
}

/** The files a workspace is loaded from, not read yet. */
export interface WorkspaceFiles {
  /** The YAML files under journeys/, sorted; undefined without journeys/. */
  readonly yaml: readonly string[] | undefined;
  /** The template files under templates/, sorted by path. */
  readonly templates: readonly ListedTemplate[];
}

/**
 * The files loadWorkspace reads, in the order it reads them. Whoever needs
 * to know whether a workspace changed lists it with this, so that it looks
 * at exactly the files a load would.
 */
export async function listWorkspaceFiles(
  root: string,
): Promise<WorkspaceFiles> {
  const absoluteRoot = path.resolve(root);
  const yaml = await listFiles(absoluteRoot, 'journeys', /\.ya?ml$/);
  const templates: ListedTemplate[] = [];
  const paths = await listFiles(absoluteRoot, 'templates', /\.(mjml|hbs)$/);
  for (const relativePath of paths ?? []) {
    const match = templatePattern.exec(path.posix.basename(relativePath));
    if (match === null) continue;
    const channel = match[2] === 'mjml' ? 'email' : 'sms';
    templates.push({ path: relativePath, id: match[1] ?? '', channel });
  }
  return { yaml, templates };
}

/** Reads one listed template file. */
export async function readTemplateFile(
  root: string,
  listed: ListedTemplate,
  limits: LoadLimits,
): Promise<{ template?: TemplateFile; diagnostics: Diagnostic[] }> {
  const absolutePath = path.join(path.resolve(root), listed.path);
  const read = await readTextFile(absolutePath, listed.path, limits);
  if (read.file === undefined) return { diagnostics: read.diagnostics };
  const { id, channel } = listed;
  return {
    template: { file: read.file, id, channel },
    diagnostics: read.diagnostics,
  };
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
