import type { Delta, PopulationDiff } from './diff-population.js';
import { summariseDiff, type DiffReport } from './diff-report.js';

/** The version of the JSON diff report; raised on breaking changes. */
export const diffReportVersion = 1;

/**
 * The report as one JSON document. Keys come in a fixed order, lists are
 * sorted (changes by area and id, fixtures and journeys by id), and
 * figures are rounded, so the same two sides give the same bytes.
 */
export function formatDiffJson(report: DiffReport): string {
  const summary = summariseDiff(report);
  const document = {
    version: diffReportVersion,
    base: report.base,
    head: report.head,
    summary: {
      added: summary.added,
      removed: summary.removed,
      changed: summary.changed,
      fixturesWithChangedSends: summary.fixturesWithChangedSends,
      fixturesOnOneSide: summary.fixturesOnOneSide,
    },
    changes: report.changes,
    fixtures: report.fixtures,
    population:
      report.population === null ? null : populationJson(report.population),
    emails: report.emails,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function populationJson(population: PopulationDiff): unknown {
  const counts = (delta: Delta) => rounded(delta, 0);
  return {
    members: population.members,
    days: population.days,
    startDate: population.startDate,
    seed: population.seed,
    pressure: Object.fromEntries(
      (['all', 'marketing'] as const).map((kind) => {
        const pressure = population.pressure[kind];
        return [
          kind,
          {
            meanPerWeek: rounded(pressure.meanPerWeek, 6),
            overLimit: rounded(pressure.overLimit, 6),
            limit: pressure.limit,
          },
        ];
      }),
    ),
    totals: {
      entries: counts(population.totals.entries),
      sent: counts(population.totals.sent),
      heldBack: counts(population.totals.heldBack),
    },
    journeys: population.journeys.map((journey) => ({
      id: journey.id,
      entries: counts(journey.entries),
      sent: counts(journey.sent),
      heldBack: counts(journey.heldBack),
    })),
  };
}

function rounded(delta: Delta, decimals: number): Delta {
  const round = (value: number | null, places = decimals) =>
    value === null ? null : Math.round(value * 10 ** places) / 10 ** places;
  return {
    before: round(delta.before),
    after: round(delta.after),
    delta: round(delta.delta),
    percent: round(delta.percent, 2),
  };
}
