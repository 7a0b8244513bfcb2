import {
  millisecondsPerDay,
  millisecondsPerMinute,
  millisecondsPerSecond,
} from './calendar.js';

/** The time zone of a contact policy that names none. */
export const defaultTimeZoneName = 'Europe/Stockholm';

/**
 * The UTC offsets of one UTC day. Real zones change their offset at most once
 * a day, so a day holds the offset before and after its one transition
 * (`transition` is Infinity when the offset does not change that day).
 */
interface DayOffsets {
  readonly before: number;
  readonly transition: number;
  readonly after: number;
}

/** The first and last UTC day of the fast cache: 1900-01-01 to 2199-12-31. */
const firstCachedDay = -25_567;
const cachedDays = 109_573;

/** Marks a day of the fast cache that is not yet filled. */
const unfilled = -1;

/**
 * An IANA time zone, with fast conversions between instants (epoch
 * milliseconds) and local calendar days and times.
 *
 * Intl.DateTimeFormat is the source of truth but costs microseconds a call;
 * a condition over millions of members calls these methods millions of
 * times. So the offsets are worked out once per UTC day and cached, and every
 * later call is a map look-up and some arithmetic.
 */
export class TimeZone {
  private readonly format: Intl.DateTimeFormat;
  /**
   * The fast cache: per UTC day, the offsets in milliseconds before and
   * after its transition and the milliseconds into the day the transition
   * happens (`unfilled` until computed). Typed arrays indexed by day cost a
   * few nanoseconds a look-up, where a Map costs tens; together about 1.3 MB.
   */
  private readonly before = new Int32Array(cachedDays);
  private readonly after = new Int32Array(cachedDays);
  private readonly transition = new Int32Array(cachedDays).fill(unfilled);
  /** Days outside the fast cache's range. */
  private readonly otherDays = new Map<number, DayOffsets>();

  /** Throws a RangeError for a name Intl does not know; see isKnown. */
  constructor(readonly name: string = defaultTimeZoneName) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** True when `name` is an IANA time zone this runtime knows. */
  static isKnown(name: string): boolean {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      return true;
    } catch {
      return false;
    }
  }

  /** The UTC offset at an instant, in minutes east of UTC. */
  offsetAt(epochMilliseconds: number): number {
    return this.offsetMillisecondsAt(epochMilliseconds) / millisecondsPerMinute;
  }

  /** The local date of an instant, as days since 1970-01-01. */
  localDay(epochMilliseconds: number): number {
    const local =
      epochMilliseconds + this.offsetMillisecondsAt(epochMilliseconds);
    return Math.floor(local / millisecondsPerDay);
  }

  /** The local time of day of an instant, in whole minutes after midnight. */
  localMinuteOfDay(epochMilliseconds: number): number {
    const local =
      epochMilliseconds + this.offsetMillisecondsAt(epochMilliseconds);
    const intoDay =
      local - Math.floor(local / millisecondsPerDay) * millisecondsPerDay;
    return Math.floor(intoDay / millisecondsPerMinute);
  }

  /**
   * The instant of a local date and time of day. A time that occurs twice
   * (when clocks go back) gives the earlier instant; a time that does not
   * occur (when clocks go forward) is moved forward by the length of the gap,
   * so 02:30 on a day that skips from 02:00 to 03:00 gives 03:30.
   */
  toEpoch(localDay: number, minuteOfDay: number): number {
    const wall =
      localDay * millisecondsPerDay + minuteOfDay * millisecondsPerMinute;
    const before = this.offsetMillisecondsAt(wall - millisecondsPerDay);
    const after = this.offsetMillisecondsAt(wall + millisecondsPerDay);

    const fromBefore = wall - before;
    const fromAfter = wall - after;
    const beforeFits = this.offsetMillisecondsAt(fromBefore) === before;
    const afterFits = this.offsetMillisecondsAt(fromAfter) === after;

    if (beforeFits && afterFits) return Math.min(fromBefore, fromAfter);
    if (afterFits) return fromAfter;
    return fromBefore;
  }

  private offsetMillisecondsAt(epochMilliseconds: number): number {
    const day = Math.floor(epochMilliseconds / millisecondsPerDay);
    const index = day - firstCachedDay;
    if (index < 0 || index >= cachedDays) {
      return this.offsetOutsideCache(day, epochMilliseconds);
    }

    if (this.transition[index] === unfilled) this.fill(index, day);
    const intoDay = epochMilliseconds - day * millisecondsPerDay;
    return intoDay < (this.transition[index] ?? 0)
      ? (this.before[index] ?? 0)
      : (this.after[index] ?? 0);
  }

  private fill(index: number, day: number): void {
    const offsets = this.dayOffsets(day);
    const start = day * millisecondsPerDay;
    this.before[index] = offsets.before;
    this.after[index] = offsets.after;
    this.transition[index] = Math.min(
      offsets.transition - start,
      millisecondsPerDay,
    );
  }

  private offsetOutsideCache(day: number, epochMilliseconds: number): number {
    let offsets = this.otherDays.get(day);
    if (offsets === undefined) {
      offsets = this.dayOffsets(day);
      this.otherDays.set(day, offsets);
    }
    return epochMilliseconds < offsets.transition
      ? offsets.before
      : offsets.after;
  }

  private dayOffsets(day: number): DayOffsets {
    const start = day * millisecondsPerDay;
    const before = this.exactOffset(start);
    const after = this.exactOffset(start + millisecondsPerDay);
    if (before === after) return { before, transition: Infinity, after };
    return { before, transition: this.findTransition(start, before), after };
  }

  /** The first minute of the day whose offset differs from `before`. */
  private findTransition(dayStart: number, before: number): number {
    let low = 0;
    let high = 1_440;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      const offset = this.exactOffset(
        dayStart + middle * millisecondsPerMinute,
      );
      if (offset === before) low = middle;
      else high = middle;
    }
    return dayStart + high * millisecondsPerMinute;
  }

  /** The offset at an instant, asking Intl (slow: only to fill the cache). */
  private exactOffset(epochMilliseconds: number): number {
    const instant =
      Math.floor(epochMilliseconds / millisecondsPerSecond) *
      millisecondsPerSecond;
    const fields = new Map<string, number>();
    for (const part of this.format.formatToParts(instant)) {
      if (part.type !== 'literal') fields.set(part.type, Number(part.value));
    }
    const wall = Date.UTC(
      fields.get('year') ?? 1970,
      (fields.get('month') ?? 1) - 1,
      fields.get('day') ?? 1,
      fields.get('hour') ?? 0,
      fields.get('minute') ?? 0,
      fields.get('second') ?? 0,
    );
    return wall - instant;
  }
}
