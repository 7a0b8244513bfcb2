import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { SourceFile, Span } from '../diagnostics/source-file.js';

/** A path into a document's value: mapping keys and sequence indexes. */
export type DocumentPath = readonly (string | number)[];

/** Which part of a mapping entry a location points at. */
export type LocatePart = 'key' | 'value';

/**
 * Maps a path to the span of its YAML node. For a path that does not exist,
 * returns the span of the deepest node that does, so a "missing key" points at
 * the mapping that lacks it.
 */
export type Locate = (path: DocumentPath, part?: LocatePart) => Span;

/** The node at a path, and the key node of its mapping entry if any. */
export interface FoundNode {
  readonly node: Node | null;
  readonly key: Node | null;
  /** How many path segments were found. */
  readonly depth: number;
}

/** Walks a path through the document's nodes as far as it exists. */
export function findNode(document: Document, path: DocumentPath): FoundNode {
  let node: Node | null = document.contents;
  let key: Node | null = null;
  let depth = 0;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (next === undefined) break;
    node = next.node;
    key = next.key;
    depth++;
  }
  return { node, key, depth };
}

function childOf(
  node: Node | null,
  segment: string | number,
): { node: Node | null; key: Node | null } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const keyValue = isScalar(keyNode) ? keyNode.value : keyNode;
      if (String(keyValue) === String(segment)) {
        return { node: pair.value as Node | null, key: keyNode };
      }
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | null | undefined;
    return item === undefined ? undefined : { node: item, key: null };
  }
  return undefined;
}

/** Builds the locate function of one document of a file. */
export function createLocate(document: Document, file: SourceFile): Locate {
  const documentRange = document.range ?? [0, 0, 0];
  return (path, part = 'value') => {
    const found = findNode(document, path);
    const complete = found.depth === path.length;
    const target =
      part === 'key' || !complete || found.node === null
        ? (found.key ?? found.node)
        : found.node;
    const range = target?.range ?? documentRange;
    return file.span(range[0], trimEnd(file.text, range[0], range[1]));
  };
}

/** Moves an end offset back over trailing white space and line breaks. */
function trimEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text[trimmed - 1] ?? '')) trimmed--;
  return trimmed;
}
