import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { checkWorkspace } from '../src/checking/check-workspace.js';
import { parseDate } from '../src/runtime/values.js';
import {
  defaultWorkers,
  runPopulation,
  type PopulationReport,
} from '../src/simulation/population/run-population.js';
import {
  describeProgram,
  type ProgramSource,
} from '../src/simulation/program-source.js';
import type { Workspace } from '../src/workspace/workspace.js';

/** Overridable for quick runs: BENCH_MEMBERS=300000 BENCH_DAYS=1. */
const members = Number(process.env['BENCH_MEMBERS'] ?? 2_100_000);
/** Days of the run that measures the retained heap week by week. */
const heapDays = Number(process.env['BENCH_HEAP_DAYS'] ?? 56);
/** Which runs to make: `1`, `30` or `1,30` (the default). */
const runs = (process.env['BENCH_DAYS'] ?? '1,30')
  .split(',')
  .map((each) => Number(each.trim()));
const startDay = parseDate('2025-05-01') ?? 0;
/** Worker threads; BENCH_WORKERS=1 runs on the main thread. */
const workers = Number(process.env['BENCH_WORKERS'] ?? defaultWorkers());
const goals = {
  oneDaySeconds: 3,
  thirtyDaysSeconds: 90,
  peakBytes: 3 * 2 ** 30,
};

/**
 * Simulates the whole programme's base (2.1 M members) for 1 day and for 30
 * days on the bundled workspace, and reports speed and memory against the
 * goals: one day under 3 s, 30 days under 90 s, peak memory under 3 GiB
 * and flat as the days grow, measured week by week in a run of 56 days.
 */
export async function benchPopulation(): Promise<string> {
  const source = await loadSource();
  // Before any worker starts, so that workers can collect their garbage.
  setFlagsFromString('--expose-gc');
  const lines = [`workspace: ${source.description}`, machine()];

  // The peak RSS is the process's, and memory the workers of an earlier run
  // freed is not always given back at once: the goal takes the first run's.
  let peak: number | undefined;
  if (runs.includes(30)) {
    const month = await simulate(source, 30);
    lines.push(...summary('30 days', month), dayFigures(month));
    const monthSeconds = month.timing.simulateMilliseconds / 1000;
    peak ??= month.timing.peakRssBytes;
    lines.push(
      `goal: 30 days < ${goals.thirtyDaysSeconds} s: ${verdict(monthSeconds < goals.thirtyDaysSeconds)} (${monthSeconds.toFixed(1)} s)`,
    );
    const measured = await simulate(source, heapDays, true);
    lines.push(...retainedHeap(measured));
  }
  if (runs.includes(1)) {
    const oneDay = await simulate(source, 1);
    lines.push(...summary('1 day', oneDay));
    const oneDaySeconds = oneDay.timing.simulateMilliseconds / 1000;
    peak ??= oneDay.timing.peakRssBytes;
    lines.push(
      `goal: 1 day < ${goals.oneDaySeconds} s: ${verdict(oneDaySeconds < goals.oneDaySeconds)} (${oneDaySeconds.toFixed(2)} s)`,
    );
  }
  lines.push(
    `goal: peak RSS < 3 GiB: ${verdict((peak ?? 0) < goals.peakBytes)} (${mebibytes(peak ?? 0)}, the first run)`,
    machine(),
  );
  return lines.join('\n');
}

