import type { Document } from 'yaml';
import type { SourceFile, Span } from '../diagnostics/source-file.js';
import type { Locate } from './yaml-locate.js';

/** One YAML document of the workspace, parsed, with its source positions. */
export interface LoadedDocument {
  readonly file: SourceFile;
  /** The value of `kind:`, as written. */
  readonly kind: string;
  /** The value of `id:` when it is a string. */
  readonly id: string | undefined;
  /** The document as plain data. */
  readonly value: Readonly<Record<string, unknown>>;
  readonly yaml: Document;
  readonly locate: Locate;
  /** The span of the whole document. */
  readonly span: Span;
}

/** A template file under templates/. */
export interface TemplateFile {
  readonly file: SourceFile;
  /** The template id: the file name without its extensions. */
  readonly id: string;
  readonly channel: 'email' | 'sms';
}
