import { availableParallelism } from 'node:os';
import type { CategoryName, Program } from '../../runtime/program.js';
import { formatDate } from '../../runtime/values.js';
import type { Workspace } from '../../workspace/workspace.js';
import { instantiateProgram, type ProgramSource } from '../program-source.js';
import { planBlocks, type PopulationBlock } from './population-blocks.js';
import {
  PopulationShard,
  type HeapSample,
  type ShardOptions,
} from './population-shard.js';
import {
  addDayCounts,
  addRecords,
  addTallies,
  type DayCounts,
  type JourneyCounts,
  type PressureCounts,
  type TallyCounts,
} from './population-tally.js';
import { runWorkers } from './run-workers.js';

export type { JourneyCounts } from './population-tally.js';

/** What to simulate. */
export interface PopulationOptions {
  /** Members in the generated base. */
  readonly members: number;
  /** Simulated local days, from `startDay`. */
  readonly days: number;
  readonly seed: number;
  /** Local day number (days since 1970-01-01) of the first day. */
  readonly startDay: number;
  /** Messages a week above which a member counts as over-contacted; default 3. */
  readonly pressureLimit?: number;
  /** Called after each simulated day, with days done and days in all. */
  readonly onProgress?: (day: number, days: number) => void;
  /**
   * Worker threads to share the blocks of the base between; default 1, this
   * thread. Workers need the Program as a ProgramSource. The report is the
   * same whatever the number.
   */
  readonly workers?: number;
  /**
   * Collect garbage at each week's end and report the heap retained then
   * (`timing.weekHeapBytes`): for benchmarks, as it costs time. Needs the
   * --expose-gc flag, set before worker threads start.
   */
  readonly measureRetainedHeap?: boolean;
}

/** One journey's counts. */
export interface JourneyReport extends JourneyCounts {
  readonly id: string;
  readonly category: CategoryName;
}

/**
 * How many messages members get per week: the share of members with 0, 1,
 * 2, 3, 4 and 5 or more in a week, averaged over the weeks of the period.
 */
export interface PressureReport {
  /** Weeks averaged: whole weeks, or the one short period of a shorter run. */
  readonly weeks: number;
  /** Days those weeks cover; days after the last whole week are left out. */
  readonly daysCovered: number;
  /** Shares for 0, 1, 2, 3, 4 and 5+ messages a week. */
  readonly histogram: readonly number[];
  readonly meanPerWeek: number;
  /** The share of member-weeks with more than `limit` messages. */
  readonly overLimit: number;
  readonly limit: number;
  readonly maxPerWeek: number;
}

/** What happened on one simulated day. */
export interface PopulationDay {
  /** The local date, YYYY-MM-DD. */
  readonly date: string;
  readonly members: number;
  readonly events: number;
  readonly entries: number;
  readonly sent: number;
  readonly heldBack: number;
  readonly deferred: number;
}

/** Wall times and memory: these differ between runs and machines. */
export interface PopulationTiming {
  readonly generateMilliseconds: number;
  readonly simulateMilliseconds: number;
  /** Wall time of each simulated day, events generation included. */
  readonly dayMilliseconds: readonly number[];
  /**
   * Processor time of each day (user and system, garbage collector threads
   * included): steadier than wall time on a busy machine.
   */
  readonly dayCpuMilliseconds: readonly number[];
  /** V8 heap in use at the end of each day, all threads. */
  readonly dayHeapBytes: readonly number[];
  /**
   * The heap retained at the end of each week, after a full collection;
   * empty unless measureRetainedHeap was asked for.
   */
  readonly weekHeapBytes: readonly number[];
  /** The highest heap and resident set seen, sampled at day ends. */
  readonly peakHeapBytes: number;
  readonly peakRssBytes: number;
}

/** The outcome of a population simulation. Everything but `timing` is deterministic. */
export interface PopulationReport {
  readonly seed: number;
  readonly startDate: string;
  readonly days: number;
  readonly members: { readonly start: number; readonly end: number };
  /** Events generated, per type. */
  readonly events: Readonly<Record<string, number>>;
  /** Per journey, in priority order. */
  readonly journeys: readonly JourneyReport[];
  readonly totals: JourneyCounts;
  readonly pressure: {
    /** All messages sent, every channel and category. */
    readonly all: PressureReport;
    /** Lifecycle and event-driven messages only. */
    readonly marketing: PressureReport;
  };
  readonly daily: readonly PopulationDay[];
  readonly timing: PopulationTiming;
}

