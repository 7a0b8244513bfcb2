import type { Diagnostic } from '../diagnostic.js';
import type { Span } from '../source-file.js';

const commands = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
} as const;

/**
 * Formats diagnostics as GitHub Actions workflow commands, so that they show
 * as annotations on the pull request's files.
 */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const help = diagnostic.help === undefined ? '' : `\n${diagnostic.help}`;
      return githubAnnotation(
        diagnostic.severity,
        diagnostic.span,
        `Slinga ${diagnostic.code}`,
        `${diagnostic.message}${help}`,
      );
    })
    .join('');
}

/** One workflow command that annotates a span (or the run) with a message. */
export function githubAnnotation(
  severity: Diagnostic['severity'],
  span: Span | undefined,
  title: string,
  message: string,
): string {
  const properties: string[] = [];
  if (span !== undefined) {
    properties.push(
      `file=${escapeProperty(span.file)}`,
      `line=${span.start.line}`,
      `col=${span.start.column}`,
      `endLine=${span.end.line}`,
      `endColumn=${span.end.column}`,
    );
  }
  properties.push(`title=${escapeProperty(title)}`);
  const command = commands[severity];
  return `::${command} ${properties.join(',')}::${escapeData(message)}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
