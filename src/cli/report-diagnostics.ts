import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatGithub } from '../diagnostics/formatters/format-github.js';
import {
  formatHuman,
  type SourceLookup,
} from '../diagnostics/formatters/format-human.js';
import { formatJson } from '../diagnostics/formatters/format-json.js';
import { assertNever } from '../support/assert-never.js';
import { ExitCode } from './exit-code.js';
import { wantsColor, type OutputStreams } from './streams.js';
import { plural } from '../support/plural.js';

/** The output formats of diagnostics. */
export type DiagnosticFormat = 'human' | 'json' | 'github';
export const diagnosticFormats: readonly DiagnosticFormat[] = [
  'human',
  'json',
  'github',
];

/** Writes diagnostics in a format and returns the exit code they call for. */
export function reportDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: SourceLookup,
  format: DiagnosticFormat,
  maxWarnings: number | undefined,
  streams: OutputStreams,
): ExitCode {
  streams.stdout.write(render(diagnostics, sources, format, streams));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (format === 'human') {
    streams.stderr.write(summary(errors, warnings));
  }
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  return errors > 0 || tooManyWarnings ? ExitCode.failed : ExitCode.ok;
}

/**
 * Prints diagnostics in the human format to stderr, for a command whose
 * stdout carries its own output; gives the exit code they call for.
 */
export function reportToStderr(
  diagnostics: readonly Diagnostic[],
  sources: SourceLookup,
  streams: OutputStreams,
): ExitCode {
  const toStderr = { stdout: streams.stderr, stderr: streams.stderr };
  return reportDiagnostics(diagnostics, sources, 'human', undefined, toStderr);
}

function render(
  diagnostics: readonly Diagnostic[],
  sources: SourceLookup,
  format: DiagnosticFormat,
  streams: OutputStreams,
): string {
  switch (format) {
    case 'human':
      return formatHuman(diagnostics, sources, {
        color: wantsColor(streams.stdout),
      });
    case 'json':
      return formatJson(diagnostics);
    case 'github':
      return formatGithub(diagnostics);
    default:
      return assertNever(format);
  }
}

function summary(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'No problems found.\n';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}.\n`;
}