/**
 * Generates a member base from the workspace's Model and runs the Program
 * over it day by day, with generated events, in blocks (see
 * population-blocks.ts) on this thread or shared between worker threads.
 * Only counters are kept, in typed arrays where they are per member, so
 * memory does not grow with the days. Journeys see no reaction to their
 * messages: the events are the same whatever the journeys send.
 */
export async function runPopulation(
  workspace: Pick<Workspace, 'model'>,
  program: Program | ProgramSource,
  options: PopulationOptions,
): Promise<PopulationReport> {
  const blocks = planBlocks(options.members);
  const closesWeek = weekEnds(options.days);
  const shardOptions: ShardOptions = {
    seed: options.seed,
    startDay: options.startDay,
    pressureLimit: options.pressureLimit ?? 3,
    measureRetainedHeap: options.measureRetainedHeap === true,
  };
  const workers = Math.min(options.workers ?? 1, blocks.length);
  const timer = new RunTimer(options, Math.max(workers, 1));
  const counts =
    workers > 1 && isProgramSource(program)
      ? await runWorkers(
          {
            model: workspace.model,
            program,
            options: shardOptions,
            closesWeek,
          },
          shareBlocks(blocks, workers),
          () => timer.forShard(),
        )
      : [
          runHere(
            workspace,
            program,
            blocks,
            shardOptions,
            closesWeek,
            timer.forShard(),
          ),
        ];
  return report(options, program.journeys, counts, timer);
}

/** What the thread that runs the shards is told as they go. */
export interface ShardProgress {
  /** A shard has generated its members. */
  generated(): void;
  /** A shard has simulated its next day. */
  dayDone(counts: DayCounts, heap: HeapSample): void;
}

/**
 * Worker threads to use by default: one per processor, as the blocks of a
 * base the programme's size keep them all busy.
 */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** What one shard counted over the whole run. */
export interface ShardCounts {
  readonly tally: TallyCounts;
  readonly events: Readonly<Record<string, number>>;
}

function isProgramSource(
  program: Program | ProgramSource,
): program is ProgramSource {
  return typeof program.timeZone === 'string';
}

/** Runs every block in this thread, as one shard. */
function runHere(
  workspace: Pick<Workspace, 'model'>,
  program: Program | ProgramSource,
  blocks: readonly PopulationBlock[],
  options: ShardOptions,
  closesWeek: readonly boolean[],
  progress: ShardProgress,
): ShardCounts {
  const compiled = isProgramSource(program)
    ? instantiateProgram(program)
    : program;
  const shard = new PopulationShard(workspace.model, compiled, blocks, options);
  progress.generated();
  for (const closes of closesWeek) {
    const counts = shard.simulateDay(closes);
    progress.dayDone(counts, shard.heapAfterDay(closes));
  }
  return shard.counts();
}

/** Deals blocks out to `workers` shards in turn. */
function shareBlocks(
  blocks: readonly PopulationBlock[],
  workers: number,
): PopulationBlock[][] {
  const shares: PopulationBlock[][] = Array.from({ length: workers }, () => []);
  blocks.forEach((block, index) => shares[index % workers]?.push(block));
  return shares;
}

/**
 * For each day, whether it closes a week of the pressure figures: every
 * seventh day; a run shorter than a week is one short week.
 */
function weekEnds(days: number): boolean[] {
  return Array.from(
    { length: days },
    (_, offset) => (offset + 1) % 7 === 0 || (offset === days - 1 && days < 7),
  );
}

/** The days the pressure figures cover: whole weeks, or a short run. */
function daysCovered(days: number): number {
  return days < 7 ? days : days - (days % 7);
}

