import type { Diagnostic } from '../diagnostic.js';

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
      const properties: string[] = [];
      const { span } = diagnostic;
      if (span !== undefined) {
        properties.push(
          `file=${escapeProperty(span.file)}`,
          `line=${span.start.line}`,
          `col=${span.start.column}`,
          `endLine=${span.end.line}`,
          `endColumn=${span.end.column}`,
        );
      }
      properties.push(`title=${escapeProperty(`Slinga ${diagnostic.code}`)}`);
      const help = diagnostic.help === undefined ? '' : `\n${diagnostic.help}`;
      const message = escapeData(`${diagnostic.message}${help}`);
      return `::${commands[diagnostic.severity]} ${properties.join(',')}::${message}\n`;
    })
    .join('');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
