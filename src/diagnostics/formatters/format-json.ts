import type { Diagnostic } from '../diagnostic.js';

/** The version of the JSON diagnostics format; raised on breaking changes. */
export const jsonFormatVersion = 1;

/**
 * Formats diagnostics as one JSON document (see docs/diagnostics.md):
 * `{ version, summary: { errors, warnings, infos }, diagnostics: [...] }`.
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']): number =>
    diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  const document = {
    version: jsonFormatVersion,
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
    diagnostics: diagnostics.map((diagnostic) => ({
      code: diagnostic.code,
      severity: diagnostic.severity,
      message: diagnostic.message,
      file: diagnostic.span?.file ?? null,
      start: diagnostic.span?.start ?? null,
      end: diagnostic.span?.end ?? null,
      related: diagnostic.related,
      help: diagnostic.help ?? null,
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