/** The days of a run: the first, when the whole base's backlog enters, and the rest. */
function dayFigures(report: PopulationReport): string {
  const [first = 0, ...rest] = report.timing.dayMilliseconds;
  const [firstCpu = 0, ...restCpu] = report.timing.dayCpuMilliseconds;
  const seconds = (ms: number): string => (ms / 1000).toFixed(2);
  return (
    `days: first ${seconds(first)} s (processor ${seconds(firstCpu)} s); ` +
    `the other ${rest.length}: median ${seconds(median(rest))} s, slowest ${seconds(Math.max(...rest))} s ` +
    `(processor median ${seconds(median(restCpu))} s)`
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Cores and load: wall times on a shared machine mean little without them. */
function machine(): string {
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  return `machine: ${availableParallelism()} cores, load average ${load}, Node ${process.version}`;
}

interface Source {
  readonly workspace: Pick<Workspace, 'model'>;
  readonly program: ProgramSource;
  readonly description: string;
}

function simulate(
  source: Source,
  days: number,
  measureRetainedHeap = false,
): Promise<PopulationReport> {
  return runPopulation(source.workspace, source.program, {
    members,
    days,
    seed: 2021,
    startDay,
    workers,
    measureRetainedHeap,
  });
}

function summary(label: string, report: PopulationReport): string[] {
  const { timing } = report;
  const days = timing.dayMilliseconds;
  const simulateSeconds = timing.simulateMilliseconds / 1000;
  const sent = report.totals.sent.email + report.totals.sent.sms;
  return [
    `${label}: generated ${count(report.members.start)} members in ${(timing.generateMilliseconds / 1000).toFixed(1)} s ` +
      `(${count((report.members.start / timing.generateMilliseconds) * 1000)} members/s)`,
    `${label}: simulated in ${simulateSeconds.toFixed(2)} s: ${(simulateSeconds / report.days).toFixed(2)} s per day ` +
      `(slowest ${(Math.max(...days) / 1000).toFixed(2)} s), ` +
      `${count((report.members.start * report.days) / simulateSeconds)} member-days/s; ` +
      `processor time ${(mean(timing.dayCpuMilliseconds) / 1000).toFixed(2)} s per day`,
    `${label}: ${count(report.totals.entries)} entries, ${count(sent)} messages sent, ` +
      `${count(Object.values(report.events).reduce((total, value) => total + value, 0))} events`,
    `${label}: peak heap ${mebibytes(timing.peakHeapBytes)}, peak RSS ${mebibytes(timing.peakRssBytes)}`,
  ];
}

/**
 * The heap retained at each week's end, in all and per member held (the
 * base grows by the members who join). A run starts with no journey in
 * progress: for the first four weeks the members in journeys, the offers
 * not yet expired and the sends caps count build up to their steady level.
 * Flat memory is judged on the weeks after: at most 2 % more per member
 * over four weeks.
 */
function retainedHeap(report: PopulationReport): string[] {
  const heaps = report.timing.weekHeapBytes;
  const weeks = heaps.map((bytes, week) => {
    const day = 7 * (week + 1);
    const members = report.daily[day - 1]?.members ?? report.members.end;
    return { day, bytes, perMember: bytes / members };
  });
  const at = (day: number) => weeks.find((week) => week.day === day);
  const rampEnd = at(28);
  const last = weeks[weeks.length - 1];
  const growth = (from: number, to: number): string =>
    `${(((to - from) / from) * 100).toFixed(1)} %`;
  const lines = [
    `heap retained (after a full collection in every thread), ${report.days} days: ` +
      weeks
        .map(
          (week) =>
            `day ${week.day} ${mebibytes(week.bytes)} (${week.perMember.toFixed(0)} B a member)`,
        )
        .join(', '),
  ];
  if (rampEnd === undefined || last === undefined || last.day <= rampEnd.day)
    return [
      ...lines,
      'goal: flat memory: not measured (needs more than 28 days)',
    ];
  const steady = (last.perMember - rampEnd.perMember) / rampEnd.perMember;
  return [
    ...lines,
    `  weeks 1 to 4 (journeys, offers and caps filling up): ${growth(weeks[0]?.perMember ?? 0, rampEnd.perMember)} a member`,
    `goal: flat memory after day 28: ${verdict(steady <= 0.02)} (${growth(rampEnd.perMember, last.perMember)} a member, ` +
      `${growth(rampEnd.bytes, last.bytes)} in all, day 28 to day ${last.day})`,
  ];
}

/** The bundled workspace, checked and described for the workers. */
async function loadSource(): Promise<Source> {
  const result = await checkWorkspace('.');
  const errors = result.diagnostics.filter(
    (diagnostic) => diagnostic.severity === 'error',
  );
  if (result.workspace === undefined || errors.length > 0) {
    throw new Error(
      `the bundled workspace has ${errors.length} errors: run slinga check`,
    );
  }
  const program = describeProgram(result.workspace);
  return {
    workspace: result.workspace,
    program,
    description: `bundled (${program.journeys.length} journeys), ${workers} worker threads`,
  };
}

function mean(values: readonly number[]): number {
  return (
    values.reduce((total, value) => total + value, 0) /
    Math.max(values.length, 1)
  );
}

function count(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function mebibytes(bytes: number): string {
  return `${count(bytes / 2 ** 20)} MiB`;
}

function verdict(met: boolean): string {
  return met ? 'met' : 'NOT MET';
}

if (
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/.*\//, '/'))
) {
  console.log(await benchPopulation());
}
