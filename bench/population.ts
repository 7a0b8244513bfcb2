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
 * and flat as the days grow.
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
    const measured = await simulate(source, 30, true);
    const heaps = measured.timing.weekHeapBytes;
    lines.push(
      `heap retained (after a full collection in every thread) at days 7, 14, 21, 28: ${heaps.map(mebibytes).join(', ') || 'n/a'}`,
      `goal: flat memory: ${flatness(heaps)}`,
    );
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

/** Heap after GC should not climb week on week by more than a tenth. */
function flatness(heaps: readonly number[]): string {
  if (heaps.length < 2) return 'not measured';
  const first = heaps[0] ?? 0;
  const last = heaps[heaps.length - 1] ?? 0;
  const growth = (last - first) / first;
  return `${verdict(growth < 0.1)} (${(growth * 100).toFixed(1)} % from day 7 to day 28)`;
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
