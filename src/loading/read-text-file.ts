import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { report } from '../diagnostics/catalogue.js';
import { SourceFile } from '../diagnostics/source-file.js';
import type { LoadLimits } from './limits.js';
import { errorMessage } from '../support/error-message.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a workspace file as UTF-8 text, refusing files over the size limit
 * before reading them.
 */
export async function readTextFile(
  absolutePath: string,
  relativePath: string,
  limits: LoadLimits,
): Promise<{ file?: SourceFile; diagnostics: Diagnostic[] }> {
  const empty = new SourceFile(relativePath, '');
  const where = empty.span(0, 0);
  try {
    const { size } = await stat(absolutePath);
    if (size > limits.maxFileBytes) {
      const data = { size, limit: limits.maxFileBytes };
      return { diagnostics: [report('SL103', where, data)] };
    }
    const bytes = await readFile(absolutePath);
    const text = utf8.decode(bytes).replace(/^\uFEFF/, '');
    return { file: new SourceFile(relativePath, text), diagnostics: [] };
  } catch (error) {
    if (error instanceof TypeError) {
      return { diagnostics: [report('SL110', where)] };
    }
    const detail = errorMessage(error);
    return { diagnostics: [report('SL108', where, { detail })] };
  }
}
