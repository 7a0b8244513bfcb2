import type { Span } from '../diagnostics/source-file.js';
import { embeddedText } from '../loading/embedded-text.js';
import type { LoadedDocument } from '../loading/loaded-document.js';
import { scalarText } from '../loading/scalar-text.js';
import { findNode, type DocumentPath } from '../loading/yaml-locate.js';
import type { Condition } from '../workspace/condition.js';

/** Reads positions and conditions out of one schema-valid document. */
export class DocumentReader {
  constructor(readonly document: LoadedDocument) {}

  /** The span of the value at a path. */
  span(path: DocumentPath): Span {
    return this.document.locate(path, 'value');
  }

  /** The span of the key of the entry at a path. */
  keySpan(path: DocumentPath): Span {
    return this.document.locate(path, 'key');
  }

  /** The condition written at a path (a string, boolean or number scalar). */
  condition(path: DocumentPath): Condition {
    const { node } = findNode(this.document.yaml, path);
    const source =
      node === null
        ? embeddedText(this.document.file, '', this.document.span.start.offset)
        : scalarText(node, this.document.file);
    return { source, span: this.span(path) };
  }

  /** The condition at a path, when the key is there. */
  optionalCondition(path: DocumentPath, value: unknown): Condition | undefined {
    return value === undefined || value === null
      ? undefined
      : this.condition(path);
  }
}
