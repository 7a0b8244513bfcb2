import type { SourceLookup } from '../diagnostics/formatters/format-human.js';
import type { Span } from '../diagnostics/source-file.js';

/** Which side of a diff a location is on. */
export type Side = 'base' | 'head';

/** A line of a workspace file on one side of a diff. */
export interface Location {
  readonly side: Side;
  /** Path relative to the workspace root, with forward slashes. */
  readonly file: string;
  readonly line: number;
}

/** Turns spans of one side's workspace into locations. */
export interface Locator {
  /** The first line of a span. */
  at(span: Span): Location;
  /**
   * The line where `key:` is written inside a document's span, or the
   * span's first line when the key is not written (it has its default).
   */
  key(span: Span, key: string): Location;
}

/** The locators of both sides. */
export interface Locators {
  readonly base: Locator;
  readonly head: Locator;
}

/** A locator over the files one side's check read. */
export function locator(side: Side, sources: SourceLookup): Locator {
  const at = (span: Span): Location => ({
    side,
    file: span.file,
    line: span.start.line,
  });
  return {
    at,
    key(span, key) {
      const file = sources(span.file);
      if (file === undefined) return at(span);
      const pattern = new RegExp(`^\\s*(?:- )?${key}\\s*:`);
      for (let line = span.start.line; line <= span.end.line; line++) {
        if (pattern.test(file.lineText(line)))
          return { side, file: span.file, line };
      }
      return at(span);
    },
  };
}

/** `journeys/winback.yaml:12`. */
export function formatLocation(location: Location): string {
  return `${location.file}:${location.line}`;
}

/** Where an item is: on the head side, or on the base side if gone. */
export function locateEither(
  locators: Locators,
  before: { readonly span: Span } | undefined,
  after: { readonly span: Span } | undefined,
): Location | null {
  if (after !== undefined) return locators.head.at(after.span);
  return before === undefined ? null : locators.base.at(before.span);
}
