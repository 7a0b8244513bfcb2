import { isMap, isScalar, parseDocument, type Node } from 'yaml';

import { SourceFile } from '../../src/diagnostics/source-file.js';
import type { JsonPath } from '../../src/schema/json-path.js';
import type { Locate } from '../../src/schema/locate.js';

/** A YAML text parsed for a test, with a `Locate` over its nodes. */
export interface ParsedYaml {
  readonly value: unknown;
  readonly locate: Locate;
}

/**
 * Parses one YAML document and locates paths in it, as the loader does: a
 * small stand-in so that schema tests need not load a workspace.
 */
export function parseYaml(text: string, path = 'test.yaml'): ParsedYaml {
  const file = new SourceFile(path, text);
  const document = parseDocument(text);
  const spanOf = (node: Node | undefined) => {
    const range = node?.range;
    return range ? file.span(range[0], range[1]) : undefined;
  };

  const locate: Locate = (at, part) => {
    const last = at.at(-1);
    if (part === 'value' || typeof last !== 'string') {
      return spanOf(nodeAt(document, at));
    }
    const parent = nodeAt(document, at.slice(0, -1));
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find(
      (item) => isScalar(item.key) && item.key.value === last,
    );
    return isScalar(pair?.key) ? spanOf(pair.key) : undefined;
  };

  return { value: document.toJS() as unknown, locate };
}

function nodeAt(
  document: ReturnType<typeof parseDocument>,
  path: JsonPath,
): Node | undefined {
  const node: unknown =
    path.length === 0 ? document.contents : document.getIn(path, true);
  return typeof node === 'object' && node !== null ? (node as Node) : undefined;
}
