/**
 * Bounds that keep hostile input (alias bombs, huge or deeply nested files)
 * from exhausting time or memory. Real workspace files are far below them.
 */
export interface LoadLimits {
  /** Largest YAML or template file read, in bytes. */
  readonly maxFileBytes: number;
  /** Most alias expansions in one YAML document. */
  readonly maxAliasCount: number;
  /** Deepest nesting of mappings and sequences in one YAML document. */
  readonly maxDepth: number;
}

export const defaultLimits: LoadLimits = {
  maxFileBytes: 4 * 1024 * 1024,
  maxAliasCount: 200,
  maxDepth: 64,
};
