import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ts } from 'ts-morph';
import { checkWorkspace } from '../../src/checking/check-workspace.js';
import type {
  SendLine,
  TriggerOptions,
  TriggerResult,
} from '../../src/emit/typescript/runner/run-triggers.js';
import type { SubjectTemplates } from '../../src/emit/typescript/runner/subject-renderer.js';
import type { SendRecord } from '../../src/runtime/engine-types.js';
import type { Program } from '../../src/runtime/program.js';
import type { TimelineEntry } from '../../src/simulation/timeline.js';
import type { Workspace } from '../../src/workspace/workspace.js';

/** The repository's root, where the bundled workspace lives. */
export const repositoryRoot = path.join(import.meta.dirname, '..', '..');

/** What the tests use of an emitted main.js, program.js and subjects.js. */
export interface EmittedCode {
  readonly folder: string;
  readonly runTriggers: (
    options: TriggerOptions<Record<string, unknown>>,
  ) => TriggerResult;
  readonly program: Program;
  readonly subjects: SubjectTemplates;
}

/** A workspace that must check without errors. */
export async function checkedWorkspace(folder: string): Promise<Workspace> {
  const result = await checkWorkspace(folder);
  if (result.workspace === undefined) {
    const errors = result.diagnostics.filter(
      (diagnostic) => diagnostic.severity === 'error',
    );
    throw new Error(`${folder} does not check: ${JSON.stringify(errors)}`);
  }
  return result.workspace;
}

/**
 * Writes emitted files into a fresh temporary folder; returns it. The
 * folder's node_modules has the repository's Handlebars, the emitted
 * package's one dependency, as `npm install` would put it there: tsc
 * reads its types and node loads it from there.
 */
export async function writeEmitted(
  files: ReadonlyMap<string, string>,
): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'slinga-emit-'));
  for (const [name, text] of files) {
    const target = path.join(folder, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  await mkdir(path.join(folder, 'node_modules'));
  await symlink(
    path.join(repositoryRoot, 'node_modules', 'handlebars'),
    path.join(folder, 'node_modules', 'handlebars'),
    'dir',
  );
  return folder;
}

/**
 * Type-checks an emitted folder with its own tsconfig.json, as `tsc` would,
 * with the repository's @types/node. ts-morph's TypeScript ships without
 * its library files, so they come from the repository's typescript package.
 * Returns the diagnostics as text.
 */
export function compileErrors(folder: string): string[] {
  const configFile = path.join(folder, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, folder, {
    noEmit: true,
    typeRoots: [path.join(repositoryRoot, 'node_modules', '@types')],
  });
  const host = ts.createCompilerHost(parsed.options);
  const libraries = path.join(
    repositoryRoot,
    'node_modules',
    'typescript',
    'lib',
  );
  host.getDefaultLibLocation = () => libraries;
  host.getDefaultLibFileName = (options) =>
    path.join(libraries, ts.getDefaultLibFileName(options));
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host,
  });
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
  return diagnostics.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(
      diagnostic.messageText,
      '\n',
    );
    const file = diagnostic.file;
    if (file === undefined || diagnostic.start === undefined) return message;
    const { line, character } = file.getLineAndCharacterOfPosition(
      diagnostic.start,
    );
    const name = path.relative(folder, file.fileName);
    return `${name}(${line + 1},${character + 1}): ${message}`;
  });
}

/**
 * Transpiles emitted TypeScript to JavaScript, one file at a time as tsc
 * with isolatedModules would, into a fresh folder; returns the folder.
 */
export async function transpileEmitted(
  files: ReadonlyMap<string, string>,
): Promise<string> {
  const javascript = new Map<string, string>();
  for (const [name, text] of files) {
    if (!name.endsWith('.ts')) {
      javascript.set(name, text);
      continue;
    }
    const output = ts.transpileModule(text, {
      fileName: name,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2023,
        verbatimModuleSyntax: true,
      },
    });
    javascript.set(name.replace(/\.ts$/, '.js'), output.outputText);
  }
  return writeEmitted(javascript);
}

/** Transpiles emitted files and imports main.js, program.js and subjects.js. */
export async function loadEmitted(
  files: ReadonlyMap<string, string>,
): Promise<EmittedCode> {
  const folder = await transpileEmitted(files);
  const main = (await import(
    pathToFileURL(path.join(folder, 'main.js')).href
  )) as Pick<EmittedCode, 'runTriggers'>;
  const program = (await import(
    pathToFileURL(path.join(folder, 'program.js')).href
  )) as Pick<EmittedCode, 'program'>;
  const subjects = (await import(
    pathToFileURL(path.join(folder, 'subjects.js')).href
  )) as { subjectTemplates: SubjectTemplates };
  return {
    folder,
    runTriggers: main.runTriggers,
    program: program.program,
    subjects: subjects.subjectTemplates,
  };
}

/** A simulator send record as the emitted code writes it. */
export function sendLineOf(
  record: SendRecord,
  subject: string | null = null,
): SendLine {
  return {
    at: new Date(record.at).toISOString(),
    member: record.member,
    journey: record.journey,
    step: record.step,
    channel: record.channel,
    template: record.template,
    offer: record.offer,
    offerCode: record.offerCode,
    outcome: record.outcome,
    rule: record.rule,
    subject,
  };
}

/** The send decisions of a simulator timeline, as output lines. */
export function sendLines(timeline: readonly TimelineEntry[]): SendLine[] {
  return timeline.flatMap((entry) =>
    entry.kind === 'send' ? [sendLineOf(entry)] : [],
  );
}
