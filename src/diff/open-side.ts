import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGit } from './git.js';

/** One side of a diff as given: a git revision or a folder. */
export interface SideSource {
  readonly kind: 'revision' | 'folder';
  /** As the user wrote it: `origin/main`, `.`. */
  readonly label: string;
  /** The commit a revision names; null for a folder. */
  readonly commit: string | null;
}

/** A side opened as a folder on disk, to be closed when done. */
export interface OpenSide {
  readonly source: SideSource;
  /** The workspace folder. */
  readonly root: string;
  /** Removes the temporary copy of a revision; nothing for a folder. */
  close(): Promise<void>;
}

/**
 * Opens a side: an existing folder as it is, anything else as a git
 * revision of the repository `repository` is in, copied to a temporary
 * folder. Within a revision, the workspace is at the path `repository`
 * has in its repository. The user's working tree and index are not
 * touched: the copy goes through an index file of its own.
 */
export async function openSide(
  spec: string,
  repository: string,
): Promise<OpenSide | { readonly problem: string }> {
  if (await isFolder(spec)) {
    const source: SideSource = { kind: 'folder', label: spec, commit: null };
    return { source, root: spec, close: () => Promise.resolve() };
  }
  const commit = await runGit(repository, [
    'rev-parse',
    '--verify',
    '--quiet',
    '--end-of-options',
    `${spec}^{commit}`,
  ]);
  if (!commit.ok)
    return {
      problem:
        `"${spec}" is neither a folder nor a git revision of the ` +
        `repository at ${path.resolve(repository)}.`,
    };
  const sha = commit.stdout.trim();
  return materialise(
    { kind: 'revision', label: spec, commit: sha },
    repository,
  );
}

async function materialise(
  source: SideSource,
  repository: string,
): Promise<OpenSide | { readonly problem: string }> {
  const paths = await runGit(repository, [
    'rev-parse',
    '--show-toplevel',
    '--show-prefix',
  ]);
  if (!paths.ok) return { problem: paths.message };
  // Run from the top: checkout-index run in a subfolder only writes the
  // files under that subfolder.
  const [top = repository, prefix = ''] = paths.stdout.split('\n');
  const folder = prefix.trim().replace(/\/$/, '');
  const tree =
    folder === '' ? `${source.commit}^{tree}` : `${source.commit}:${folder}`;

  const temporary = await mkdtemp(path.join(tmpdir(), 'slinga-diff-'));
  const close = () => rm(temporary, { recursive: true, force: true });
  const root = path.join(temporary, 'workspace');
  const index = { GIT_INDEX_FILE: path.join(temporary, 'index') };
  const read = await runGit(top, ['read-tree', tree], index);
  const checkout = read.ok
    ? await runGit(
        top,
        ['checkout-index', '--all', '--force', `--prefix=${root}${path.sep}`],
        index,
      )
    : read;
  if (!checkout.ok) {
    await close();
    const where = folder === '' ? '' : ` has no folder ${folder} or`;
    return {
      problem: `revision "${source.label}"${where} could not be read: ${checkout.message}`,
    };
  }
  await rm(index.GIT_INDEX_FILE, { force: true });
  return { source, root, close };
}

async function isFolder(spec: string): Promise<boolean> {
  try {
    return (await stat(spec)).isDirectory();
  } catch {
    return false;
  }
}
