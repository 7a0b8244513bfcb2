import type { SourceLookup } from '../diagnostics/formatters/format-human.js';
import type { Program } from '../runtime/program.js';
import type { Workspace } from '../workspace/workspace.js';
import { diffFixtureSends, type FixtureSends } from './diff-fixture-sends.js';
import {
  diffPopulation,
  type PopulationDiff,
  type PopulationSample,
} from './diff-population.js';
import { diffWorkspaces } from './diff-workspaces.js';
import type { SideSource } from './open-side.js';
import {
  renderChangedEmails,
  type EmailRendering,
  type RenderOptions,
} from './render-emails.js';
import type { SemanticChange } from './semantic-change.js';

/** One side, checked and compiled. */
export interface ComparedSide {
  readonly source: SideSource;
  readonly workspace: Workspace;
  readonly program: Program;
  readonly sources: SourceLookup;
}

/** Everything `slinga diff` found. */
export interface DiffReport {
  readonly base: SideSource;
  readonly head: SideSource;
  /** The semantic diff, area by area. */
  readonly changes: readonly SemanticChange[];
  /** Every fixture of either side, by id. */
  readonly fixtures: readonly FixtureSends[];
  /** Null when the population run was turned off. */
  readonly population: PopulationDiff | null;
  /** Null when rendering was turned off. */
  readonly emails: EmailRendering | null;
}

/** What to run besides the semantic diff. */
export interface DiffOptions {
  /** The population to simulate on both sides, or null for none. */
  readonly population: PopulationSample | null;
  /** Where to render changed emails, or null for nowhere. */
  readonly render: RenderOptions | null;
}

/** Compares two checked sides: semantics, fixtures, population, emails. */
export async function buildDiffReport(
  base: ComparedSide,
  head: ComparedSide,
  options: DiffOptions,
): Promise<DiffReport> {
  return {
    base: base.source,
    head: head.source,
    changes: diffWorkspaces(base, head),
    fixtures: diffFixtureSends(base, head),
    population:
      options.population === null
        ? null
        : await diffPopulation(base, head, options.population),
    emails:
      options.render === null
        ? null
        : await renderChangedEmails(
            base.workspace,
            head.workspace,
            options.render,
          ),
  };
}

/** The figures a summary and the CI gates read. */
export interface DiffSummary {
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  /** Fixtures compared whose sends differ. */
  readonly fixturesWithChangedSends: readonly string[];
  readonly fixturesOnOneSide: readonly string[];
}

/** Counts of the report, for its first lines. */
export function summariseDiff(report: DiffReport): DiffSummary {
  const count = (change: SemanticChange['change']): number =>
    report.changes.filter((item) => item.change === change).length;
  return {
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
    fixturesWithChangedSends: report.fixtures
      .filter((fixture) => fixture.changes.length > 0)
      .map((fixture) => fixture.id),
    fixturesOnOneSide: report.fixtures
      .filter(
        (fixture) =>
          fixture.comparison === 'only_base' ||
          fixture.comparison === 'only_head',
      )
      .map((fixture) => fixture.id),
  };
}

/** The CI gates `slinga diff` can fail on. */
export interface DiffGates {
  /** Fail when mean weekly contact pressure rises by more than this percent. */
  readonly pressureIncrease?: number;
  /** Fail when any fixture's sends change. */
  readonly fixtureChange?: boolean;
}

/**
 * Why the report fails the gates; empty when it passes. Pressure counts all
 * messages; a rise from no messages at all always fails.
 */
export function checkGates(report: DiffReport, gates: DiffGates): string[] {
  const failures: string[] = [];
  const limit = gates.pressureIncrease;
  const mean = report.population?.pressure.all.meanPerWeek;
  if (limit !== undefined && mean !== undefined) {
    const before = mean.before ?? 0;
    const after = mean.after ?? 0;
    const rise = mean.percent ?? (after > before ? Infinity : 0);
    if (rise > limit) {
      const figures = `${before.toFixed(3)} → ${after.toFixed(3)}`;
      failures.push(
        `contact pressure rises by ${formatRise(rise)} (${figures} messages ` +
          `per member per week), more than ${limit} %`,
      );
    }
  }
  const changed = summariseDiff(report).fixturesWithChangedSends;
  if (gates.fixtureChange === true && changed.length > 0)
    failures.push(`fixture sends changed: ${changed.join(', ')}`);
  return failures;
}

function formatRise(percent: number): string {
  return Number.isFinite(percent) ? `${percent.toFixed(1)} %` : 'from none';
}
