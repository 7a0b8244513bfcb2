import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { FileChange } from './build.js';

/** The folders of a workspace that the preview watches. */
export const watchedFolders: readonly string[] = ['journeys', 'templates'];

const workspaceFile = /\.(ya?ml|mjml|hbs)$/;

/** A running watch of a workspace's files. */
export interface FileWatcher {
  close(): Promise<void>;
}

/**
 * Watches journeys/ and templates/ of a workspace (only those: the bundled
 * workspace is the repository, with node_modules beside them) and reports
 * every added, changed or removed YAML or template file. Resolves once the
 * first scan is done, so that edits made after it are seen.
 */
export async function watchWorkspace(
  root: string,
  onChange: (change: FileChange) => void,
  onError: (error: Error) => void,
): Promise<FileWatcher> {
  const folders = watchedFolders.map((folder) => path.join(root, folder));
  const watcher: FSWatcher = watch(folders, {
    ignoreInitial: true,
    // Skip other files (editor swap files, notes); folders must pass.
    ignored: (file, stats) =>
      stats?.isFile() === true && !workspaceFile.test(file),
  });
  watcher.on('all', (event, file) => {
    const kind =
      event === 'add' || event === 'change' || event === 'unlink'
        ? event
        : undefined;
    if (kind === undefined || !workspaceFile.test(file)) return;
    const relative = path.relative(root, file).split(path.sep).join('/');
    onChange({ kind, path: relative });
  });
  watcher.on('error', (error) =>
    onError(error instanceof Error ? error : new Error(String(error))),
  );
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  return { close: () => watcher.close() };
}
