import { JourneyEngine } from '../../runtime/engine.js';
import type { EngineListener, SendRecord } from '../../runtime/engine-types.js';
import type { CategoryName, Program } from '../../runtime/program.js';
import { formatDate } from '../../runtime/values.js';
import type { Workspace } from '../../workspace/workspace.js';
import { EventGenerator } from './generate-events.js';
import { firstMemberNumber, generateMembers } from './generate-members.js';

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
}

/** Counts of what journeys did, for one journey or all of them. */
export interface JourneyCounts {
  readonly entries: number;
  /** Messages sent, per channel (after fallback). */
  readonly sent: { readonly email: number; readonly sms: number };
  /** Sends the contact policy held back, per rule. */
  readonly heldBack: Readonly<Record<string, number>>;
  /** Sends deferred (to the end of quiet hours), per rule. */
  readonly deferred: Readonly<Record<string, number>>;
  readonly offersIssued: number;
  /** Offer reminders sent (also counted in `sent`). */
  readonly remindersSent: number;
  /** Members who left, per reason (completed, goal, exit, holdout, ...). */
  readonly exits: Readonly<Record<string, number>>;
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
  /** V8 heap in use at the end of each day. */
  readonly dayHeapBytes: readonly number[];
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
 * over it day by day, with generated events. Only counters are kept, in
 * typed arrays where they are per member, so memory does not grow with the
 * days. Journeys see no reaction to their messages: the events are the
 * same whatever the journeys send.
 */
export function runPopulation(
  workspace: Pick<Workspace, 'model'>,
  program: Program,
  options: PopulationOptions,
): PopulationReport {
  const { startDay, days, seed } = options;
  const zone = program.timeZone;
  const memory = new MemoryPeak();
  const began = performance.now();
  const members = generateMembers(workspace.model, {
    count: options.members,
    seed,
    startDay,
    timeZone: zone,
  });
  const generateMilliseconds = performance.now() - began;
  memory.sample();

  const tally = new PopulationTally(program, options.pressureLimit ?? 3);
  const generator = new EventGenerator(workspace.model, members, {
    seed,
    startDay,
    timeZone: zone,
  });
  const engine = new JourneyEngine(program, members, tally);
  const daily: PopulationDay[] = [];
  const dayMilliseconds: number[] = [];
  const dayCpuMilliseconds: number[] = [];
  const dayHeapBytes: number[] = [];
  for (let offset = 0; offset < days; offset++) {
    const day = startDay + offset;
    const dayBegan = performance.now();
    const cpuBegan = process.cpuUsage();
    let events = 0;
    generator.generateDay(day, (memberIndex, event) => {
      engine.addEvent(memberIndex, event);
      events++;
    });
    engine.planDay(day);
    engine.runUntil(zone.toEpoch(day + 1, 0));
    daily.push(tally.endDay(formatDate(day), members.length, events));
    if ((offset + 1) % 7 === 0 || (offset === days - 1 && days < 7)) {
      tally.closeWeek(members.length, offset + 1 - tally.daysCovered);
    }
    dayMilliseconds.push(performance.now() - dayBegan);
    const cpu = process.cpuUsage(cpuBegan);
    dayCpuMilliseconds.push((cpu.user + cpu.system) / 1000);
    dayHeapBytes.push(memory.sample());
    options.onProgress?.(offset + 1, days);
  }

  return {
    seed,
    startDate: formatDate(startDay),
    days,
    members: { start: options.members, end: members.length },
    events: sortedRecord(generator.counts),
    journeys: tally.journeyReports(),
    totals: tally.totals.counts(),
    pressure: { all: tally.all.report(), marketing: tally.marketing.report() },
    daily,
    timing: {
      generateMilliseconds,
      simulateMilliseconds: performance.now() - began - generateMilliseconds,
      dayMilliseconds,
      dayCpuMilliseconds,
      dayHeapBytes,
      peakHeapBytes: memory.peakHeap,
      peakRssBytes: memory.peakRss,
    },
  };
}

/** Counts for one journey, or for all. */
class JourneyTally {
  entries = 0;
  email = 0;
  sms = 0;
  offersIssued = 0;
  remindersSent = 0;
  readonly heldBack = new Map<string, number>();
  readonly deferred = new Map<string, number>();
  readonly exits = new Map<string, number>();

  counts(): JourneyCounts {
    return {
      entries: this.entries,
      sent: { email: this.email, sms: this.sms },
      heldBack: sortedRecord(this.heldBack),
      deferred: sortedRecord(this.deferred),
      offersIssued: this.offersIssued,
      remindersSent: this.remindersSent,
      exits: sortedRecord(this.exits),
    };
  }
}

/**
 * The engine's listener: counts per journey and in total, the day's
 * figures, and messages per member per week.
 */
class PopulationTally implements EngineListener {
  readonly totals = new JourneyTally();
  readonly all: WeeklyPressure;
  readonly marketing: WeeklyPressure;
  daysCovered = 0;
  private readonly journeys = new Map<string, JourneyTally>();
  private readonly reminderSteps: ReadonlySet<string>;
  private day = { entries: 0, sent: 0, heldBack: 0, deferred: 0 };

  constructor(
    private readonly program: Program,
    limit: number,
  ) {
    for (const journey of program.journeys)
      this.journeys.set(journey.id, new JourneyTally());
    this.reminderSteps = new Set(
      [...program.offers.values()].flatMap((offer) =>
        offer.reminders.map((_, index) => `${offer.id}.reminder.${index}`),
      ),
    );
    this.all = new WeeklyPressure(limit);
    this.marketing = new WeeklyPressure(limit);
  }

