import { isScalar, Scalar, type Node } from 'yaml';
import type { SourceFile } from '../diagnostics/source-file.js';
import type { EmbeddedText } from './embedded-text.js';

/**
 * The text of a scalar node as embedded text, so that positions inside a
 * condition map back to the YAML file. Plain and quoted scalars map
 * character for character when they hold no escapes or line folds; block
 * scalars map line by line; anything else maps to the scalar's start.
 */
export function scalarText(node: Node, file: SourceFile): EmbeddedText {
  const start = node.range?.[0] ?? 0;
  const end = node.range?.[1] ?? start;
  const raw = file.text.slice(start, end);
  const value = isScalar(node) ? node.value : undefined;
  const text = typeof value === 'string' ? value : raw;
  if (!isScalar(node) || typeof value !== 'string') {
    return { text, file, start };
  }
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE:
    case Scalar.QUOTE_SINGLE:
      return raw.slice(1, -1) === text
        ? { text, file, start: start + 1 }
        : {
            text,
            file,
            start: start + 1,
            offsets: constantOffsets(text, start + 1),
          };
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      return { text, file, start, offsets: blockOffsets(text, raw, start) };
    case Scalar.PLAIN:
    case undefined:
      break;
  }
  return raw === text
    ? { text, file, start }
    : { text, file, start, offsets: constantOffsets(text, start) };
}

/** Every character at one offset: used where escapes make mapping unsure. */
function constantOffsets(text: string, offset: number): number[] {
  return new Array<number>(text.length + 1).fill(offset);
}

/**
 * Maps each line of a block scalar's value to where that line's text stands
 * in the raw source (after the header line and the indentation).
 */
function blockOffsets(text: string, raw: string, start: number): number[] {
  const offsets: number[] = [];
  let searchFrom = raw.indexOf('\n') + 1;
  for (const line of text.split('\n')) {
    const found = line === '' ? -1 : raw.indexOf(line, searchFrom);
    const lineStart = found >= 0 ? found : searchFrom;
    for (let index = 0; index <= line.length; index++) {
      offsets.push(start + lineStart + index);
    }
    searchFrom = found >= 0 ? found + line.length : searchFrom;
  }
  return offsets.slice(0, text.length + 1);
}
