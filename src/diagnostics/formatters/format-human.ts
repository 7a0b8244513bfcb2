import type { Diagnostic } from '../diagnostic.js';
import type { SourceFile, Span } from '../source-file.js';

/** Finds the text of a workspace file by its relative path. */
export type SourceLookup = (path: string) => SourceFile | undefined;

/** Options of the human format. */
export interface HumanFormatOptions {
  readonly color: boolean;
}

const styles = {
  error: '\u001b[1;31m',
  warning: '\u001b[1;33m',
  info: '\u001b[1;36m',
  dim: '\u001b[2m',
  bold: '\u001b[1m',
  reset: '\u001b[0m',
} as const;

/**
 * Formats diagnostics for a person at a terminal: the message, the location,
 * and a code frame with the span underlined.
 */
export function formatHuman(
  diagnostics: readonly Diagnostic[],
  sources: SourceLookup,
  options: HumanFormatOptions,
): string {
  const paint = (style: keyof typeof styles, text: string): string =>
    options.color ? `${styles[style]}${text}${styles.reset}` : text;
  const blocks = diagnostics.map((diagnostic) => {
    const heading = `${diagnostic.severity} ${diagnostic.code}`;
    const lines = [
      `${paint(diagnostic.severity, heading)}${paint('bold', `: ${diagnostic.message}`)}`,
    ];
    if (diagnostic.span !== undefined) {
      lines.push(`  ${paint('dim', '-->')} ${location(diagnostic.span)}`);
      lines.push(...codeFrame(diagnostic.span, sources, paint));
    }
    for (const related of diagnostic.related) {
      lines.push(
        `  ${paint('dim', 'note:')} ${related.message} (${location(related.span)})`,
      );
    }
    if (diagnostic.help !== undefined) {
      lines.push(`  ${paint('dim', '= help:')} ${diagnostic.help}`);
    }
    return lines.join('\n');
  });
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

/** `file:line:column`, the form editors and terminals link. */
export function location(span: Span): string {
  return `${span.file}:${span.start.line}:${span.start.column}`;
}

function codeFrame(
  span: Span,
  sources: SourceLookup,
  paint: (style: keyof typeof styles, text: string) => string,
): string[] {
  const file = sources(span.file);
  if (file === undefined) return [];
  const { line } = span.start;
  const text = file.lineText(line);
  const gutter = String(line).length;
  const lastColumn = span.end.line === line ? span.end.column : text.length + 1;
  const width = Math.max(1, lastColumn - span.start.column);
  const marker = `${' '.repeat(span.start.column - 1)}${'^'.repeat(width)}`;
  const pad = ' '.repeat(gutter);
  return [
    `  ${pad} ${paint('dim', '|')}`,
    `  ${paint('dim', `${line} |`)} ${text}`,
    `  ${pad} ${paint('dim', '|')} ${paint('error', marker)}`,
  ];
}
