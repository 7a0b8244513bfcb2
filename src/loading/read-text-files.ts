import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../diagnostics/source-file.js';
import type { LoadLimits } from './limits.js';
import { readTextFile } from './read-text-file.js';

/** How many files are read at a time: well below any open-file limit. */
const parallelReads = 32;

/**
 * Reads many workspace files as readTextFile does, several at a time:
 * one after the other, the waits for the disk add up. Results come in the
 * order of the paths.
 */
export async function readTextFiles(
  root: string,
  relativePaths: readonly string[],
  limits: LoadLimits,
): Promise<{ file?: SourceFile; diagnostics: Diagnostic[] }[]> {
  const results: { file?: SourceFile; diagnostics: Diagnostic[] }[] = [];
  let next = 0;
  const reader = async (): Promise<void> => {
    for (let index = next++; index < relativePaths.length; index = next++) {
      const relative = relativePaths[index] ?? '';
      const absolute = path.join(root, ...relative.split('/'));
      results[index] = await readTextFile(absolute, relative, limits);
    }
  };
  const readers = Math.min(parallelReads, relativePaths.length);
  await Promise.all(Array.from({ length: readers }, reader));
  return results;
}