  onSend(record: SendRecord): void {
    const journey = this.journey(record.journey);
    switch (record.outcome) {
      case 'sent':
        return this.countSent(journey, record);
      case 'held_back':
        this.day.heldBack++;
        increment(journey.heldBack, record.rule ?? 'unknown');
        increment(this.totals.heldBack, record.rule ?? 'unknown');
        return;
      case 'deferred':
        this.day.deferred++;
        increment(journey.deferred, record.rule ?? 'unknown');
        increment(this.totals.deferred, record.rule ?? 'unknown');
        return;
    }
  }

  onEnter(_member: string, journey: string): void {
    this.journey(journey).entries++;
    this.totals.entries++;
    this.day.entries++;
  }

  onLeave(_member: string, journey: string, _at: number, reason: string): void {
    increment(this.journey(journey).exits, reason);
    increment(this.totals.exits, reason);
  }

  /** The day's figures; starts counting the next day. */
  endDay(date: string, members: number, events: number): PopulationDay {
    const { entries, sent, heldBack, deferred } = this.day;
    this.day = { entries: 0, sent: 0, heldBack: 0, deferred: 0 };
    return { date, members, events, entries, sent, heldBack, deferred };
  }

  /** Folds a week (or a short run's only period) into the pressure figures. */
  closeWeek(members: number, days: number): void {
    this.all.closeWeek(members);
    this.marketing.closeWeek(members);
    this.daysCovered += days;
    this.all.daysCovered = this.daysCovered;
    this.marketing.daysCovered = this.daysCovered;
  }

  journeyReports(): JourneyReport[] {
    return this.program.journeys.map((journey) => ({
      id: journey.id,
      category: journey.category,
      ...this.journey(journey.id).counts(),
    }));
  }

  private countSent(journey: JourneyTally, record: SendRecord): void {
    this.day.sent++;
    const email = record.channel === 'email' ? 1 : 0;
    journey.email += email;
    journey.sms += 1 - email;
    this.totals.email += email;
    this.totals.sms += 1 - email;
    if (record.offerCode !== null) {
      journey.offersIssued++;
      this.totals.offersIssued++;
    }
    if (this.reminderSteps.has(record.step)) {
      journey.remindersSent++;
      this.totals.remindersSent++;
    }

    // Ids are the member numbers generateMembers gives, so no id map is needed.
    const index = Number(record.member) - firstMemberNumber;
    this.all.add(index);
    if (record.category !== 'transactional') this.marketing.add(index);
  }

  private journey(id: string): JourneyTally {
    let tally = this.journeys.get(id);
    if (tally === undefined) {
      tally = new JourneyTally();
      this.journeys.set(id, tally);
    }
    return tally;
  }
}

const histogramBuckets = 6;

/**
 * Messages per member in the current week, one byte per member, folded into
 * a histogram at the end of each week.
 */
class WeeklyPressure {
  daysCovered = 0;
  private counts = new Uint8Array(0);
  private readonly histogram = new Float64Array(histogramBuckets);
  private memberWeeks = 0;
  /** Messages this week, and in the weeks folded so far. */
  private weekMessages = 0;
  private foldedMessages = 0;
  private over = 0;
  private weeks = 0;
  private max = 0;

  constructor(private readonly limit: number) {}

  add(index: number): void {
    if (!(index >= 0)) return;
    if (index >= this.counts.length) this.grow(index + 1);
    const count = this.counts[index] ?? 0;
    if (count < 255) this.counts[index] = count + 1;
    this.weekMessages++;
  }

  closeWeek(members: number): void {
    const { counts, histogram, limit } = this;
    for (let index = 0; index < members; index++) {
      const count = counts[index] ?? 0;
      const bucket = Math.min(count, histogramBuckets - 1);
      histogram[bucket] = (histogram[bucket] ?? 0) + 1;
      if (count > limit) this.over++;
      if (count > this.max) this.max = count;
    }
    counts.fill(0);
    this.foldedMessages += this.weekMessages;
    this.weekMessages = 0;
    this.memberWeeks += members;
    this.weeks++;
  }

  report(): PressureReport {
    const memberWeeks = Math.max(this.memberWeeks, 1);
    return {
      weeks: this.weeks,
      daysCovered: this.daysCovered,
      histogram: [...this.histogram].map((count) => count / memberWeeks),
      meanPerWeek: this.foldedMessages / memberWeeks,
      overLimit: this.over / memberWeeks,
      limit: this.limit,
      maxPerWeek: this.max,
    };
  }

  private grow(length: number): void {
    const counts = new Uint8Array(
      Math.max(length, Math.ceil(this.counts.length * 1.25), 1024),
    );
    counts.set(this.counts);
    this.counts = counts;
  }
}

/** The highest heap and RSS seen. */
class MemoryPeak {
  peakHeap = 0;
  peakRss = 0;

  /** Samples memory now; returns the heap in use. */
  sample(): number {
    const { heapUsed, rss } = process.memoryUsage();
    this.peakHeap = Math.max(this.peakHeap, heapUsed);
    this.peakRss = Math.max(this.peakRss, rss);
    return heapUsed;
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** A Map as a plain object with its keys sorted, for stable output. */
function sortedRecord(
  counts: ReadonlyMap<string, number>,
): Record<string, number> {
  const keys = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, counts.get(key) ?? 0]));
}
