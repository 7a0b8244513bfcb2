import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { copyWorkspace, minimalWorkspace } from '../support/workspace-copy.js';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const run = promisify(execFile);

/** A temporary git repository with two commits of a workspace. */
export interface TwoVersions {
  readonly repository: string;
  readonly base: string;
  readonly head: string;
}

/** File changes: new contents by path; null deletes the file. */
export type FileChanges = Readonly<Record<string, string | null>>;

/**
 * Makes a git repository whose first commit is the minimal workspace (in
 * `folder` of the repository, default its root) and whose second commit
 * applies the changes; returns both commit ids.
 */
export async function twoVersions(
  changes: FileChanges,
  folder = '',
): Promise<TwoVersions> {
  const repository = await copyWorkspace(minimalWorkspace);
  if (folder !== '') {
    const files = await readdir(repository);
    await mkdir(path.join(repository, folder));
    for (const file of files)
      await rename(
        path.join(repository, file),
        path.join(repository, folder, file),
      );
  }
  await git(repository, 'init', '--quiet');
  const base = await commit(repository, 'base');
  await applyChanges(path.join(repository, folder), changes);
  const head = await commit(repository, 'head');
  return { repository, base, head };
}

/** Writes and deletes files in a folder. */
export async function applyChanges(
  folder: string,
  changes: FileChanges,
): Promise<void> {
  for (const [file, content] of Object.entries(changes)) {
    const target = path.join(folder, file);
    if (content === null) await rm(target, { force: true });
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  }
}

async function commit(repository: string, message: string): Promise<string> {
  await git(repository, 'add', '--all');
  await git(repository, 'commit', '--quiet', '--allow-empty', '-m', message);
  return (await git(repository, 'rev-parse', 'HEAD')).trim();
}

/** Runs git in a folder with a fixed identity, and returns its output. */
export async function git(folder: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    'git',
    [
      '-c',
      'user.name=Slinga Test',
      '-c',
      'user.email=test@example.com',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'init.defaultBranch=main',
      ...args,
    ],
    { cwd: folder },
  );
  return stdout;
}
