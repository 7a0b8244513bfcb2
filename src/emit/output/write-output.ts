import {
  mkdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
  readdir,
} from 'node:fs/promises';
import path from 'node:path';

/** The file that marks a folder as written by `slinga build`. */
export const buildMarker = '.slinga-build';

/** Why an output folder may not be written. */
export type OutputRefusal =
  | { readonly reason: 'inside-workspace-sources'; readonly folder: string }
  | { readonly reason: 'not-a-build'; readonly folder: string }
  | { readonly reason: 'not-a-folder'; readonly folder: string };

/**
 * Whether `out` may be replaced by a build of `workspace`: never the
 * workspace itself or its journeys/ and templates/ (or a folder holding
 * them), never a folder with content that an earlier build did not write,
 * and never a path that is, or lies under, a file.
 */
export async function checkOutputFolder(
  workspace: string,
  out: string,
): Promise<OutputRefusal | undefined> {
  const root = path.resolve(workspace);
  const target = path.resolve(out);
  for (const source of [
    root,
    path.join(root, 'journeys'),
    path.join(root, 'templates'),
  ]) {
    const relation = path.relative(target, source);
    const holdsSource = relation === '' || !relation.startsWith('..');
    const insideSource =
      !path.relative(source, target).startsWith('..') && source !== root;
    if (holdsSource || insideSource)
      return { reason: 'inside-workspace-sources', folder: target };
  }
  if (await underFile(target))
    return { reason: 'not-a-folder', folder: target };
  if (!(await exists(target))) return undefined;
  if (await exists(path.join(target, buildMarker))) return undefined;
  const entries = await readdir(target);
  return entries.length === 0
    ? undefined
    : { reason: 'not-a-build', folder: target };
}

/**
 * Replaces the output folder with exactly these files, atomically: they are
 * written to a sibling folder first, which then takes the old one's place.
 * A failure before that leaves the previous build as it was.
 */
export async function writeOutput(
  out: string,
  files: ReadonlyMap<string, string>,
): Promise<void> {
  const target = path.resolve(out);
  const staging = `${target}.staging-${process.pid}`;
  const retired = `${target}.retired-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    await writeFiles(staging, files);
    await writeFile(
      path.join(staging, buildMarker),
      'Written by slinga build; replaced by the next build.\n',
    );
    const hadPrevious = await exists(target);
    if (hadPrevious) await rename(target, retired);
    await rename(staging, target);
    if (hadPrevious) await rm(retired, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** How many files are written at a time: well below any open-file limit. */
const parallelWrites = 64;

/**
 * Writes files into a new folder: the folders first, then the files, many
 * at a time. Written one after the other, the few hundred files of a build
 * took longer than a whole rebuild may.
 */
async function writeFiles(
  folder: string,
  files: ReadonlyMap<string, string>,
): Promise<void> {
  const pending = [...files].map(
    ([relative, content]) => [path.join(folder, relative), content] as const,
  );
  const folders = new Set([
    folder,
    ...pending.map(([file]) => path.dirname(file)),
  ]);
  for (const parent of [...folders].sort())
    await mkdir(parent, { recursive: true });
  const writer = async (): Promise<void> => {
    for (let next = pending.pop(); next !== undefined; next = pending.pop())
      await writeFile(next[0], next[1]);
  };
  const writers = Math.min(parallelWrites, pending.length);
  await Promise.all(Array.from({ length: writers }, writer));
}

/** The text of a file of an earlier build, or undefined. */
export async function readPrevious(
  out: string,
  relative: string,
): Promise<string | undefined> {
  try {
    return await readFile(path.join(path.resolve(out), relative), 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether the path, or the nearest of its parents that exists, is a file. */
async function underFile(target: string): Promise<boolean> {
  for (let at = target; ; at = path.dirname(at)) {
    try {
      return !(await stat(at)).isDirectory();
    } catch {
      if (path.dirname(at) === at) return false;
    }
  }
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}
