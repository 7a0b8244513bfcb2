import type { SourceFile, Span } from '../diagnostics/source-file.js';

/**
 * A piece of text that stands inside a workspace file, such as a condition in
 * a YAML scalar or an expression in a template, with the means to map its own
 * character offsets back to offsets in the file.
 */
export interface EmbeddedText {
  readonly text: string;
  readonly file: SourceFile;
  /**
   * File offset of each character of `text`, and one more for its end. When
   * absent, the text stands unchanged in the file from `start`.
   */
  readonly offsets?: readonly number[];
  /** File offset of the first character. */
  readonly start: number;
}

/** Text that stands contiguously in a file from `start`. */
export function embeddedText(
  file: SourceFile,
  text: string,
  start: number,
): EmbeddedText {
  return { text, file, start };
}

/** The file offset of a character offset within embedded text. */
export function fileOffset(source: EmbeddedText, offset: number): number {
  if (source.offsets === undefined) return source.start + offset;
  const clamped = Math.max(0, Math.min(offset, source.offsets.length - 1));
  return source.offsets[clamped] ?? source.start;
}

/** The file span of a range of character offsets within embedded text. */
export function embeddedSpan(
  source: EmbeddedText,
  start: number,
  end: number,
): Span {
  return source.file.span(fileOffset(source, start), fileOffset(source, end));
}
