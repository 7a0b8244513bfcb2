import type { Span } from '../diagnostics/source-file.js';
import type { JsonPath } from './json-path.js';

/**
 * Finds where a value of a document stands in its file. The loader supplies
 * it, since only the loader keeps the YAML nodes. With `'key'` it gives the
 * span of the mapping key that leads to the path (for a list item, which has
 * no key, the item itself); with `'value'` the span of the value. Returns
 * undefined for a path that is not in the document.
 */
export type Locate = (
  path: JsonPath,
  part: 'key' | 'value',
) => Span | undefined;
