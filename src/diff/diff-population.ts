import {
  defaultWorkers,
  runPopulation,
  type JourneyCounts,
  type PopulationReport,
  type PressureReport,
} from '../simulation/population/run-population.js';
import { formatDate } from '../runtime/values.js';
import { describeProgram } from '../simulation/program-source.js';
import type { Workspace } from '../workspace/workspace.js';
import { byText } from './semantic-change.js';

/** The generated population both programs run on. */
export interface PopulationSample {
  readonly members: number;
  readonly days: number;
  /** Local day number of the first day. */
  readonly startDay: number;
  readonly seed: number;
  /** Messages a week above which a member counts as over-contacted. */
  readonly pressureLimit: number;
}

/** A figure before and after; null where the side does not have it. */
export interface Delta {
  readonly before: number | null;
  readonly after: number | null;
  /** after − before, when both are there. */
  readonly delta: number | null;
  /** The change in percent of before; null when before is 0 or absent. */
  readonly percent: number | null;
}

/** One journey's figures before and after. */
export interface JourneyDelta {
  readonly id: string;
  readonly entries: Delta;
  /** Messages sent, every channel. */
  readonly sent: Delta;
  readonly heldBack: Delta;
}

/** Contact pressure before and after, for one kind of messages. */
export interface PressureDelta {
  /** Mean messages per member per week. */
  readonly meanPerWeek: Delta;
  /** Share of member-weeks with more than `limit` messages. */
  readonly overLimit: Delta;
  readonly limit: number;
}

/** What the change does to a generated population. */
export interface PopulationDiff {
  readonly members: number;
  readonly days: number;
  readonly startDate: string;
  readonly seed: number;
  /** Per journey, by id; journeys on one side have null on the other. */
  readonly journeys: readonly JourneyDelta[];
  readonly totals: Omit<JourneyDelta, 'id'>;
  readonly pressure: {
    /** All messages. */
    readonly all: PressureDelta;
    /** Lifecycle and event-driven messages only. */
    readonly marketing: PressureDelta;
  };
}

/**
 * Runs the population simulation on both sides with the same sample (the
 * same seed, so the same members and events where the Models agree) and
 * compares entries, sends and contact pressure.
 */
export async function diffPopulation(
  base: { readonly workspace: Workspace },
  head: { readonly workspace: Workspace },
  sample: PopulationSample,
): Promise<PopulationDiff> {
  const run = (side: typeof base): Promise<PopulationReport> =>
    runPopulation(side.workspace, describeProgram(side.workspace), {
      ...sample,
      workers: defaultWorkers(),
    });
  return comparePopulations(await run(base), await run(head), sample);
}

/** Compares two population reports run on the same sample. */
export function comparePopulations(
  before: PopulationReport,
  after: PopulationReport,
  sample: PopulationSample,
): PopulationDiff {
  const ids = [
    ...new Set([...before.journeys, ...after.journeys].map((j) => j.id)),
  ].sort(byText);
  const journey = (report: PopulationReport, id: string) =>
    report.journeys.find((candidate) => candidate.id === id);
  return {
    members: sample.members,
    days: sample.days,
    startDate: formatDate(sample.startDay),
    seed: sample.seed,
    journeys: ids.map((id) => ({
      id,
      ...countDeltas(journey(before, id), journey(after, id)),
    })),
    totals: countDeltas(before.totals, after.totals),
    pressure: {
      all: pressureDelta(before.pressure.all, after.pressure.all),
      marketing: pressureDelta(
        before.pressure.marketing,
        after.pressure.marketing,
      ),
    },
  };
}

function countDeltas(
  before: JourneyCounts | undefined,
  after: JourneyCounts | undefined,
): Omit<JourneyDelta, 'id'> {
  const sent = (counts: JourneyCounts | undefined) =>
    counts === undefined ? null : counts.sent.email + counts.sent.sms;
  const heldBack = (counts: JourneyCounts | undefined) =>
    counts === undefined ? null : sum(Object.values(counts.heldBack));
  return {
    entries: delta(before?.entries ?? null, after?.entries ?? null),
    sent: delta(sent(before), sent(after)),
    heldBack: delta(heldBack(before), heldBack(after)),
  };
}

function pressureDelta(
  before: PressureReport,
  after: PressureReport,
): PressureDelta {
  return {
    meanPerWeek: delta(before.meanPerWeek, after.meanPerWeek),
    overLimit: delta(before.overLimit, after.overLimit),
    limit: after.limit,
  };
}

/** A figure before and after, with the change. */
export function delta(before: number | null, after: number | null): Delta {
  if (before === null || after === null)
    return { before, after, delta: null, percent: null };
  return {
    before,
    after,
    delta: after - before,
    percent: before === 0 ? null : ((after - before) / before) * 100,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
