import { cp, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The folder of the small, valid workspace the tests start from. */
export const minimalWorkspace = path.join(
  import.meta.dirname,
  '..',
  'fixtures',
  'minimal',
);

/**
 * Copies a workspace into a fresh temporary folder, applies file changes
 * (a null content deletes the file) and returns the folder.
 */
export async function copyWorkspace(
  source: string,
  changes: Readonly<Record<string, string | Uint8Array | null>> = {},
): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'slinga-'));
  await cp(source, folder, { recursive: true });
  for (const [file, content] of Object.entries(changes)) {
    const target = path.join(folder, file);
    if (content === null) {
      await rm(target, { force: true });
    } else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  }
  return folder;
}