function report(
  options: PopulationOptions,
  journeys: Program['journeys'] | ProgramSource['journeys'],
  shards: readonly ShardCounts[],
  timer: RunTimer,
): PopulationReport {
  const tally = addTallies(shards.map((shard) => shard.tally));
  const events = shards
    .map((shard) => shard.events)
    .reduce((sum, next) => addRecords(sum, next), {});
  const limit = options.pressureLimit ?? 3;
  const covered = daysCovered(options.days);
  const daily = timer.days.map((counts, offset) => ({
    date: formatDate(options.startDay + offset),
    members: counts.members,
    events: counts.events,
    entries: counts.entries,
    sent: counts.sent,
    heldBack: counts.heldBack,
    deferred: counts.deferred,
  }));
  return {
    seed: options.seed,
    startDate: formatDate(options.startDay),
    days: options.days,
    members: {
      start: options.members,
      end: daily[daily.length - 1]?.members ?? options.members,
    },
    events,
    journeys: journeys.map((journey, index) => ({
      id: journey.id,
      category: journey.category,
      ...(tally.journeys[index] ?? tally.totals),
    })),
    totals: tally.totals,
    pressure: {
      all: pressureReport(tally.all, limit, covered),
      marketing: pressureReport(tally.marketing, limit, covered),
    },
    daily,
    timing: timer.timing(),
  };
}

function pressureReport(
  counts: PressureCounts,
  limit: number,
  covered: number,
): PressureReport {
  const memberWeeks = Math.max(counts.memberWeeks, 1);
  return {
    weeks: counts.weeks,
    daysCovered: covered,
    histogram: counts.histogram.map((count) => count / memberWeeks),
    meanPerWeek: counts.messages / memberWeeks,
    overLimit: counts.over / memberWeeks,
    limit,
    maxPerWeek: counts.max,
  };
}

/**
 * Adds up the shards' day figures and times the run: a day is done when
 * every shard has simulated it. Processor time is the whole process's, so
 * worker threads count.
 */
class RunTimer {
  readonly days: DayCounts[] = [];
  private readonly began = performance.now();
  private generatedAt = this.began;
  private lastMark = this.began;
  private lastCpu = process.cpuUsage();
  private readonly received: number[] = [];
  private readonly heaps: number[] = [];
  /** Days whose heap was measured after a full collection. */
  private readonly retained = new Set<number>();
  private readonly dayMilliseconds: number[] = [];
  private readonly dayCpuMilliseconds: number[] = [];
  private generatedShards = 0;
  private peakHeap = 0;
  private peakRss = 0;

  constructor(
    private readonly options: PopulationOptions,
    private readonly shards: number,
  ) {}

  private generated(): void {
    this.generatedShards++;
    if (this.generatedShards < this.shards) return;
    this.generatedAt = performance.now();
    this.lastMark = this.generatedAt;
    this.lastCpu = process.cpuUsage();
    this.sampleMemory(0);
  }

  /** The progress of one shard, whose days come in order. */
  forShard(): ShardProgress {
    let next = 0;
    return {
      generated: () => this.generated(),
      dayDone: (counts, heap) => this.dayDone(next++, counts, heap),
    };
  }

  private dayDone(offset: number, counts: DayCounts, heap: HeapSample): void {
    this.received[offset] = (this.received[offset] ?? 0) + 1;
    const sum = this.days[offset];
    this.days[offset] = sum === undefined ? counts : addDayCounts(sum, counts);
    this.heaps[offset] = (this.heaps[offset] ?? 0) + heap.bytes;
    if (heap.retained) this.retained.add(offset);
    if (this.received[offset] === this.shards) this.closeDay(offset);
  }

  timing(): PopulationTiming {
    return {
      generateMilliseconds: this.generatedAt - this.began,
      simulateMilliseconds: this.lastMark - this.generatedAt,
      dayMilliseconds: this.dayMilliseconds,
      dayCpuMilliseconds: this.dayCpuMilliseconds,
      dayHeapBytes: this.heaps,
      weekHeapBytes: this.heaps.filter((_, offset) =>
        this.retained.has(offset),
      ),
      peakHeapBytes: this.peakHeap,
      peakRssBytes: this.peakRss,
    };
  }

  private closeDay(offset: number): void {
    const now = performance.now();
    const cpu = process.cpuUsage(this.lastCpu);
    this.dayMilliseconds[offset] = now - this.lastMark;
    this.dayCpuMilliseconds[offset] = (cpu.user + cpu.system) / 1000;
    this.lastMark = now;
    this.lastCpu = process.cpuUsage();
    this.sampleMemory(this.heaps[offset] ?? 0);
    this.options.onProgress?.(offset + 1, this.options.days);
  }

  private sampleMemory(heapBytes: number): void {
    this.peakHeap = Math.max(this.peakHeap, heapBytes);
    this.peakRss = Math.max(this.peakRss, process.memoryUsage().rss);
  }
}
