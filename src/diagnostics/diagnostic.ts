import type { Span } from './source-file.js';

/** How bad a diagnostic is: errors fail `slinga check`, warnings may. */
export type Severity = 'error' | 'warning' | 'info';

/** Another place that explains a diagnostic, such as the first definition. */
export interface RelatedLocation {
  readonly message: string;
  readonly span: Span;
}

/**
 * One finding of any stage. Diagnostics are plain data: stages return them,
 * they are never thrown.
 */
export interface Diagnostic {
  /** Stable code from the catalogue, such as `SL201`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Where the problem is; absent only for workspace-wide findings. */
  readonly span?: Span;
  readonly related: readonly RelatedLocation[];
  /** What to do about it. */
  readonly help?: string;
}

/** True when any diagnostic in the list is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** Orders diagnostics by file, then position, then code, for stable output. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fileA = a.span?.file ?? '';
  const fileB = b.span?.file ?? '';
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  const offsetA = a.span?.start.offset ?? -1;
  const offsetB = b.span?.start.offset ?? -1;
  if (offsetA !== offsetB) return offsetA - offsetB;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
