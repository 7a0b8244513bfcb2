import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';
import { fileHeader } from './generated-file.js';
import { compareText } from './ordering.js';

/*
 * The emitted code ships two folders of Slinga's own sources, read from
 * disk at emit time: runtime/ (src/runtime, the engine the simulator runs,
 * byte for byte) and runner/ (src/emit/typescript/runner, which reads input
 * and drives the engine). Both are compiled and tested where they live, so
 * the emitted copies need no template of their own.
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
 * src/emit/typescript/runner/*.ts as runner/*.ts, with a header and with
 * its imports of src/runtime pointed at the emitted runtime/.
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
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, false);
  let result = text;
  for (const statement of [...file.statements].reverse()) {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : undefined;
    if (specifier === undefined || !ts.isStringLiteral(specifier)) continue;
    const start = specifier.getStart(file);
    const quote = text.charAt(start);
    const shipped = shippedSpecifier(specifier.text, name);
    result = `${result.slice(0, start)}${quote}${shipped}${quote}${result.slice(specifier.end)}`;
  }
  return result;
}

/** Where an import of a runner file points in the emitted folder. */
function shippedSpecifier(specifier: string, file: string): string {
  const runtime = '../../../runtime/';
  if (specifier.startsWith(runtime)) {
    return `../runtime/${specifier.slice(runtime.length)}`;
  }
  if (specifier.startsWith('./') || specifier.startsWith('node:')) {
    return specifier;
  }
  throw new Error(
    `runner/${file} imports ${specifier}: only the runtime, node: and its own folder ship`,
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

/** The versions Slinga builds with, for the emitted package.json. */
export function toolVersions(root: string): {
  typescript: string;
  typesNode: string;
} {
  const manifest = JSON.parse(
    readFileSync(path.join(root, 'package.json'), 'utf8'),
  ) as { devDependencies?: Record<string, string> };
  const dependencies = manifest.devDependencies ?? {};
  return {
    typescript: dependencies['typescript'] ?? '*',
    typesNode: dependencies['@types/node'] ?? '*',
  };
}
