import {
  compareDiagnostics,
  type Diagnostic,
} from '../diagnostics/diagnostic.js';

/**
 * What checking and compiling templates found, each finding once: both
 * report the findings of a template's check, and compiling may add some
 * (MJML that does not render). Sorted by file and position.
 */
export function mergeDiagnostics(
  checked: readonly Diagnostic[],
  compiled: readonly Diagnostic[],
): Diagnostic[] {
  const key = (diagnostic: Diagnostic): string =>
    [
      diagnostic.code,
      diagnostic.span?.file,
      diagnostic.span?.start.offset,
      diagnostic.span?.end.offset,
      diagnostic.message,
    ].join('\u0000');
  const seen = new Set(checked.map(key));
  const added = compiled.filter((diagnostic) => !seen.has(key(diagnostic)));
  return [...checked, ...added].sort(compareDiagnostics);
}
