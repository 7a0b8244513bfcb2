import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';
import { fileHeader } from './generated-file.js';
import { compareText } from './ordering.js';

/*
 * The emitted code ships three folders of Slinga's own sources, read from
 * disk at emit time: runtime/ (src/runtime, the engine the simulator runs,
 * byte for byte), templates/ (the helpers and value formatting of
 * src/templates that subject lines render with, byte for byte) and runner/
 * (src/emit/typescript/runner, which reads input, drives the engine and
 * renders subjects). All are
 * compiled and tested where they live, so the emitted copies need no
 * template of their own.
 */

/** A file of Slinga's sources, by its path in the emitted folder. */
export type CopiedFiles = Map<string, string>;

/** The folder of Slinga's package: the one with its package.json. */
export function packageRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest) && existsSync(path.join(folder, 'src', 'runtime')))
      return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('cannot find the Slinga package');
    folder = parent;
  }
}

/** src/runtime/*.ts as runtime/*.ts, unchanged. */
export function copyRuntime(root: string): CopiedFiles {
  const folder = path.join(root, 'src', 'runtime');
  return new Map(
    sourceNames(folder).map((name) => [
      `runtime/${name}`,
      readFileSync(path.join(folder, name), 'utf8'),
    ]),
  );
}

/**
 * The files of src/templates the runner renders subjects with. Each may
 * import only src/runtime, the other files of this list and Handlebars,
 * which ship beside it; the emitter refuses a copy that imports anything
 * else.
 */
const sharedTemplateFiles: readonly string[] = [
  'format-values.ts',
  'template-helpers.ts',
];

/** The shared files of src/templates as templates/*.ts, unchanged. */
export function copyTemplateFiles(root: string): CopiedFiles {
  const folder = path.join(root, 'src', 'templates');
  return new Map(
    sharedTemplateFiles.map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      for (const specifier of moduleSpecifiers(text, name)) {
        if (!shipsBesideTemplates(specifier)) {
          throw new Error(
            `src/templates/${name} imports ${specifier}, which does not ship beside it`,
          );
        }
      }
      return [`templates/${name}`, text];
    }),
  );
}

/** Whether a shared templates file may import a module in the emitted code. */
function shipsBesideTemplates(specifier: string): boolean {
  if (specifier === 'handlebars' || specifier.startsWith('../runtime/'))
    return true;
  const sibling = specifier.replace(/^\.\//, '').replace(/\.js$/, '.ts');
  return specifier.startsWith('./') && sharedTemplateFiles.includes(sibling);
}

/**
 * src/emit/typescript/runner/*.ts as runner/*.ts, with a header and with
 * its imports of src/runtime and src/templates pointed at the emitted
 * runtime/ and templates/.
 */
export function copyRunner(root: string): CopiedFiles {
  const folder = path.join(root, 'src', 'emit', 'typescript', 'runner');
  return new Map(
    sourceNames(folder).map((name) => {
      const text = readFileSync(path.join(folder, name), 'utf8');
      const header = fileHeader(
        `Slinga's trigger runner, copied from src/emit/typescript/runner/${name}.`,
        [],
      );
      return [`runner/${name}`, `${header}\n${repointImports(text, name)}`];
    }),
  );
}

/**
 * The text with the module specifier of every import and export replaced
 * by its shipped form, at the places the syntax tree shows.
 */
function repointImports(text: string, name: string): string {
  let result = text;
  for (const specifier of [...moduleLiterals(text, name)].reverse()) {
    const quote = text.charAt(specifier.start);
    const shipped = shippedSpecifier(specifier.text, name);
    const before = result.slice(0, specifier.start);
    const after = result.slice(specifier.end);
    result = `${before}${quote}${shipped}${quote}${after}`;
  }
  return result;
}

/** The module specifier of every import and export of a file, in order. */
function moduleLiterals(
  text: string,
  name: string,
): { text: string; start: number; end: number }[] {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, false);
  return file.statements.flatMap((statement) => {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : undefined;
    return specifier !== undefined && ts.isStringLiteral(specifier)
      ? [
          {
            text: specifier.text,
            start: specifier.getStart(file),
            end: specifier.end,
          },
        ]
      : [];
  });
}

/** The module specifiers of a file's imports and exports. */
function moduleSpecifiers(text: string, name: string): string[] {
  return moduleLiterals(text, name).map((specifier) => specifier.text);
}

/**
 * Where an import of a runner file points in the emitted folder. Besides
 * its own folder and node:, a runner file may import the runtime, the
 * shared files of src/templates, and Handlebars, the one dependency of the
 * emitted package.
 */
function shippedSpecifier(specifier: string, file: string): string {
  const runtime = '../../../runtime/';
  const templates = '../../../templates/';
  if (specifier.startsWith(runtime)) {
    return `../runtime/${specifier.slice(runtime.length)}`;
  }
  const shared = specifier.slice(templates.length).replace(/\.js$/, '.ts');
  if (specifier.startsWith(templates) && sharedTemplateFiles.includes(shared)) {
    return `../templates/${specifier.slice(templates.length)}`;
  }
  if (
    specifier.startsWith('./') ||
    specifier.startsWith('node:') ||
    specifier === 'handlebars'
  ) {
    return specifier;
  }
  throw new Error(
    `runner/${file} imports ${specifier}: only the runtime, the shared ` +
      'templates files, node:, handlebars and its own folder ship',
  );
}

/** The TypeScript sources of a folder (not tests or declarations), sorted. */
function sourceNames(folder: string): string[] {
  return readdirSync(folder)
    .filter(
      (name) =>
        name.endsWith('.ts') &&
        !name.endsWith('.d.ts') &&
        !name.endsWith('.test.ts'),
    )
    .sort(compareText);
}

/** The versions Slinga builds and renders with, for the emitted package.json. */
export interface ToolVersions {
  readonly typescript: string;
  readonly typesNode: string;
  /** The Handlebars that renders subjects: the one Slinga renders with. */
  readonly handlebars: string;
}

/** The versions of Slinga's package.json. */
export function toolVersions(root: string): ToolVersions {
  const manifest = JSON.parse(
    readFileSync(path.join(root, 'package.json'), 'utf8'),
  ) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const tools = manifest.devDependencies ?? {};
  return {
    typescript: tools['typescript'] ?? '*',
    typesNode: tools['@types/node'] ?? '*',
    handlebars: manifest.dependencies?.['handlebars'] ?? '*',
  };
}
