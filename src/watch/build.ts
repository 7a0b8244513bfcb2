import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceLookup } from '../diagnostics/formatters/format-human.js';
import type { TimeZone } from '../runtime/time-zone.js';
import type { Coverage } from '../simulation/coverage.js';
import type { TimelineEntry } from '../simulation/timeline.js';
import type { CompiledTemplate } from '../templates/index.js';
import type { Expectation, Fixture } from '../workspace/fixture.js';
import type { Workspace } from '../workspace/workspace.js';

/** A file under journeys/ or templates/ that was added, changed or removed. */
export interface FileChange {
  readonly kind: 'add' | 'change' | 'unlink';
  /** Path relative to the workspace root, with forward slashes. */
  readonly path: string;
}

/**
 * One line of a member's story in a fixture: a timeline entry, or the way
 * the member went at a branch, split or wait. The engine reports paths
 * without a time; they stand in order between the timed entries.
 */
export type StoryEntry =
  | TimelineEntry
  | {
      readonly kind: 'path';
      readonly member: string;
      readonly journey: string;
      readonly step: string;
      readonly path: string;
    };

/** One expectation of a fixture and whether the simulation met it. */
export interface ExpectationResult {
  readonly expectation: Expectation;
  /** What was expected, in words. */
  readonly expected: string;
  readonly passed: boolean;
  /** The member's timeline in words, when the expectation failed. */
  readonly actual: readonly string[];
}

/** A fixture, simulated for the preview. */
export interface FixtureRun {
  readonly fixture: Fixture;
  readonly story: readonly StoryEntry[];
  readonly expectations: readonly ExpectationResult[];
}

/** Everything the preview shows of a workspace that has no errors. */
export interface GoodBuild {
  /** The number of the rebuild that made it. */
  readonly version: number;
  readonly workspace: Workspace;
  readonly timeZone: TimeZone;
  readonly fixtures: readonly FixtureRun[];
  readonly coverage: Coverage;
  /** Compiled templates by template id. */
  readonly templates: ReadonlyMap<string, CompiledTemplate>;
}

/** The outcome of one rebuild. */
export interface Build {
  /** Counts rebuilds from 1. */
  readonly version: number;
  /** The diagnostics of this rebuild, sorted by file and position. */
  readonly diagnostics: readonly Diagnostic[];
  /** The text of every file read, for code frames. */
  readonly sources: SourceLookup;
  /**
   * The last build without errors: this one, or an earlier one when this
   * one has errors. Undefined until the workspace has been free of errors.
   */
  readonly good: GoodBuild | undefined;
  /** The files whose change caused this rebuild; empty for the first. */
  readonly changes: readonly FileChange[];
  /** Whether only templates were checked and compiled again. */
  readonly templatesOnly: boolean;
  /** Template files compiled by this rebuild (others came from the cache). */
  readonly compiled: readonly string[];
  readonly milliseconds: number;
}
