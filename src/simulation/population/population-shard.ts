import { JourneyEngine } from '../../runtime/engine.js';
import type { Program } from '../../runtime/program.js';
import type { MemberModel } from '../../workspace/workspace.js';
import { EventGenerator } from './generate-events.js';
import { generateMembers, type Member } from './generate-members.js';
import { garbageCollector } from './collect-garbage.js';
import type { PopulationBlock } from './population-blocks.js';
import {
  PopulationTally,
  type DayCounts,
  type TallyCounts,
} from './population-tally.js';

/** What a shard needs besides the Model, the Program and its blocks. */
export interface ShardOptions {
  readonly seed: number;
  /** Local day number of the first simulated day. */
  readonly startDay: number;
  /** Messages a week above which a member counts as over-contacted. */
  readonly pressureLimit: number;
  /**
   * Collect garbage at the end of each week before the heap is measured, to
   * see what the run retains (benchmarks; needs --expose-gc, costs time).
   */
  readonly measureRetainedHeap?: boolean;
}

/** The heap of a thread at a day's end. */
export interface HeapSample {
  readonly bytes: number;
  /** Measured after a full collection: what the run retains. */
  readonly retained: boolean;
}

/** One block's members, events and engine. */
interface BlockRun {
  readonly members: Member[];
  readonly generator: EventGenerator;
  readonly engine: JourneyEngine;
}

/**
 * Some blocks of a population, simulated together day by day: in the main
 * thread for a run on one thread, else one shard per worker thread. Each
 * block has its own engine, so a block's members meet the same events and
 * decisions whichever blocks share its shard.
 */
export class PopulationShard {
  private readonly runs: BlockRun[] = [];
  private readonly tally: PopulationTally;
  private daysDone = 0;

  constructor(
    model: MemberModel,
    private readonly program: Program,
    blocks: readonly PopulationBlock[],
    private readonly options: ShardOptions,
  ) {
    this.tally = new PopulationTally(program, options.pressureLimit);
    const zone = program.timeZone;
    for (const block of blocks) {
      const members = generateMembers(model, {
        count: block.count,
        seed: options.seed,
        startDay: options.startDay,
        timeZone: zone,
        block,
      });
      const generator = new EventGenerator(model, members, {
        seed: options.seed,
        startDay: options.startDay,
        timeZone: zone,
        block,
      });
      const engine = new JourneyEngine(program, members, this.tally);
      this.runs.push({ members, generator, engine });
    }
  }

  /** Members held now, joiners included. */
  get members(): number {
    let count = 0;
    for (const run of this.runs) count += run.members.length;
    return count;
  }

  /**
   * Simulates the next day of every block. `closesWeek`: the day ends a
   * week of the pressure figures.
   */
  simulateDay(closesWeek: boolean): DayCounts {
    const day = this.options.startDay + this.daysDone;
    const end = this.program.timeZone.toEpoch(day + 1, 0);
    let events = 0;
    for (const { generator, engine } of this.runs) {
      generator.generateDay(day, (memberIndex, event) => {
        engine.addEvent(memberIndex, event);
        events++;
      });
      engine.planDay(day);
      engine.runUntil(end);
    }
    this.daysDone++;
    const members = this.members;
    if (closesWeek) this.tally.closeWeek(members);
    return this.tally.endDay(members, events);
  }

  /**
   * The heap in use after the day just simulated; after a full collection
   * at the end of a week when the options ask to measure what is retained.
   */
  heapAfterDay(closesWeek: boolean): HeapSample {
    const collect =
      closesWeek && this.options.measureRetainedHeap === true
        ? garbageCollector()
        : undefined;
    collect?.();
    return {
      bytes: process.memoryUsage().heapUsed,
      retained: collect !== undefined,
    };
  }

  /** What the blocks counted so far, and their events per type. */
  counts(): { tally: TallyCounts; events: Record<string, number> } {
    const events: Record<string, number> = {};
    for (const { generator } of this.runs) {
      for (const [type, count] of generator.counts)
        events[type] = (events[type] ?? 0) + count;
    }
    return { tally: this.tally.counts(), events };
  }
}
