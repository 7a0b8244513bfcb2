import type { EngineListener, SendRecord } from '../../runtime/engine-types.js';
import type { Program } from '../../runtime/program.js';
import { firstMemberNumber } from './member-profile.js';

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

/** What one simulated day did, counted over some of the blocks. */
export interface DayCounts {
  readonly members: number;
  readonly events: number;
  readonly entries: number;
  readonly sent: number;
  readonly heldBack: number;
  readonly deferred: number;
}

/**
 * Messages per member per week, folded into whole-number counts, so that
 * the counts of different blocks add up exactly.
 */
export interface PressureCounts {
  /** Member-weeks with 0, 1, 2, 3, 4 and 5 or more messages. */
  readonly histogram: readonly number[];
  readonly memberWeeks: number;
  readonly messages: number;
  /** Member-weeks with more than the limit. */
  readonly over: number;
  readonly weeks: number;
  readonly max: number;
}

/** Everything a set of blocks counted over a run: sums of whole numbers. */
export interface TallyCounts {
  /** Per journey, in the Program's order. */
  readonly journeys: readonly JourneyCounts[];
  readonly totals: JourneyCounts;
  readonly all: PressureCounts;
  readonly marketing: PressureCounts;
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
 * The engine's listener in a population run: counts per journey and in
 * total, the day's figures, and messages per member per week.
 */
export class PopulationTally implements EngineListener {
  private readonly totals = new JourneyTally();
  private readonly all: WeeklyPressure;
  private readonly marketing: WeeklyPressure;
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
  endDay(members: number, events: number): DayCounts {
    const { entries, sent, heldBack, deferred } = this.day;
    this.day = { entries: 0, sent: 0, heldBack: 0, deferred: 0 };
    return { members, events, entries, sent, heldBack, deferred };
  }

  /** Folds a week (or a short run's only period) into the pressure figures. */
  closeWeek(members: number): void {
    this.all.closeWeek(members);
    this.marketing.closeWeek(members);
  }

  counts(): TallyCounts {
    return {
      journeys: this.program.journeys.map((journey) =>
        this.journey(journey.id).counts(),
      ),
      totals: this.totals.counts(),
      all: this.all.counts(),
      marketing: this.marketing.counts(),
    };
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
 * Messages per member in the current week, one byte per member by member
 * index, folded into a histogram at the end of each week. The members of
 * other blocks have no messages here, so a week's members without messages
 * are counted as the members held less those with any.
 */
class WeeklyPressure {
  private perMember = new Uint8Array(0);
  private readonly histogram: number[] = new Array<number>(
    histogramBuckets,
  ).fill(0);
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
    if (index >= this.perMember.length) this.grow(index + 1);
    const count = this.perMember[index] ?? 0;
    if (count < 255) this.perMember[index] = count + 1;
    this.weekMessages++;
  }

  closeWeek(members: number): void {
    const { perMember: counts, histogram, limit } = this;
    let contacted = 0;
    for (let index = 0; index < counts.length; index++) {
      const count = counts[index] ?? 0;
      if (count === 0) continue;
      contacted++;
      const bucket = Math.min(count, histogramBuckets - 1);
      histogram[bucket] = (histogram[bucket] ?? 0) + 1;
      if (count > limit) this.over++;
      if (count > this.max) this.max = count;
    }
    histogram[0] = (histogram[0] ?? 0) + members - contacted;
    counts.fill(0);
    this.foldedMessages += this.weekMessages;
    this.weekMessages = 0;
    this.memberWeeks += members;
    this.weeks++;
  }

  counts(): PressureCounts {
    return {
      histogram: [...this.histogram],
      memberWeeks: this.memberWeeks,
      messages: this.foldedMessages,
      over: this.over,
      weeks: this.weeks,
      max: this.max,
    };
  }

  private grow(length: number): void {
    const counts = new Uint8Array(
      Math.max(length, Math.ceil(this.perMember.length * 1.25), 1024),
    );
    counts.set(this.perMember);
    this.perMember = counts;
  }
}

/** Adds up what several sets of blocks counted. */
export function addTallies(tallies: readonly TallyCounts[]): TallyCounts {
  const [first, ...rest] = tallies;
  if (first === undefined) throw new Error('no tallies to add');
  return rest.reduce(
    (sum, next) => ({
      journeys: sum.journeys.map((counts, index) =>
        addJourneyCounts(counts, next.journeys[index]),
      ),
      totals: addJourneyCounts(sum.totals, next.totals),
      all: addPressure(sum.all, next.all),
      marketing: addPressure(sum.marketing, next.marketing),
    }),
    first,
  );
}

/** Adds up two sets of day figures. */
export function addDayCounts(a: DayCounts, b: DayCounts): DayCounts {
  return {
    members: a.members + b.members,
    events: a.events + b.events,
    entries: a.entries + b.entries,
    sent: a.sent + b.sent,
    heldBack: a.heldBack + b.heldBack,
    deferred: a.deferred + b.deferred,
  };
}

function addJourneyCounts(
  a: JourneyCounts,
  b: JourneyCounts | undefined,
): JourneyCounts {
  if (b === undefined) return a;
  return {
    entries: a.entries + b.entries,
    sent: { email: a.sent.email + b.sent.email, sms: a.sent.sms + b.sent.sms },
    heldBack: addRecords(a.heldBack, b.heldBack),
    deferred: addRecords(a.deferred, b.deferred),
    offersIssued: a.offersIssued + b.offersIssued,
    remindersSent: a.remindersSent + b.remindersSent,
    exits: addRecords(a.exits, b.exits),
  };
}

function addPressure(a: PressureCounts, b: PressureCounts): PressureCounts {
  return {
    histogram: a.histogram.map(
      (count, index) => count + (b.histogram[index] ?? 0),
    ),
    memberWeeks: a.memberWeeks + b.memberWeeks,
    messages: a.messages + b.messages,
    over: a.over + b.over,
    weeks: Math.max(a.weeks, b.weeks),
    max: Math.max(a.max, b.max),
  };
}

/** Two records of counts added key by key, keys sorted. */
export function addRecords(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Record<string, number> {
  const sum = new Map(Object.entries(a));
  for (const [key, value] of Object.entries(b))
    sum.set(key, (sum.get(key) ?? 0) + value);
  return sortedRecord(sum);
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
