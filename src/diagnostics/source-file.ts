/** A 1-based line and column, with the 0-based character offset it stands for. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A range of characters in one file of the workspace. */
export interface Span {
  /** Path relative to the workspace root, with forward slashes. */
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

/**
 * The text of one workspace file, with a line index so that offsets can be
 * turned into line and column cheaply.
 */
export class SourceFile {
  private readonly lineStarts: number[];

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lineStarts = [0];
    for (let index = 0; index < text.length; index++) {
      if (text.charCodeAt(index) === 10) this.lineStarts.push(index + 1);
    }
  }

  /** The position of a character offset, clamped to the file. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    const lineStart = this.lineStarts[low] ?? 0;
    return { line: low + 1, column: clamped - lineStart + 1, offset: clamped };
  }

  /** The span between two character offsets. */
  span(startOffset: number, endOffset: number): Span {
    return {
      file: this.path,
      start: this.positionAt(startOffset),
      end: this.positionAt(Math.max(startOffset, endOffset)),
    };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
