import type { Span } from '../diagnostics/source-file.js';
import type { Expression } from '../language/syntax-tree.js';
import type { Type } from '../language/types.js';
import type { EmbeddedText } from '../loading/embedded-text.js';

/**
 * A condition or expression written in a document, with its parsed syntax
 * tree once it parsed and type-checked without errors.
 */
export interface Condition {
  readonly source: EmbeddedText;
  readonly span: Span;
  /** Absent when the text did not parse or did not type-check. */
  expression?: Expression;
  /** The checked type, once known. */
  type?: Type;
}
